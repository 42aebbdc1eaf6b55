package com.frontline.evaluation;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EvalAnswersOptionsTest {

    @Test
    void readsEveryOptionWithItsValueNextOrAfterEquals() {
        EvalAnswersOptions o = EvalAnswersOptions.parse(List.of("--dataset", "sets/mtrag", "--limit=20",
                "--threshold", "0.45", "--out", "tasks.jsonl", "--json", "--frontline.elasticsearch.url=http://h:9200"));

        assertThat(o.dataset()).isEqualTo(Path.of("sets/mtrag"));
        assertThat(o.limit()).isEqualTo(20);
        assertThat(o.threshold()).isEqualTo(0.45);
        assertThat(o.out()).isEqualTo(Path.of("tasks.jsonl"));
        assertThat(o.json()).isTrue();
        assertThat(o.springArguments()).containsExactly("--frontline.elasticsearch.url=http://h:9200");
    }

    @Test
    void defaultsLeaveTheWorkspaceAsItIs() {
        EvalAnswersOptions o = EvalAnswersOptions.parse(List.of("--dataset", "d"));

        assertThat(o.json()).isFalse();
        assertThat(o.limit()).isNull();
        assertThat(o.threshold()).isNull();
        assertThat(o.out()).isNull();
    }

    @Test
    void thresholdIsAShareOrAPercentage() {
        assertThat(EvalAnswersOptions.threshold("0.6")).isEqualTo(0.6);
        assertThat(EvalAnswersOptions.threshold("45%")).isEqualTo(0.45);
        assertThat(EvalAnswersOptions.threshold("0")).isEqualTo(0.0);
        assertThat(EvalAnswersOptions.threshold("100%")).isEqualTo(1.0);
        for (String bad : List.of("45", "1.5", "-0.1", "150%", "half", "NaN", "%")) {
            assertThatThrownBy(() -> EvalAnswersOptions.threshold(bad)).as(bad)
                    .isInstanceOf(com.frontline.shared.CommandArguments.UsageException.class)
                    .hasMessageContaining("--threshold must be a share from 0 to 1");
        }
    }

    @Test
    void refusesWhatItCannotUnderstand() {
        assertThatThrownBy(() -> EvalAnswersOptions.parse(List.of("--limit", "5")))
                .hasMessage("--dataset is required");
        assertThatThrownBy(() -> EvalAnswersOptions.parse(List.of("--dataset", "d", "--limit", "0")))
                .hasMessageContaining("--limit must be a whole number above 0");
        assertThatThrownBy(() -> EvalAnswersOptions.parse(List.of("--dataset", "d", "--mode", "all")))
                .hasMessage("Unknown argument: --mode");
        assertThatThrownBy(() -> EvalAnswersOptions.parse(List.of("--dataset", "--json")))
                .hasMessage("--dataset needs a value");
        assertThatThrownBy(() -> EvalAnswersOptions.parse(List.of("--dataset", "d", "--json=yes")))
                .hasMessage("--json takes no value");
        assertThatThrownBy(() -> EvalAnswersOptions.parse(List.of("--dataset", "d", "--out")))
                .hasMessage("--out needs a value");
    }

    @Test
    void theCommandsSettingsArePassedAsArgumentsSoApplicationYmlCannotOverrideThemButTheUsersWin() {
        List<String> args = AnswerEvaluationCommand.arguments(Path.of("/tmp/x"), List.of("--server.port=9999"));

        assertThat(args).contains("--server.port=9999", "--frontline.embedded.ephemeral=true",
                "--frontline.demo.seed=false", "--frontline.embedded.data-dir=" + Path.of("/tmp/x"))
                .doesNotContain("--server.port=0");
        assertThat(AnswerEvaluationCommand.arguments(Path.of("/tmp/x"), List.of())).contains("--server.port=0");
    }
}
