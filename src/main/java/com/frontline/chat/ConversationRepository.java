package com.frontline.chat;

import com.frontline.shared.TenantId;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static com.frontline.db.chat.Tables.CONVERSATIONS;
import static com.frontline.db.chat.Tables.MESSAGES;

/** Conversations and their messages; every statement is scoped to one workspace. */
@Repository
class ConversationRepository {

    private static final TypeReference<List<Citation>> CITATIONS = new TypeReference<>() {
    };

    private final DSLContext dsl;
    private final JsonMapper json;

    ConversationRepository(DSLContext dsl, JsonMapper json) {
        this.dsl = dsl;
        this.json = json;
    }

    Conversation create(TenantId tenant, Channel channel, String visitorId) {
        UUID id = UUID.randomUUID();
        dsl.insertInto(CONVERSATIONS)
                .set(CONVERSATIONS.TENANT_ID, tenant.value())
                .set(CONVERSATIONS.ID, id)
                .set(CONVERSATIONS.CHANNEL, channel.name())
                .set(CONVERSATIONS.VISITOR_ID, visitorId)
                .execute();
        return find(tenant, id).orElseThrow();
    }

    Optional<Conversation> find(TenantId tenant, UUID id) {
        return dsl.selectFrom(CONVERSATIONS)
                .where(CONVERSATIONS.TENANT_ID.eq(tenant.value()), CONVERSATIONS.ID.eq(id))
                .fetchOptional(ConversationRepository::conversation);
    }

    /** Locks the conversation's row for the rest of the transaction: status changes are decided one at a time. */
    Optional<Conversation> lock(TenantId tenant, UUID id) {
        return dsl.selectFrom(CONVERSATIONS)
                .where(CONVERSATIONS.TENANT_ID.eq(tenant.value()), CONVERSATIONS.ID.eq(id))
                .forUpdate()
                .fetchOptional(ConversationRepository::conversation);
    }

    /** The visitor's most recent conversation in the channel, if any. */
    Optional<Conversation> latestOf(TenantId tenant, Channel channel, String visitorId) {
        // @formatter:off
        return dsl.selectFrom(CONVERSATIONS)
                .where(CONVERSATIONS.TENANT_ID.eq(tenant.value()),
                       CONVERSATIONS.CHANNEL.eq(channel.name()),
                       CONVERSATIONS.VISITOR_ID.eq(visitorId))
                .orderBy(CONVERSATIONS.UPDATED_AT.desc())
                .limit(1)
                .fetchOptional(ConversationRepository::conversation);
        // @formatter:on
    }

    /** Conversations the inbox serves: every widget conversation, and playground ones handed to the team. */
    private static Condition servedByInbox() {
        // an evaluation run's question that asks for a person counts as a handoff in its score, never in the inbox
        return CONVERSATIONS.CHANNEL.eq(Channel.WIDGET.name()).or(CONVERSATIONS.HANDOFF_AT.isNotNull()
                .and(CONVERSATIONS.CHANNEL.ne(Channel.EVALUATION.name())));
    }

    /** The conversation if the inbox serves it (see {@link #servedByInbox()}). */
    Optional<Conversation> findForInbox(TenantId tenant, UUID id) {
        // @formatter:off
        return dsl.selectFrom(CONVERSATIONS)
                .where(CONVERSATIONS.TENANT_ID.eq(tenant.value()),
                       CONVERSATIONS.ID.eq(id),
                       servedByInbox())
                .fetchOptional(ConversationRepository::conversation);
        // @formatter:on
    }

