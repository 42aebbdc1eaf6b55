package com.frontline.evaluation;

import com.frontline.assistants.AssistantVersions;
import com.frontline.chat.Author;
import com.frontline.chat.Channel;
import com.frontline.chat.ChatMessage;
import com.frontline.chat.ChatService;
import com.frontline.chat.ChatService.AnsweredTurn;
import com.frontline.chat.ChatService.PastMessage;
import com.frontline.chat.Citation;
import com.frontline.chat.ConversationStatus;
import com.frontline.llm.OfflinePhrases;
import com.frontline.search.Passage;
import com.frontline.shared.TenantId;
import com.frontline.tenants.Persona;
import com.frontline.tenants.TenantService;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Runs answer tasks against a workspace as its website widget would answer them: each task gets a widget
 * conversation whose earlier turns are stored as its history, and its question goes through
 * {@link ChatService#askAndWait} (the same code a widget message takes: the wants-a-person check, follow-up
 * rewriting, search, answerer, confidence, fallback, handoff). The outcome is read from what was stored.
 * <p>
 * The workspace's knowledge must already be indexed. Each task leaves one conversation behind.
 */
@Service
public class AnswerEvaluator {

    private static final Logger log = LoggerFactory.getLogger(AnswerEvaluator.class);

    private final ChatService chat;
    private final TenantService tenants;
    private final AssistantVersions versions;

    AnswerEvaluator(ChatService chat, TenantService tenants, AssistantVersions versions) {
        this.chat = chat;
        this.tenants = tenants;
        this.versions = versions;
    }

    /** Told after each task: how many are done of how many. */
    public interface Progress {
        void done(int done, int total, TaskResult last);
    }

    /**
     * Runs the tasks one after the other.
     *
     * @param sourceIds the ids the tasks' reference contexts use for a knowledge document (an answer set's corpus
     *                  ids; several when identical passages share one document); empty for a document it
     *                  does not know
     */
    public List<TaskResult> run(TenantId tenant, List<AnswerTask> tasks, Function<UUID, List<String>> sourceIds,
                                Progress progress) {
        List<TaskResult> results = new ArrayList<>(tasks.size());
        for (AnswerTask task : tasks) {
            TaskResult result = run(tenant, task, sourceIds);
            results.add(result);
            progress.done(results.size(), tasks.size(), result);
        }
        return results;
    }

    /** Runs one task in a new widget conversation; a failure is an {@link Outcome#ERROR}, not an exception. */
    public TaskResult run(TenantId tenant, AnswerTask task, Function<UUID, List<String>> sourceIds) {
        return ask(tenant, Channel.WIDGET, task, c -> sourceIds.apply(c.documentId()), sourceIds).result();
    }

    /**
     * What one task got, with the stored answer itself (whether it was a verified answer, its provider and model).
     *
     * @param answer       the assistant's stored answer, or null when none was stored
     * @param conversation the conversation the task was asked in, or null when it could not be started
     */
    public record Asked(TaskResult result, @Nullable ChatMessage answer, @Nullable UUID conversation) {
    }

    /**
     * Runs one task in a new conversation of the channel (answered as the widget answers: {@link Channel#WIDGET} or
     * {@link Channel#EVALUATION}); a failure is an {@link Outcome#ERROR}, not an exception.
     *
     * @param citedIds   the ids a cited source counts as (matched against the task's reference contexts)
     * @param passageIds the ids of a retrieved passage's document, for the search trace
     */
    public Asked ask(TenantId tenant, Channel channel, AnswerTask task, Function<Citation, List<String>> citedIds,
                     Function<UUID, List<String>> passageIds) {
        return ask(tenant, channel, task, citedIds, passageIds, null);
    }

