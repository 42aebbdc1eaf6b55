package com.frontline.shared;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandArgumentsTest {

    static CommandArguments.Parsed parse(String... args) {
        return CommandArguments.parse(List.of(args), Set.of("--json"), Set.of("--dataset", "--limit"));
    }

    @Test
    void valuesComeNextOrAfterAnEqualsSignAndPropertiesGoToSpring() {
        var parsed = parse("--dataset", "d", "--limit=5", "--json", "--server.port=0");

        assertThat(parsed.options()).containsExactly(new CommandArguments.Option("--dataset", "d"),
                new CommandArguments.Option("--limit", "5"), new CommandArguments.Option("--json", null));
        assertThat(parsed.spring()).containsExactly("--server.port=0");
    }

    @Test
    void refusesWhatItCannotUnderstand() {
        assertThatThrownBy(() -> parse("--json=yes")).hasMessage("--json takes no value");
        assertThatThrownBy(() -> parse("--dataset")).hasMessage("--dataset needs a value");
        assertThatThrownBy(() -> parse("--dataset", "--json")).hasMessage("--dataset needs a value");
        assertThatThrownBy(() -> parse("--limit=")).hasMessage("--limit needs a value");
        assertThatThrownBy(() -> parse("--colour", "red")).hasMessage("Unknown argument: --colour");
        assertThatThrownBy(() -> CommandArguments.positive("--limit", "0"))
                .hasMessage("--limit must be a whole number above 0, not '0'");
    }
}
