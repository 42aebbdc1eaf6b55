package com.frontline.accounts;

import com.frontline.accounts.importing.KpiRow;
import com.frontline.accounts.importing.SavedMapping;
import com.frontline.accounts.importing.StandardField;
import com.frontline.shared.TenantId;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static com.frontline.db.accounts.Tables.CUSTOMER_ACCOUNTS;
import static com.frontline.db.accounts.Tables.DATA_VERSIONS;
import static com.frontline.db.accounts.Tables.IMPORT_FORMATS;
import static com.frontline.db.accounts.Tables.KPI_VALUES;
import static com.frontline.db.accounts.Tables.UPLOADS;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.val;

@Repository
class AccountRepository {

    private final DSLContext dsl;
    private final JsonMapper json;

    AccountRepository(DSLContext dsl, JsonMapper json) {
        this.dsl = dsl;
        this.json = json;
    }

    // ---- uploads and formats ---------------------------------------------------------------------------------

    void insertUpload(TenantId tenant, UUID id, String filename, byte[] bytes, @Nullable UUID userId) {
        dsl.insertInto(UPLOADS)
                .set(UPLOADS.TENANT_ID, tenant.value())
                .set(UPLOADS.ID, id)
                .set(UPLOADS.FILENAME, filename)
                .set(UPLOADS.SIZE_BYTES, (long) bytes.length)
                .set(UPLOADS.FILE, bytes)
                .set(UPLOADS.STATUS, "PENDING")
                .set(UPLOADS.CREATED_BY, userId)
                .execute();
    }

    record StoredUpload(UUID id, String filename, byte[] bytes, String status) {
    }

