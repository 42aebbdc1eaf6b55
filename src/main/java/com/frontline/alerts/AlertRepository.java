package com.frontline.alerts;

import com.frontline.shared.TenantId;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static com.frontline.db.alerts.Tables.RAISED;
import static com.frontline.db.alerts.Tables.CHECKS;
import static com.frontline.db.alerts.Tables.SEEN;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.select;

/**
 * Alerts, who saw them last, and the evaluation job's daily marks. Every method takes the workspace first and reads or
 * writes only its rows.
 */
@Repository
class AlertRepository {

    /** A new alert to store. */
    record NewAlert(UUID id, AlertKind kind, String key, String title, String summary, Map<String, Object> numbers,
                    @Nullable String link, OffsetDateTime raisedAt) {
    }

    /** The alert of a kind and key raised within the throttle window, and its repeats so far. */
    record Recent(UUID id, int repeats) {
    }

    private final DSLContext dsl;
    private final JsonMapper json;

    AlertRepository(DSLContext dsl, JsonMapper json) {
        this.dsl = dsl;
        this.json = json;
    }

    /** Serialises raising alerts of this kind and key in this workspace until the transaction ends. */
    void lock(TenantId tenant, AlertKind kind, String key) {
        dsl.resultQuery("select pg_advisory_xact_lock(hashtext('alerts.raise'), hashtext(?))",
                tenant.value() + "/" + kind.name() + "/" + key).fetch();
    }

    Optional<Recent> raisedSince(TenantId tenant, AlertKind kind, String key, OffsetDateTime since) {
        return dsl.select(RAISED.ID, RAISED.REPEATS).from(RAISED)
                .where(RAISED.TENANT_ID.eq(tenant.value()), RAISED.KIND.eq(kind.name()), RAISED.KEY.eq(key),
                        RAISED.RAISED_AT.gt(since))
                .orderBy(RAISED.RAISED_AT.desc())
                .limit(1)
                .fetchOptional(r -> new Recent(r.value1(), r.value2()));
    }

    /** Counts a repeat on the alert; returns the repeats now counted. */
    int countRepeat(TenantId tenant, UUID id, OffsetDateTime at) {
        return dsl.update(RAISED)
                .set(RAISED.REPEATS, RAISED.REPEATS.plus(1))
                .set(RAISED.LAST_REPEATED_AT, at)
                .where(RAISED.TENANT_ID.eq(tenant.value()), RAISED.ID.eq(id))
                .returning(RAISED.REPEATS)
                .fetchOptional(RAISED.REPEATS)
                .orElse(0);
    }

    void insert(TenantId tenant, NewAlert a) {
        ArrayNode figures = json.createArrayNode();
        a.numbers().forEach((name, value) -> figures.addObject().put("name", name)
                .set("value", json.valueToTree(value)));
        dsl.insertInto(RAISED)
                .set(RAISED.TENANT_ID, tenant.value())
                .set(RAISED.ID, a.id())
                .set(RAISED.KIND, a.kind().name())
                .set(RAISED.KEY, a.key())
                .set(RAISED.TITLE, a.title())
                .set(RAISED.SUMMARY, a.summary())
                .set(RAISED.NUMBERS, JSONB.valueOf(json.writeValueAsString(figures)))
                .set(RAISED.LINK, a.link())
                .set(RAISED.RAISED_AT, a.raisedAt())
                .execute();
    }

    Optional<Alert> find(TenantId tenant, UUID id) {
        return dsl.selectFrom(RAISED)
                .where(RAISED.TENANT_ID.eq(tenant.value()), RAISED.ID.eq(id))
                .fetchOptional(this::alert);
    }

    /** The newest alerts with one of these statuses, at most {@code limit}. */
    List<Alert> list(TenantId tenant, Collection<AlertStatus> statuses, int limit) {
        return dsl.selectFrom(RAISED)
                .where(RAISED.TENANT_ID.eq(tenant.value()),
                        RAISED.STATUS.in(statuses.stream().map(AlertStatus::name).toList()))
                .orderBy(RAISED.RAISED_AT.desc(), RAISED.ID.desc())
                .limit(limit)
                .fetch(this::alert);
    }

    Map<AlertStatus, Integer> counts(TenantId tenant) {
        Map<AlertStatus, Integer> counts = new EnumMap<>(AlertStatus.class);
        for (AlertStatus s : AlertStatus.values()) {
            counts.put(s, 0);
        }
        dsl.select(RAISED.STATUS, count()).from(RAISED)
                .where(RAISED.TENANT_ID.eq(tenant.value()))
                .groupBy(RAISED.STATUS)
                .forEach(r -> counts.put(AlertStatus.valueOf(r.value1()), r.value2()));
        return counts;
    }

