package com.frontline.evaluation;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Tool, not a test: derives answer sets with more unanswerable tasks (and one single-turn set) from the shared
 * evaluation data, deterministically (fixed seeds), under {@code target/eval-sets/}:
 * <ol>
 * <li>{@code mtrag_noref}: {@code mtrag_dev}'s corpus without the reference passages of 60 answerable tasks picked
 * at random (and without any passage whose text equals one of them); those tasks become unanswerable (no reference
 * answer, no reference passages); every other task is kept only if all its reference passages are still there.</li>
 * <li>{@code mtrag_foreign}: {@code mtrag_dev} whole, plus 100 SQuAD and 50 COVID-FAQ questions picked at random,
 * asked as single-turn unanswerable tasks against it.</li>
 * <li>{@code squad_answers}: single-turn answerable tasks from {@code squad11_dev}: 300 questions picked at random
 * from the paragraphs of 12 articles picked at random, the corpus being those articles' paragraphs; the reference
 * answer is the first crowd answer.</li>
 * </ol>
 * Run with {@code ./mvnw -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=com.frontline.evaluation.AnswerSetDeriver [-Deval.shared=../shared/eval]}.
 */
public final class AnswerSetDeriver {

    static final long SEED = 10;
    static final int NOREF_TASKS = 60;
    static final int FOREIGN_SQUAD = 100;
    static final int FOREIGN_COVID = 50;
    static final int SQUAD_ARTICLES = 12;
    static final int SQUAD_QUESTIONS = 300;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private AnswerSetDeriver() {
    }

    public static void main(String[] args) throws IOException {
        Path shared = Path.of(System.getProperty("eval.shared", "../shared/eval"));
        Path out = Path.of(System.getProperty("eval.out", "target/eval-sets"));
        List<JsonNode> corpus = read(shared.resolve("mtrag_dev/corpus.jsonl"));
        List<JsonNode> tasks = read(shared.resolve("mtrag_dev/tasks.jsonl"));
        report(out.resolve("mtrag_noref"), noReferences(corpus, tasks, out.resolve("mtrag_noref")));
        report(out.resolve("mtrag_foreign"), foreign(corpus, tasks, read(shared.resolve("squad11_dev/queries.jsonl")),
                read(shared.resolve("covidfaq_jhu/queries.jsonl")), out.resolve("mtrag_foreign")));
        report(out.resolve("squad_answers"), squad(shared.resolve("squad11_dev"), out.resolve("squad_answers")));
    }

    /** mtrag_noref; returns passages and tasks per class for the log. */
    static String noReferences(List<JsonNode> corpus, List<JsonNode> tasks, Path dir) throws IOException {
        Random random = new Random(SEED);
        List<JsonNode> answerable = new ArrayList<>(tasks.stream()
                .filter(t -> t.get("class").asString().equals("answerable")
                        && !t.get("reference_contexts").isEmpty()).toList());
        Collections.shuffle(answerable, random);
        List<JsonNode> picked = answerable.subList(0, Math.min(NOREF_TASKS, answerable.size()));
        Set<String> pickedIds = new HashSet<>();
        Set<String> removed = new HashSet<>();
        picked.forEach(t -> {
            pickedIds.add(t.get("id").asString());
            t.get("reference_contexts").forEach(c -> removed.add(c.asString()));
        });
        // a passage with the same text as a removed one would still hold the answer
        Set<String> removedTexts = new HashSet<>();
        corpus.stream().filter(p -> removed.contains(p.get("id").asString()))
                .forEach(p -> removedTexts.add(p.get("text").asString()));
        List<JsonNode> kept = corpus.stream().filter(p -> !removedTexts.contains(p.get("text").asString())).toList();
        Set<String> keptIds = new HashSet<>();
        kept.forEach(p -> keptIds.add(p.get("id").asString()));
        List<Map<String, Object>> out = new ArrayList<>();
        for (JsonNode t : tasks) {
            if (pickedIds.contains(t.get("id").asString())) {
                Map<String, Object> task = task(t);
                task.put("class", "unanswerable");
                task.put("reference_answer", "");
                task.put("reference_contexts", List.of());
                out.add(task);
            } else {
                boolean complete = true;
                for (JsonNode c : t.get("reference_contexts")) {
                    complete &= keptIds.contains(c.asString());
                }
                if (complete) {
                    out.add(task(t));
                }
            }
        }
        write(dir, kept.stream().map(AnswerSetDeriver::passage).toList(), out);
        return kept.size() + " passages (" + (corpus.size() - kept.size()) + " removed), " + classes(out);
    }

