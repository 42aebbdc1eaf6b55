package com.frontline.chat;

import com.frontline.shared.TenantId;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.Record8;
import org.jooq.Select;
import org.jooq.SelectField;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static com.frontline.db.chat.Tables.CONVERSATIONS;
import static com.frontline.db.chat.Tables.MESSAGES;

/**
 * Read side of the feedback review page: judged answers (a 👍/👎 or an implicit score) with their conversation's
 * channel, filtered and paged by {@code (created_at, id)}, and daily figures for the cards. Evaluation runs are
 * never customers' answers and are left out. Every statement is scoped to one workspace.
 */
@Repository
class FeedbackReviewRepository {

    private static final TypeReference<List<Citation>> CITATIONS = new TypeReference<>() {
    };
    private static final char LIKE_ESCAPE = '!';

    private final DSLContext dsl;
    private final JsonMapper json;

    FeedbackReviewRepository(DSLContext dsl, JsonMapper json) {
        this.dsl = dsl;
        this.json = json;
    }

    /** Up to {@code limit} judged answers matching the filter, newest first, older than {@code after} if given. */
    List<FeedbackReviewRow> page(TenantId tenant, FeedbackReviewFilter filter, @Nullable FeedbackReviewCursor after,
                                 int limit) {
        List<Condition> where = conditions(tenant, filter);
        if (after != null) {
            where.add(DSL.row(MESSAGES.CREATED_AT, MESSAGES.ID).lt(after.at(), after.id()));
        }
        // @formatter:off
        return dsl.select(rowFields())
                .from(MESSAGES)
                .join(CONVERSATIONS).on(CONVERSATIONS.TENANT_ID.eq(MESSAGES.TENANT_ID),
                                        CONVERSATIONS.ID.eq(MESSAGES.CONVERSATION_ID))
                .where(where)
                .orderBy(MESSAGES.CREATED_AT.desc(), MESSAGES.ID.desc())
                .limit(limit)
                .fetch(this::row);
        // @formatter:on
    }

    /** One judged or unjudged assistant answer (the detail page opens any answer a row or a link names). */
    Optional<FeedbackReviewRow> answer(TenantId tenant, UUID messageId) {
        // @formatter:off
        return dsl.select(rowFields())
                .from(MESSAGES)
                .join(CONVERSATIONS).on(CONVERSATIONS.TENANT_ID.eq(MESSAGES.TENANT_ID),
                                        CONVERSATIONS.ID.eq(MESSAGES.CONVERSATION_ID))
                .where(MESSAGES.TENANT_ID.eq(tenant.value()),
                       MESSAGES.ID.eq(messageId),
                       MESSAGES.AUTHOR.eq(Author.ASSISTANT.name()))
                .fetchOptional(this::row);
        // @formatter:on
    }

    /** The answer's retrieval trace and implicit signals as stored (jsonb), null when not recorded. */
    Optional<Traces> traces(TenantId tenant, UUID messageId) {
        // @formatter:off
        return dsl.select(MESSAGES.RETRIEVAL, MESSAGES.IMPLICIT_SIGNALS)
                .from(MESSAGES)
                .where(MESSAGES.TENANT_ID.eq(tenant.value()),
                       MESSAGES.ID.eq(messageId))
                .fetchOptional(r -> new Traces(text(r.get(MESSAGES.RETRIEVAL)),
                                               text(r.get(MESSAGES.IMPLICIT_SIGNALS))));
        // @formatter:on
    }

    record Traces(@Nullable String retrieval, @Nullable String implicitSignals) {
    }

    /**
     * Daily figures over all assistant answers in {@code [from, to)} (UTC days), for the cards: only the channel and
     * the provider/model of the filter apply, since a rate needs every answer, judged or not. Read live from the
     * answers; the cards read past days from the roll-up instead ({@link FeedbackReviewDays}).
     */
    List<FeedbackReviewDay> days(TenantId tenant, OffsetDateTime from, OffsetDateTime to, @Nullable Channel channel,
                                 FeedbackReviewFilter.@Nullable ProviderModel providerModel) {
        return days(tenant, List.of(new FeedbackRollupPlan.Span(from, to)), channel, providerModel);
    }

