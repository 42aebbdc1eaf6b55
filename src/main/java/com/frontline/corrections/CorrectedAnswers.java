package com.frontline.corrections;

import com.frontline.shared.TenantId;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static com.frontline.db.corrections.Tables.CORRECTIONS_;

/**
 * Which of the assistant's answers a teammate wrote a correction for: the correction rate of an assistant version
 * (experiments and rollouts) counts its answers among these. Corrections proposed from handoffs name no answer.
 */
@Service
public class CorrectedAnswers {

    /** Most answer ids {@link #since} returns. */
    public static final int LIMIT = 50_000;

    private final DSLContext dsl;

    CorrectedAnswers(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * The answers corrected by corrections written at or after {@code since} (a correction comes after its answer, so
     * these include every corrected answer of that span), newest first, at most {@value #LIMIT}; rejected
     * corrections count too: someone found the answer wrong.
     */
    @Transactional(readOnly = true)
    public List<UUID> since(TenantId tenant, OffsetDateTime since) {
        // @formatter:off
        return dsl.selectDistinct(CORRECTIONS_.ANSWER_MESSAGE_ID, CORRECTIONS_.CREATED_AT)
                .from(CORRECTIONS_)
                .where(CORRECTIONS_.TENANT_ID.eq(tenant.value()),
                        CORRECTIONS_.ANSWER_MESSAGE_ID.isNotNull(),
                        CORRECTIONS_.CREATED_AT.ge(since))
                .orderBy(CORRECTIONS_.CREATED_AT.desc())
                .limit(LIMIT)
                .fetch(CORRECTIONS_.ANSWER_MESSAGE_ID)
                .stream()
                .distinct()
                .toList();
        // @formatter:on
    }
}
