package com.frontline.insights;

import com.frontline.shared.TenantId;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import static com.frontline.db.insights.Tables.BACKFILLS;
import static com.frontline.db.insights.Tables.CLUSTERS;
import static com.frontline.db.insights.Tables.CLUSTER_JOBS;
import static com.frontline.db.insights.Tables.CLUSTER_MEMBERS;
import static com.frontline.db.insights.Tables.CLUSTER_RUNS;
import static com.frontline.db.insights.Tables.CONVERSATIONS;
import static com.frontline.db.insights.Tables.DRAFTS;
import static com.frontline.db.insights.Tables.MESSAGE_INSIGHTS;
import static com.frontline.db.insights.Tables.QUESTION_VECTORS;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.greatest;

/** The insights schema. Every method takes the workspace first, except the two sweeps named as such. */
@Repository
class InsightsRepository {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** How far a conversation's analysis has read. */
    record Progress(long lastCustomerSeq, long analysedSeq) {
    }

    /** A conversation gone quiet with customer messages not analysed yet (found across workspaces). */
    record Due(TenantId tenant, UUID conversationId, long lastCustomerSeq) {
    }

    /** An unanswered question with its cached embedding. */
    record GapQuestion(UUID messageId, UUID conversationId, String question, OffsetDateTime askedAt, float[] vector) {
    }

    /** A cluster to store, with its members. */
    record NewCluster(UUID id, String label, List<String> terms, int volume, int thisWeek, int lastWeek,
                      List<Integer> weekly, boolean spam, List<GapCluster.Member> members) {
    }

    private final DSLContext dsl;

    InsightsRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    // ---- progress ----------------------------------------------------------------------------------------------

    /** Records a customer message of the conversation (a repeated or late one never moves the watermark back). */
    void customerMessage(TenantId tenant, UUID conversationId, long seq, OffsetDateTime at) {
        // @formatter:off
        dsl.insertInto(CONVERSATIONS)
                .set(CONVERSATIONS.TENANT_ID, tenant.value())
                .set(CONVERSATIONS.CONVERSATION_ID, conversationId)
                .set(CONVERSATIONS.LAST_CUSTOMER_SEQ, seq)
                .set(CONVERSATIONS.LAST_CUSTOMER_AT, at)
                .onConflict(CONVERSATIONS.TENANT_ID, CONVERSATIONS.CONVERSATION_ID)
                .doUpdate()
                .set(CONVERSATIONS.LAST_CUSTOMER_SEQ, greatest(CONVERSATIONS.LAST_CUSTOMER_SEQ, org.jooq.impl.DSL.val(seq)))
                .set(CONVERSATIONS.LAST_CUSTOMER_AT, greatest(CONVERSATIONS.LAST_CUSTOMER_AT, org.jooq.impl.DSL.val(at)))
                .execute();
        // @formatter:on
    }

    /**
     * Notes a conversation the live batches never saw (the backfill): true when it was new here, false when the
     * live batches (or an earlier backfill) noted it already and own its analysis.
     */
    boolean noteIfNew(TenantId tenant, UUID conversationId, long lastCustomerSeq, OffsetDateTime at) {
        // @formatter:off
        return dsl.insertInto(CONVERSATIONS)
                .set(CONVERSATIONS.TENANT_ID, tenant.value())
                .set(CONVERSATIONS.CONVERSATION_ID, conversationId)
                .set(CONVERSATIONS.LAST_CUSTOMER_SEQ, lastCustomerSeq)
                .set(CONVERSATIONS.LAST_CUSTOMER_AT, at)
                .onConflictDoNothing()
                .execute() == 1;
        // @formatter:on
    }

    /** The conversation's progress, locked until the transaction ends (one batch at a time per conversation). */
    Optional<Progress> lockProgress(TenantId tenant, UUID conversationId) {
        return dsl.select(CONVERSATIONS.LAST_CUSTOMER_SEQ, CONVERSATIONS.ANALYSED_SEQ)
                .from(CONVERSATIONS)
                .where(CONVERSATIONS.TENANT_ID.eq(tenant.value()), CONVERSATIONS.CONVERSATION_ID.eq(conversationId))
                .forUpdate()
                .fetchOptional(r -> new Progress(r.value1(), r.value2()));
    }