    /**
     * {@link #days(TenantId, OffsetDateTime, OffsetDateTime, Channel, FeedbackReviewFilter.ProviderModel)} over
     * several spans that share no UTC day (none: no days), oldest first. Each span is its own range scan of the
     * answers' index, read from the index alone (one scan over several ranges would visit the table).
     */
    List<FeedbackReviewDay> days(TenantId tenant, List<FeedbackRollupPlan.Span> spans, @Nullable Channel channel,
                                 FeedbackReviewFilter.@Nullable ProviderModel providerModel) {
        if (spans.isEmpty()) {
            return List.of();
        }
        Field<LocalDate> day = utcDay(MESSAGES.CREATED_AT).as("day");
        Field<Integer> answers = DSL.count().as("answers");
        Field<Integer> rated = DSL.count().filterWhere(MESSAGES.FEEDBACK.isNotNull()).as("rated");
        Field<Integer> helpful = DSL.count().filterWhere(MESSAGES.FEEDBACK.eq((short) 1)).as("helpful");
        Field<Integer> fallbacks = DSL.count().filterWhere(MESSAGES.LOW_CONFIDENCE).as("fallbacks");
        Field<Integer> handoffs = DSL.count().filterWhere(MESSAGES.HANDED_OFF).as("handoffs");
        Field<Integer> implicitCount = DSL.count(MESSAGES.IMPLICIT_SCORE).as("implicit_count");
        Field<Double> implicitSum = DSL.coalesce(DSL.sum(MESSAGES.IMPLICIT_SCORE), DSL.inline(0))
                .cast(SQLDataType.DOUBLE).as("implicit_sum");
        Select<Record8<LocalDate, Integer, Integer, Integer, Integer, Integer, Integer, Double>> union = null;
        for (FeedbackRollupPlan.Span span : spans) {
            List<Condition> where = new ArrayList<>(List.of(
                    MESSAGES.TENANT_ID.eq(tenant.value()),
                    countedAnswer(),
                    MESSAGES.CREATED_AT.ge(span.from()),
                    MESSAGES.CREATED_AT.lt(span.to()),
                    // evaluation conversations are few: a hashed list, instead of joining every answer's conversation
                    MESSAGES.CONVERSATION_ID.notIn(conversationsIn(tenant, Channel.EVALUATION))));
            if (channel != null) {
                where.add(MESSAGES.CONVERSATION_ID.in(conversationsIn(tenant, channel)));
            }
            if (providerModel != null) {
                where.add(MESSAGES.PROVIDER.isNotDistinctFrom(providerModel.provider()));
                where.add(MESSAGES.MODEL.isNotDistinctFrom(providerModel.model()));
            }
            // @formatter:off
            var select = DSL.select(day, answers, rated, helpful, fallbacks, handoffs, implicitCount, implicitSum)
                    .from(MESSAGES)
                    .where(where)
                    .groupBy(utcDay(MESSAGES.CREATED_AT));
            // @formatter:on
            union = union == null ? select : union.unionAll(select);
        }
        return dsl.fetch(union).stream()
                .map(r -> new FeedbackReviewDay(r.get(day), r.get(answers), r.get(rated), r.get(helpful),
                        r.get(fallbacks), r.get(handoffs), r.get(implicitCount), r.get(implicitSum)))
                .sorted(Comparator.comparing(FeedbackReviewDay::day))
                .toList();
    }

    /** The answers the cards count: the assistant's, small talk and clarifying questions left out. */
    static Condition countedAnswer() {
        return MESSAGES.AUTHOR.eq(Author.ASSISTANT.name())
                .and(MESSAGES.MODEL.isNull().or(MESSAGES.MODEL.notIn(SmallTalk.MODEL, Clarification.MODEL)));
    }

    /** The UTC day of a time. */
    static Field<LocalDate> utcDay(Field<OffsetDateTime> at) {
        return DSL.field("(({0} at time zone 'UTC')::date)", SQLDataType.LOCALDATE, at);
    }