    /** Conversations the inbox serves in the given statuses with their customer; longest waiting first. */
    List<InboxItem> inboxItems(TenantId tenant, List<ConversationStatus> statuses, boolean newestFirst, int limit) {
        // @formatter:off
        return dsl.selectFrom(CONVERSATIONS)
                .where(CONVERSATIONS.TENANT_ID.eq(tenant.value()),
                       CONVERSATIONS.STATUS.in(statuses.stream().map(Enum::name).toList()),
                       servedByInbox())
                .orderBy(newestFirst ? CONVERSATIONS.UPDATED_AT.desc()
                                     : CONVERSATIONS.HANDOFF_AT.asc().nullsLast(),
                         CONVERSATIONS.ID)
                .limit(limit)
                .fetch(r -> new InboxItem(conversation(r), customer(r), List.of(), null));
        // @formatter:on
    }

    Optional<Customer> customer(TenantId tenant, UUID id) {
        return dsl.selectFrom(CONVERSATIONS)
                .where(CONVERSATIONS.TENANT_ID.eq(tenant.value()), CONVERSATIONS.ID.eq(id))
                .fetchOptional(ConversationRepository::customer);
    }

    /** Stores what the website told about the visitor; what is already known is kept when a value is missing. */
    void recordCustomer(TenantId tenant, UUID id, @Nullable String name, @Nullable String email,
                        @Nullable String pageUrl) {
        // @formatter:off
        dsl.update(CONVERSATIONS)
                .set(CONVERSATIONS.CUSTOMER_NAME, DSL.coalesce(DSL.val(name, CONVERSATIONS.CUSTOMER_NAME), CONVERSATIONS.CUSTOMER_NAME))
                .set(CONVERSATIONS.CUSTOMER_EMAIL, DSL.coalesce(DSL.val(email, CONVERSATIONS.CUSTOMER_EMAIL), CONVERSATIONS.CUSTOMER_EMAIL))
                // the page the chat started on, not every page the visitor opens afterwards
                .set(CONVERSATIONS.PAGE_URL, DSL.coalesce(CONVERSATIONS.PAGE_URL, DSL.val(pageUrl, CONVERSATIONS.PAGE_URL)))
                .where(CONVERSATIONS.TENANT_ID.eq(tenant.value()),
                       CONVERSATIONS.ID.eq(id))
                .execute();
        // @formatter:on
    }

    /** The last {@code perConversation} customer, assistant and agent messages of each conversation, oldest first. */
    Map<UUID, List<ChatMessage>> lastMessages(TenantId tenant, Collection<UUID> conversationIds, int perConversation) {
        if (conversationIds.isEmpty()) {
            return Map.of();
        }
        Field<Integer> rank = DSL.rowNumber()
                .over(DSL.partitionBy(MESSAGES.CONVERSATION_ID).orderBy(MESSAGES.SEQ.desc())).as("rank");
        // @formatter:off
        var ranked = dsl.select(MESSAGES.asterisk(), rank)
                .from(MESSAGES)
                .where(MESSAGES.TENANT_ID.eq(tenant.value()),
                       MESSAGES.CONVERSATION_ID.in(conversationIds),
                       MESSAGES.AUTHOR.ne(Author.SYSTEM.name()))
                .asTable("ranked");
        Map<UUID, List<ChatMessage>> byConversation = new LinkedHashMap<>();
        dsl.selectFrom(ranked)
                .where(ranked.field(rank).le(perConversation))
                .orderBy(ranked.field(MESSAGES.CONVERSATION_ID), ranked.field(MESSAGES.SEQ))
                .fetch(r -> message(r.into(MESSAGES)))
                .forEach(m -> byConversation.computeIfAbsent(m.conversationId(), k -> new ArrayList<>()).add(m));
        // @formatter:on
        return byConversation;
    }

    /** Each conversation's first customer message. */
    Map<UUID, String> firstQuestions(TenantId tenant, Collection<UUID> conversationIds) {
        if (conversationIds.isEmpty()) {
            return Map.of();
        }
        // @formatter:off
        return dsl.select(MESSAGES.CONVERSATION_ID, MESSAGES.BODY)
                .distinctOn(MESSAGES.CONVERSATION_ID)
                .from(MESSAGES)
                .where(MESSAGES.TENANT_ID.eq(tenant.value()),
                       MESSAGES.CONVERSATION_ID.in(conversationIds),
                       MESSAGES.AUTHOR.eq(Author.CUSTOMER.name()))
                .orderBy(MESSAGES.CONVERSATION_ID, MESSAGES.SEQ)
                .fetchMap(MESSAGES.CONVERSATION_ID, MESSAGES.BODY);
        // @formatter:on
    }