    /**
     * {@link #ask(TenantId, Channel, AnswerTask, Function, Function)} answered by the given assistant version (a
     * candidate that is not live yet); null: the version the channel answers with (the live one).
     */
    public Asked ask(TenantId tenant, Channel channel, AnswerTask task, Function<Citation, List<String>> citedIds,
                     Function<UUID, List<String>> passageIds, @Nullable Integer version) {
        long start = 0;
        @Nullable UUID conversation = null;
        try {
            conversation = conversationWithHistory(tenant, channel, task);
            start = System.nanoTime();
            AnsweredTurn turn = chat.askAndWait(tenant, conversation, task.question(), version);
            double millis = (System.nanoTime() - start) / 1e6;
            ChatMessage answer = turn.replies().stream().filter(m -> m.author() == Author.ASSISTANT).findFirst()
                    .orElse(null);
            Set<String> cited = new LinkedHashSet<>();
            if (answer != null) {
                for (Citation c : answer.citations()) {
                    cited.addAll(citedIds.apply(c));
                }
            }
            List<TaskResult.Retrieved> passages = turn.passages().stream().map(p -> retrieved(p, passageIds))
                    .toList();
            return new Asked(new TaskResult(task, classify(turn), answer == null ? null : answer.confidence(),
                    List.copyOf(cited), answer == null ? "" : answer.text(), turn.query(), passages, millis),
                    answer, conversation);
        } catch (RuntimeException e) {
            log.warn("Task {} failed: {}", task.id(), e.toString());
            double millis = start == 0 ? 0 : (System.nanoTime() - start) / 1e6;
            return new Asked(new TaskResult(task, Outcome.ERROR, null, List.of(), "", null, List.of(), millis),
                    null, conversation);
        }
    }

    /** The live version's persona's fixed lines around offline answers, which token F1 leaves out. */
    public List<String> fixedLines(TenantId tenant) {
        return OfflinePhrases.of(versions.liveConfig(tenant).persona());
    }

    /** The fixed lines of the given version's persona; null (or a version the workspace lacks): the live one's. */
    public List<String> fixedLines(TenantId tenant, @Nullable Integer version) {
        if (version == null) {
            return fixedLines(tenant);
        }
        return versions.config(tenant, version).map(c -> OfflinePhrases.of(c.persona()))
                .orElseGet(() -> fixedLines(tenant));
    }

    /**
     * The outcome of a question from what was stored after it: no answer stored is a handoff when the conversation
     * now waits for the team (the customer asked for a person), else an error; a low-confidence answer is the
     * fallback; an answer after which the conversation went to the team is a handoff.
     */
    static Outcome classify(AnsweredTurn turn) {
        ChatMessage answer = turn.replies().stream().filter(m -> m.author() == Author.ASSISTANT).findFirst()
                .orElse(null);
        boolean withTeam = turn.status() == ConversationStatus.WAITING || turn.status() == ConversationStatus.AGENT;
        if (answer == null) {
            return withTeam ? Outcome.HANDOFF : Outcome.ERROR;
        }
        if (answer.lowConfidence()) {
            return Outcome.FALLBACK;
        }
        if (answer.clarifyingQuestion()) {
            return Outcome.CLARIFY;
        }
        return withTeam ? Outcome.HANDOFF : Outcome.ANSWERED;
    }

    private UUID conversationWithHistory(TenantId tenant, Channel channel, AnswerTask task) {
        String visitor = "eval:" + UUID.randomUUID();
        if (task.history().isEmpty()) {
            return chat.start(tenant, channel, visitor).id();
        }
        Persona persona = tenants.persona(tenant);
        OffsetDateTime at = OffsetDateTime.now().minusMinutes(task.history().size() + 1L);
        List<PastMessage> messages = new ArrayList<>();
        for (AnswerTask.Turn t : task.history()) {
            at = at.plusMinutes(1);
            messages.add(t.fromUser()
                    ? new PastMessage(Author.CUSTOMER, null, t.text(), List.of(), null, false, null, at)
                    : new PastMessage(Author.ASSISTANT, persona.assistantName(), t.text(), List.of(), null, false,
                    null, at));
        }
        return chat.recordPastConversation(tenant, channel, visitor, ConversationStatus.BOT, null, messages);
    }

    private static TaskResult.Retrieved retrieved(Passage p, Function<UUID, List<String>> sourceIds) {
        List<String> ids = sourceIds.apply(p.documentId());
        @Nullable String id = ids.isEmpty() ? p.documentId().toString() : ids.getFirst();
        return new TaskResult.Retrieved(id, p.score(), p.relevance(), p.bm25Rank(), p.denseRank());
    }
}