    void advance(TenantId tenant, UUID conversationId, long analysedSeq, OffsetDateTime at) {
        dsl.update(CONVERSATIONS)
                .set(CONVERSATIONS.ANALYSED_SEQ, greatest(CONVERSATIONS.ANALYSED_SEQ, org.jooq.impl.DSL.val(analysedSeq)))
                .set(CONVERSATIONS.ANALYSED_AT, at)
                .where(CONVERSATIONS.TENANT_ID.eq(tenant.value()), CONVERSATIONS.CONVERSATION_ID.eq(conversationId))
                .execute();
    }

    /** Sweep across workspaces: conversations quiet since {@code quietBefore} with messages not yet analysed. */
    List<Due> dueAcrossWorkspaces(OffsetDateTime quietBefore, int limit) {
        // @formatter:off
        return dsl.select(CONVERSATIONS.TENANT_ID, CONVERSATIONS.CONVERSATION_ID, CONVERSATIONS.LAST_CUSTOMER_SEQ)
                .from(CONVERSATIONS)
                .where(CONVERSATIONS.LAST_CUSTOMER_SEQ.gt(CONVERSATIONS.ANALYSED_SEQ),
                       CONVERSATIONS.LAST_CUSTOMER_AT.lt(quietBefore))
                .orderBy(CONVERSATIONS.LAST_CUSTOMER_AT)
                .limit(limit)
                .fetch(r -> new Due(TenantId.of(r.value1()), r.value2(), r.value3()));
        // @formatter:on
    }

    /** Sweep across workspaces: the workspaces that have unanswered questions to cluster. */
    List<TenantId> workspacesWithGaps() {
        return dsl.selectDistinct(MESSAGE_INSIGHTS.TENANT_ID)
                .from(MESSAGE_INSIGHTS)
                .where(MESSAGE_INSIGHTS.ANSWERED.isFalse())
                .fetch(r -> TenantId.of(r.value1()));
    }

    // ---- insights ----------------------------------------------------------------------------------------------

    /** Stores one message's analysis; a message analysed already keeps its first analysis. */
    boolean insert(TenantId tenant, MessageInsight m, float @Nullable [] vector) {
        // @formatter:off
        int rows = dsl.insertInto(MESSAGE_INSIGHTS)
                .set(MESSAGE_INSIGHTS.TENANT_ID, tenant.value())
                .set(MESSAGE_INSIGHTS.MESSAGE_ID, m.messageId())
                .set(MESSAGE_INSIGHTS.CONVERSATION_ID, m.conversationId())
                .set(MESSAGE_INSIGHTS.SEQ, m.seq())
                .set(MESSAGE_INSIGHTS.QUESTION, m.question())
                .set(MESSAGE_INSIGHTS.ASKED_AT, m.askedAt())
                .set(MESSAGE_INSIGHTS.TOPIC, m.topic())
                .set(MESSAGE_INSIGHTS.TOPIC_METHOD, m.topicMethod())
                .set(MESSAGE_INSIGHTS.INTENT, m.intent().name())
                .set(MESSAGE_INSIGHTS.SENTIMENT, m.sentiment().name())
                .set(MESSAGE_INSIGHTS.SENTIMENT_SCORE, m.sentimentScore())
                .set(MESSAGE_INSIGHTS.LANGUAGE, m.language())
                .set(MESSAGE_INSIGHTS.ANSWERED, m.answered())
                .set(MESSAGE_INSIGHTS.ANSWER_SIGNAL, m.answerSignal().name())
                .set(MESSAGE_INSIGHTS.METHOD, m.method())
                .onConflictDoNothing()
                .execute();
        // @formatter:on
        if (rows == 1 && vector != null) {
            dsl.insertInto(QUESTION_VECTORS)
                    .set(QUESTION_VECTORS.TENANT_ID, tenant.value())
                    .set(QUESTION_VECTORS.MESSAGE_ID, m.messageId())
                    .set(QUESTION_VECTORS.VECTOR, boxed(vector))
                    .onConflictDoNothing()
                    .execute();
        }
        return rows == 1;
    }