    /** Conversations in the given statuses, most recently active first. */
    List<Conversation> inStatus(TenantId tenant, List<ConversationStatus> statuses, int limit) {
        // @formatter:off
        return dsl.selectFrom(CONVERSATIONS)
                .where(CONVERSATIONS.TENANT_ID.eq(tenant.value()),
                       CONVERSATIONS.STATUS.in(statuses.stream().map(Enum::name).toList()))
                .orderBy(CONVERSATIONS.UPDATED_AT.desc())
                .limit(limit)
                .fetch(ConversationRepository::conversation);
        // @formatter:on
    }

    /**
     * Stores a conversation that took place earlier, with its own times: the demo workspace's history. The
     * conversation's last activity is its last message.
     */
    UUID insertPast(TenantId tenant, Channel channel, String visitorId, ConversationStatus status,
                    @Nullable String handoffReason, List<ChatService.PastMessage> messages) {
        UUID id = UUID.randomUUID();
        OffsetDateTime started = messages.getFirst().at();
        OffsetDateTime last = messages.getLast().at();
        // a handed-off transcript was handed off when the system first said so (the team's replies come after it)
        OffsetDateTime handedOff = messages.stream().filter(m -> m.author() == Author.SYSTEM)
                .map(ChatService.PastMessage::at).findFirst().orElse(last);
        // @formatter:off
        dsl.insertInto(CONVERSATIONS)
                .set(CONVERSATIONS.TENANT_ID, tenant.value())
                .set(CONVERSATIONS.ID, id)
                .set(CONVERSATIONS.CHANNEL, channel.name())
                .set(CONVERSATIONS.VISITOR_ID, visitorId)
                .set(CONVERSATIONS.STATUS, status.name())
                .set(CONVERSATIONS.HANDOFF_REASON, handoffReason)
                .set(CONVERSATIONS.HANDOFF_AT, handoffReason == null ? null : handedOff)
                .set(CONVERSATIONS.CREATED_AT, started)
                .set(CONVERSATIONS.UPDATED_AT, last)
                .execute();
        String question = null;
        for (ChatService.PastMessage m : messages) {
            if (m.author() == Author.CUSTOMER) {
                question = m.text();
            }
            dsl.insertInto(MESSAGES)
                    .set(MESSAGES.TENANT_ID, tenant.value())
                    .set(MESSAGES.ID, UUID.randomUUID())
                    .set(MESSAGES.CONVERSATION_ID, id)
                    .set(MESSAGES.AUTHOR, m.author().name())
                    .set(MESSAGES.AUTHOR_NAME, m.authorName())
                    .set(MESSAGES.BODY, m.text())
                    .set(MESSAGES.CITATIONS, JSONB.valueOf(json.writeValueAsString(m.citations())))
                    .set(MESSAGES.CONFIDENCE, m.confidence())
                    .set(MESSAGES.LOW_CONFIDENCE, m.lowConfidence())
                    .set(MESSAGES.EXTRACTIVE, m.author() == Author.ASSISTANT)
                    .set(MESSAGES.FEEDBACK, m.feedback() == null ? null : m.feedback().shortValue())
                    .set(MESSAGES.QUESTION, m.author() == Author.ASSISTANT ? question : null)
                    .set(MESSAGES.CREATED_AT, m.at())
                    .execute();
        }
        // @formatter:on
        return id;
    }