    private static org.jooq.Select<org.jooq.Record1<UUID>> conversationsIn(TenantId tenant, Channel channel) {
        return DSL.select(CONVERSATIONS.ID)
                .from(CONVERSATIONS)
                .where(CONVERSATIONS.TENANT_ID.eq(tenant.value()), CONVERSATIONS.CHANNEL.eq(channel.name()));
    }

    /** The conversation's assistant answers, in order. */
    List<UUID> answerIds(TenantId tenant, UUID conversationId) {
        // @formatter:off
        return dsl.select(MESSAGES.ID)
                .from(MESSAGES)
                .where(MESSAGES.TENANT_ID.eq(tenant.value()),
                       MESSAGES.CONVERSATION_ID.eq(conversationId),
                       MESSAGES.AUTHOR.eq(Author.ASSISTANT.name()))
                .orderBy(MESSAGES.SEQ)
                .fetch(MESSAGES.ID);
        // @formatter:on
    }

    /** Stores a past answer's judgement (the demo's history); JSON already written. */
    void recordJudgement(TenantId tenant, UUID messageId, FeedbackReviewService.PastJudgement j,
                         @Nullable String retrieval, @Nullable String signals) {
        // @formatter:off
        dsl.update(MESSAGES)
                .set(MESSAGES.FEEDBACK_REASONS, j.reasons().toArray(String[]::new))
                .set(MESSAGES.FEEDBACK_COMMENT, j.comment())
                .set(MESSAGES.FEEDBACK_AT, DSL.when(MESSAGES.FEEDBACK.isNotNull(),
                        MESSAGES.CREATED_AT.plus(DSL.field("interval '1 minute'", SQLDataType.INTERVALDAYTOSECOND))))
                .set(MESSAGES.PROVIDER, j.provider())
                .set(MESSAGES.MODEL, j.model())
                .set(MESSAGES.RETRIEVAL, retrieval == null ? null : JSONB.valueOf(retrieval))
                .set(MESSAGES.HANDED_OFF, j.handedOff())
                .set(MESSAGES.IMPLICIT_SIGNALS, signals == null ? null : JSONB.valueOf(signals))
                .set(MESSAGES.IMPLICIT_SCORE, j.implicitScore())
                .where(MESSAGES.TENANT_ID.eq(tenant.value()),
                       MESSAGES.ID.eq(messageId))
                .execute();
        // @formatter:on
    }

    /** The provider/model pairs the workspace's answers were written with, for the filter's select. */
    List<FeedbackReviewFilter.ProviderModel> providerModels(TenantId tenant) {
        // @formatter:off
        return dsl.selectDistinct(MESSAGES.PROVIDER, MESSAGES.MODEL)
                .from(MESSAGES)
                .where(MESSAGES.TENANT_ID.eq(tenant.value()),
                       MESSAGES.AUTHOR.eq(Author.ASSISTANT.name()),
                       judged())
                .orderBy(MESSAGES.PROVIDER.asc().nullsLast(), MESSAGES.MODEL.asc().nullsLast())
                .limit(200)
                .fetch(r -> new FeedbackReviewFilter.ProviderModel(r.get(MESSAGES.PROVIDER), r.get(MESSAGES.MODEL)));
        // @formatter:on
    }

    private static Condition judged() {
        return MESSAGES.FEEDBACK.isNotNull().or(MESSAGES.IMPLICIT_SCORE.isNotNull());
    }

