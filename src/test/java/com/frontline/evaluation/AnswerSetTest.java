package com.frontline.evaluation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AnswerSetTest {

    static final String CORPUS = """
            {"id": "p1", "text": "Refunds take five days."}
            {"id": "p2", "text": "Orders ship in two days."}
            """;
    static final String TASK = """
            {"id": "t1", "domain": "shop", "class": "answerable", "conversation": [{"speaker": "user", "text": "How long do refunds take?"}], "reference_answer": "Five days.", "reference_contexts": ["p1"]}
            """;

    @TempDir
    Path dir;

    AnswerSet load(String corpus, String tasks) throws IOException {
        Files.writeString(dir.resolve("corpus.jsonl"), corpus);
        Files.writeString(dir.resolve("tasks.jsonl"), tasks);
        return AnswerSet.load(dir);
    }

    void refused(String corpus, String tasks, String message) {
        assertThatThrownBy(() -> load(corpus, tasks)).isInstanceOf(InvalidAnswerSetException.class)
                .hasMessageContaining(message);
    }

    @Test
    void readsPassagesAndTasksWithTheirHistory() throws IOException {
        AnswerSet set = load(CORPUS, TASK + """

                {"id": "t2", "class": "unanswerable", "conversation": [{"speaker": "user", "text": "Do you ship?"}, {"speaker": "agent", "text": "Yes [1]."}, {"speaker": "user", "text": "To Mars?"}], "reference_answer": "", "reference_contexts": []}
                """);

        assertThat(set.corpus()).extracting(AnswerSet.CorpusPassage::id).containsExactly("p1", "p2");
        assertThat(set.tasks()).hasSize(2);
        AnswerTask followUp = set.tasks().get(1);
        assertThat(followUp.question()).isEqualTo("To Mars?");
        assertThat(followUp.history()).containsExactly(new AnswerTask.Turn(true, "Do you ship?"),
                new AnswerTask.Turn(false, "Yes [1]."));
        assertThat(followUp.unanswerable()).isTrue();
        assertThat(followUp.domain()).isEmpty();
        assertThat(set.tasks().getFirst().referenceContexts()).containsExactly("p1");
    }

    @Test
    void missingFilesAreNamed() throws IOException {
        assertThatThrownBy(() -> AnswerSet.load(dir.resolve("nowhere"))).hasMessageContaining("is not a directory");
        Files.writeString(dir.resolve("corpus.jsonl"), CORPUS);
        assertThatThrownBy(() -> AnswerSet.load(dir)).hasMessageContaining("tasks.jsonl is missing");
    }

    @Test
    void aMalformedLineIsNamedByItsNumber() {
        refused(CORPUS + "{not json\n", TASK, "corpus.jsonl line 3 is not JSON");
        refused(CORPUS, TASK + "[1, 2]\n", "tasks.jsonl line 2 is not a JSON object");
        refused(CORPUS + "{\"id\": \"p3\"}\n", TASK, "corpus.jsonl line 3: \"text\" is missing");
        refused(CORPUS + "{\"id\": \"p1\", \"text\": \"again\"}\n", TASK, "corpus.jsonl line 3: duplicate id p1");
    }

    @Test
    void refusesUnknownClassesEmptyConversationsAndAnAgentLastTurn() {
        refused(CORPUS, TASK.replace("answerable", "chitchat"),
                "tasks.jsonl line 1: unknown class 'chitchat' (one of answerable, partial, underspecified");
        refused(CORPUS, TASK.replace("[{\"speaker\": \"user\", \"text\": \"How long do refunds take?\"}]", "[]"),
                "tasks.jsonl line 1: the conversation is missing or empty");
        refused(CORPUS, TASK.replace("\"speaker\": \"user\"", "\"speaker\": \"agent\""),
                "tasks.jsonl line 1: the last turn is the agent's");
        refused(CORPUS, TASK.replace("\"speaker\": \"user\"", "\"speaker\": \"bot\""),
                "tasks.jsonl line 1, turn 1: speaker must be user or agent, not 'bot'");
        refused(CORPUS, TASK.replace("[\"p1\"]", "[\"p9\"]"),
                "tasks.jsonl line 1: reference context 'p9' is not a corpus id");
        refused(CORPUS, "\n", "has no tasks");
    }

    @Test
    void refusesAbsurdSizesSayingTheLimit() {
        String huge = "x".repeat(AnswerSet.MAX_PASSAGE_CHARS + 1);
        refused(CORPUS + "{\"id\": \"big\", \"text\": \"" + huge + "\"}\n", TASK,
                "corpus.jsonl line 3: the text has 200,001 characters; at most 200,000 are allowed");
        String longQuestion = "why ".repeat(1001);
        refused(CORPUS, TASK.replace("How long do refunds take?", longQuestion),
                "the question has more than 4,000 characters");
        StringBuilder turns = new StringBuilder();
        for (int i = 0; i < AnswerSet.MAX_TURNS + 1; i++) {
            turns.append(i == 0 ? "" : ", ").append("{\"speaker\": \"user\", \"text\": \"hi\"}");
        }
        refused(CORPUS, "{\"id\": \"t\", \"class\": \"answerable\", \"conversation\": [" + turns + "]}\n",
                "the conversation has 101 turns; at most 100 are allowed");
    }

    @Test
    void limitSpreadsOverTheFile() throws IOException {
        StringBuilder tasks = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            tasks.append(TASK.replace("\"t1\"", "\"t" + i + "\""));
        }
        AnswerSet set = load(CORPUS, tasks.toString()).limit(3);

        assertThat(set.tasks()).extracting(AnswerTask::id).containsExactly("t0", "t3", "t6");
        assertThat(set.corpus()).hasSize(2);
    }
}
