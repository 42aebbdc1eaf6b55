package com.frontline.chat;

import com.frontline.shared.TenantId;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What the analytics module counts, read live from the conversations and their messages (the analytics module rolls
 * these figures up per day into its own tables and reads past days from there). Evaluation runs are left out.
 * Every read but {@link #workspacesWithConversations()} is scoped to one workspace. Question wording is returned as
 * typed, for pages inside the portal only: it must not be logged.
 */
@Component
public class ConversationFigures {

    /** A conversation without activity for this long has ended (deflection counts ended conversations). */
    public static final int IDLE_MINUTES = 30;

    /**
     * The normalised wording of a question (SQL): lower case, punctuation to spaces, white space collapsed. Exact
     * duplicates after this are one question.
     */
    static final String QUESTION_KEY = "btrim(regexp_replace(regexp_replace(lower({0}), '[[:punct:]]+', ' ', 'g'), "
            + "'[[:space:]]+', ' ', 'g'))";

    /**
     * A message's conversation's channel (SQL, over alias {@code m}), looked up per message along
     * {@code conversations_channel_idx} rather than joined: a day's messages are a few thousand, the workspace's
     * conversations may be hundreds of thousands (a join was planned as a hash over all of them).
     */
    private static final String CHANNEL_OF_MESSAGE = "(select c.channel from chat.conversations c "
            + "where c.tenant_id = m.tenant_id and c.id = m.conversation_id)";

    private final DSLContext dsl;
    private final FeedbackReviewDays answerDays;

    ConversationFigures(DSLContext dsl, FeedbackReviewDays answerDays) {
        this.dsl = dsl;
        this.answerDays = answerDays;
    }

    /**
     * One UTC day and channel of conversations: those started that day, the customer messages sent that day, and of
     * the started conversations those resolved without a person, handed off, and replied to by a person after the
     * handoff (with the seconds to that first reply).
     */
    public record ConversationDay(LocalDate day, Channel channel, int conversations, int customerMessages,
                                  int deflected, int handoffs, int responded, List<Long> responseSeconds) {

        public ConversationDay {
            responseSeconds = List.copyOf(responseSeconds);
        }
    }

    /** One normalised question on one UTC day and channel: how often it was answered, and how often badly. */
    public record QuestionDay(LocalDate day, Channel channel, String key, String question, int asked, int unanswered,
                              int fallbacks, int unhelpful, int handoffs) {
    }

    /**
     * A span of time {@code [from, to)} read live; the spans of one read must not overlap (each would count what
     * they share).
     */
    public record Span(OffsetDateTime from, OffsetDateTime to) {
    }

    /** A conversation in which a question was asked, for the list linked from the analytics page. */
    public record AskedIn(UUID conversationId, Channel channel, OffsetDateTime askedAt, String question,
                          boolean fallback, boolean unhelpful, boolean handedOff) {
    }

    /** The conversation figures of the UTC days in {@code [from, to)} (whole days), one per day and channel. */
    public List<ConversationDay> conversationDays(TenantId tenant, OffsetDateTime from, OffsetDateTime to) {
        return conversationDays(tenant, List.of(new Span(from, to)));
    }

    /**
     * The conversation figures of the UTC days in the spans (whole days, not overlapping), one per day and channel,
     * in one query per figure whatever the number of spans (each span a range along the time indexes).
     */
    public List<ConversationDay> conversationDays(TenantId tenant, List<Span> spans) {
        List<ConversationDay> result = new ArrayList<>();
        if (spans.isEmpty()) {
            return result;
        }
        // conversations by the day they started; each conversation's messages are read once, along
        // messages_tenant_conversation_idx (a lateral read per conversation: an EXISTS here could be planned as a
        // hash of every agent message of every workspace)
        var started = dsl.resultQuery("""
                select (c.created_at at time zone 'UTC')::date as day, c.channel,
                       count(*) as conversations,
                       count(*) filter (where c.handoff_at is null
                                          and (c.status = 'RESOLVED' or c.visitor_left_at is not null
                                               or (c.status = 'BOT' and c.updated_at < clock_timestamp() - make_interval(mins => ?)))
                                          and coalesce(x.answered, false)
                                          and not coalesce(x.person, false)) as deflected,
                       count(*) filter (where c.handoff_at is not null) as handoffs,
                       array_to_string(array_agg(floor(extract(epoch from x.first_reply - c.handoff_at))::bigint)
                           filter (where c.handoff_at is not null), ',') as response_seconds
                  from (%s) c
                  left join lateral (
                       select bool_or(m.author = 'ASSISTANT') as answered,
                              bool_or(m.author = 'AGENT') as person,
                              min(m.created_at) filter (where m.author = 'AGENT' and m.created_at >= c.handoff_at)
                                  as first_reply
                         from chat.messages m
                        where m.tenant_id = c.tenant_id and m.conversation_id = c.id) x on true
                 where c.channel <> 'EVALUATION'
                 group by 1, 2""".formatted(perSpan("""
                        select c.tenant_id, c.id, c.created_at, c.channel, c.status, c.handoff_at, c.visitor_left_at,
                               c.updated_at
                          from chat.conversations c
                         where c.tenant_id = ?::uuid""", "c.created_at", spans)),
                args(List.of(IDLE_MINUTES), List.of(tenant.value()), spans)).fetch();
        var messages = dsl.resultQuery("""
                select day, channel, count(*) as customer_messages
                  from (select (m.created_at at time zone 'UTC')::date as day, %s as channel
                          from (%s) m) x
                 where channel <> 'EVALUATION'
                 group by 1, 2""".formatted(CHANNEL_OF_MESSAGE, perSpan("""
                        select m.tenant_id, m.conversation_id, m.created_at
                          from chat.messages m
                         where m.tenant_id = ?::uuid
                           and m.author = 'CUSTOMER'""", "m.created_at", spans)),
                args(List.of(), List.of(tenant.value()), spans)).fetch();
        java.util.Map<String, Integer> byKey = new java.util.HashMap<>();
        for (Record r : messages) {
            byKey.put(r.get("day", LocalDate.class) + "|" + r.get("channel", String.class),
                    r.get("customer_messages", Integer.class));
        }
        for (Record r : started) {
            String key = r.get("day", LocalDate.class) + "|" + r.get("channel", String.class);
            // array_to_string leaves out the handoffs nobody replied to yet (nulls)
            String seconds = r.get("response_seconds", String.class);
            List<Long> list = seconds == null || seconds.isEmpty() ? List.of()
                    : Arrays.stream(seconds.split(",")).map(s -> Math.max(0L, Long.parseLong(s))).toList();
            Integer sent = byKey.remove(key);
            result.add(new ConversationDay(r.get("day", LocalDate.class), Channel.valueOf(r.get("channel",
                    String.class)), r.get("conversations", Integer.class), sent == null ? 0 : sent,
                    r.get("deflected", Integer.class), r.get("handoffs", Integer.class), list.size(), list));
        }
        // days with messages in conversations that started earlier
        byKey.forEach((key, sent) -> {
            String[] parts = key.split("\\|");
            result.add(new ConversationDay(LocalDate.parse(parts[0]), Channel.valueOf(parts[1]), 0, sent, 0, 0, 0,
                    List.of()));
        });
        return result;
    }

    /**
     * The questions answered in {@code [from, to)} (the question each counted answer replied to; small talk and
     * clarifying questions left out), grouped by UTC day, channel and normalised wording.
     */
    public List<QuestionDay> questionDays(TenantId tenant, OffsetDateTime from, OffsetDateTime to) {
        return questionDays(tenant, List.of(new Span(from, to)));
    }

    /** The questions answered in the spans (not overlapping), as {@link #questionDays(TenantId, OffsetDateTime,
     * OffsetDateTime)}, in one query whatever the number of spans. */
    public List<QuestionDay> questionDays(TenantId tenant, List<Span> spans) {
        if (spans.isEmpty()) {
            return List.of();
        }
        String key = QUESTION_KEY.replace("{0}", "m.question");
        return dsl.resultQuery("""
                select day, channel, %s as question_key,
                       min(m.question) as question,
                       count(*) as asked,
                       count(*) filter (where m.low_confidence or m.feedback = -1 or m.handed_off) as unanswered,
                       count(*) filter (where m.low_confidence) as fallbacks,
                       count(*) filter (where m.feedback = -1) as unhelpful,
                       count(*) filter (where m.handed_off) as handoffs
                  from (select (m.created_at at time zone 'UTC')::date as day, %s as channel, m.question,
                               m.low_confidence, m.feedback, m.handed_off
                          from (%s) m) m
                 where channel <> 'EVALUATION'
                 group by 1, 2, 3
                having %s <> ''""".formatted(key, CHANNEL_OF_MESSAGE, perSpan("""
                        select m.tenant_id, m.conversation_id, m.created_at, m.question, m.low_confidence,
                               m.feedback, m.handed_off
                          from chat.messages m
                         where m.tenant_id = ?::uuid
                           and m.author = 'ASSISTANT'
                           and (m.model is null or m.model not in (?, ?))
                           and m.question is not null""", "m.created_at", spans), key),
                        args(List.of(), List.of(tenant.value(), SmallTalk.MODEL, Clarification.MODEL), spans))
                .fetch(r -> new QuestionDay(r.get("day", LocalDate.class), Channel.valueOf(r.get("channel",
                        String.class)), r.get("question_key", String.class), r.get("question", String.class),
                        r.get("asked", Integer.class), r.get("unanswered", Integer.class),
                        r.get("fallbacks", Integer.class), r.get("unhelpful", Integer.class),
                        r.get("handoffs", Integer.class)));
    }

    /**
     * The answers' daily figures of {@code [from, to)} (ratings, fallbacks, implicit scores) in a channel (null: all
     * but evaluation runs), from the feedback review roll-up ({@code chat.answer_days}) and live for today.
     */
    public List<FeedbackReviewDay> answerDays(TenantId tenant, OffsetDateTime from, OffsetDateTime to,
                                              @Nullable Channel channel) {
        // no channel: every channel but evaluation runs (the feedback review's own "all")
        return answerDays.days(tenant, from, to, channel, null);
    }

    /**
     * The conversations of {@code [from, to)} in which a question of this normalised wording was answered, newest
     * first, at most {@code limit}; {@code unansweredOnly}: only where the answer fell back, was rated 👎 or handed
     * off. Transcripts deleted since (retention) are no longer listed. Read along {@code messages_question_key_idx}
     * (the hash of the normalised question, then time): only that question's answers of the period are read.
     */
    public List<AskedIn> askedIn(TenantId tenant, String questionKey, OffsetDateTime from, OffsetDateTime to,
                                 @Nullable Channel channel, boolean unansweredOnly, int limit) {
        String key = QUESTION_KEY.replace("{0}", "m.question");
        return dsl.resultQuery("""
                select m.conversation_id, c.channel, m.created_at, m.question, m.low_confidence,
                       coalesce(m.feedback = -1, false) as unhelpful, m.handed_off
                  from chat.messages m
                  join chat.conversations c on c.tenant_id = m.tenant_id and c.id = m.conversation_id
                 where m.tenant_id = ?::uuid
                   and m.author = 'ASSISTANT'
                   and (m.model is null or m.model not in (?, ?))
                   and m.created_at >= ?::timestamptz and m.created_at < ?::timestamptz
                   and c.channel <> 'EVALUATION'
                   and (?::text is null or c.channel = ?::text)
                   and (not ? or m.low_confidence or m.feedback = -1 or m.handed_off)
                   and m.question is not null
                   and md5(%s) = md5(?)
                   and %s = ?
                 order by m.created_at desc
                 limit ?""".formatted(key, key), tenant.value(), SmallTalk.MODEL, Clarification.MODEL, from, to,
                        channel == null ? null : channel.name(), channel == null ? null : channel.name(),
                        unansweredOnly, questionKey, questionKey, limit)
                .fetch(r -> new AskedIn(r.get(0, UUID.class), Channel.valueOf(r.get(1, String.class)),
                        r.get(2, OffsetDateTime.class), r.get(3, String.class), r.get(4, Boolean.class),
                        r.get(5, Boolean.class), r.get(6, Boolean.class)));
    }

    /**
     * The rows of each span, one {@code union all} branch per span: {@code select} (ending in its where clause)
     * restricted to {@code [from, to)} on the time column, bound by {@link #args}. One statement for all spans, yet
     * each branch a plain range along the time index (index-only where the index covers the columns): joined to
     * {@code unnest(...)} the planner guessed a tenth of the table and hashed every agent message of all workspaces;
     * as {@code (range or range …)} it fetched every row from the heap (a bitmap scan), 2–3× slower.
     */
    private static String perSpan(String select, String column, List<Span> spans) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < spans.size(); i++) {
            b.append(i == 0 ? "" : "\n union all\n").append(select).append("\n and ").append(column)
                    .append(" >= ?::timestamptz and ").append(column).append(" < ?::timestamptz");
        }
        return b.toString();
    }

    /** The bind values: {@code first}, then for each span {@code perSpan} and the span's bounds. */
    private static Object[] args(List<Object> first, List<Object> perSpan, List<Span> spans) {
        List<Object> args = new ArrayList<>(first);
        for (Span s : spans) {
            args.addAll(perSpan);
            args.add(s.from());
            args.add(s.to());
        }
        return args.toArray();
    }

    /** The UTC day the workspace's first conversation started, if it has any. */
    public Optional<LocalDate> firstConversationDay(TenantId tenant) {
        OffsetDateTime first = dsl.resultQuery("select min(created_at) from chat.conversations where tenant_id = ?",
                tenant.value()).fetchOne(0, OffsetDateTime.class);
        return Optional.ofNullable(first).map(t -> t.atZoneSameInstant(ZoneOffset.UTC).toLocalDate());
    }

    /**
     * Every workspace with conversations: the one read across workspaces, for the analytics roll-up job to find its
     * work (each workspace is then read on its own). It skips from one workspace to the next along an index, so it
     * costs a few index probes per workspace.
     */
    public List<TenantId> workspacesWithConversations() {
        return dsl.resultQuery("""
                        with recursive t (tenant_id) as (
                            (select tenant_id from chat.conversations order by tenant_id limit 1)
                            union all
                            select (select c.tenant_id from chat.conversations c
                                     where c.tenant_id > t.tenant_id order by c.tenant_id limit 1)
                              from t
                             where t.tenant_id is not null)
                        select tenant_id from t where tenant_id is not null order by tenant_id""")
                .fetch(r -> TenantId.of(r.get(0, UUID.class)));
    }
}