    void setStatus(TenantId tenant, UUID id, ConversationStatus status, @Nullable String handoffReason,
                   @Nullable UUID agentId, @Nullable String agentName) {
        var update = dsl.update(CONVERSATIONS)
                .set(CONVERSATIONS.STATUS, status.name())
                .set(CONVERSATIONS.AGENT_ID, agentId)
                .set(CONVERSATIONS.AGENT_NAME, agentName)
                .set(CONVERSATIONS.UPDATED_AT, OffsetDateTime.now());
        if (status == ConversationStatus.WAITING) {
            update = update.set(CONVERSATIONS.HANDOFF_REASON, handoffReason)
                    .set(CONVERSATIONS.HANDOFF_AT, OffsetDateTime.now());
        }
        update.where(CONVERSATIONS.TENANT_ID.eq(tenant.value()), CONVERSATIONS.ID.eq(id)).execute();
    }

    ChatMessage addMessage(TenantId tenant, UUID conversationId, NewMessage m) {
        return addMessage(tenant, conversationId, UUID.randomUUID(), m);
    }

    ChatMessage addMessage(TenantId tenant, UUID conversationId, UUID id, NewMessage m) {
        // @formatter:off
        ChatMessage saved = dsl.insertInto(MESSAGES)
                .set(MESSAGES.TENANT_ID, tenant.value())
                .set(MESSAGES.ID, id)
                .set(MESSAGES.CONVERSATION_ID, conversationId)
                .set(MESSAGES.AUTHOR, m.author().name())
                .set(MESSAGES.AUTHOR_NAME, m.authorName())
                .set(MESSAGES.BODY, m.text())
                .set(MESSAGES.CITATIONS, JSONB.valueOf(json.writeValueAsString(m.citations())))
                .set(MESSAGES.CONFIDENCE, m.confidence())
                .set(MESSAGES.LOW_CONFIDENCE, m.lowConfidence())
                .set(MESSAGES.EXTRACTIVE, m.extractive())
                .set(MESSAGES.PROVIDER, m.provider())
                .set(MESSAGES.MODEL, m.model())
                .set(MESSAGES.QUESTION, m.question())
                .set(MESSAGES.VERIFIED_CORRECTION_ID, m.verifiedCorrectionId())
                .set(MESSAGES.RETRIEVAL, m.retrieval() == null ? null
                        : JSONB.valueOf(json.writeValueAsString(m.retrieval())))
                .set(MESSAGES.ASSISTANT_VERSION, m.assistantVersion())
                .returning()
                .fetchOne(this::message);
        // @formatter:on
        dsl.update(CONVERSATIONS)
                .set(CONVERSATIONS.UPDATED_AT, OffsetDateTime.now())
                .where(CONVERSATIONS.TENANT_ID.eq(tenant.value()), CONVERSATIONS.ID.eq(conversationId))
                .execute();
        return java.util.Objects.requireNonNull(saved);
    }

    /** The conversation's messages after {@code afterSeq} (0: all), oldest first, at most {@code limit}. */
    List<ChatMessage> messages(TenantId tenant, UUID conversationId, long afterSeq, int limit) {
        // @formatter:off
        return dsl.selectFrom(MESSAGES)
                .where(MESSAGES.TENANT_ID.eq(tenant.value()),
                       MESSAGES.CONVERSATION_ID.eq(conversationId),
                       MESSAGES.SEQ.gt(afterSeq))
                .orderBy(MESSAGES.SEQ)
                .limit(limit)
                .fetch(this::message);
        // @formatter:on
    }

    /** The last {@code limit} messages, oldest first. */
    List<ChatMessage> lastMessages(TenantId tenant, UUID conversationId, int limit) {
        // @formatter:off
        List<ChatMessage> newestFirst = dsl.selectFrom(MESSAGES)
                .where(MESSAGES.TENANT_ID.eq(tenant.value()), MESSAGES.CONVERSATION_ID.eq(conversationId))
                .orderBy(MESSAGES.SEQ.desc())
                .limit(limit)
                .fetch(this::message);
        // @formatter:on
        return newestFirst.reversed();
    }

