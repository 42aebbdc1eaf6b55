package com.frontline.evaluation;

import com.frontline.FrontlineApplication;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code eval-answers} end to end on a tiny answer set: the whole application as the command starts it, on a fresh
 * embedded PostgreSQL and Elasticsearch node in a temporary directory. The node is the command's own rather than the
 * test JVM's shared one: the shared node gives up after 120 s, which a busy build machine exceeds, while the command
 * allows 400 s.
 */
@Tag("slow") // starts apps or nodes of its own: left out of the fast set (-DexcludedGroups=slow)
class AnswerEvaluationCommandTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path dir;

    record Run(int exit, String out, String err) {
    }

    @BeforeAll
    static void tinyAnswerSet() throws IOException {
        Path set = Files.createDirectories(dir.resolve("tiny"));
        Files.writeString(set.resolve("corpus.jsonl"), """
                {"id": "refunds", "text": "Refunds. Customers can ask for their money back within 30 days of delivery. The refund reaches the original payment method within five business days."}
                {"id": "password", "text": "Resetting your password. Use the forgot password link on the login page. We email a reset link that stays valid for one hour."}
                {"id": "shipping", "text": "Shipping times. Orders ship within two business days. Express delivery arrives the next business day."}
                {"id": "warranty", "text": "Warranty. Every device has a two year warranty against manufacturing defects. Accidental damage is not covered."}
                """);
        Files.writeString(set.resolve("tasks.jsonl"), """
                {"id": "refund", "domain": "shop", "class": "answerable", "conversation": [{"speaker": "user", "text": "How long do I have to ask for a refund?"}], "reference_answer": "You can ask for your money back within 30 days of delivery.", "reference_contexts": ["refunds"]}
                {"id": "reset", "domain": "shop", "class": "answerable", "conversation": [{"speaker": "user", "text": "I forgot my password, how do I reset it?"}], "reference_answer": "Use the forgot password link on the login page.", "reference_contexts": ["password"]}
                {"id": "express", "domain": "shop", "class": "partial", "conversation": [{"speaker": "user", "text": "How fast do orders ship?"}, {"speaker": "agent", "text": "Orders ship within two business days."}, {"speaker": "user", "text": "And what about express delivery?"}], "reference_answer": "Express delivery arrives the next business day.", "reference_contexts": ["shipping"]}
                {"id": "mongolia", "domain": "shop", "class": "unanswerable", "conversation": [{"speaker": "user", "text": "What is the capital of Mongolia?"}], "reference_answer": "", "reference_contexts": []}
                {"id": "human", "domain": "shop", "class": "conversational", "conversation": [{"speaker": "user", "text": "I want to talk to a human agent please"}], "reference_answer": "", "reference_contexts": []}
                """);
        Files.writeString(dir.resolve("bad-tasks.jsonl"), """
                {"id": "ok", "class": "answerable", "conversation": [{"speaker": "user", "text": "Hi?"}]}
                {"id": "late", "class": "answerable", "conversation": [{"speaker": "user", "text": "Hi?"}, {"speaker": "agent", "text": "Hello."}]}
                """);
    }

    static Run run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--frontline.search.model-cache-dir=" + Path.of("target", "djl"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        int exit;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            exit = AnswerEvaluationCommand.run(all, FrontlineApplication.class);
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
        stderr.print(err.toString(StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void answersTheTasksThroughTheWidgetPathAndPrintsOneJsonLinePerClass() throws IOException {
        Path tasks = dir.resolve("tasks-out.jsonl");
        Run run = run("--dataset", dir.resolve("tiny").toString(), "--json", "--out", tasks.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).contains("Adding 4 passages as 4 documents", "Indexed 4 of 4 documents",
                "Answered 5 of 5 tasks");
        Map<String, JsonNode> byClass = new LinkedHashMap<>();
        run.out().lines().map(JSON::readTree).forEach(line -> byClass.put(line.get("class").asString(), line));
        assertThat(byClass.keySet()).containsExactly("answerable", "partial", "unanswerable", "conversational",
                "all");
        for (JsonNode line : byClass.values()) {
            assertThat(line.propertyNames()).containsExactly("class", "tasks", "answered", "abstained",
                    "answer_rate", "abstain_rate", "citation_hit", "token_f1", "p50_ms", "p95_ms");
            assertThat(line.get("p95_ms").asDouble()).isGreaterThanOrEqualTo(line.get("p50_ms").asDouble())
                    .isPositive();
        }
        JsonNode answerable = byClass.get("answerable");
        assertThat(answerable.get("answered").asInt()).as(Files.readString(tasks)).isEqualTo(2);
        assertThat(answerable.get("citation_hit").asDouble()).as("each cites its own passage").isEqualTo(1.0);
        assertThat(answerable.get("token_f1").asDouble()).isBetween(0.3, 1.0);
        JsonNode followUp = byClass.get("partial");
        assertThat(followUp.get("answered").asInt()).isEqualTo(1);
        assertThat(followUp.get("citation_hit").asDouble()).isEqualTo(1.0);
        JsonNode unanswerable = byClass.get("unanswerable");
        assertThat(unanswerable.get("answered").asInt()).isZero();
        assertThat(unanswerable.get("abstain_rate").asDouble()).isEqualTo(1.0);
        assertThat(unanswerable.get("citation_hit").isNull()).isTrue();
        assertThat(byClass.get("conversational").get("abstained").asInt()).isEqualTo(1);
        JsonNode all = byClass.get("all");
        assertThat(all.get("tasks").asInt()).isEqualTo(5);
        assertThat(all.get("answered").asInt()).isEqualTo(3);
        assertThat(all.get("abstained").asInt()).isEqualTo(2);

        Map<String, JsonNode> records = new LinkedHashMap<>();
        Files.readAllLines(tasks).stream().map(JSON::readTree).forEach(r -> records.put(r.get("id").asString(), r));
        assertThat(records.keySet()).containsExactly("refund", "reset", "express", "mongolia", "human");
        JsonNode express = records.get("express");
        assertThat(express.get("outcome").asString()).isEqualTo("ANSWERED");
        assertThat(express.get("cited").get(0).asString()).isEqualTo("shipping");
        assertThat(express.get("answer").asString()).contains("Express delivery arrives the next business day");
        assertThat(express.get("query").asString()).as("the follow-up made standalone from its history")
                .contains("express delivery").containsIgnoringCase("ship");
        assertThat(express.get("passages").get(0).get("id").asString()).isEqualTo("shipping");
        assertThat(express.get("reference_contexts").get(0).asString()).isEqualTo("shipping");
        assertThat(records.get("mongolia").get("outcome").asString()).isEqualTo("FALLBACK");
        assertThat(records.get("mongolia").get("cited")).isEmpty();
        assertThat(records.get("human").get("outcome").asString()).isEqualTo("HANDOFF");
        assertThat(records.get("refund").get("confidence").asDouble()).isBetween(0.5, 1.0);
    }

    @Test
    void badArgumentsAndBadAnswerSetsExitWithTwo() throws IOException {
        Run noDataset = run("--json");
        assertThat(noDataset.exit()).isEqualTo(2);
        assertThat(noDataset.out()).isEmpty();
        assertThat(noDataset.err()).contains("--dataset is required", "Usage: java -jar target/frontline.jar");

        Run badThreshold = run("--dataset", dir.resolve("tiny").toString(), "--threshold", "1.5");
        assertThat(badThreshold.exit()).isEqualTo(2);
        assertThat(badThreshold.err()).contains("--threshold must be a share from 0 to 1");

        Path bad = Files.createDirectories(dir.resolve("bad"));
        Files.copy(dir.resolve("tiny").resolve("corpus.jsonl"), bad.resolve("corpus.jsonl"));
        Files.copy(dir.resolve("bad-tasks.jsonl"), bad.resolve("tasks.jsonl"));
        Run agentLast = run("--dataset", bad.toString());
        assertThat(agentLast.exit()).isEqualTo(2);
        assertThat(agentLast.err()).contains("Cannot use the answer set: tasks.jsonl line 2: the last turn is the "
                + "agent's");
    }
}