    Optional<StoredUpload> upload(TenantId tenant, UUID id) {
        return dsl.select(UPLOADS.ID, UPLOADS.FILENAME, UPLOADS.FILE, UPLOADS.STATUS)
                .from(UPLOADS)
                .where(UPLOADS.TENANT_ID.eq(tenant.value()), UPLOADS.ID.eq(id))
                .fetchOptional(r -> new StoredUpload(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    void recordValidation(TenantId tenant, UUID id, String format, int accepted, int rejected) {
        dsl.update(UPLOADS)
                .set(UPLOADS.FORMAT, format)
                .set(UPLOADS.ACCEPTED, accepted)
                .set(UPLOADS.REJECTED, rejected)
                .where(UPLOADS.TENANT_ID.eq(tenant.value()), UPLOADS.ID.eq(id))
                .execute();
    }

    /** Flips a pending upload to the given state; false when it was not pending (confirmed twice, discarded). */
    boolean finish(TenantId tenant, UUID id, String status) {
        return dsl.update(UPLOADS)
                .set(UPLOADS.STATUS, status)
                .set(UPLOADS.CONFIRMED_AT, "CONFIRMED".equals(status) ? OffsetDateTime.now() : null)
                .where(UPLOADS.TENANT_ID.eq(tenant.value()), UPLOADS.ID.eq(id), UPLOADS.STATUS.eq("PENDING"))
                .execute() == 1;
    }

    /** Workspaces with a pending upload older than {@code before} or a discarded one that still holds its file. */
    List<TenantId> tenantsWithStaleUploads(OffsetDateTime before) {
        return dsl.selectDistinct(UPLOADS.TENANT_ID)
                .from(UPLOADS)
                .where(UPLOADS.STATUS.eq("PENDING").and(UPLOADS.CREATED_AT.lt(before))
                        .or(UPLOADS.STATUS.eq("DISCARDED").and(DSL.binaryOctetLength(UPLOADS.FILE).gt(0))))
                .fetch(r -> TenantId.of(r.value1()));
    }

    /** Pending uploads created before {@code before} become EXPIRED and drop their file. */
    int expirePending(TenantId tenant, OffsetDateTime before) {
        return dsl.update(UPLOADS)
                .set(UPLOADS.STATUS, "EXPIRED")
                .set(UPLOADS.FILE, new byte[0])
                .where(UPLOADS.TENANT_ID.eq(tenant.value()), UPLOADS.STATUS.eq("PENDING"),
                        UPLOADS.CREATED_AT.lt(before))
                .execute();
    }

    int dropDiscardedFiles(TenantId tenant) {
        return dsl.update(UPLOADS)
                .set(UPLOADS.FILE, new byte[0])
                .where(UPLOADS.TENANT_ID.eq(tenant.value()), UPLOADS.STATUS.eq("DISCARDED"),
                        DSL.binaryOctetLength(UPLOADS.FILE).gt(0))
                .execute();
    }

    List<SavedMapping> formats(TenantId tenant) {
        return dsl.select(IMPORT_FORMATS.NAME, IMPORT_FORMATS.COLUMNS)
                .from(IMPORT_FORMATS)
                .where(IMPORT_FORMATS.TENANT_ID.eq(tenant.value()))
                .orderBy(IMPORT_FORMATS.CREATED_AT)
                .fetch(r -> toMapping(r.get(IMPORT_FORMATS.NAME), r.get(IMPORT_FORMATS.COLUMNS)));
    }

    Optional<SavedMapping> format(TenantId tenant, String name) {
        return dsl.select(IMPORT_FORMATS.NAME, IMPORT_FORMATS.COLUMNS)
                .from(IMPORT_FORMATS)
                .where(IMPORT_FORMATS.TENANT_ID.eq(tenant.value()))
                .and(IMPORT_FORMATS.NAME.eq(name))
                .fetchOptional(r -> toMapping(r.get(IMPORT_FORMATS.NAME), r.get(IMPORT_FORMATS.COLUMNS)));
    }

    void saveFormat(TenantId tenant, SavedMapping mapping) {
        // one JSON object, header -> field; a wide layout's KPI columns are stored as header -> "KPI_COLUMN"
        Map<String, String> stored = new LinkedHashMap<>();
        mapping.columns().forEach((header, field) -> stored.put(header, field.name()));
        mapping.kpiColumns().forEach(header -> stored.put(header, KPI_COLUMN));
        JSONB columns = JSONB.valueOf(json.writeValueAsString(stored));
        dsl.insertInto(IMPORT_FORMATS)
                .set(IMPORT_FORMATS.TENANT_ID, tenant.value())
                .set(IMPORT_FORMATS.ID, UUID.randomUUID())
                .set(IMPORT_FORMATS.NAME, mapping.name())
                .set(IMPORT_FORMATS.COLUMNS, columns)
                .onConflict(IMPORT_FORMATS.TENANT_ID, IMPORT_FORMATS.NAME).doUpdate()
                .set(IMPORT_FORMATS.COLUMNS, columns)
                .execute();
    }

    private static final String KPI_COLUMN = "KPI_COLUMN";

    private SavedMapping toMapping(String name, JSONB value) {
        Map<String, String> raw = json.readValue(value.data(), new TypeReference<Map<String, String>>() {
        });
        Map<String, StandardField> columns = new LinkedHashMap<>();
        Set<String> kpiColumns = new LinkedHashSet<>();
        raw.forEach((header, field) -> {
            if (KPI_COLUMN.equals(field)) {
                kpiColumns.add(header);
            } else {
                columns.put(header, StandardField.valueOf(field));
            }
        });
        return new SavedMapping(name, columns, kpiColumns);
    }

    // ---- data versions, accounts, KPIs -----------------------------------------------------------------------

    int nextDataVersion(TenantId tenant) {
        // the per-tenant max is read under the uploads row lock held by the confirming transaction
        return dsl.select(coalesce(max(DATA_VERSIONS.VERSION), val(0)).plus(1))
                .from(DATA_VERSIONS)
                .where(DATA_VERSIONS.TENANT_ID.eq(tenant.value()))
                .fetchSingle().value1();
    }

    void insertDataVersion(TenantId tenant, int version, UUID uploadId, int accounts, int kpis, @Nullable UUID userId) {
        dsl.insertInto(DATA_VERSIONS)
                .set(DATA_VERSIONS.TENANT_ID, tenant.value())
                .set(DATA_VERSIONS.VERSION, version)
                .set(DATA_VERSIONS.UPLOAD_ID, uploadId)
                .set(DATA_VERSIONS.ACCOUNTS, accounts)
                .set(DATA_VERSIONS.KPIS, kpis)
                .set(DATA_VERSIONS.CREATED_BY, userId)
                .execute();
    }

    void factsHandedOver(TenantId tenant, int version) {
        dsl.update(DATA_VERSIONS)
                .set(DATA_VERSIONS.FACTS_HANDED_OVER_AT, OffsetDateTime.now())
                .where(DATA_VERSIONS.TENANT_ID.eq(tenant.value()), DATA_VERSIONS.VERSION.eq(version))
                .execute();
    }

    record VersionRef(TenantId tenant, int version) {
    }

    /**
     * Data versions, of every workspace, whose facts were never handed to knowledge and that were confirmed before
     * {@code before}: a maintenance sweep reads their ids only, and handles each within its workspace.
     */
    List<VersionRef> versionsNotHandedOver(OffsetDateTime before) {
        return dsl.select(DATA_VERSIONS.TENANT_ID, DATA_VERSIONS.VERSION)
                .from(DATA_VERSIONS)
                .where(DATA_VERSIONS.FACTS_HANDED_OVER_AT.isNull(), DATA_VERSIONS.CREATED_AT.lt(before))
                .orderBy(DATA_VERSIONS.CREATED_AT)
                .limit(1_000)
                .fetch(r -> new VersionRef(TenantId.of(r.get(DATA_VERSIONS.TENANT_ID)), r.get(DATA_VERSIONS.VERSION)));
    }

    static String nameKey(String name) {
        return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** Creates the account or moves it to this data version; returns its id. */
    UUID upsertAccount(TenantId tenant, String name, Map<String, String> attributes, int version) {
        JSONB attrs = JSONB.valueOf(json.writeValueAsString(attributes));
        return dsl.insertInto(CUSTOMER_ACCOUNTS)
                .set(CUSTOMER_ACCOUNTS.TENANT_ID, tenant.value())
                .set(CUSTOMER_ACCOUNTS.ID, UUID.randomUUID())
                .set(CUSTOMER_ACCOUNTS.NAME, name.strip())
                .set(CUSTOMER_ACCOUNTS.NAME_KEY, nameKey(name))
                .set(CUSTOMER_ACCOUNTS.ATTRIBUTES, attrs)
                .set(CUSTOMER_ACCOUNTS.DATA_VERSION, version)
                .onConflict(CUSTOMER_ACCOUNTS.TENANT_ID, CUSTOMER_ACCOUNTS.NAME_KEY).doUpdate()
                .set(CUSTOMER_ACCOUNTS.NAME, name.strip())
                .set(CUSTOMER_ACCOUNTS.ATTRIBUTES, attributes.isEmpty() ? CUSTOMER_ACCOUNTS.ATTRIBUTES : val(attrs))
                .set(CUSTOMER_ACCOUNTS.DATA_VERSION, version)
                .set(CUSTOMER_ACCOUNTS.UPDATED_AT, OffsetDateTime.now())
                .returning(CUSTOMER_ACCOUNTS.ID)
                .fetchSingle(CUSTOMER_ACCOUNTS.ID);
    }

    void insertKpis(TenantId tenant, UUID accountId, int version, List<KpiRow> rows) {
        var insert = dsl.insertInto(KPI_VALUES, KPI_VALUES.TENANT_ID, KPI_VALUES.ACCOUNT_ID, KPI_VALUES.DATA_VERSION,
                KPI_VALUES.KPI_NAME, KPI_VALUES.VALUE, KPI_VALUES.PERCENTAGE, KPI_VALUES.CATEGORY, KPI_VALUES.WEIGHT,
                KPI_VALUES.IMPACT_LEVEL, KPI_VALUES.HEALTH_COMPONENT, KPI_VALUES.OBSERVED_ON, KPI_VALUES.DIRECTION);
        for (KpiRow r : rows) {
            insert = insert.values(tenant.value(), accountId, version, r.kpiName(), r.value(), r.percentage(),
                    r.category(), r.weight(), r.impactLevel() == null ? null : r.impactLevel().name(),
                    r.healthComponent(), r.date(), r.direction() == null ? null : r.direction().name());
        }
        insert.execute();
    }

    record AccountRow(UUID id, String name, Map<String, String> attributes, int dataVersion, OffsetDateTime updatedAt) {
    }

    List<AccountRow> accounts(TenantId tenant) {
        return dsl.selectFrom(CUSTOMER_ACCOUNTS)
                .where(CUSTOMER_ACCOUNTS.TENANT_ID.eq(tenant.value()))
                .orderBy(CUSTOMER_ACCOUNTS.NAME)
                .fetch(r -> new AccountRow(r.getId(), r.getName(), toAttributes(r.getAttributes()), r.getDataVersion(),
                        r.getUpdatedAt()));
    }

    Optional<AccountRow> account(TenantId tenant, UUID id) {
        return dsl.selectFrom(CUSTOMER_ACCOUNTS)
                .where(CUSTOMER_ACCOUNTS.TENANT_ID.eq(tenant.value()), CUSTOMER_ACCOUNTS.ID.eq(id))
                .fetchOptional(r -> new AccountRow(r.getId(), r.getName(), toAttributes(r.getAttributes()),
                        r.getDataVersion(), r.getUpdatedAt()));
    }

    /** The KPI values of each account's current data version (time series included), by account. */
    Map<UUID, List<KpiValue>> currentKpis(TenantId tenant, @Nullable UUID onlyAccount) {
        var condition = KPI_VALUES.TENANT_ID.eq(tenant.value()).and(KPI_VALUES.DATA_VERSION.eq(CUSTOMER_ACCOUNTS.DATA_VERSION));
        if (onlyAccount != null) {
            condition = condition.and(KPI_VALUES.ACCOUNT_ID.eq(onlyAccount));
        }
        Map<UUID, List<KpiValue>> byAccount = new LinkedHashMap<>();
        // @formatter:off
        dsl.select(KPI_VALUES.ACCOUNT_ID, KPI_VALUES.KPI_NAME, KPI_VALUES.VALUE, KPI_VALUES.PERCENTAGE,
                        KPI_VALUES.CATEGORY, KPI_VALUES.WEIGHT, KPI_VALUES.IMPACT_LEVEL, KPI_VALUES.HEALTH_COMPONENT,
                        KPI_VALUES.OBSERVED_ON, KPI_VALUES.DIRECTION)
                .from(KPI_VALUES)
                .join(CUSTOMER_ACCOUNTS).on(CUSTOMER_ACCOUNTS.TENANT_ID.eq(KPI_VALUES.TENANT_ID), CUSTOMER_ACCOUNTS.ID.eq(KPI_VALUES.ACCOUNT_ID))
                .where(condition)
                .orderBy(KPI_VALUES.KPI_NAME, KPI_VALUES.OBSERVED_ON.asc().nullsLast())
                .forEach(r -> byAccount.computeIfAbsent(r.value1(), k -> new java.util.ArrayList<>())
                        .add(new KpiValue(r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7(),
                                r.value8(), r.value9(), r.value10())));
        // @formatter:on
        return byAccount;
    }

    record DataVersionRow(int version, int accounts, int kpis, OffsetDateTime createdAt) {
    }

    List<DataVersionRow> dataVersions(TenantId tenant) {
        return dsl.selectFrom(DATA_VERSIONS)
                .where(DATA_VERSIONS.TENANT_ID.eq(tenant.value()))
                .orderBy(DATA_VERSIONS.VERSION.desc())
                .limit(10)
                .fetch(r -> new DataVersionRow(r.getVersion(), r.getAccounts(), r.getKpis(), r.getCreatedAt()));
    }

    List<AccountRow> accountsOfVersion(TenantId tenant, int version) {
        return accounts(tenant).stream().filter(a -> a.dataVersion() == version).toList();
    }

    private Map<String, String> toAttributes(@Nullable JSONB value) {
        if (value == null) {
            return Map.of();
        }
        return json.readValue(value.data(), new TypeReference<LinkedHashMap<String, String>>() {
        });
    }
}
