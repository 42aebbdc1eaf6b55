package com.frontline.chat;

import com.frontline.shared.TenantId;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static com.frontline.db.chat.Tables.ANSWER_DAYS_STATE;
import static com.frontline.db.chat.Tables.CONVERSATIONS;
import static com.frontline.db.chat.Tables.MESSAGES;
import static com.frontline.db.chat.Tables.WEBHOOK_DELIVERIES;

/**
 * What the privacy module needs from the chat: the conversations of one end customer (by the widget's visitor id or
 * the e-mail the website passed), the conversations past a retention period, everything held about some
 * conversations as plain values (for a customer's data export), and their deletion. Every method is scoped to one
 * workspace. Deletes run with {@code frontline.retention = on}, so the daily roll-up keeps past figures.
 */
@Service
public class ConversationErasure {

    /** What a deletion removed. */
    public record Deleted(int conversations, int messages) {
    }

    private final DSLContext dsl;
    private final JsonMapper json;

    ConversationErasure(DSLContext dsl, JsonMapper json) {
        this.dsl = dsl;
        this.json = json;
    }

    /** The conversations whose visitor id is {@code visitor}, or whose customer e-mail is it (any case). */
    @Transactional(readOnly = true)
    public List<UUID> conversationsOf(TenantId tenant, String visitorOrEmail) {
        String key = visitorOrEmail.strip();
        if (key.isEmpty()) {
            return List.of();
        }
        return dsl.select(CONVERSATIONS.ID).from(CONVERSATIONS)
                .where(CONVERSATIONS.TENANT_ID.eq(tenant.value()))
                .and(CONVERSATIONS.VISITOR_ID.eq(key)
                        .or(DSL.lower(CONVERSATIONS.CUSTOMER_EMAIL).eq(key.toLowerCase(Locale.ROOT))))
                .orderBy(CONVERSATIONS.CREATED_AT, CONVERSATIONS.ID)
                .fetch(CONVERSATIONS.ID);
    }

    /**
     * Up to {@code limit} conversations last active before {@code cutoff}, oldest first, and only on days the daily
     * roll-up has already counted (so deleting them changes no figure the roll-up has yet to compute).
     */
    @Transactional(readOnly = true)
    public List<UUID> expired(TenantId tenant, OffsetDateTime cutoff, int limit) {
        var rolledUpThrough = dsl.select(ANSWER_DAYS_STATE.COMPLETE_THROUGH).from(ANSWER_DAYS_STATE)
                .where(ANSWER_DAYS_STATE.TENANT_ID.eq(tenant.value())).fetchOne(ANSWER_DAYS_STATE.COMPLETE_THROUGH);
        if (rolledUpThrough == null) {
            return List.of();
        }
        OffsetDateTime rolledUpBefore = rolledUpThrough.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);
        OffsetDateTime before = cutoff.isBefore(rolledUpBefore) ? cutoff : rolledUpBefore;
        return dsl.select(CONVERSATIONS.ID).from(CONVERSATIONS)
                .where(CONVERSATIONS.TENANT_ID.eq(tenant.value()), CONVERSATIONS.UPDATED_AT.lt(before))
                .and(DSL.notExists(DSL.selectOne().from(MESSAGES)
                        .where(MESSAGES.TENANT_ID.eq(tenant.value()), MESSAGES.CONVERSATION_ID.eq(CONVERSATIONS.ID),
                                MESSAGES.CREATED_AT.ge(before))))
                .orderBy(CONVERSATIONS.UPDATED_AT, CONVERSATIONS.ID)
                .limit(limit)
                .fetch(CONVERSATIONS.ID);
    }

    /** Everything held about these conversations: each with its messages (feedback included) and webhook deliveries. */
    @Transactional(readOnly = true)
    public List<Map<String, @Nullable Object>> export(TenantId tenant, Collection<UUID> conversationIds) {
        List<Map<String, @Nullable Object>> out = new ArrayList<>();
        for (Record c : dsl.selectFrom(CONVERSATIONS)
                .where(CONVERSATIONS.TENANT_ID.eq(tenant.value()), CONVERSATIONS.ID.in(conversationIds))
                .orderBy(CONVERSATIONS.CREATED_AT, CONVERSATIONS.ID).fetch()) {
            Map<String, @Nullable Object> conversation = plain(c, "tenant_id");
            UUID id = c.get(CONVERSATIONS.ID);
            conversation.put("messages", dsl.selectFrom(MESSAGES)
                    .where(MESSAGES.TENANT_ID.eq(tenant.value()), MESSAGES.CONVERSATION_ID.eq(id))
                    .orderBy(MESSAGES.SEQ).fetch().stream().map(m -> plain(m, "tenant_id", "conversation_id")).toList());
            conversation.put("handoffWebhookDeliveries", dsl.selectFrom(WEBHOOK_DELIVERIES)
                    .where(WEBHOOK_DELIVERIES.TENANT_ID.eq(tenant.value()), WEBHOOK_DELIVERIES.CONVERSATION_ID.eq(id))
                    .orderBy(WEBHOOK_DELIVERIES.CREATED_AT).fetch().stream()
                    .map(d -> plain(d, "tenant_id", "conversation_id")).toList());
            out.add(conversation);
        }
        return out;
    }

    /**
     * Deletes the conversations with their messages (and the feedback on them) and handoff webhook deliveries, in
     * the caller's transaction, without marking roll-up days stale.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Deleted delete(TenantId tenant, Collection<UUID> conversationIds) {
        if (conversationIds.isEmpty()) {
            return new Deleted(0, 0);
        }
        dsl.execute("set local frontline.retention = 'on'");
        int messages = dsl.fetchCount(MESSAGES, MESSAGES.TENANT_ID.eq(tenant.value())
                .and(MESSAGES.CONVERSATION_ID.in(conversationIds)));
        dsl.deleteFrom(WEBHOOK_DELIVERIES).where(WEBHOOK_DELIVERIES.TENANT_ID.eq(tenant.value()),
                WEBHOOK_DELIVERIES.CONVERSATION_ID.in(conversationIds)).execute();
        int conversations = dsl.deleteFrom(CONVERSATIONS)
                .where(CONVERSATIONS.TENANT_ID.eq(tenant.value()), CONVERSATIONS.ID.in(conversationIds)).execute();
        dsl.execute("set local frontline.retention = 'off'");
        return new Deleted(conversations, messages);
    }

    private Map<String, @Nullable Object> plain(Record record, String... skip) {
        List<String> skipped = Arrays.asList(skip);
        Map<String, @Nullable Object> map = new LinkedHashMap<>();
        for (var field : record.fields()) {
            if (skipped.contains(field.getName())) {
                continue;
            }
            map.put(field.getName(), plainValue(record.get(field)));
        }
        return map;
    }

    private @Nullable Object plainValue(@Nullable Object value) {
        return switch (value) {
            case null -> null;
            case JSONB jsonb -> json.readTree(jsonb.data());
            case Object[] array -> Arrays.stream(array).map(this::plainValue).toList();
            case OffsetDateTime time -> time.withOffsetSameInstant(ZoneOffset.UTC).toString();
            case Temporal temporal -> temporal.toString();
            case UUID uuid -> uuid.toString();
            default -> value;
        };
    }
}
