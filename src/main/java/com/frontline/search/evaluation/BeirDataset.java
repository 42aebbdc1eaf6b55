package com.frontline.search.evaluation;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A retrieval data set in the BEIR layout: {@code corpus.jsonl} ({@code id} or {@code _id}, {@code title},
 * {@code text}), {@code queries.jsonl} ({@code id} or {@code _id}, {@code text}) and {@code qrels.tsv} (or BEIR's
 * {@code qrels/test.tsv}): query id, corpus id and a graded relevance score per line, after a header line.
 * Only queries with at least one relevant document are kept, as BEIR's evaluation does.
 *
 * @param queries the queries with relevance judgements, in file order
 * @param qrels   query id to (document id to relevance score > 0)
 */
public record BeirDataset(String name, List<Document> corpus, List<Query> queries,
        Map<String, Map<String, Integer>> qrels) {

    public record Document(String id, String title, String text) {
    }

    public record Query(String id, String text) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public BeirDataset {
        corpus = List.copyOf(corpus);
        queries = List.copyOf(queries);
        qrels = Map.copyOf(qrels);
    }

    /** @throws InvalidDatasetException naming the file and line when something is missing or malformed */
    public static BeirDataset load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new InvalidDatasetException(dir + " is not a directory");
        }
        Path qrelsFile = Files.isRegularFile(dir.resolve("qrels.tsv")) ? dir.resolve("qrels.tsv")
                : dir.resolve("qrels").resolve("test.tsv");
        for (Path required : List.of(dir.resolve("corpus.jsonl"), dir.resolve("queries.jsonl"), qrelsFile)) {
            if (!Files.isRegularFile(required)) {
                throw new InvalidDatasetException(required + " is missing (a BEIR folder has corpus.jsonl, "
                        + "queries.jsonl and qrels.tsv)");
            }
        }
        List<Document> corpus = new ArrayList<>();
        Set<String> documentIds = new HashSet<>();
        jsonLines(dir.resolve("corpus.jsonl"), (line, node) -> {
            String id = id(node, "corpus.jsonl", line);
            if (!documentIds.add(id)) {
                throw new InvalidDatasetException("corpus.jsonl line " + line + ": duplicate id " + id);
            }
            corpus.add(new Document(id, node.path("title").asString(""), node.path("text").asString("")));
        });
        Map<String, String> queryTexts = new LinkedHashMap<>();
        jsonLines(dir.resolve("queries.jsonl"), (line, node) -> {
            String id = id(node, "queries.jsonl", line);
            String text = node.path("text").asString("");
            if (queryTexts.put(id, text) != null) {
                throw new InvalidDatasetException("queries.jsonl line " + line + ": duplicate id " + id);
            }
        });
        Map<String, Map<String, Integer>> qrels = readQrels(qrelsFile);
        List<Query> queries = new ArrayList<>();
        queryTexts.forEach((id, text) -> {
            if (qrels.containsKey(id) && !text.isBlank()) {
                queries.add(new Query(id, text));
            }
        });
        qrels.keySet().retainAll(queryTexts.keySet());
        if (corpus.isEmpty()) {
            throw new InvalidDatasetException(dir.resolve("corpus.jsonl") + " holds no documents");
        }
        if (queries.isEmpty()) {
            throw new InvalidDatasetException("No query in " + dir.resolve("queries.jsonl")
                    + " has a relevant document in " + qrelsFile);
        }
        Path name = dir.toAbsolutePath().normalize().getFileName();
        return new BeirDataset(name == null ? dir.toString() : name.toString(), corpus, queries, qrels);
    }

    /** The first {@code limit} queries of an even spread over the file (every n-th), so each part is represented. */
    public BeirDataset limit(int limit) {
        if (limit >= queries.size()) {
            return this;
        }
        List<Query> sample = new ArrayList<>(limit);
        for (int i = 0; i < limit; i++) {
            sample.add(queries.get((int) ((long) i * queries.size() / limit)));
        }
        return new BeirDataset(name, corpus, sample, qrels);
    }

    private static Map<String, Map<String, Integer>> readQrels(Path file) {
        Map<String, Map<String, Integer>> qrels = new HashMap<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String row;
            int line = 0;
            while ((row = reader.readLine()) != null) {
                line++;
                if (row.isBlank()) {
                    continue;
                }
                String[] cells = row.split("\t");
                if (cells.length < 3) {
                    throw new InvalidDatasetException(file.getFileName() + " line " + line
                            + ": expected query-id, corpus-id and score separated by tabs");
                }
                int score;
                try {
                    score = Integer.parseInt(cells[2].strip());
                } catch (NumberFormatException e) {
                    if (line == 1) {
                        continue; // the header row
                    }
                    throw new InvalidDatasetException(file.getFileName() + " line " + line + ": score '" + cells[2]
                            + "' is not a whole number");
                }
                if (score > 0) {
                    qrels.computeIfAbsent(cells[0].strip(), q -> new HashMap<>()).put(cells[1].strip(), score);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        return qrels;
    }

    private interface LineHandler {
        void accept(int line, JsonNode node);
    }

    private static void jsonLines(Path file, LineHandler handler) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String row;
            int line = 0;
            while ((row = reader.readLine()) != null) {
                line++;
                if (row.isBlank()) {
                    continue;
                }
                JsonNode node;
                try {
                    node = JSON.readTree(row);
                } catch (JacksonException e) {
                    throw new InvalidDatasetException(file.getFileName() + " line " + line + " is not JSON: "
                            + e.getOriginalMessage());
                }
                if (!node.isObject()) {
                    throw new InvalidDatasetException(file.getFileName() + " line " + line + " is not a JSON object");
                }
                handler.accept(line, node);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    private static String id(JsonNode node, String file, int line) {
        JsonNode id = node.has("_id") ? node.get("_id") : node.get("id");
        if (id == null || id.isNull() || id.asString("").isBlank()) {
            throw new InvalidDatasetException(file + " line " + line + " has no id (\"id\" or \"_id\")");
        }
        return id.asString();
    }
}
