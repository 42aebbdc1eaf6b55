package com.frontline.chat;

import com.frontline.shared.TenantId;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static com.frontline.db.chat.Tables.CONVERSATIONS;
import static com.frontline.db.chat.Tables.MESSAGES;

/**
 * A workspace's stored conversations in a stable order (by id), a page at a time, for jobs that walk the whole
 * history once (the insights backfill). Evaluation conversations are left out, as they are from every customer figure.
 */
@Service
public class ConversationHistory {

    /**
     * One conversation of the history.
     *
     * @param lastCustomerSeq the seq of its newest customer message; 0 when the customer wrote nothing
     * @param lastCustomerAt  when that message was written (the conversation's start when there is none)
     */
    public record Stored(UUID id, long lastCustomerSeq, OffsetDateTime lastCustomerAt) {
    }

    private final DSLContext dsl;

    ConversationHistory(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** How many conversations the workspace has (evaluation runs left out). */
    public int count(TenantId tenant) {
        return dsl.fetchCount(CONVERSATIONS, CONVERSATIONS.TENANT_ID.eq(tenant.value()),
                CONVERSATIONS.CHANNEL.ne(Channel.EVALUATION.name()));
    }

    /** Up to {@code limit} conversations with an id after {@code after} (all from the first when null), by id. */
    public List<Stored> page(TenantId tenant, @Nullable UUID after, int limit) {
        var lastCustomer = dsl.select(MESSAGES.SEQ, MESSAGES.CREATED_AT)
                .from(MESSAGES)
                .where(MESSAGES.TENANT_ID.eq(tenant.value()),
                        MESSAGES.CONVERSATION_ID.eq(CONVERSATIONS.ID),
                        MESSAGES.AUTHOR.eq(Author.CUSTOMER.name()))
                .orderBy(MESSAGES.SEQ.desc())
                .limit(1)
                .asTable("last_customer");
        var seq = lastCustomer.field(MESSAGES.SEQ);
        var at = lastCustomer.field(MESSAGES.CREATED_AT);
        // @formatter:off
        return dsl.select(CONVERSATIONS.ID, seq, at, CONVERSATIONS.CREATED_AT)
                .from(CONVERSATIONS)
                .leftJoin(DSL.lateral(lastCustomer)).on(DSL.trueCondition())
                .where(CONVERSATIONS.TENANT_ID.eq(tenant.value()),
                       CONVERSATIONS.CHANNEL.ne(Channel.EVALUATION.name()),
                       after == null ? DSL.noCondition() : CONVERSATIONS.ID.gt(after))
                .orderBy(CONVERSATIONS.ID)
                .limit(limit)
                .fetch(r -> new Stored(r.get(CONVERSATIONS.ID), r.get(seq) == null ? 0 : r.get(seq),
                        r.get(at) == null ? r.get(CONVERSATIONS.CREATED_AT) : r.get(at)));
        // @formatter:on
    }

    /**
     * Across workspaces: every workspace that has conversations. A loose index scan over the primary key (one probe
     * per workspace), so it stays cheap however many conversations there are; for the startup check of the backfill.
     */
    public List<TenantId> workspacesWithConversations() {
        return dsl.fetch("""
                with recursive w(tenant_id) as (
                    (select tenant_id from chat.conversations order by tenant_id limit 1)
                    union all
                    select (select c.tenant_id from chat.conversations c
                            where c.tenant_id > w.tenant_id order by c.tenant_id limit 1)
                    from w where w.tenant_id is not null)
                select tenant_id from w where tenant_id is not null""")
                .map(r -> TenantId.of(r.get(0, UUID.class)));
    }
}
