package com.frontline.corrections;

import com.frontline.db.corrections.tables.Corrections;
import com.frontline.shared.TenantId;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.frontline.db.corrections.Tables.CORRECTION_VERSIONS;
import static com.frontline.db.corrections.Tables.HANDOFF_PROPOSALS;

/**
 * What the privacy module needs from corrections about some conversations: the corrections that refer to them (a
 * correction of one of their answers, or a proposal from a handed-off conversation), to export, to delete (erasure of
 * an end customer: their question may quote them) or to unlink (retention: the teammate's answer stays knowledge).
 * A deleted correction's search document is the caller's to delete (its id is the document id).
 */
@Service
public class CorrectionErasure {

    private static final Corrections CORRECTIONS = com.frontline.db.corrections.Tables.CORRECTIONS_;

    private final DSLContext dsl;
    private final ApprovedQuestions approvedQuestions;

    CorrectionErasure(DSLContext dsl, ApprovedQuestions approvedQuestions) {
        this.dsl = dsl;
        this.approvedQuestions = approvedQuestions;
    }

    /** The corrections referring to these conversations, each with every text version it had. */
    @Transactional(readOnly = true)
    public List<Map<String, @Nullable Object>> export(TenantId tenant, Collection<UUID> conversationIds) {
        List<Map<String, @Nullable Object>> out = new ArrayList<>();
        for (Record c : dsl.select(CORRECTIONS.ID, CORRECTIONS.CONVERSATION_ID, CORRECTIONS.ANSWER_MESSAGE_ID,
                        CORRECTIONS.QUESTION, CORRECTIONS.ANSWER, CORRECTIONS.STATUS, CORRECTIONS.ORIGIN,
                        CORRECTIONS.AUTHOR_NAME, CORRECTIONS.CREATED_AT, CORRECTIONS.UPDATED_AT)
                .from(CORRECTIONS)
                .where(CORRECTIONS.TENANT_ID.eq(tenant.value()), CORRECTIONS.CONVERSATION_ID.in(conversationIds))
                .orderBy(CORRECTIONS.CREATED_AT).fetch()) {
            Map<String, @Nullable Object> m = new LinkedHashMap<>();
            UUID id = c.get(CORRECTIONS.ID);
            m.put("id", id.toString());
            m.put("conversation_id", String.valueOf(c.get(CORRECTIONS.CONVERSATION_ID)));
            m.put("answer_message_id", c.get(CORRECTIONS.ANSWER_MESSAGE_ID) == null ? null
                    : c.get(CORRECTIONS.ANSWER_MESSAGE_ID).toString());
            m.put("question", c.get(CORRECTIONS.QUESTION));
            m.put("answer", c.get(CORRECTIONS.ANSWER));
            m.put("status", c.get(CORRECTIONS.STATUS));
            m.put("origin", c.get(CORRECTIONS.ORIGIN));
            m.put("author_name", c.get(CORRECTIONS.AUTHOR_NAME));
            m.put("created_at", utc(c.get(CORRECTIONS.CREATED_AT)));
            m.put("updated_at", utc(c.get(CORRECTIONS.UPDATED_AT)));
            m.put("versions", dsl.select(CORRECTION_VERSIONS.TEXT_VERSION, CORRECTION_VERSIONS.QUESTION,
                            CORRECTION_VERSIONS.ANSWER, CORRECTION_VERSIONS.CREATED_AT)
                    .from(CORRECTION_VERSIONS)
                    .where(CORRECTION_VERSIONS.TENANT_ID.eq(tenant.value()), CORRECTION_VERSIONS.CORRECTION_ID.eq(id))
                    .orderBy(CORRECTION_VERSIONS.TEXT_VERSION).fetch().stream()
                    .map(v -> Map.of("text_version", v.get(CORRECTION_VERSIONS.TEXT_VERSION),
                            "question", v.get(CORRECTION_VERSIONS.QUESTION),
                            "answer", v.get(CORRECTION_VERSIONS.ANSWER),
                            "created_at", utc(v.get(CORRECTION_VERSIONS.CREATED_AT))))
                    .toList());
            out.add(m);
        }
        return out;
    }

    /**
     * Deletes the corrections referring to these conversations (with their versions) and the conversations' handoff
     * proposals, in the caller's transaction; returns the deleted corrections' ids (= their search document ids).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<UUID> delete(TenantId tenant, Collection<UUID> conversationIds) {
        if (conversationIds.isEmpty()) {
            return List.of();
        }
        dsl.deleteFrom(HANDOFF_PROPOSALS).where(HANDOFF_PROPOSALS.TENANT_ID.eq(tenant.value()),
                HANDOFF_PROPOSALS.CONVERSATION_ID.in(conversationIds)).execute();
        List<UUID> deleted = dsl.deleteFrom(CORRECTIONS)
                .where(CORRECTIONS.TENANT_ID.eq(tenant.value()), CORRECTIONS.CONVERSATION_ID.in(conversationIds))
                .returning(CORRECTIONS.ID).fetch(CORRECTIONS.ID);
        if (!deleted.isEmpty()) {
            // verified answers are matched from an in-memory snapshot: drop it once the deletion is committed
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    approvedQuestions.invalidate(tenant);
                }
            });
        }
        return deleted;
    }

    /**
     * Retention: the corrections stay (a teammate wrote the answer; approved ones are knowledge) but no longer point
     * at the deleted conversations; their handoff proposals go. Returns how many corrections were unlinked.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int unlink(TenantId tenant, Collection<UUID> conversationIds) {
        if (conversationIds.isEmpty()) {
            return 0;
        }
        dsl.deleteFrom(HANDOFF_PROPOSALS).where(HANDOFF_PROPOSALS.TENANT_ID.eq(tenant.value()),
                HANDOFF_PROPOSALS.CONVERSATION_ID.in(conversationIds)).execute();
        return dsl.update(CORRECTIONS)
                .setNull(CORRECTIONS.CONVERSATION_ID)
                .setNull(CORRECTIONS.ANSWER_MESSAGE_ID)
                .where(CORRECTIONS.TENANT_ID.eq(tenant.value()), CORRECTIONS.CONVERSATION_ID.in(conversationIds))
                .execute();
    }

    private static String utc(OffsetDateTime time) {
        return time.withOffsetSameInstant(ZoneOffset.UTC).toString();
    }
}
