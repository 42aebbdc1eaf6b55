package com.frontline.search;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds extra BEIR-style retrieval sets from the shared evaluation data, to check that a fusion default carries over
 * to collections it was not tuned on. A tool, not a test; it writes under {@code target/eval/}:
 * <pre>
 * ./mvnw -B -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=com.frontline.search.ExtraRetrievalSets [-Dsets.shared=/work/shared/eval] [-Dsets.out=target/eval]
 * </pre>
 * <ul>
 *   <li>{@code mtrag_last}: MT-RAG dev conversations, the last user turn as the query, the task's reference passages
 *   as relevant, the 350 passages as the corpus (empty titles: a passage's id says nothing).</li>
 *   <li>{@code mtrag_turns}: the same, with every user turn of the conversation joined as the query.</li>
 *   <li>{@code covidfaq_notitle}: covidfaq_jhu with the FAQ question titles removed from the corpus, so BM25 loses the
 *   word overlap between a user's question and the FAQ's own question: a paraphrase-style set.</li>
 *   <li>{@code covidfaq_title_queries}: the FAQ's question titles as queries against its answers (no titles).</li>
 * </ul>
 */
public final class ExtraRetrievalSets {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public static void main(String[] args) throws IOException {
        Path shared = Path.of(System.getProperty("sets.shared", "/work/shared/eval"));
        Path out = Path.of(System.getProperty("sets.out", "target/eval"));
        mtrag(shared.resolve("mtrag_dev"), out.resolve("mtrag_last"), false);
        mtrag(shared.resolve("mtrag_dev"), out.resolve("mtrag_turns"), true);
        covidfaqWithoutTitles(shared.resolve("covidfaq_jhu"), out.resolve("covidfaq_notitle"));
        covidfaqTitleQueries(shared.resolve("covidfaq_jhu"), out.resolve("covidfaq_title_queries"));
    }

    static void mtrag(Path source, Path target, boolean allTurns) throws IOException {
        List<Map<String, Object>> corpus = new ArrayList<>();
        for (JsonNode passage : lines(source.resolve("corpus.jsonl"))) {
            corpus.add(document(passage.get("id").asString(), "", passage.get("text").asString()));
        }
        List<Map<String, Object>> queries = new ArrayList<>();
        List<String> qrels = new ArrayList<>();
        for (JsonNode task : lines(source.resolve("tasks.jsonl"))) {
            JsonNode contexts = task.path("reference_contexts");
            if (contexts.isEmpty()) {
                continue;
            }
            List<String> userTurns = new ArrayList<>();
            for (JsonNode turn : task.get("conversation")) {
                if ("user".equals(turn.get("speaker").asString())) {
                    userTurns.add(turn.get("text").asString().strip());
                }
            }
            String text = allTurns ? String.join(" ", userTurns) : userTurns.getLast();
            String id = task.get("id").asString();
            queries.add(Map.of("id", id, "text", text));
            for (JsonNode context : contexts) {
                qrels.add(id + "\t" + context.asString() + "\t1");
            }
        }
        write(target, corpus, queries, qrels);
    }

    static void covidfaqWithoutTitles(Path source, Path target) throws IOException {
        List<Map<String, Object>> corpus = new ArrayList<>();
        for (JsonNode faq : lines(source.resolve("corpus.jsonl"))) {
            corpus.add(document(faq.get("id").asString(), "", faq.get("text").asString()));
        }
        List<Map<String, Object>> queries = new ArrayList<>();
        for (JsonNode query : lines(source.resolve("queries.jsonl"))) {
            queries.add(Map.of("id", query.get("id").asString(), "text", query.get("text").asString()));
        }
        List<String> qrels = Files.readAllLines(source.resolve("qrels.tsv"), StandardCharsets.UTF_8);
        write(target, corpus, queries, qrels.subList(1, qrels.size()));
    }

    static void covidfaqTitleQueries(Path source, Path target) throws IOException {
        List<Map<String, Object>> corpus = new ArrayList<>();
        List<Map<String, Object>> queries = new ArrayList<>();
        List<String> qrels = new ArrayList<>();
        for (JsonNode faq : lines(source.resolve("corpus.jsonl"))) {
            String id = faq.get("id").asString();
            corpus.add(document(id, "", faq.get("text").asString()));
            queries.add(Map.of("id", "t-" + id, "text", faq.get("title").asString()));
            qrels.add("t-" + id + "\t" + id + "\t1");
        }
        write(target, corpus, queries, qrels);
    }

    private static Map<String, Object> document(String id, String title, String text) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("id", id);
        document.put("title", title);
        document.put("text", text);
        return document;
    }

    private static List<JsonNode> lines(Path file) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                nodes.add(JSON.readTree(line));
            }
        }
        return nodes;
    }

    private static void write(Path target, List<Map<String, Object>> corpus, List<Map<String, Object>> queries,
            List<String> qrels) throws IOException {
        Files.createDirectories(target);
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(target.resolve("corpus.jsonl")))) {
            for (Map<String, Object> document : corpus) {
                out.println(JSON.writeValueAsString(document));
            }
        }
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(target.resolve("queries.jsonl")))) {
            for (Map<String, Object> query : queries) {
                out.println(JSON.writeValueAsString(query));
            }
        }
        List<String> rows = new ArrayList<>();
        rows.add("query-id\tcorpus-id\tscore");
        rows.addAll(qrels);
        Files.write(target.resolve("qrels.tsv"), rows, StandardCharsets.UTF_8);
        System.out.println(target + ": " + corpus.size() + " documents, " + queries.size() + " queries");
    }
}
