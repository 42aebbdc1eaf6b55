package com.frontline.chat;

import com.frontline.shared.TenantId;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jspecify.annotations.Nullable;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static com.frontline.db.chat.Tables.CONVERSATIONS;
import static com.frontline.db.chat.Tables.MESSAGES;

/**
 * Writes judged answers straight into the chat tables, with every column the review page reads (ratings with
 * reasons and comments, retrieval traces, handoffs, implicit signals), as the chat and the signals job will.
 */
public final class FeedbackReviewFixture {

    private final DSLContext dsl;

    public FeedbackReviewFixture(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** One customer question and the assistant's answer to it. */
    public static final class Answer {
        Channel channel = Channel.WIDGET;
        OffsetDateTime at = OffsetDateTime.now().minusHours(1);
        String question = "How long does shipping take?";
        String answer = "Standard shipping takes 2 to 4 working days. [1]";
        @Nullable Integer rating = 1;
        List<String> reasons = new ArrayList<>();
        @Nullable String comment;
        @Nullable Double confidence = 0.8;
        boolean lowConfidence;
        boolean handedOff;
        @Nullable Double implicitScore;
        @Nullable String signals;
        @Nullable String provider = "offline";
        @Nullable String model = "extractive";
        @Nullable String retrieval;
        String citations = "[]";
        @Nullable UUID id;

        public Answer channel(Channel c) { channel = c; return this; }
        public Answer at(OffsetDateTime t) { at = t; return this; }
        public Answer question(String q) { question = q; return this; }
        public Answer answer(String a) { answer = a; return this; }
        public Answer rating(@Nullable Integer r) { rating = r; return this; }
        public Answer reasons(String... r) { reasons = List.of(r); return this; }
        public Answer comment(@Nullable String c) { comment = c; return this; }
        public Answer confidence(@Nullable Double c) { confidence = c; return this; }
        public Answer fellBack() { lowConfidence = true; return this; }
        public Answer handedOff() { handedOff = true; return this; }
        public Answer implicit(double score, String signalsJson) { implicitScore = score; signals = signalsJson; return this; }
        public Answer model(@Nullable String p, @Nullable String m) { provider = p; model = m; return this; }
        public Answer retrieval(String json) { retrieval = json; return this; }
        public Answer citations(String json) { citations = json; return this; }
        public Answer id(UUID i) { id = i; return this; }
    }

    public static Answer answer() {
        return new Answer();
    }

    /** Stores a conversation with the question and the answer; returns the answer's message id. */
    public UUID insert(TenantId tenant, Answer a) {
        UUID conversation = UUID.randomUUID();
        UUID id = a.id == null ? UUID.randomUUID() : a.id;
        dsl.insertInto(CONVERSATIONS)
                .set(CONVERSATIONS.TENANT_ID, tenant.value())
                .set(CONVERSATIONS.ID, conversation)
                .set(CONVERSATIONS.CHANNEL, a.channel.name())
                .set(CONVERSATIONS.VISITOR_ID, "visitor:fixture")
                .set(CONVERSATIONS.CREATED_AT, a.at.minusSeconds(5))
                .set(CONVERSATIONS.UPDATED_AT, a.at)
                .execute();
        dsl.insertInto(MESSAGES)
                .set(MESSAGES.TENANT_ID, tenant.value())
                .set(MESSAGES.ID, UUID.randomUUID())
                .set(MESSAGES.CONVERSATION_ID, conversation)
                .set(MESSAGES.AUTHOR, Author.CUSTOMER.name())
                .set(MESSAGES.BODY, a.question)
                .set(MESSAGES.CREATED_AT, a.at.minusSeconds(5))
                .execute();
        dsl.insertInto(MESSAGES)
                .set(MESSAGES.TENANT_ID, tenant.value())
                .set(MESSAGES.ID, id)
                .set(MESSAGES.CONVERSATION_ID, conversation)
                .set(MESSAGES.AUTHOR, Author.ASSISTANT.name())
                .set(MESSAGES.AUTHOR_NAME, "Ava")
                .set(MESSAGES.BODY, a.answer)
                .set(MESSAGES.QUESTION, a.question)
                .set(MESSAGES.CITATIONS, JSONB.valueOf(a.citations))
                .set(MESSAGES.CONFIDENCE, a.confidence)
                .set(MESSAGES.LOW_CONFIDENCE, a.lowConfidence)
                .set(MESSAGES.EXTRACTIVE, true)
                .set(MESSAGES.PROVIDER, a.provider)
                .set(MESSAGES.MODEL, a.model)
                .set(MESSAGES.FEEDBACK, a.rating == null ? null : a.rating.shortValue())
                .set(MESSAGES.FEEDBACK_REASONS, a.reasons.toArray(String[]::new))
                .set(MESSAGES.FEEDBACK_COMMENT, a.comment)
                .set(MESSAGES.FEEDBACK_AT, a.rating == null ? null : a.at.plusSeconds(30))
                .set(MESSAGES.RETRIEVAL, a.retrieval == null ? null : JSONB.valueOf(a.retrieval))
                .set(MESSAGES.HANDED_OFF, a.handedOff)
                .set(MESSAGES.IMPLICIT_SIGNALS, a.signals == null ? null : JSONB.valueOf(a.signals))
                .set(MESSAGES.IMPLICIT_SCORE, a.implicitScore)
                .set(MESSAGES.CREATED_AT, a.at)
                .execute();
        return id;
    }
}
