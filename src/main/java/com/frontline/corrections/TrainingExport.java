package com.frontline.corrections;

import com.frontline.llm.AssistantGateway;
import com.frontline.shared.TenantId;
import com.frontline.shared.privacy.PersonalData;
import com.frontline.tenants.TenantService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * Approved corrections scored {@value #MIN_SCORE} or more, as OpenAI chat fine-tuning examples (JSON Lines): the
 * persona's system prompt as the assistant gets it, the question as the user's message, the approved answer as the
 * assistant's. Split 80/20 into training and validation by {@link TrainingSplit}. Written a row at a time. The
 * question and the answer leave with personal data replaced by placeholders ({@link PersonalData#redact}).
 */
@Service
public class TrainingExport {

    public static final int MIN_SCORE = 4;

    /** How many examples each split has. */
    public record Counts(int train, int validation) {
        public int total() {
            return train + validation;
        }
    }

    record Message(String role, String content) {
    }

    record Example(List<Message> messages) {
    }

    private final CorrectionRepository corrections;
    private final TenantService tenants;
    private final AssistantGateway assistant;
    private final JsonMapper json;

    TrainingExport(CorrectionRepository corrections, TenantService tenants, AssistantGateway assistant,
                   JsonMapper json) {
        this.corrections = corrections;
        this.tenants = tenants;
        this.assistant = assistant;
        this.json = json;
    }

    @Transactional(readOnly = true)
    public Counts counts(TenantId tenant) {
        List<UUID> ids = corrections.exportedIds(tenant, MIN_SCORE);
        int train = (int) ids.stream().filter(id -> TrainingSplit.of(id) == TrainingSplit.TRAIN).count();
        return new Counts(train, ids.size() - train);
    }

    /** Writes the split's examples, one JSON object per line. */
    @Transactional(readOnly = true)
    public void write(TenantId tenant, TrainingSplit split, OutputStream out) {
        String system = assistant.systemPrompt(tenants.persona(tenant));
        corrections.forEachExported(tenant, MIN_SCORE, row -> {
            if (TrainingSplit.of(row.id()) == split) {
                try {
                    out.write(line(json, system, row.question(), row.answer()).getBytes(StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });
    }

    /**
     * One example, {@code {"messages":[{"role":"system",…},{"role":"user",…},{"role":"assistant",…}]}}, and a
     * line break.
     */
    static String line(JsonMapper json, String system, String question, String answer) {
        return json.writeValueAsString(new Example(List.of(new Message("system", system),
                new Message("user", PersonalData.redact(question)),
                new Message("assistant", PersonalData.redact(answer))))) + "\n";
    }
}