    List<MessageInsight> insights(TenantId tenant, UUID conversationId) {
        return dsl.selectFrom(MESSAGE_INSIGHTS)
                .where(MESSAGE_INSIGHTS.TENANT_ID.eq(tenant.value()), MESSAGE_INSIGHTS.CONVERSATION_ID.eq(conversationId))
                .orderBy(MESSAGE_INSIGHTS.SEQ)
                .fetch(this::insight);
    }

    List<MessageInsight> recentInsights(TenantId tenant, int limit) {
        return dsl.selectFrom(MESSAGE_INSIGHTS)
                .where(MESSAGE_INSIGHTS.TENANT_ID.eq(tenant.value()))
                .orderBy(MESSAGE_INSIGHTS.ASKED_AT.desc())
                .limit(limit)
                .fetch(this::insight);
    }

    /** Counts per value of one column since {@code since}, most frequent first. */
    Map<String, Integer> counts(TenantId tenant, String column, OffsetDateTime since) {
        var field = switch (column) {
            case "intent" -> MESSAGE_INSIGHTS.INTENT;
            case "sentiment" -> MESSAGE_INSIGHTS.SENTIMENT;
            case "language" -> MESSAGE_INSIGHTS.LANGUAGE;
            case "topic" -> MESSAGE_INSIGHTS.TOPIC;
            case "signal" -> MESSAGE_INSIGHTS.ANSWER_SIGNAL;
            default -> throw new IllegalArgumentException("No such column: " + column);
        };
        Map<String, Integer> counts = new LinkedHashMap<>();
        // @formatter:off
        dsl.select(field, count())
                .from(MESSAGE_INSIGHTS)
                .where(MESSAGE_INSIGHTS.TENANT_ID.eq(tenant.value()),
                       MESSAGE_INSIGHTS.ASKED_AT.ge(since))
                .groupBy(field)
                .orderBy(count().desc(), field)
                .limit(12)
                .forEach(r -> counts.put(r.value1(), r.value2()));
        // @formatter:on
        return counts;
    }

    /** The unanswered questions asked since {@code since} with their embeddings, newest first. */
    List<GapQuestion> gapQuestions(TenantId tenant, OffsetDateTime since, int limit) {
        // @formatter:off
        return dsl.select(MESSAGE_INSIGHTS.MESSAGE_ID, MESSAGE_INSIGHTS.CONVERSATION_ID, MESSAGE_INSIGHTS.QUESTION,
                          MESSAGE_INSIGHTS.ASKED_AT, QUESTION_VECTORS.VECTOR)
                .from(MESSAGE_INSIGHTS)
                .join(QUESTION_VECTORS).on(QUESTION_VECTORS.TENANT_ID.eq(MESSAGE_INSIGHTS.TENANT_ID),
                                           QUESTION_VECTORS.MESSAGE_ID.eq(MESSAGE_INSIGHTS.MESSAGE_ID))
                .where(MESSAGE_INSIGHTS.TENANT_ID.eq(tenant.value()),
                       MESSAGE_INSIGHTS.ANSWERED.isFalse(),
                       MESSAGE_INSIGHTS.ASKED_AT.ge(since))
                .orderBy(MESSAGE_INSIGHTS.ASKED_AT.desc())
                .limit(limit)
                .fetch(r -> new GapQuestion(r.value1(), r.value2(), r.value3(), r.value4(), unboxed(r.value5())));
        // @formatter:on
    }

    int countGapQuestions(TenantId tenant, OffsetDateTime since) {
        return dsl.fetchCount(MESSAGE_INSIGHTS, MESSAGE_INSIGHTS.TENANT_ID.eq(tenant.value()),
                MESSAGE_INSIGHTS.ANSWERED.isFalse(), MESSAGE_INSIGHTS.ASKED_AT.ge(since));
    }

