package com.frontline.evaluation;

import com.frontline.chat.ChatService;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An answer set on disk: {@code corpus.jsonl} ({@code {"id","text"}}, an optional {@code title} is ignored) and
 * {@code tasks.jsonl} ({@code {"id","domain","class","conversation":[{"speaker":"user"|"agent","text"}],
 * "reference_answer","reference_contexts":[corpus ids]}}). Read strictly: any problem names the file and line.
 *
 * @param corpus the passages, in file order
 * @param tasks  the tasks, in file order
 */
public record AnswerSet(String name, List<CorpusPassage> corpus, List<AnswerTask> tasks) {

    /** Passages a set may hold: each becomes a document of the scratch workspace. */
    public static final int MAX_PASSAGES = 20_000;
    /** Tasks a set may hold. */
    public static final int MAX_TASKS = 10_000;
    /** Characters of one passage (what the knowledge base accepts as pasted text). */
    public static final int MAX_PASSAGE_CHARS = 200_000;
    /** Turns of one task's conversation. */
    public static final int MAX_TURNS = 100;
    /** Characters of one history turn. */
    public static final int MAX_TURN_CHARS = 20_000;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public record CorpusPassage(String id, String text) {
    }

    public AnswerSet {
        corpus = List.copyOf(corpus);
        tasks = List.copyOf(tasks);
    }

