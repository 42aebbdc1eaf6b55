package com.frontline.corrections;

import com.frontline.shared.TenantId;
import com.frontline.db.corrections.Tables;
import com.frontline.db.corrections.tables.Corrections;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import static com.frontline.db.corrections.Tables.CORRECTION_VERSIONS;
import static com.frontline.db.corrections.Tables.HANDOFF_PROPOSALS;
import static com.frontline.db.corrections.Tables.SETTINGS;
import static org.jooq.impl.DSL.count;

/** The corrections of each workspace, their text history, handoff proposals and the match threshold. */
@Repository
class CorrectionRepository {

    /** The table (jOOQ names it {@code CORRECTIONS_}, as its schema is called corrections too). */
    private static final Corrections CORRECTIONS = Tables.CORRECTIONS_;

    /** A new correction as stored, its first text included. */
    record NewCorrection(UUID id, String question, String answer, @Nullable String sourceUrl,
                         @Nullable String category, CorrectionOrigin origin, @Nullable UUID answerMessageId,
                         @Nullable UUID conversationId, @Nullable UUID authorId, String authorName,
                         float[] questionEmbedding) {
    }

    /** A new text for a correction. */
    record NewText(String question, String answer, @Nullable String sourceUrl, @Nullable String category,
                   float[] questionEmbedding) {
    }

    /** What the verified-answer lookup compares: an approved correction's question embedding and its answer. */
    record Approved(UUID id, String question, String answer, @Nullable String sourceUrl, float[] embedding) {
    }

    /** A pending correction's question embedding, for merging near-identical proposals. */
    record PendingQuestion(UUID id, float[] embedding) {
    }

    /** One line of the training export. */
    record Exported(UUID id, String question, String answer) {
    }

    private final DSLContext dsl;

    CorrectionRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    void insert(TenantId tenant, NewCorrection c) {
        dsl.insertInto(CORRECTIONS)
                .set(CORRECTIONS.TENANT_ID, tenant.value())
                .set(CORRECTIONS.ID, c.id())
                .set(CORRECTIONS.QUESTION, c.question())
                .set(CORRECTIONS.ANSWER, c.answer())
                .set(CORRECTIONS.SOURCE_URL, c.sourceUrl())
                .set(CORRECTIONS.CATEGORY, c.category())
                .set(CORRECTIONS.STATUS, CorrectionStatus.PENDING.name())
                .set(CORRECTIONS.ORIGIN, c.origin().name())
                .set(CORRECTIONS.ANSWER_MESSAGE_ID, c.answerMessageId())
                .set(CORRECTIONS.CONVERSATION_ID, c.conversationId())
                .set(CORRECTIONS.AUTHOR_ID, c.authorId())
                .set(CORRECTIONS.AUTHOR_NAME, c.authorName())
                .set(CORRECTIONS.LAST_ACTOR, c.authorName())
                .set(CORRECTIONS.QUESTION_EMBEDDING, boxed(c.questionEmbedding()))
                .execute();
        insertVersion(tenant, c.id(), 1, c.question(), c.answer(), c.sourceUrl(), c.category(), c.authorName());
    }

    private void insertVersion(TenantId tenant, UUID id, int textVersion, String question, String answer,
                               @Nullable String sourceUrl, @Nullable String category, String writtenBy) {
        dsl.insertInto(CORRECTION_VERSIONS)
                .set(CORRECTION_VERSIONS.TENANT_ID, tenant.value())
                .set(CORRECTION_VERSIONS.CORRECTION_ID, id)
                .set(CORRECTION_VERSIONS.TEXT_VERSION, textVersion)
                .set(CORRECTION_VERSIONS.QUESTION, question)
                .set(CORRECTION_VERSIONS.ANSWER, answer)
                .set(CORRECTION_VERSIONS.SOURCE_URL, sourceUrl)
                .set(CORRECTION_VERSIONS.CATEGORY, category)
                .set(CORRECTION_VERSIONS.WRITTEN_BY, writtenBy)
                .execute();
    }

