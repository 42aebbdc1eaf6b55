package com.frontline.chat;

import com.frontline.shared.TenantId;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/**
 * Tells the other app nodes that something happened in a conversation, through PostgreSQL's {@code NOTIFY} on
 * {@value #CHANNEL}; {@link ChatNotificationListener} on each node hands it to the streams open there.
 * <p>
 * The payload is small and names no content: {@code node|tenant|conversation|kind|value}. The receiving node reads
 * the message or status from the database, scoped to the tenant. Which events travel:
 * <ul>
 *   <li>{@code M} a stored message (value: its seq) and {@code S} a status change: yes, these are what an agent's
 *       reply on one node and a visitor's stream on another have in common;</li>
 *   <li>{@code A} an answer started and {@code R} its streamed text is void (value: the answer id): yes, once per
 *       answer, so a visitor streaming from another node sees "typing" and then the stored answer;</li>
 *   <li>the answer's tokens, and the playground's retrieval and provider details: no. They stay on the node that
 *       writes the answer, which is the node that took the question; a stream on another node gets the whole answer
 *       when it is stored (see docs/SCALING.md).</li>
 * </ul>
 * Sent with the caller's connection: inside a transaction PostgreSQL delivers it at commit (never for a rollback);
 * the chat service publishes after its transactions, so it goes at once.
 */
@Component
class ChatNotifier {

    private static final Logger log = LoggerFactory.getLogger(ChatNotifier.class);
    static final String CHANNEL = "frontline_chat";

    private final DSLContext dsl;
    /** This node, so that it skips its own notifications: it delivered those events already. */
    private final String node = UUID.randomUUID().toString().substring(0, 8);

    ChatNotifier(DSLContext dsl) {
        this.dsl = dsl;
    }

    String node() {
        return node;
    }

    void announce(TenantId tenant, UUID conversationId, ChatEvent event) {
        String payload = payload(node, tenant, conversationId, event);
        if (payload == null) {
            return;
        }
        try {
            dsl.select(DSL.function("pg_notify", SQLDataType.VARCHAR, DSL.val(CHANNEL), DSL.val(payload)))
                    .fetch();
        } catch (RuntimeException e) {
            // Streams on other nodes miss this live event; they read it from the database when they reconnect.
            log.warn("Could not notify the other nodes of a change in conversation {}: {}", conversationId,
                    e.toString());
        }
    }

    /** The notification for an event that other nodes' streams need, or null for one that stays on this node. */
    static @Nullable String payload(String node, TenantId tenant, UUID conversationId, ChatEvent event) {
        String kindAndValue = switch (event) {
            case ChatEvent.MessageAdded m -> "M|" + m.message().seq();
            case ChatEvent.StatusChanged s -> "S|" + s.status().name();
            case ChatEvent.AnswerStarted s -> "A|" + s.answerId();
            case ChatEvent.AnswerRestarted r -> "R|" + r.answerId();
            case ChatEvent.AnswerToken t -> null;
            case ChatEvent.Retrieved r -> null;
            case ChatEvent.ProvidersFailed f -> null;
        };
        return kindAndValue == null ? null
                : node + "|" + tenant.value() + "|" + conversationId + "|" + kindAndValue;
    }

    /** A notification as read back; {@code value} is a seq, a status name or an answer id by {@code kind}. */
    record Notice(String node, TenantId tenant, UUID conversationId, char kind, String value) {
    }

    static Optional<Notice> parse(String payload) {
        String[] parts = payload.split("\\|", -1);
        if (parts.length != 5 || parts[3].length() != 1 || "MSAR".indexOf(parts[3].charAt(0)) < 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Notice(parts[0], TenantId.of(UUID.fromString(parts[1])),
                    UUID.fromString(parts[2]), parts[3].charAt(0), parts[4]));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
