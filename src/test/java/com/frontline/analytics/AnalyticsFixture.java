package com.frontline.analytics;

import com.frontline.chat.Channel;
import com.frontline.shared.TenantId;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static com.frontline.db.chat.Tables.CONVERSATIONS;
import static com.frontline.db.chat.Tables.MESSAGES;

/**
 * Writes conversations straight into the chat tables, as the chat writes them: customer questions (in a few
 * wordings that normalise alike), answers that fall back, get rated or hand off, handoffs with a person's reply some
 * time later, conversations the visitor left, resolved ones, and evaluation runs (never counted).
 */
final class AnalyticsFixture {

    /** Questions, some in wordings that are the same after normalisation. */
    static final List<String> QUESTIONS = List.of("How long does shipping take?", "how long does shipping take",
            "How  long does SHIPPING take ?!", "Do you deliver to Norway?", "do you deliver to norway",
            "Can I return a blender?", "Where is my tracking link?", "Is there a student discount?",
            "What are your opening hours?", "My coffee machine blinks red");

    private final DSLContext dsl;

    AnalyticsFixture(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** {@code n} conversations over the last {@code days} days (and a few today), with every kind of figure. */
    void seed(TenantId tenant, int n, int days, OffsetDateTime now, Random random) {
        for (int i = 0; i < n; i++) {
            double c = random.nextDouble();
            Channel channel = c < 0.7 ? Channel.WIDGET : c < 0.9 ? Channel.PLAYGROUND : Channel.EVALUATION;
            OffsetDateTime start = now.minusSeconds(3600 + random.nextLong((long) days * 24 * 3600));
            conversation(tenant, channel, start, random);
        }
    }

    /** One conversation starting at {@code start}; returns its id. */
    UUID conversation(TenantId tenant, Channel channel, OffsetDateTime start, Random random) {
        UUID id = UUID.randomUUID();
        boolean handoff = random.nextDouble() < 0.2;
        boolean agentReplies = handoff && random.nextDouble() < 0.8;
        boolean left = random.nextDouble() < 0.3;
        String status = handoff ? (agentReplies ? (random.nextBoolean() ? "RESOLVED" : "AGENT") : "WAITING")
                : random.nextDouble() < 0.1 ? "RESOLVED" : "BOT";
        int turns = 1 + random.nextInt(3);
        OffsetDateTime at = start;
        OffsetDateTime handoffAt = null;
        dsl.insertInto(CONVERSATIONS)
                .set(CONVERSATIONS.TENANT_ID, tenant.value())
                .set(CONVERSATIONS.ID, id)
                .set(CONVERSATIONS.CHANNEL, channel.name())
                .set(CONVERSATIONS.VISITOR_ID, "visitor:analytics-" + random.nextInt(50))
                .set(CONVERSATIONS.STATUS, status)
                .set(CONVERSATIONS.CREATED_AT, start)
                .set(CONVERSATIONS.UPDATED_AT, start)
                .execute();
        for (int t = 0; t < turns; t++) {
            String question = QUESTIONS.get(random.nextInt(QUESTIONS.size()));
            message(tenant, id, "CUSTOMER", question, null, at, false, null, false, null);
            at = at.plusSeconds(2 + random.nextInt(30));
            double r = random.nextDouble();
            boolean lastTurn = t == turns - 1;
            message(tenant, id, "ASSISTANT", "An answer.", question, at, random.nextDouble() < 0.2,
                    r < 0.3 ? Integer.valueOf(1) : r < 0.45 ? Integer.valueOf(-1) : null, handoff && lastTurn,
                    random.nextDouble() < 0.5 ? random.nextDouble() : null);
            at = at.plusSeconds(10 + random.nextInt(300));
        }
        if (handoff) {
            handoffAt = at;
            // from seconds to more than a day, so that every bucket of the histogram sees some; never in the future
            long wait = (long) Math.pow(10, random.nextDouble() * 5.2);
            if (agentReplies && at.plusSeconds(wait).isBefore(OffsetDateTime.now().minusMinutes(1))) {
                at = at.plusSeconds(wait);
                message(tenant, id, "AGENT", "A person's reply.", null, at, false, null, false, null);
            }
        }
        dsl.update(CONVERSATIONS)
                .set(CONVERSATIONS.HANDOFF_AT, handoffAt)
                .set(CONVERSATIONS.HANDOFF_REASON, handoff ? "The customer asked for a person." : null)
                .set(CONVERSATIONS.VISITOR_LEFT_AT, left ? at.plusMinutes(1) : null)
                .set(CONVERSATIONS.UPDATED_AT, at)
                // read by the implicit-signals job already: it must not score answers while a test compares figures
                .set(CONVERSATIONS.SIGNALS_AT, at.plusMinutes(1))
                .where(CONVERSATIONS.TENANT_ID.eq(tenant.value()), CONVERSATIONS.ID.eq(id))
                .execute();
        return id;
    }

    UUID message(TenantId tenant, UUID conversation, String author, String body, @Nullable String question,
                 OffsetDateTime at, boolean lowConfidence, @Nullable Integer rating, boolean handedOff,
                 @Nullable Double implicit) {
        UUID id = UUID.randomUUID();
        dsl.insertInto(MESSAGES)
                .set(MESSAGES.TENANT_ID, tenant.value())
                .set(MESSAGES.ID, id)
                .set(MESSAGES.CONVERSATION_ID, conversation)
                .set(MESSAGES.AUTHOR, author)
                .set(MESSAGES.BODY, body)
                .set(MESSAGES.QUESTION, question)
                .set(MESSAGES.LOW_CONFIDENCE, lowConfidence)
                .set(MESSAGES.PROVIDER, "ASSISTANT".equals(author) ? "offline" : null)
                .set(MESSAGES.MODEL, "ASSISTANT".equals(author) ? "extractive" : null)
                .set(MESSAGES.FEEDBACK, rating == null ? null : rating.shortValue())
                .set(MESSAGES.HANDED_OFF, handedOff)
                .set(MESSAGES.IMPLICIT_SCORE, implicit)
                .set(MESSAGES.CREATED_AT, at)
                .execute();
        return id;
    }
}