    Optional<Correction> findById(TenantId tenant, UUID id) {
        return dsl.selectFrom(CORRECTIONS)
                .where(CORRECTIONS.TENANT_ID.eq(tenant.value()), CORRECTIONS.ID.eq(id))
                .fetchOptional(CorrectionRepository::toCorrection);
    }

    /** Newest change first. */
    List<Correction> list(TenantId tenant, CorrectionStatus status, int limit) {
        return dsl.selectFrom(CORRECTIONS)
                .where(CORRECTIONS.TENANT_ID.eq(tenant.value()), CORRECTIONS.STATUS.eq(status.name()))
                .orderBy(CORRECTIONS.UPDATED_AT.desc(), CORRECTIONS.ID)
                .limit(limit)
                .fetch(CorrectionRepository::toCorrection);
    }

    Map<CorrectionStatus, Integer> counts(TenantId tenant) {
        Map<CorrectionStatus, Integer> counts = new EnumMap<>(CorrectionStatus.class);
        for (CorrectionStatus s : CorrectionStatus.values()) {
            counts.put(s, 0);
        }
        dsl.select(CORRECTIONS.STATUS, count())
                .from(CORRECTIONS)
                .where(CORRECTIONS.TENANT_ID.eq(tenant.value()))
                .groupBy(CORRECTIONS.STATUS)
                .forEach(r -> counts.put(CorrectionStatus.valueOf(r.value1()), r.value2()));
        return counts;
    }

    /** Newest text first. */
    List<CorrectionVersion> history(TenantId tenant, UUID id) {
        return dsl.selectFrom(CORRECTION_VERSIONS)
                .where(CORRECTION_VERSIONS.TENANT_ID.eq(tenant.value()), CORRECTION_VERSIONS.CORRECTION_ID.eq(id))
                .orderBy(CORRECTION_VERSIONS.TEXT_VERSION.desc())
                .fetch(r -> new CorrectionVersion(r.getTextVersion(), r.getQuestion(), r.getAnswer(),
                        r.getSourceUrl(), r.getCategory(), r.getWrittenBy(), r.getCreatedAt()));
    }

    /**
     * Saves a new text as the next text version, if the row still has {@code expectedVersion} and one of the
     * {@code from} states; returns the new text version, or empty when someone changed it in between.
     */
    Optional<Integer> updateText(TenantId tenant, UUID id, int expectedVersion, List<CorrectionStatus> from,
                                 NewText text, String actor) {
        Optional<Integer> textVersion = dsl.update(CORRECTIONS)
                .set(CORRECTIONS.QUESTION, text.question())
                .set(CORRECTIONS.ANSWER, text.answer())
                .set(CORRECTIONS.SOURCE_URL, text.sourceUrl())
                .set(CORRECTIONS.CATEGORY, text.category())
                .set(CORRECTIONS.QUESTION_EMBEDDING, boxed(text.questionEmbedding()))
                .set(CORRECTIONS.TEXT_VERSION, CORRECTIONS.TEXT_VERSION.plus(1))
                .set(CORRECTIONS.VERSION, CORRECTIONS.VERSION.plus(1))
                .set(CORRECTIONS.LAST_ACTION, ReviewAction.EDIT.pastTense())
                .set(CORRECTIONS.LAST_ACTOR, actor)
                .set(CORRECTIONS.UPDATED_AT, OffsetDateTime.now())
                .where(CORRECTIONS.TENANT_ID.eq(tenant.value()), CORRECTIONS.ID.eq(id),
                        CORRECTIONS.VERSION.eq(expectedVersion), CORRECTIONS.STATUS.in(names(from)))
                .returningResult(CORRECTIONS.TEXT_VERSION)
                .fetchOptional(r -> r.value1());
        textVersion.ifPresent(v -> insertVersion(tenant, id, v, text.question(), text.answer(), text.sourceUrl(),
                text.category(), actor));
        return textVersion;
    }