    Optional<ChatMessage> message(TenantId tenant, UUID conversationId, UUID messageId) {
        return dsl.selectFrom(MESSAGES)
                .where(MESSAGES.TENANT_ID.eq(tenant.value()), MESSAGES.CONVERSATION_ID.eq(conversationId),
                        MESSAGES.ID.eq(messageId))
                .fetchOptional(this::message);
    }

    Optional<ChatMessage> assistantAnswer(TenantId tenant, UUID messageId) {
        return dsl.selectFrom(MESSAGES)
                .where(MESSAGES.TENANT_ID.eq(tenant.value()), MESSAGES.ID.eq(messageId),
                        MESSAGES.AUTHOR.eq(Author.ASSISTANT.name()))
                .fetchOptional(this::message);
    }

    /** Rates one of the conversation's assistant answers; false when there is no such answer. */
    boolean setFeedback(TenantId tenant, UUID conversationId, UUID messageId, AnswerFeedback feedback) {
        // @formatter:off
        return dsl.update(MESSAGES)
                .set(MESSAGES.FEEDBACK, (short) feedback.value())
                .set(MESSAGES.FEEDBACK_REASONS, feedback.reasons().stream().map(Enum::name).toArray(String[]::new))
                .set(MESSAGES.FEEDBACK_COMMENT, feedback.comment())
                .set(MESSAGES.FEEDBACK_AT, OffsetDateTime.now())
                .where(MESSAGES.TENANT_ID.eq(tenant.value()),
                       MESSAGES.CONVERSATION_ID.eq(conversationId),
                       MESSAGES.ID.eq(messageId),
                       MESSAGES.AUTHOR.eq(Author.ASSISTANT.name()))
                .execute() == 1;
        // @formatter:on
    }

    /**
     * Marks the conversation's last assistant answer (not a reply to small talk) as the one after which it went to a
     * person, unless an agent has written since: then the handoff follows the agents' turn, not the answer.
     */
    void markLastAnswerHandedOff(TenantId tenant, UUID conversationId) {
        var later = MESSAGES.as("later");
        // @formatter:off
        var last = DSL.select(DSL.max(MESSAGES.SEQ))
                .from(MESSAGES)
                .where(MESSAGES.TENANT_ID.eq(tenant.value()),
                       MESSAGES.CONVERSATION_ID.eq(conversationId),
                       MESSAGES.AUTHOR.eq(Author.ASSISTANT.name()),
                       MESSAGES.MODEL.isDistinctFrom(SmallTalk.MODEL));
        dsl.update(MESSAGES)
                .set(MESSAGES.HANDED_OFF, true)
                .where(MESSAGES.TENANT_ID.eq(tenant.value()),
                       MESSAGES.CONVERSATION_ID.eq(conversationId),
                       MESSAGES.SEQ.eq(last),
                       DSL.notExists(DSL.selectOne()
                               .from(later)
                               .where(later.TENANT_ID.eq(tenant.value()),
                                      later.CONVERSATION_ID.eq(conversationId),
                                      later.AUTHOR.eq(Author.AGENT.name()),
                                      later.SEQ.gt(MESSAGES.SEQ))))
                .execute();
        // @formatter:on
    }

    /** The widget told us the visitor closed the chat or left the page. */
    boolean visitorLeft(TenantId tenant, UUID conversationId, OffsetDateTime at) {
        return dsl.update(CONVERSATIONS)
                .set(CONVERSATIONS.VISITOR_LEFT_AT, at)
                .where(CONVERSATIONS.TENANT_ID.eq(tenant.value()), CONVERSATIONS.ID.eq(conversationId))
                .execute() == 1;
    }

    /**
     * A conversation whose implicit signals are due: quiet since {@code activityAt}, which is after the last time
     * they were read.
     */
    record SignalsDue(TenantId tenant, UUID conversationId, OffsetDateTime activityAt,
                      @Nullable OffsetDateTime visitorLeftAt) {
    }