    /** The filter as SQL; the tenant comes first, and {@link #judged()} matches the page's partial index. */
    private static List<Condition> conditions(TenantId tenant, FeedbackReviewFilter f) {
        List<Condition> where = new ArrayList<>(List.of(
                MESSAGES.TENANT_ID.eq(tenant.value()),
                MESSAGES.AUTHOR.eq(Author.ASSISTANT.name()),
                judged(),
                MESSAGES.CREATED_AT.ge(f.from()),
                MESSAGES.CREATED_AT.lt(f.to()),
                CONVERSATIONS.CHANNEL.ne(Channel.EVALUATION.name())));
        switch (f.rating()) {
            case ANY -> {
            }
            case RATED -> where.add(MESSAGES.FEEDBACK.isNotNull());
            case UP -> where.add(MESSAGES.FEEDBACK.eq((short) 1));
            case DOWN -> where.add(MESSAGES.FEEDBACK.eq((short) -1));
            case IMPLICIT_ONLY -> where.add(MESSAGES.FEEDBACK.isNull());
        }
        if (f.reason() != null) {
            where.add(MESSAGES.FEEDBACK_REASONS.contains(new String[]{f.reason()}));
        }
        if (f.channel() != null) {
            where.add(CONVERSATIONS.CHANNEL.eq(f.channel().name()));
        }
        if (f.band() != null) {
            where.add(MESSAGES.CONFIDENCE.ge(f.band().min()));
            if (f.band().max() != Double.POSITIVE_INFINITY) {
                where.add(MESSAGES.CONFIDENCE.lt(f.band().max()));
            }
        }
        if (f.outcome() != null) {
            where.add(MESSAGES.LOW_CONFIDENCE.eq(f.outcome() == FeedbackReviewFilter.Outcome.FELL_BACK));
        }
        if (f.handedOff() != null) {
            where.add(MESSAGES.HANDED_OFF.eq(f.handedOff()));
        }
        if (f.providerModel() != null) {
            where.add(MESSAGES.PROVIDER.isNotDistinctFrom(f.providerModel().provider()));
            where.add(MESSAGES.MODEL.isNotDistinctFrom(f.providerModel().model()));
        }
        if (f.text() != null) {
            String pattern = "%" + escapeLike(f.text().strip()) + "%";
            where.add(MESSAGES.QUESTION.likeIgnoreCase(pattern, LIKE_ESCAPE)
                    .or(MESSAGES.BODY.likeIgnoreCase(pattern, LIKE_ESCAPE)));
        }
        return where;
    }

    /** The text as a literal LIKE pattern: {@code %}, {@code _} and the escape character lose their meaning. */
    static String escapeLike(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (char c : text.toCharArray()) {
            if (c == '%' || c == '_' || c == LIKE_ESCAPE) {
                out.append(LIKE_ESCAPE);
            }
            out.append(c);
        }
        return out.toString();
    }

    private static List<SelectField<?>> rowFields() {
        return List.of(MESSAGES.ID, MESSAGES.CONVERSATION_ID, MESSAGES.CREATED_AT, CONVERSATIONS.CHANNEL,
                MESSAGES.QUESTION, MESSAGES.BODY, MESSAGES.FEEDBACK, MESSAGES.FEEDBACK_REASONS,
                MESSAGES.FEEDBACK_COMMENT, MESSAGES.CONFIDENCE, MESSAGES.LOW_CONFIDENCE, MESSAGES.HANDED_OFF,
                MESSAGES.IMPLICIT_SCORE, MESSAGES.PROVIDER, MESSAGES.MODEL, MESSAGES.CITATIONS);
    }

    private FeedbackReviewRow row(Record r) {
        Short rating = r.get(MESSAGES.FEEDBACK);
        String[] reasons = r.get(MESSAGES.FEEDBACK_REASONS);
        JSONB citations = r.get(MESSAGES.CITATIONS);
        return new FeedbackReviewRow(r.get(MESSAGES.ID), r.get(MESSAGES.CONVERSATION_ID), r.get(MESSAGES.CREATED_AT),
                Channel.valueOf(r.get(CONVERSATIONS.CHANNEL)), r.get(MESSAGES.QUESTION), r.get(MESSAGES.BODY),
                rating == null ? null : rating.intValue(), reasons == null ? List.of() : List.of(reasons),
                r.get(MESSAGES.FEEDBACK_COMMENT), r.get(MESSAGES.CONFIDENCE), r.get(MESSAGES.LOW_CONFIDENCE),
                r.get(MESSAGES.HANDED_OFF), r.get(MESSAGES.IMPLICIT_SCORE), r.get(MESSAGES.PROVIDER),
                r.get(MESSAGES.MODEL), citations == null ? List.of() : json.readValue(citations.data(), CITATIONS));
    }

    private static @Nullable String text(@Nullable JSONB value) {
        return value == null ? null : value.data();
    }
}