    /**
     * Moves the correction to {@code to}, if the row still has {@code expectedVersion} and one of the {@code from}
     * states; false when someone changed it in between.
     */
    boolean review(TenantId tenant, UUID id, int expectedVersion, List<CorrectionStatus> from, CorrectionStatus to,
                   String action, @Nullable Integer score, @Nullable String comment, String actor) {
        var update = dsl.update(CORRECTIONS)
                .set(CORRECTIONS.STATUS, to.name())
                .set(CORRECTIONS.VERSION, CORRECTIONS.VERSION.plus(1))
                .set(CORRECTIONS.LAST_ACTION, action)
                .set(CORRECTIONS.LAST_ACTOR, actor)
                .set(CORRECTIONS.UPDATED_AT, OffsetDateTime.now());
        if (score != null) {
            update = update.set(CORRECTIONS.QUALITY_SCORE, score.shortValue());
        }
        if (comment != null) {
            update = update.set(CORRECTIONS.REVIEWER_COMMENT, comment);
        }
        return update.where(CORRECTIONS.TENANT_ID.eq(tenant.value()), CORRECTIONS.ID.eq(id),
                        CORRECTIONS.VERSION.eq(expectedVersion), CORRECTIONS.STATUS.in(names(from)))
                .execute() == 1;
    }

    /** Every approved correction's question embedding and answer: what the verified-answer lookup holds. */
    List<Approved> approved(TenantId tenant) {
        return dsl.select(CORRECTIONS.ID, CORRECTIONS.QUESTION, CORRECTIONS.ANSWER, CORRECTIONS.SOURCE_URL,
                        CORRECTIONS.QUESTION_EMBEDDING)
                .from(CORRECTIONS)
                .where(CORRECTIONS.TENANT_ID.eq(tenant.value()),
                        CORRECTIONS.STATUS.eq(CorrectionStatus.APPROVED.name()))
                .fetch(r -> new Approved(r.get(CORRECTIONS.ID), r.get(CORRECTIONS.QUESTION),
                        r.get(CORRECTIONS.ANSWER), r.get(CORRECTIONS.SOURCE_URL),
                        unboxed(r.get(CORRECTIONS.QUESTION_EMBEDDING))));
    }

    List<PendingQuestion> pendingQuestions(TenantId tenant) {
        return dsl.select(CORRECTIONS.ID, CORRECTIONS.QUESTION_EMBEDDING)
                .from(CORRECTIONS)
                .where(CORRECTIONS.TENANT_ID.eq(tenant.value()),
                        CORRECTIONS.STATUS.eq(CorrectionStatus.PENDING.name()))
                .fetch(r -> new PendingQuestion(r.get(CORRECTIONS.ID),
                        unboxed(r.get(CORRECTIONS.QUESTION_EMBEDDING))));
    }

    /** One more handoff asked this proposal's question (does not count as a change for optimistic locking). */
    void countAlsoAsked(TenantId tenant, UUID id) {
        dsl.update(CORRECTIONS)
                .set(CORRECTIONS.ALSO_ASKED, CORRECTIONS.ALSO_ASKED.plus(1))
                .where(CORRECTIONS.TENANT_ID.eq(tenant.value()), CORRECTIONS.ID.eq(id))
                .execute();
    }

    void countHit(TenantId tenant, UUID id) {
        dsl.update(CORRECTIONS)
                .set(CORRECTIONS.HIT_COUNT, CORRECTIONS.HIT_COUNT.plus(1))
                .where(CORRECTIONS.TENANT_ID.eq(tenant.value()), CORRECTIONS.ID.eq(id))
                .execute();
    }

    boolean handoffProposed(TenantId tenant, UUID conversationId) {
        return dsl.fetchExists(HANDOFF_PROPOSALS, HANDOFF_PROPOSALS.TENANT_ID.eq(tenant.value()),
                HANDOFF_PROPOSALS.CONVERSATION_ID.eq(conversationId));
    }