    /** Changes how a stored message's answer is judged; false when the message has no analysis here. */
    boolean judge(TenantId tenant, UUID messageId, AnswerSignal signal) {
        return dsl.update(MESSAGE_INSIGHTS)
                .set(MESSAGE_INSIGHTS.ANSWERED, signal.answered())
                .set(MESSAGE_INSIGHTS.ANSWER_SIGNAL, signal.name())
                .where(MESSAGE_INSIGHTS.TENANT_ID.eq(tenant.value()), MESSAGE_INSIGHTS.MESSAGE_ID.eq(messageId))
                .execute() == 1;
    }

    boolean hasVector(TenantId tenant, UUID messageId) {
        return dsl.fetchExists(QUESTION_VECTORS, QUESTION_VECTORS.TENANT_ID.eq(tenant.value()),
                QUESTION_VECTORS.MESSAGE_ID.eq(messageId));
    }

    void insertVector(TenantId tenant, UUID messageId, float[] vector) {
        dsl.insertInto(QUESTION_VECTORS)
                .set(QUESTION_VECTORS.TENANT_ID, tenant.value())
                .set(QUESTION_VECTORS.MESSAGE_ID, messageId)
                .set(QUESTION_VECTORS.VECTOR, boxed(vector))
                .onConflictDoNothing()
                .execute();
    }

    // ---- clusters ----------------------------------------------------------------------------------------------

    /**
     * Replaces the workspace's clusters with a new run's. A new cluster whose most central question was in an old
     * cluster takes over that cluster's drafts and re-run result, so a saved article stays with its questions.
     */
    void replaceClusters(TenantId tenant, GapCluster.Run run, List<NewCluster> clusters) {
        Map<UUID, UUID> oldClusterOf = new java.util.HashMap<>();
        dsl.select(CLUSTER_MEMBERS.MESSAGE_ID, CLUSTER_MEMBERS.CLUSTER_ID)
                .from(CLUSTER_MEMBERS)
                .where(CLUSTER_MEMBERS.TENANT_ID.eq(tenant.value()))
                .forEach(r -> oldClusterOf.put(r.value1(), r.value2()));
        Map<UUID, GapCluster> old = new java.util.HashMap<>();
        clusters(tenant).forEach(c -> old.put(c.id(), c));
        dsl.deleteFrom(CLUSTERS).where(CLUSTERS.TENANT_ID.eq(tenant.value())).execute();
        // @formatter:off
        dsl.insertInto(CLUSTER_RUNS)
                .set(CLUSTER_RUNS.TENANT_ID, tenant.value())
                .set(CLUSTER_RUNS.RAN_AT, run.ranAt())
                .set(CLUSTER_RUNS.QUESTIONS, run.questions())
                .set(CLUSTER_RUNS.CLUSTERED, run.clustered())
                .set(CLUSTER_RUNS.SAMPLED, run.sampled())
                .set(CLUSTER_RUNS.METHOD, run.method())
                .set(CLUSTER_RUNS.MILLIS, run.millis())
                .onConflict(CLUSTER_RUNS.TENANT_ID)
                .doUpdate()
                .set(CLUSTER_RUNS.RAN_AT, run.ranAt())
                .set(CLUSTER_RUNS.QUESTIONS, run.questions())
                .set(CLUSTER_RUNS.CLUSTERED, run.clustered())
                .set(CLUSTER_RUNS.SAMPLED, run.sampled())
                .set(CLUSTER_RUNS.METHOD, run.method())
                .set(CLUSTER_RUNS.MILLIS, run.millis())
                .execute();
        // @formatter:on
        for (NewCluster c : clusters) {
            // @formatter:off
            dsl.insertInto(CLUSTERS)
                    .set(CLUSTERS.TENANT_ID, tenant.value())
                    .set(CLUSTERS.ID, c.id())
                    .set(CLUSTERS.LABEL, c.label())
                    .set(CLUSTERS.TERMS, c.terms().toArray(String[]::new))
                    .set(CLUSTERS.VOLUME, c.volume())
                    .set(CLUSTERS.THIS_WEEK, c.thisWeek())
                    .set(CLUSTERS.LAST_WEEK, c.lastWeek())
                    .set(CLUSTERS.WEEKLY, c.weekly().toArray(Integer[]::new))
                    .set(CLUSTERS.SPAM, c.spam())
                    .execute();
            // @formatter:on
            var insert = dsl.insertInto(CLUSTER_MEMBERS, CLUSTER_MEMBERS.TENANT_ID, CLUSTER_MEMBERS.CLUSTER_ID,
                    CLUSTER_MEMBERS.MESSAGE_ID, CLUSTER_MEMBERS.CONVERSATION_ID, CLUSTER_MEMBERS.QUESTION,
                    CLUSTER_MEMBERS.ASKED_AT, CLUSTER_MEMBERS.CENTRALITY);
            for (GapCluster.Member m : c.members()) {
                insert = insert.values(tenant.value(), c.id(), m.messageId(), m.conversationId(), m.question(),
                        m.askedAt(), m.centrality());
            }
            if (!c.members().isEmpty()) {
                insert.execute();
                UUID before = oldClusterOf.get(c.members().getFirst().messageId());
                @Nullable GapCluster was = before == null ? null : old.remove(before);
                if (was != null) {
                    dsl.update(DRAFTS)
                            .set(DRAFTS.CLUSTER_ID, c.id())
                            .where(DRAFTS.TENANT_ID.eq(tenant.value()), DRAFTS.CLUSTER_ID.eq(was.id()))
                            .execute();
                    if (was.rerunAt() != null) {
                        rerun(tenant, c.id(), Objects.requireNonNull(was.rerunAnswered()),
                                Objects.requireNonNull(was.rerunTotal()), was.rerunAt());
                    }
                }
            }
        }
    }