    /**
     * Conversations of every workspace (evaluation runs aside) whose last activity is before {@code quietBefore} and
     * after their signals were last read, oldest first, at most {@code limit}: the one cross-workspace read of the
     * signals job, which then reads and writes each conversation within its own workspace.
     */
    List<SignalsDue> signalsDue(OffsetDateTime quietBefore, int limit) {
        // @formatter:off
        return dsl.select(CONVERSATIONS.TENANT_ID, CONVERSATIONS.ID, CONVERSATIONS.UPDATED_AT,
                          CONVERSATIONS.VISITOR_LEFT_AT)
                .from(CONVERSATIONS)
                .where(CONVERSATIONS.UPDATED_AT.lt(quietBefore),
                       CONVERSATIONS.SIGNALS_AT.isNull().or(CONVERSATIONS.UPDATED_AT.gt(CONVERSATIONS.SIGNALS_AT)),
                       CONVERSATIONS.CHANNEL.ne(Channel.EVALUATION.name()))
                .orderBy(CONVERSATIONS.UPDATED_AT)
                .limit(limit)
                .fetch(r -> new SignalsDue(TenantId.of(r.get(CONVERSATIONS.TENANT_ID)), r.get(CONVERSATIONS.ID),
                        r.get(CONVERSATIONS.UPDATED_AT), r.get(CONVERSATIONS.VISITOR_LEFT_AT)));
        // @formatter:on
    }

    void setImplicitSignals(TenantId tenant, UUID messageId, ImplicitSignals signals) {
        // @formatter:off
        dsl.update(MESSAGES)
                .set(MESSAGES.IMPLICIT_SIGNALS, JSONB.valueOf(json.writeValueAsString(signals)))
                .set(MESSAGES.IMPLICIT_SCORE, signals.score())
                .where(MESSAGES.TENANT_ID.eq(tenant.value()),
                       MESSAGES.ID.eq(messageId),
                       MESSAGES.AUTHOR.eq(Author.ASSISTANT.name()))
                .execute();
        // @formatter:on
    }

    /** The conversation's signals were read up to its activity at {@code activityAt}. */
    void signalsRead(TenantId tenant, UUID conversationId, OffsetDateTime activityAt) {
        dsl.update(CONVERSATIONS)
                .set(CONVERSATIONS.SIGNALS_AT, activityAt)
                .where(CONVERSATIONS.TENANT_ID.eq(tenant.value()), CONVERSATIONS.ID.eq(conversationId))
                .execute();
    }

    /** The implicit signals stored on an answer, if the job has read them. */
    Optional<ImplicitSignals> implicitSignals(TenantId tenant, UUID messageId) {
        // @formatter:off
        return dsl.select(MESSAGES.IMPLICIT_SIGNALS)
                .from(MESSAGES)
                .where(MESSAGES.TENANT_ID.eq(tenant.value()),
                       MESSAGES.ID.eq(messageId),
                       MESSAGES.IMPLICIT_SIGNALS.isNotNull())
                .fetchOptional(r -> json.readValue(r.get(MESSAGES.IMPLICIT_SIGNALS).data(), ImplicitSignals.class));
        // @formatter:on
    }

    /** The retrieval trace stored on an answer, if any. */
    Optional<RetrievalTrace> retrieval(TenantId tenant, UUID messageId) {
        // @formatter:off
        return dsl.select(MESSAGES.RETRIEVAL)
                .from(MESSAGES)
                .where(MESSAGES.TENANT_ID.eq(tenant.value()),
                       MESSAGES.ID.eq(messageId),
                       MESSAGES.RETRIEVAL.isNotNull())
                .fetchOptional(r -> json.readValue(r.get(MESSAGES.RETRIEVAL).data(), RetrievalTrace.class));
        // @formatter:on
    }

