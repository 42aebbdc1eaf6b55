package com.frontline.accounts;

import com.frontline.accounts.importing.HealthScore;
import com.frontline.accounts.importing.HealthScores;
import com.frontline.accounts.importing.ImportLimits;
import com.frontline.accounts.importing.ImportRejectedException;
import com.frontline.accounts.importing.KpiDirection;
import com.frontline.accounts.importing.KpiFileValidator;
import com.frontline.accounts.importing.KpiRow;
import com.frontline.accounts.importing.AccountRow;
import com.frontline.accounts.importing.SavedMapping;
import com.frontline.accounts.importing.StandardField;
import com.frontline.accounts.importing.ValidationReport;
import com.frontline.audit.AuditLog;
import com.frontline.shared.CurrentTenant;
import com.frontline.shared.InvalidInputException;
import com.frontline.shared.NotFoundException;
import com.frontline.shared.TenantFiles;
import com.frontline.shared.TenantId;
import com.frontline.shared.UserFacingException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * KPI and account spreadsheets: upload → validation report → (column mapping) → confirm. Nothing reaches the
 * accounts until the admin confirms, and a confirmation stores every valid row in one transaction.
 */
@Service
public class AccountsService {

    private final AccountRepository accounts;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final KpiFileValidator validator = new KpiFileValidator();
    private final ImportLimits limits = ImportLimits.defaults();

    AccountsService(AccountRepository accounts, AuditLog audit, ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.audit = audit;
        this.events = events;
    }

    /** Validates an uploaded spreadsheet and holds it as pending. Whole-file problems are refused at once. */
    @Transactional
    public PendingUpload validate(CurrentTenant tenant, String rawFilename, byte[] bytes) {
        String filename = rawFilename == null || rawFilename.isBlank() ? "upload" : Path.of(rawFilename.replace('\\', '/'))
                .getFileName().toString();
        if (bytes.length == 0) {
            throw new UserFacingException("The file is empty.");
        }
        if (bytes.length > limits.maxBytes()) {
            throw new UserFacingException("The file is larger than the %,d MB limit.".formatted(limits.maxBytes() >> 20));
        }
        ValidationReport report = run(tenant.id(), filename, bytes, null);
        UUID id = UUID.randomUUID();
        accounts.insertUpload(tenant.id(), id, filename, bytes, tenant.userId());
        accounts.recordValidation(tenant.id(), id, report.formatLabel(), report.accepted().size(), report.problems().size());
        return new PendingUpload(id, filename, report);
    }

    /**
     * The report of a pending upload: read with the tenant's format named {@code formatName} (the one the admin just
     * mapped), or, when null or no longer saved, with automatic detection and all the tenant's saved formats.
     */
    @Transactional(readOnly = true)
    public PendingUpload pending(TenantId tenant, UUID uploadId, @Nullable String formatName) {
        AccountRepository.StoredUpload upload = pendingUpload(tenant, uploadId);
        return new PendingUpload(upload.id(), upload.filename(),
                run(tenant, upload.filename(), upload.bytes(), savedFormat(tenant, formatName)));
    }

    /**
     * Saves the admin's column mapping as a named tenant format, so the same layout is recognised next time.
     *
     * @param shownFormat the format the mapped report was read with (the columns' indexes refer to its header row)
     * @param roles       source column index → a {@link StandardField} name, {@link ValidationReport#KPI_COLUMN} (one
     *                    column per KPI: a wide layout) or "" (ignored). Anything else is a field error, keyed
     *                    {@code col:<index>}, never an exception page.
     * @return the saved format's name
     */
    @Transactional
    public String applyMapping(CurrentTenant tenant, UUID uploadId, @Nullable String shownFormat, String rawName,
                               Map<Integer, String> roles) {
        List<String> headers = pending(tenant.id(), uploadId, shownFormat).report().sourceColumns();
        SavedMapping mapping = ColumnMappingForm.validate(rawName, headers, roles);
        accounts.saveFormat(tenant.id(), mapping);
        Map<String, Object> details = new LinkedHashMap<>(mapping.columns());
        if (mapping.wide()) {
            details.put("kpiColumns", List.copyOf(mapping.kpiColumns()));
        }
        audit.record(tenant.id(), tenant.actor(), "accounts.format_saved", mapping.name(), null, details);
        return mapping.name();
    }