    Optional<GapCluster.Run> run(TenantId tenant) {
        return dsl.selectFrom(CLUSTER_RUNS)
                .where(CLUSTER_RUNS.TENANT_ID.eq(tenant.value()))
                .fetchOptional(r -> new GapCluster.Run(r.getRanAt(), r.getQuestions(), r.getClustered(),
                        r.getSampled(), r.getMethod(), r.getMillis()));
    }

    /** The workspace's clusters, biggest first, rising ones before falling ones of the same size. */
    List<GapCluster> clusters(TenantId tenant) {
        return dsl.selectFrom(CLUSTERS)
                .where(CLUSTERS.TENANT_ID.eq(tenant.value()))
                .orderBy(CLUSTERS.VOLUME.desc(), CLUSTERS.THIS_WEEK.minus(CLUSTERS.LAST_WEEK).desc(), CLUSTERS.LABEL)
                .fetch(this::cluster);
    }

    Optional<GapCluster> cluster(TenantId tenant, UUID id) {
        return dsl.selectFrom(CLUSTERS)
                .where(CLUSTERS.TENANT_ID.eq(tenant.value()), CLUSTERS.ID.eq(id))
                .fetchOptional(this::cluster);
    }

    /** The cluster's questions, most central first. */
    List<GapCluster.Member> members(TenantId tenant, UUID clusterId, int limit) {
        return dsl.selectFrom(CLUSTER_MEMBERS)
                .where(CLUSTER_MEMBERS.TENANT_ID.eq(tenant.value()), CLUSTER_MEMBERS.CLUSTER_ID.eq(clusterId))
                .orderBy(CLUSTER_MEMBERS.CENTRALITY.desc(), CLUSTER_MEMBERS.ASKED_AT.desc())
                .limit(limit)
                .fetch(r -> new GapCluster.Member(r.getMessageId(), r.getConversationId(), r.getQuestion(),
                        r.getAskedAt(), r.getCentrality()));
    }

    boolean rerun(TenantId tenant, UUID clusterId, int answered, int total, OffsetDateTime at) {
        return dsl.update(CLUSTERS)
                .set(CLUSTERS.RERUN_AT, at)
                .set(CLUSTERS.RERUN_ANSWERED, answered)
                .set(CLUSTERS.RERUN_TOTAL, total)
                .where(CLUSTERS.TENANT_ID.eq(tenant.value()), CLUSTERS.ID.eq(clusterId))
                .execute() == 1;
    }

    // ---- drafts ------------------------------------------------------------------------------------------------