    /** Records that the conversation was proposed (as, or merged into, the correction); false if it already was. */
    boolean recordHandoff(TenantId tenant, UUID conversationId, UUID correctionId) {
        return dsl.insertInto(HANDOFF_PROPOSALS)
                .set(HANDOFF_PROPOSALS.TENANT_ID, tenant.value())
                .set(HANDOFF_PROPOSALS.CONVERSATION_ID, conversationId)
                .set(HANDOFF_PROPOSALS.CORRECTION_ID, correctionId)
                .onConflictDoNothing()
                .execute() == 1;
    }

    Optional<Double> threshold(TenantId tenant) {
        return dsl.select(SETTINGS.MATCH_THRESHOLD)
                .from(SETTINGS)
                .where(SETTINGS.TENANT_ID.eq(tenant.value()))
                .fetchOptional(r -> r.value1());
    }

    void saveThreshold(TenantId tenant, double threshold) {
        dsl.insertInto(SETTINGS)
                .set(SETTINGS.TENANT_ID, tenant.value())
                .set(SETTINGS.MATCH_THRESHOLD, threshold)
                .onConflict(SETTINGS.TENANT_ID)
                .doUpdate()
                .set(SETTINGS.MATCH_THRESHOLD, threshold)
                .set(SETTINGS.UPDATED_AT, OffsetDateTime.now())
                .execute();
    }

    /** Approved corrections scored at least {@code minScore}, oldest first, a row at a time (a server-side cursor). */
    void forEachExported(TenantId tenant, int minScore, Consumer<Exported> each) {
        try (var cursor = dsl.select(CORRECTIONS.ID, CORRECTIONS.QUESTION, CORRECTIONS.ANSWER)
                .from(CORRECTIONS)
                .where(CORRECTIONS.TENANT_ID.eq(tenant.value()),
                        CORRECTIONS.STATUS.eq(CorrectionStatus.APPROVED.name()),
                        CORRECTIONS.QUALITY_SCORE.ge((short) minScore))
                .orderBy(CORRECTIONS.CREATED_AT, CORRECTIONS.ID)
                .fetchSize(500)
                .fetchLazy()) {
            for (var r : cursor) {
                each.accept(new Exported(r.value1(), r.value2(), r.value3()));
            }
        }
    }

    /** The ids of the approved corrections scored at least {@code minScore} (for the split's counts). */
    List<UUID> exportedIds(TenantId tenant, int minScore) {
        return dsl.select(CORRECTIONS.ID)
                .from(CORRECTIONS)
                .where(CORRECTIONS.TENANT_ID.eq(tenant.value()),
                        CORRECTIONS.STATUS.eq(CorrectionStatus.APPROVED.name()),
                        CORRECTIONS.QUALITY_SCORE.ge((short) minScore))
                .fetch(r -> r.value1());
    }

    private static Correction toCorrection(Record record) {
        var r = record.into(CORRECTIONS);
        return new Correction(r.getId(), r.getQuestion(), r.getAnswer(), r.getSourceUrl(), r.getCategory(),
                CorrectionStatus.valueOf(r.getStatus()), CorrectionOrigin.valueOf(r.getOrigin()),
                r.getAnswerMessageId(), r.getConversationId(), r.getAuthorName(),
                r.getQualityScore() == null ? null : r.getQualityScore().intValue(), r.getReviewerComment(),
                r.getTextVersion(), r.getVersion(), r.getLastAction(), r.getLastActor(), r.getHitCount(),
                r.getAlsoAsked(), r.getCreatedAt(), r.getUpdatedAt());
    }

    private static List<String> names(List<CorrectionStatus> statuses) {
        return statuses.stream().map(Enum::name).toList();
    }

    private static Float[] boxed(float[] v) {
        Float[] out = new Float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i];
        }
        return out;
    }

    private static float[] unboxed(Float[] v) {
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i];
        }
        return out;
    }
}