    private @Nullable SavedMapping savedFormat(TenantId tenant, @Nullable String formatName) {
        return formatName == null || formatName.isBlank() ? null : accounts.format(tenant, formatName).orElse(null);
    }

    public record Confirmed(int dataVersion, int accounts, int kpis, int skippedRows) {
    }

    /** Stores the valid rows of a pending upload as a new data version, all or nothing. */
    @Transactional
    public Confirmed confirm(CurrentTenant tenant, UUID uploadId) {
        return confirm(tenant, uploadId, null);
    }

    /** Confirms what the report showed: read with the format the admin mapped ({@code formatName}), if any. */
    @Transactional
    public Confirmed confirm(CurrentTenant tenant, UUID uploadId, @Nullable String formatName) {
        AccountRepository.StoredUpload upload = pendingUpload(tenant.id(), uploadId);
        ValidationReport report = run(tenant.id(), upload.filename(), upload.bytes(),
                savedFormat(tenant.id(), formatName));
        if (report.needsMapping()) {
            throw new UserFacingException("Map the columns first: the file's layout was not recognised.");
        }
        if (report.accepted().isEmpty()) {
            throw new UserFacingException("No valid rows to import. Fix the problems in the report and upload again.");
        }
        if (!accounts.finish(tenant.id(), uploadId, "CONFIRMED")) {
            throw new UserFacingException("This upload was already confirmed or discarded.");
        }
        int version = accounts.nextDataVersion(tenant.id());
        Map<String, List<KpiRow>> byAccount = report.accepted().stream()
                .collect(Collectors.groupingBy(r -> AccountRepository.nameKey(r.accountName()), LinkedHashMap::new,
                        Collectors.toList()));
        Map<String, Map<String, String>> attributes = new LinkedHashMap<>();
        for (AccountRow row : report.accounts()) {
            attributes.put(AccountRepository.nameKey(row.accountName()), row.attributes());
        }
        for (List<KpiRow> rows : byAccount.values()) {
            String name = rows.getFirst().accountName();
            UUID accountId = accounts.upsertAccount(tenant.id(), name,
                    attributes.getOrDefault(AccountRepository.nameKey(name), Map.of()), version);
            accounts.insertKpis(tenant.id(), accountId, version, rows);
        }
        accounts.insertDataVersion(tenant.id(), version, uploadId, byAccount.size(), report.accepted().size(),
                tenant.userId());
        // a row can have several problems: count rows, not problems
        int skipped = (int) report.problems().stream().map(p -> p.sheet() + "\u0000" + p.rowNumber()).distinct().count();
        audit.record(tenant.id(), tenant.actor(), "accounts.import_confirmed", upload.filename(), null,
                Map.of("dataVersion", version, "accounts", byAccount.size(), "kpis", report.accepted().size(),
                        "skippedRows", skipped, "format", report.formatLabel()));
        events.publishEvent(new AccountsEvents.DataVersionConfirmed(tenant.id(), version));
        return new Confirmed(version, byAccount.size(), report.accepted().size(), skipped);
    }

    @Transactional
    public void discard(CurrentTenant tenant, UUID uploadId) {
        pendingUpload(tenant.id(), uploadId);
        accounts.finish(tenant.id(), uploadId, "DISCARDED");
    }