    void insertDraft(TenantId tenant, ArticleDraft d) {
        // @formatter:off
        dsl.insertInto(DRAFTS)
                .set(DRAFTS.TENANT_ID, tenant.value())
                .set(DRAFTS.ID, d.id())
                .set(DRAFTS.CLUSTER_ID, d.clusterId())
                .set(DRAFTS.CLUSTER_LABEL, d.clusterLabel())
                .set(DRAFTS.TITLE, d.title())
                .set(DRAFTS.BODY, d.body())
                .set(DRAFTS.METHOD, d.method())
                .set(DRAFTS.STATUS, d.status().name())
                .set(DRAFTS.REPORT, JSONB.valueOf(JSON.writeValueAsString(d.report())))
                .set(DRAFTS.QUESTIONS, d.questions().toArray(String[]::new))
                .set(DRAFTS.CREATED_AT, d.createdAt())
                .execute();
        // @formatter:on
    }

    Optional<ArticleDraft> draft(TenantId tenant, UUID id) {
        return dsl.selectFrom(DRAFTS)
                .where(DRAFTS.TENANT_ID.eq(tenant.value()), DRAFTS.ID.eq(id))
                .fetchOptional(this::draft);
    }

    List<ArticleDraft> drafts(TenantId tenant, UUID clusterId) {
        return dsl.selectFrom(DRAFTS)
                .where(DRAFTS.TENANT_ID.eq(tenant.value()), DRAFTS.CLUSTER_ID.eq(clusterId))
                .orderBy(DRAFTS.CREATED_AT.desc())
                .limit(10)
                .fetch(this::draft);
    }

    /** Marks a validated draft saved as the given document; false when it was not validated (or not there). */
    boolean markSaved(TenantId tenant, UUID draftId, String title, String body, UUID documentId, OffsetDateTime at) {
        return dsl.update(DRAFTS)
                .set(DRAFTS.STATUS, ArticleDraft.Status.SAVED.name())
                .set(DRAFTS.TITLE, title)
                .set(DRAFTS.BODY, body)
                .set(DRAFTS.DOCUMENT_ID, documentId)
                .set(DRAFTS.SAVED_AT, at)
                .where(DRAFTS.TENANT_ID.eq(tenant.value()), DRAFTS.ID.eq(draftId),
                        DRAFTS.STATUS.eq(ArticleDraft.Status.VALIDATED.name()))
                .execute() == 1;
    }

    // ---- erasure -----------------------------------------------------------------------------------------------

    /**
     * Deletes everything derived from the given conversations: their analyses and vectors, their watermarks, and
     * every cluster one of their questions was in (a cluster's label and terms come from its questions; the next run
     * builds it again from what is left). Drafts of those clusters go too.
     */
    int eraseConversations(TenantId tenant, Collection<UUID> conversationIds) {
        if (conversationIds.isEmpty()) {
            return 0;
        }
        List<UUID> clusters = dsl.selectDistinct(CLUSTER_MEMBERS.CLUSTER_ID)
                .from(CLUSTER_MEMBERS)
                .where(CLUSTER_MEMBERS.TENANT_ID.eq(tenant.value()),
                        CLUSTER_MEMBERS.CONVERSATION_ID.in(conversationIds))
                .fetch(r -> r.value1());
        int rows = dsl.deleteFrom(DRAFTS)
                .where(DRAFTS.TENANT_ID.eq(tenant.value()), DRAFTS.CLUSTER_ID.in(clusters))
                .execute();
        rows += dsl.deleteFrom(CLUSTERS)
                .where(CLUSTERS.TENANT_ID.eq(tenant.value()), CLUSTERS.ID.in(clusters))
                .execute();
        rows += dsl.deleteFrom(MESSAGE_INSIGHTS)
                .where(MESSAGE_INSIGHTS.TENANT_ID.eq(tenant.value()),
                        MESSAGE_INSIGHTS.CONVERSATION_ID.in(conversationIds))
                .execute();
        rows += dsl.deleteFrom(CONVERSATIONS)
                .where(CONVERSATIONS.TENANT_ID.eq(tenant.value()), CONVERSATIONS.CONVERSATION_ID.in(conversationIds))
                .execute();
        return rows;
    }