    static String foreign(List<JsonNode> corpus, List<JsonNode> tasks, List<JsonNode> squad, List<JsonNode> covid,
                          Path dir) throws IOException {
        Random random = new Random(SEED);
        List<Map<String, Object>> out = new ArrayList<>(tasks.stream().map(AnswerSetDeriver::task).toList());
        out.addAll(questions(squad, FOREIGN_SQUAD, "squad11_dev", random));
        out.addAll(questions(covid, FOREIGN_COVID, "covidfaq_jhu", random));
        write(dir, corpus.stream().map(AnswerSetDeriver::passage).toList(), out);
        return corpus.size() + " passages, " + classes(out);
    }

    private static List<Map<String, Object>> questions(List<JsonNode> queries, int n, String set, Random random) {
        List<JsonNode> shuffled = new ArrayList<>(queries);
        Collections.shuffle(shuffled, random);
        return shuffled.subList(0, n).stream().map(q -> {
            Map<String, Object> task = new LinkedHashMap<>();
            task.put("id", set + ":" + q.get("id").asString());
            task.put("domain", set);
            task.put("class", "unanswerable");
            task.put("conversation", List.of(Map.of("speaker", "user", "text", q.get("text").asString().strip())));
            task.put("reference_answer", "");
            task.put("reference_contexts", List.of());
            return task;
        }).toList();
    }

    static String squad(Path squad, Path dir) throws IOException {
        Random random = new Random(SEED);
        List<JsonNode> corpus = read(squad.resolve("corpus.jsonl"));
        Map<String, String> questions = new HashMap<>();
        read(squad.resolve("queries.jsonl")).forEach(q -> questions.put(q.get("id").asString(),
                q.get("text").asString().strip()));
        List<String> articles = new ArrayList<>(corpus.stream().map(p -> article(p.get("id").asString()))
                .distinct().sorted().toList());
        Collections.shuffle(articles, random);
        Set<String> chosen = new HashSet<>(articles.subList(0, SQUAD_ARTICLES));
        List<JsonNode> passages = corpus.stream().filter(p -> chosen.contains(article(p.get("id").asString())))
                .toList();
        List<JsonNode> answers = new ArrayList<>(read(squad.resolve("answers.jsonl")).stream()
                .filter(a -> chosen.contains(article(a.get("doc_id").asString()))
                        && questions.containsKey(a.get("id").asString()) && !a.get("answers").isEmpty())
                .toList());
        Collections.shuffle(answers, random);
        List<JsonNode> picked = new ArrayList<>(answers.subList(0, Math.min(SQUAD_QUESTIONS, answers.size())));
        picked.sort(java.util.Comparator.comparing(a -> a.get("id").asString()));
        List<Map<String, Object>> out = picked.stream().map(a -> {
            Map<String, Object> task = new LinkedHashMap<>();
            task.put("id", a.get("id").asString());
            task.put("domain", "wikipedia");
            task.put("class", "answerable");
            task.put("conversation", List.of(Map.of("speaker", "user", "text", questions.get(a.get("id").asString()))));
            task.put("reference_answer", a.get("answers").get(0).asString());
            task.put("reference_contexts", List.of(a.get("doc_id").asString()));
            return task;
        }).toList();
        write(dir, passages.stream().map(AnswerSetDeriver::passage).toList(), out);
        return passages.size() + " passages from " + SQUAD_ARTICLES + " articles, " + classes(out);
    }

    private static String article(String paragraphId) {
        int cut = paragraphId.indexOf("::");
        return cut < 0 ? paragraphId : paragraphId.substring(0, cut);
    }

    private static Map<String, Object> passage(JsonNode p) {
        Map<String, Object> passage = new LinkedHashMap<>();
        passage.put("id", p.get("id").asString());
        passage.put("text", p.get("text").asString());
        return passage;
    }

    private static Map<String, Object> task(JsonNode t) {
        @SuppressWarnings("unchecked")
        Map<String, Object> task = JSON.convertValue(t, LinkedHashMap.class);
        return task;
    }

    private static String classes(List<Map<String, Object>> tasks) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        tasks.forEach(t -> counts.merge((String) t.get("class"), 1, Integer::sum));
        return tasks.size() + " tasks " + counts;
    }

    private static void report(Path dir, String summary) {
        System.out.println(dir + ": " + summary);
    }

    private static List<JsonNode> read(Path file) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                nodes.add(JSON.readTree(line));
            }
        }
        return nodes;
    }

    private static void write(Path dir, List<Map<String, Object>> corpus, List<Map<String, Object>> tasks)
            throws IOException {
        Files.createDirectories(dir);
        lines(dir.resolve("corpus.jsonl"), corpus);
        lines(dir.resolve("tasks.jsonl"), tasks);
    }

    private static void lines(Path file, List<Map<String, Object>> rows) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Map<String, Object> row : rows) {
                w.write(JSON.writeValueAsString(row));
                w.newLine();
            }
        }
    }
}