    @Transactional(readOnly = true)
    public List<AccountOverview> overview(TenantId tenant) {
        Map<UUID, List<KpiValue>> kpis = accounts.currentKpis(tenant, null);
        List<AccountOverview> out = new ArrayList<>();
        for (AccountRepository.AccountRow a : accounts.accounts(tenant)) {
            List<KpiValue> values = kpis.getOrDefault(a.id(), List.of());
            HealthScore health = HealthScores.compute(latestRows(a.name(), values));
            out.add(new AccountOverview(a.id(), a.name(), health.score(), health.band(), latest(values).size(),
                    a.dataVersion(), a.updatedAt()));
        }
        out.sort(Comparator.comparing((AccountOverview o) -> o.healthScore() == null ? 101 : o.healthScore()));
        return out;
    }

    @Transactional(readOnly = true)
    public AccountDetails account(TenantId tenant, UUID accountId) {
        AccountRepository.AccountRow a = accounts.account(tenant, accountId)
                .orElseThrow(() -> NotFoundException.of("Account", accountId));
        List<KpiValue> values = accounts.currentKpis(tenant, accountId).getOrDefault(accountId, List.of());
        Map<String, List<KpiValue>> series = values.stream().filter(v -> v.observedOn() != null)
                .collect(Collectors.groupingBy(KpiValue::kpiName, LinkedHashMap::new, Collectors.toList()));
        series.values().removeIf(points -> points.size() < 2);
        return new AccountDetails(a.id(), a.name(), a.attributes(), a.dataVersion(), latest(values),
                HealthScores.compute(latestRows(a.name(), values)), series);
    }

    @Transactional(readOnly = true)
    public List<AccountRepository.DataVersionRow> dataVersions(TenantId tenant) {
        return accounts.dataVersions(tenant);
    }

    /** For each KPI the newest value (the last of a time series). */
    static List<KpiValue> latest(List<KpiValue> values) {
        Map<String, KpiValue> last = new LinkedHashMap<>();
        for (KpiValue v : values) {
            last.put(v.kpiName(), v); // values come ordered by name, then date ascending
        }
        return List.copyOf(last.values());
    }

    private static List<KpiRow> latestRows(String account, List<KpiValue> values) {
        return latest(values).stream().map(v -> new KpiRow("", 0, account, v.kpiName(), v.value(), v.percentage(),
                v.category(), v.weight(), v.impactLevel() == null ? null
                : com.frontline.accounts.importing.ImpactLevel.valueOf(v.impactLevel()), v.healthComponent(),
                v.observedOn(), v.direction() == null ? null : KpiDirection.valueOf(v.direction()))).toList();
    }

    private AccountRepository.StoredUpload pendingUpload(TenantId tenant, UUID uploadId) {
        AccountRepository.StoredUpload upload = accounts.upload(tenant, uploadId)
                .orElseThrow(() -> NotFoundException.of("Upload", uploadId));
        if ("EXPIRED".equals(upload.status())) {
            throw new UserFacingException("This upload expired: it was not confirmed in time, so the file was "
                    + "removed. Upload it again.");
        }
        if (!"PENDING".equals(upload.status())) {
            throw new UserFacingException("This upload was already " + upload.status().toLowerCase() + ".");
        }
        return upload;
    }

    private ValidationReport run(TenantId tenant, String filename, byte[] bytes, @Nullable SavedMapping mapping) {
        try {
            return TenantFiles.withTempFile(tenant, bytes, file -> mapping == null
                    ? validator.validate(file, filename, limits, accounts.formats(tenant))
                    : validator.validate(file, filename, limits, mapping));
        } catch (ImportRejectedException e) {
            throw new UserFacingException(e.userMessage());
        }
    }

    public static String label(StandardField field) {
        return switch (field) {
            case ACCOUNT_NAME -> "Account name";
            case KPI_NAME -> "KPI name";
            case VALUE -> "Value";
            case CATEGORY -> "Category";
            case WEIGHT -> "Weight";
            case IMPACT_LEVEL -> "Impact level";
            case HEALTH_COMPONENT -> "Health score component";
            case DATE -> "Date";
            case DIRECTION -> "Direction (higher or lower is better)";
        };
    }
}