    /** @throws InvalidAnswerSetException naming the file and line when something is missing, malformed or too big */
    public static AnswerSet load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new InvalidAnswerSetException(dir + " is not a directory");
        }
        for (String required : List.of("corpus.jsonl", "tasks.jsonl")) {
            if (!Files.isRegularFile(dir.resolve(required))) {
                throw new InvalidAnswerSetException(dir.resolve(required) + " is missing (an answer set has "
                        + "corpus.jsonl and tasks.jsonl)");
            }
        }
        List<CorpusPassage> corpus = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        jsonLines(dir.resolve("corpus.jsonl"), MAX_PASSAGES, "passages", (where, node) -> {
            String id = text(node, "id", where);
            if (!ids.add(id)) {
                throw new InvalidAnswerSetException(where + ": duplicate id " + id);
            }
            String text = text(node, "text", where);
            if (text.length() > MAX_PASSAGE_CHARS) {
                throw new InvalidAnswerSetException(where + ": the text has %,d characters; at most %,d are allowed"
                        .formatted(text.length(), MAX_PASSAGE_CHARS));
            }
            corpus.add(new CorpusPassage(id, text));
        });
        if (corpus.isEmpty()) {
            throw new InvalidAnswerSetException(dir.resolve("corpus.jsonl") + " has no passages");
        }
        List<AnswerTask> tasks = new ArrayList<>();
        Set<String> taskIds = new HashSet<>();
        jsonLines(dir.resolve("tasks.jsonl"), MAX_TASKS, "tasks", (where, node) -> {
            AnswerTask task = task(node, where, ids);
            if (!taskIds.add(task.id())) {
                throw new InvalidAnswerSetException(where + ": duplicate id " + task.id());
            }
            tasks.add(task);
        });
        if (tasks.isEmpty()) {
            throw new InvalidAnswerSetException(dir.resolve("tasks.jsonl") + " has no tasks");
        }
        return new AnswerSet(dir.toAbsolutePath().normalize().getFileName().toString(), corpus, tasks);
    }

    /** The first {@code limit} tasks of an even spread over the file (every n-th); the corpus stays whole. */
    public AnswerSet limit(int limit) {
        if (limit >= tasks.size()) {
            return this;
        }
        List<AnswerTask> sample = new ArrayList<>(limit);
        for (int i = 0; i < limit; i++) {
            sample.add(tasks.get((int) ((long) i * tasks.size() / limit)));
        }
        return new AnswerSet(name, corpus, sample);
    }

    static AnswerTask task(JsonNode node, String where, Set<String> corpusIds) {
        String id = text(node, "id", where);
        String taskClass = text(node, "class", where);
        if (!AnswerTask.CLASSES.contains(taskClass)) {
            throw new InvalidAnswerSetException(where + ": unknown class '" + taskClass + "' (one of "
                    + String.join(", ", AnswerTask.CLASSES) + ")");
        }
        JsonNode conversation = node.get("conversation");
        if (conversation == null || !conversation.isArray() || conversation.isEmpty()) {
            throw new InvalidAnswerSetException(where + ": the conversation is missing or empty");
        }
        if (conversation.size() > MAX_TURNS) {
            throw new InvalidAnswerSetException(where + ": the conversation has %d turns; at most %d are allowed"
                    .formatted(conversation.size(), MAX_TURNS));
        }
        List<AnswerTask.Turn> turns = new ArrayList<>();
        for (int i = 0; i < conversation.size(); i++) {
            JsonNode turn = conversation.get(i);
            String at = where + ", turn " + (i + 1);
            if (!turn.isObject()) {
                throw new InvalidAnswerSetException(at + " is not a JSON object");
            }
            String speaker = text(turn, "speaker", at);
            if (!speaker.equals("user") && !speaker.equals("agent")) {
                throw new InvalidAnswerSetException(at + ": speaker must be user or agent, not '" + speaker + "'");
            }
            String text = text(turn, "text", at);
            if (text.length() > MAX_TURN_CHARS) {
                throw new InvalidAnswerSetException(at + ": %,d characters; at most %,d are allowed"
                        .formatted(text.length(), MAX_TURN_CHARS));
            }
            turns.add(new AnswerTask.Turn(speaker.equals("user"), text));
        }
        if (!turns.getLast().fromUser()) {
            throw new InvalidAnswerSetException(where + ": the last turn is the agent's; it must be the user's "
                    + "question to answer");
        }
        if (turns.getLast().text().strip().length() > ChatService.MAX_MESSAGE_LENGTH) {
            throw new InvalidAnswerSetException(where + ": the question has more than %,d characters, more than "
                    .formatted(ChatService.MAX_MESSAGE_LENGTH) + "a customer may send");
        }
        JsonNode answer = node.get("reference_answer");
        if (answer != null && !answer.isNull() && !answer.isString()) {
            throw new InvalidAnswerSetException(where + ": reference_answer must be a string");
        }
        List<String> contexts = new ArrayList<>();
        JsonNode refs = node.get("reference_contexts");
        if (refs != null && !refs.isNull()) {
            if (!refs.isArray()) {
                throw new InvalidAnswerSetException(where + ": reference_contexts must be a list of corpus ids");
            }
            for (JsonNode ref : refs) {
                String context = ref.isString() ? ref.asString() : "";
                if (!corpusIds.contains(context)) {
                    throw new InvalidAnswerSetException(where + ": reference context '" + ref.asString("")
                            + "' is not a corpus id");
                }
                contexts.add(context);
            }
        }
        return new AnswerTask(id, node.path("domain").asString(""), taskClass, turns,
                answer == null || answer.isNull() ? "" : answer.asString(), contexts);
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.isString() || value.asString().isBlank()) {
            throw new InvalidAnswerSetException(where + ": \"" + field + "\" is missing or not a non-empty string");
        }
        return value.asString();
    }

    private interface LineHandler {
        void accept(String where, JsonNode node);
    }

    private static void jsonLines(Path file, int maxLines, String what, LineHandler handler) {
        String name = file.getFileName().toString();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String row;
            int line = 0;
            int count = 0;
            while ((row = reader.readLine()) != null) {
                line++;
                if (row.isBlank()) {
                    continue;
                }
                if (++count > maxLines) {
                    throw new InvalidAnswerSetException(name + " has more than %,d %s, the most a set may hold"
                            .formatted(maxLines, what));
                }
                String where = name + " line " + line;
                JsonNode node;
                try {
                    node = JSON.readTree(row);
                } catch (JacksonException e) {
                    throw new InvalidAnswerSetException(where + " is not JSON: " + e.getOriginalMessage());
                }
                if (node == null || !node.isObject()) {
                    throw new InvalidAnswerSetException(where + " is not a JSON object");
                }
                handler.accept(where, node);
            }
        } catch (IOException e) {
            throw new InvalidAnswerSetException("Cannot read " + file + ": " + e.getMessage());
        }
    }
}