    void eraseWorkspace(TenantId tenant) {
        dsl.deleteFrom(DRAFTS).where(DRAFTS.TENANT_ID.eq(tenant.value())).execute();
        dsl.deleteFrom(CLUSTERS).where(CLUSTERS.TENANT_ID.eq(tenant.value())).execute();
        dsl.deleteFrom(CLUSTER_RUNS).where(CLUSTER_RUNS.TENANT_ID.eq(tenant.value())).execute();
        dsl.deleteFrom(QUESTION_VECTORS).where(QUESTION_VECTORS.TENANT_ID.eq(tenant.value())).execute();
        dsl.deleteFrom(MESSAGE_INSIGHTS).where(MESSAGE_INSIGHTS.TENANT_ID.eq(tenant.value())).execute();
        dsl.deleteFrom(CONVERSATIONS).where(CONVERSATIONS.TENANT_ID.eq(tenant.value())).execute();
        dsl.deleteFrom(BACKFILLS).where(BACKFILLS.TENANT_ID.eq(tenant.value())).execute();
        dsl.deleteFrom(CLUSTER_JOBS).where(CLUSTER_JOBS.TENANT_ID.eq(tenant.value())).execute();
    }

    /** Rows of the workspace in any insights table (for erasure tests and checks). */
    int rowsOf(TenantId tenant) {
        UUID t = tenant.value();
        return dsl.fetchCount(DRAFTS, DRAFTS.TENANT_ID.eq(t)) + dsl.fetchCount(CLUSTERS, CLUSTERS.TENANT_ID.eq(t))
                + dsl.fetchCount(CLUSTER_RUNS, CLUSTER_RUNS.TENANT_ID.eq(t))
                + dsl.fetchCount(QUESTION_VECTORS, QUESTION_VECTORS.TENANT_ID.eq(t))
                + dsl.fetchCount(MESSAGE_INSIGHTS, MESSAGE_INSIGHTS.TENANT_ID.eq(t))
                + dsl.fetchCount(CONVERSATIONS, CONVERSATIONS.TENANT_ID.eq(t))
                + dsl.fetchCount(BACKFILLS, BACKFILLS.TENANT_ID.eq(t))
                + dsl.fetchCount(CLUSTER_JOBS, CLUSTER_JOBS.TENANT_ID.eq(t));
    }

    // ---- mapping -----------------------------------------------------------------------------------------------

    private MessageInsight insight(com.frontline.db.insights.tables.records.MessageInsightsRecord r) {
        return new MessageInsight(r.getMessageId(), r.getConversationId(), r.getSeq(), r.getQuestion(),
                r.getAskedAt(), r.getTopic(), r.getTopicMethod(), Intent.valueOf(r.getIntent()),
                Sentiment.valueOf(r.getSentiment()), r.getSentimentScore(), r.getLanguage(),
                AnswerSignal.valueOf(r.getAnswerSignal()), r.getMethod());
    }

    private GapCluster cluster(com.frontline.db.insights.tables.records.ClustersRecord r) {
        return new GapCluster(r.getId(), r.getLabel(), Arrays.asList(r.getTerms()), r.getVolume(), r.getThisWeek(),
                r.getLastWeek(), Arrays.asList(r.getWeekly()), r.getSpam(), r.getRerunAt(), r.getRerunAnswered(),
                r.getRerunTotal());
    }

    private ArticleDraft draft(com.frontline.db.insights.tables.records.DraftsRecord r) {
        List<ArticleDraft.Check> report = JSON.readValue(r.getReport().data(),
                new TypeReference<List<ArticleDraft.Check>>() {
                });
        return new ArticleDraft(r.getId(), r.getClusterId(), r.getClusterLabel(), r.getTitle(), r.getBody(),
                r.getMethod(), ArticleDraft.Status.valueOf(r.getStatus()), report, Arrays.asList(r.getQuestions()),
                r.getDocumentId(), r.getCreatedAt(), r.getSavedAt());
    }

    static Float[] boxed(float[] v) {
        Float[] out = new Float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i];
        }
        return out;
    }

    static float[] unboxed(Float[] v) {
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i];
        }
        return out;
    }
}
