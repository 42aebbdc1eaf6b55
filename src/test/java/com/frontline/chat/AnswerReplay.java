package com.frontline.chat;

import com.frontline.llm.Answer;
import com.frontline.llm.OfflinePhrases;
import com.frontline.llm.Source;
import com.frontline.llm.internal.OfflineAnswerer;
import com.frontline.tenants.Persona;
import com.frontline.tenants.Tone;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A measurement tool, not a test: replays the offline answerer and the confidence signals on the passages that an
 * {@code eval-answers --out} run retrieved, without PostgreSQL or Elasticsearch, so that sentence choice and the
 * confidence model can be tried in seconds. Passages are taken whole from the corpus (the run saw chunks of them).
 * Writes one JSON line per task: id, class, answer body, cited corpus ids, the signals. Used to fit
 * {@link Confidence}'s coefficients (see there). Run with {@code ./mvnw -q test-compile exec:java
 * -Dexec.classpathScope=test -Dexec.mainClass=com.frontline.chat.AnswerReplay
 * -Dexec.args="DATASET_DIR RUN_OUT.jsonl REPLAY_OUT.jsonl"}.
 */
public final class AnswerReplay {

    public static void main(String[] args) throws Exception {
        Path dataset = Path.of(args[0]);
        JsonMapper json = JsonMapper.builder().build();
        Map<String, String> corpus = new HashMap<>();
        for (String line : Files.readAllLines(dataset.resolve("corpus.jsonl"))) {
            JsonNode n = json.readTree(line);
            corpus.put(n.get("id").asString(), n.get("text").asString());
        }
        Map<String, JsonNode> tasks = new HashMap<>();
        for (String line : Files.readAllLines(dataset.resolve("tasks.jsonl"))) {
            JsonNode n = json.readTree(line);
            tasks.put(n.get("id").asString(), n);
        }
        Persona persona = new Persona("Assistant", Tone.FRIENDLY, null, "Hi!", "Sorry.", "en");
        OfflineAnswerer answerer = new OfflineAnswerer();
        try (PrintStream out = new PrintStream(Files.newOutputStream(Path.of(args[2])), true, "UTF-8")) {
            for (String line : Files.readAllLines(Path.of(args[1]))) {
                JsonNode r = json.readTree(line);
                JsonNode task = tasks.get(r.get("id").asString());
                JsonNode turns = task.get("conversation");
                String question = turns.get(turns.size() - 1).get("text").asString();
                String query = r.get("query").isNull() ? question : r.get("query").asString();
                List<Source> sources = new ArrayList<>();
                List<String> ids = new ArrayList<>();
                List<AnswerSignals.Ranked> ranked = new ArrayList<>();
                for (JsonNode p : r.get("passages")) {
                    if (sources.size() == AnswerComposer.SOURCES) {
                        break;
                    }
                    String id = p.get("id").asString();
                    ids.add(id);
                    sources.add(new Source(sources.size() + 1, id, corpus.getOrDefault(id, ""),
                            p.get("relevance").asDouble()));
                    ranked.add(new AnswerSignals.Ranked(p.get("relevance").asDouble(),
                            p.get("bm25_rank").isNull() ? null : p.get("bm25_rank").asInt(),
                            p.get("dense_rank").isNull() ? null : p.get("dense_rank").asInt()));
                }
                Answer a = answerer.answer(persona, question, query, sources, "offline", false);
                String body = a.text();
                for (String phrase : OfflinePhrases.of(persona)) {
                    body = body.replace(phrase, "");
                }
                body = body.strip();
                AnswerSignals s = AnswerSignals.of(question, query, ranked, body,
                        sources.stream().map(Source::text).toList());
                Map<String, Object> rec = new LinkedHashMap<>();
                rec.put("id", r.get("id").asString());
                rec.put("class", task.get("class").asString());
                rec.put("answer", body);
                rec.put("cited", a.citedSources().stream().map(n -> ids.get(n - 1)).toList());
                rec.put("signals", s);
                out.println(json.writeValueAsString(rec));
            }
        }
    }
}
