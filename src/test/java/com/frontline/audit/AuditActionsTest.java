package com.frontline.audit;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class AuditActionsTest {

    private static final Pattern RECORD_CALL = Pattern.compile("audit\\.record\\((.*?)\\);", Pattern.DOTALL);
    private static final Pattern ACTION = Pattern.compile("\"([a-z]+\\.[a-z_]+)\"");

    /** Every action a module records is shown to people by name, not as its key ("accounts.import_confirmed"). */
    @Test
    void everyRecordedActionHasAName() throws IOException {
        Set<String> recorded = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher call = RECORD_CALL.matcher(Files.readString(file));
                while (call.find()) {
                    Matcher action = ACTION.matcher(call.group(1));
                    while (action.find()) {
                        recorded.add(action.group(1));
                    }
                }
            }
        }
        assertThat(recorded).as("actions found in audit.record(...) calls").hasSizeGreaterThan(25)
                .contains("accounts.import_confirmed", "knowledge.document_added", "llm.provider_added");
        assertThat(recorded.stream().filter(a -> !AuditActions.isKnown(a)).toList()).isEmpty();
        assertThat(recorded.stream().map(a -> a.substring(0, a.indexOf('.'))).distinct()
                .filter(area -> !AuditActions.isKnownArea(area)).toList()).as("areas without a name").isEmpty();
    }

    @Test
    void storedValuesReadAsNamedFields() {
        assertThat(AuditValues.fields("{\"dataVersion\":2,\"skippedRows\":0,\"format\":\"Simple list (CSV)\"}"))
                .containsExactly(new AuditEntry.Field("Data version", "2"), new AuditEntry.Field("Skipped rows", "0"),
                        new AuditEntry.Field("Format", "Simple list (CSV)"));
        assertThat(AuditValues.fields("[\"https://a.example\",\"https://b.example\"]"))
                .containsExactly(new AuditEntry.Field("", "https://a.example, https://b.example"));
        assertThat(AuditValues.fields(null)).isEmpty();
    }
}