    /** @param assistantVersion the assistant version that wrote an answer; null for the draft and for other messages */
    record NewMessage(Author author, @Nullable String authorName, String text, List<Citation> citations,
                      @Nullable Double confidence, boolean lowConfidence, boolean extractive,
                      @Nullable String provider, @Nullable String model, @Nullable String question,
                      @Nullable UUID verifiedCorrectionId, @Nullable RetrievalTrace retrieval,
                      @Nullable Integer assistantVersion) {

        NewMessage(Author author, @Nullable String authorName, String text, List<Citation> citations,
                   @Nullable Double confidence, boolean lowConfidence, boolean extractive,
                   @Nullable String provider, @Nullable String model, @Nullable String question,
                   @Nullable UUID verifiedCorrectionId, @Nullable RetrievalTrace retrieval) {
            this(author, authorName, text, citations, confidence, lowConfidence, extractive, provider, model, question,
                    verifiedCorrectionId, retrieval, null);
        }

        NewMessage(Author author, @Nullable String authorName, String text, List<Citation> citations,
                   @Nullable Double confidence, boolean lowConfidence, boolean extractive, @Nullable String provider,
                   @Nullable String model, @Nullable String question, @Nullable UUID verifiedCorrectionId) {
            this(author, authorName, text, citations, confidence, lowConfidence, extractive, provider, model, question,
                    verifiedCorrectionId, null);
        }

        static NewMessage plain(Author author, @Nullable String authorName, String text) {
            return new NewMessage(author, authorName, text, List.of(), null, false, false, null, null, null, null);
        }
    }

    private static Conversation conversation(Record r) {
        return new Conversation(r.get(CONVERSATIONS.ID), Channel.valueOf(r.get(CONVERSATIONS.CHANNEL)),
                r.get(CONVERSATIONS.VISITOR_ID), ConversationStatus.valueOf(r.get(CONVERSATIONS.STATUS)),
                r.get(CONVERSATIONS.HANDOFF_REASON), r.get(CONVERSATIONS.HANDOFF_AT), r.get(CONVERSATIONS.AGENT_ID),
                r.get(CONVERSATIONS.AGENT_NAME), r.get(CONVERSATIONS.CREATED_AT), r.get(CONVERSATIONS.UPDATED_AT));
    }

    private static Customer customer(Record r) {
        return new Customer(Channel.valueOf(r.get(CONVERSATIONS.CHANNEL)), r.get(CONVERSATIONS.CUSTOMER_NAME),
                r.get(CONVERSATIONS.CUSTOMER_EMAIL), r.get(CONVERSATIONS.PAGE_URL));
    }

    private ChatMessage message(Record r) {
        JSONB citations = r.get(MESSAGES.CITATIONS);
        Short feedback = r.get(MESSAGES.FEEDBACK);
        return new ChatMessage(r.get(MESSAGES.ID), r.get(MESSAGES.CONVERSATION_ID), r.get(MESSAGES.SEQ),
                Author.valueOf(r.get(MESSAGES.AUTHOR)), r.get(MESSAGES.AUTHOR_NAME), r.get(MESSAGES.BODY),
                citations == null ? List.of() : json.readValue(citations.data(), CITATIONS),
                r.get(MESSAGES.CONFIDENCE), r.get(MESSAGES.LOW_CONFIDENCE), r.get(MESSAGES.EXTRACTIVE),
                r.get(MESSAGES.PROVIDER), r.get(MESSAGES.MODEL), feedback == null ? null : feedback.intValue(),
                r.get(MESSAGES.CREATED_AT), r.get(MESSAGES.QUESTION), r.get(MESSAGES.VERIFIED_CORRECTION_ID),
                reasons(r.get(MESSAGES.FEEDBACK_REASONS)), r.get(MESSAGES.FEEDBACK_COMMENT),
                Boolean.TRUE.equals(r.get(MESSAGES.HANDED_OFF)));
    }

    private static List<FeedbackReason> reasons(String @Nullable [] names) {
        if (names == null) {
            return List.of();
        }
        List<FeedbackReason> reasons = new ArrayList<>();
        for (String name : names) {
            reasons.add(FeedbackReason.valueOf(name));
        }
        return reasons;
    }
}