    /** Moves an open alert to acknowledged; false when it was not open any more. */
    boolean acknowledge(TenantId tenant, UUID id, String by, OffsetDateTime at) {
        return dsl.update(RAISED)
                .set(RAISED.STATUS, AlertStatus.ACKNOWLEDGED.name())
                .set(RAISED.ACKNOWLEDGED_AT, at)
                .set(RAISED.ACKNOWLEDGED_BY_EMAIL, by)
                .where(RAISED.TENANT_ID.eq(tenant.value()), RAISED.ID.eq(id),
                        RAISED.STATUS.eq(AlertStatus.OPEN.name()))
                .execute() == 1;
    }

    /** Resolves an open or acknowledged alert; false when it was resolved already. */
    boolean resolve(TenantId tenant, UUID id, String by, OffsetDateTime at) {
        return dsl.update(RAISED)
                .set(RAISED.STATUS, AlertStatus.RESOLVED.name())
                .set(RAISED.RESOLVED_AT, at)
                .set(RAISED.RESOLVED_BY_EMAIL, by)
                .where(RAISED.TENANT_ID.eq(tenant.value()), RAISED.ID.eq(id),
                        RAISED.STATUS.ne(AlertStatus.RESOLVED.name()))
                .execute() == 1;
    }

    /** Open alerts raised since the member last opened the list (all open ones if never). */
    int unread(TenantId tenant, UUID userId) {
        var seen = select(SEEN.SEEN_AT).from(SEEN)
                .where(SEEN.TENANT_ID.eq(tenant.value()), SEEN.USER_ID.eq(userId));
        return dsl.fetchCount(dsl.selectOne().from(RAISED)
                .where(RAISED.TENANT_ID.eq(tenant.value()), RAISED.STATUS.eq(AlertStatus.OPEN.name()),
                        RAISED.RAISED_AT.gt(org.jooq.impl.DSL.coalesce(field(seen),
                                OffsetDateTime.parse("1970-01-01T00:00:00Z")))));
    }

    void markSeen(TenantId tenant, UUID userId, OffsetDateTime at) {
        // @formatter:off
        dsl.insertInto(SEEN)
                .set(SEEN.TENANT_ID, tenant.value())
                .set(SEEN.USER_ID, userId)
                .set(SEEN.SEEN_AT, at)
                .onConflict(SEEN.TENANT_ID, SEEN.USER_ID)
                .doUpdate()
                .set(SEEN.SEEN_AT, at)
                .execute();
        // @formatter:on
    }

    @Nullable OffsetDateTime seenAt(TenantId tenant, UUID userId) {
        return dsl.select(SEEN.SEEN_AT).from(SEEN)
                .where(SEEN.TENANT_ID.eq(tenant.value()), SEEN.USER_ID.eq(userId))
                .fetchOne(SEEN.SEEN_AT);
    }

    @Nullable OffsetDateTime lastCheck(TenantId tenant, String name) {
        return dsl.select(CHECKS.CHECKED_AT).from(CHECKS)
                .where(CHECKS.TENANT_ID.eq(tenant.value()), CHECKS.NAME.eq(name))
                .fetchOne(CHECKS.CHECKED_AT);
    }

    void saveCheck(TenantId tenant, String name, OffsetDateTime at) {
        // @formatter:off
        dsl.insertInto(CHECKS)
                .set(CHECKS.TENANT_ID, tenant.value())
                .set(CHECKS.NAME, name)
                .set(CHECKS.CHECKED_AT, at)
                .onConflict(CHECKS.TENANT_ID, CHECKS.NAME)
                .doUpdate()
                .set(CHECKS.CHECKED_AT, at)
                .execute();
        // @formatter:on
    }

    private Alert alert(Record record) {
        var r = record.into(RAISED);
        List<Alert.Figure> figures = new ArrayList<>();
        JSONB numbers = r.getNumbers();
        if (numbers != null) {
            JsonNode array = json.readTree(numbers.data());
            for (JsonNode f : array) {
                figures.add(new Alert.Figure(f.path("name").asString(""), format(f.path("value"))));
            }
        }
        return new Alert(r.getId(), AlertKind.valueOf(r.getKind()), r.getKey(), r.getTitle(), r.getSummary(),
                List.copyOf(figures), r.getLink(), AlertStatus.valueOf(r.getStatus()), r.getRaisedAt(), r.getRepeats(),
                r.getLastRepeatedAt(), r.getAcknowledgedAt(), r.getAcknowledgedByEmail(), r.getResolvedAt(),
                r.getResolvedByEmail(), List.of());
    }

    /** A stored value as text: whole numbers with thousands separators, decimals as given (at most 4 places). */
    static String format(JsonNode value) {
        if (value.isIntegralNumber()) {
            return String.format(java.util.Locale.ENGLISH, "%,d", value.asLong());
        }
        if (value.isNumber()) {
            BigDecimal d = value.decimalValue();
            if (d.scale() > 4) {
                d = d.setScale(4, java.math.RoundingMode.HALF_UP);
            }
            return d.stripTrailingZeros().scale() <= 0 ? String.format(java.util.Locale.ENGLISH, "%,d",
                    d.longValue()) : d.stripTrailingZeros().toPlainString();
        }
        if (value.isNull() || value.isMissingNode()) {
            return "–";
        }
        return value.isString() ? value.asString() : value.toString();
    }
}
