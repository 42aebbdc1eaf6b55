package com.frontline.accounts.importing;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The state of one validation: limits, accepted rows, problems, and the rules that turn a {@link SourceRow} into a
 * {@link KpiRow} or problems.
 */
final class ImportRun {

    private static final BigDecimal MAX_WEIGHT = BigDecimal.valueOf(100);
    private static final BigDecimal MAX_ABS_VALUE = new BigDecimal("1e12");
    private static final int MAX_TEXT = 200;
    private static final int MAX_INTERNED = 50_000;

    final ImportLimits limits;
    final Deadline deadline;
    final List<KpiRow> accepted = new ArrayList<>();
    final List<AccountRow> accounts = new ArrayList<>();
    final List<RowProblem> problems = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    /** KPI data rows read (the report's "Rows read"). */
    int rowsRead;
    /** All non-blank rows read, Account Info included: what {@link ImportLimits#maxRows()} limits. */
    private int allRows;
    /** The rows' account is the file name: a guess, so the report offers the column mapping. */
    boolean accountFromFilename;
    private final Map<DuplicateKey, Integer> seen = new HashMap<>();
    private final Map<String, String> valueHeaders = new HashMap<>();
    // KPI, account and category names repeat on most rows; sharing one instance keeps a large import's heap small.
    private final Map<String, String> interned = new HashMap<>();

    ImportRun(ImportLimits limits) {
        this.limits = limits;
        this.deadline = new Deadline(limits.maxParseTime());
    }

    /**
     * Called for every non-blank data row of every sheet, before it is interpreted.
     *
     * @param kpiRow the row holds KPI values (counted in "Rows read"); false for Account Info rows
     */
    void countRow(boolean kpiRow) throws ImportRejectedException {
        if (kpiRow) {
            rowsRead++;
        }
        if (++allRows > limits.maxRows()) {
            throw new ImportRejectedException("The file has more than " + String.format(Locale.ROOT, "%,d",
                    limits.maxRows()) + " rows, the most one upload may hold; split it into smaller files.");
        }
        deadline.check();
    }

    void problem(String sheet, int row, String column, String value, String message, String hint) {
        problems.add(new RowProblem(sheet, row, column, value, message, hint));
    }

    /**
     * How a sheet's columns map to fields.
     *
     * @param headers        the header row as written
     * @param decimalComma   text numbers use a decimal comma
     * @param defaultAccount the account for rows without an account column
     * @param expectedCells  for CSV, the header's field count (rows with a different count are refused); else -1
     */
    record Layout(String sheet, Map<StandardField, Integer> columns, List<String> headers, boolean decimalComma,
                  @Nullable String defaultAccount, int expectedCells) {

        String header(StandardField field) {
            Integer index = columns.get(field);
            if (index == null) {
                return "";
            }
            String header = index < headers.size() ? headers.get(index).strip() : "";
            return header.isEmpty() ? field.name() : header;
        }

        boolean has(StandardField field) {
            return columns.containsKey(field);
        }
    }

    /** For CSV ({@code expectedCells > 0}): a row with more or fewer fields than the header is one problem. */
    boolean cellCountMatches(String sheet, int expectedCells, SourceRow row) {
        if (expectedCells > 0 && row.cells().size() != expectedCells
                && (row.cells().size() < expectedCells || !blankFrom(row, expectedCells))) {
            problem(sheet, row.rowNumber(), "", String.join(",", row.cells().subList(0,
                            Math.min(row.cells().size(), 12))),
                    "The row has " + row.cells().size() + " columns but the header has " + expectedCells,
                    "Check for a missing or extra separator, or quote values that contain the separator.");
            return false;
        }
        return true;
    }

    /** Moves the rows whose number does not fit their KPI's scale from accepted to problems; see {@link PercentScale}. */
    void checkPercentScales() {
        List<PercentScale.Flag> flags = PercentScale.check(accepted, row -> PercentScale.percentHeader(
                valueHeaders.getOrDefault(row.sheet() + "\u0000" + row.kpiName(), "")));
        if (flags.isEmpty()) {
            return;
        }
        java.util.Set<KpiRow> flagged = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (PercentScale.Flag flag : flags) {
            flagged.add(flag.row());
            KpiRow row = flag.row();
            problem(row.sheet(), row.rowNumber(), valueHeaders.getOrDefault(row.sheet() + "\u0000" + row.kpiName(),
                    "Value"), flag.value(), flag.message(), flag.hint());
        }
        accepted.removeIf(flagged::contains);
    }

    void kpiRow(Layout layout, SourceRow row) {
        String sheet = layout.sheet();
        int number = row.rowNumber();
        int problemsBefore = problems.size();

        if (!cellCountMatches(sheet, layout.expectedCells(), row)) {
            return;
        }

        String kpi = text(layout, row, StandardField.KPI_NAME);
        if (kpi.isEmpty()) {
            problem(sheet, number, layout.header(StandardField.KPI_NAME), "", "The KPI name is missing",
                    "Enter the name of the KPI in this row, or delete the row.");
        } else if (kpi.length() > MAX_TEXT) {
            problem(sheet, number, layout.header(StandardField.KPI_NAME), abbreviate(kpi), "The KPI name is too long",
                    "Use a KPI name of at most " + MAX_TEXT + " characters.");
        }

        String account = layout.defaultAccount() == null ? "" : layout.defaultAccount();
        if (layout.has(StandardField.ACCOUNT_NAME)) {
            account = text(layout, row, StandardField.ACCOUNT_NAME);
            if (account.isEmpty()) {
                problem(sheet, number, layout.header(StandardField.ACCOUNT_NAME), "", "The account name is missing",
                        "Enter the customer account this KPI belongs to.");
            } else if (account.length() > MAX_TEXT) {
                problem(sheet, number, layout.header(StandardField.ACCOUNT_NAME), abbreviate(account),
                        "The account name is too long", "Use an account name of at most " + MAX_TEXT + " characters.");
            }
        }

        Values.Number value = null;
        String valueText = text(layout, row, StandardField.VALUE);
        String valueHeader = layout.header(StandardField.VALUE);
        if (valueText.isEmpty()) {
            problem(sheet, number, valueHeader, "", "The value is missing",
                    "Enter a number such as 85, 85% or 1234.5, or delete the row.");
        } else {
            value = number(layout, row, StandardField.VALUE);
            if (value == null) {
                problem(sheet, number, valueHeader, abbreviate(valueText), "The value is not a number",
                        "Use digits only, for example 85, 85%, 0.85 or 1234.5; remove text such as \"n/a\".");
            } else if (value.value().abs().compareTo(MAX_ABS_VALUE) > 0) {
                problem(sheet, number, valueHeader, valueText, "The value is implausibly large",
                        "Check the number; values above one trillion are not accepted.");
                value = null;
            }
        }

        BigDecimal weight = null;
        String weightText = text(layout, row, StandardField.WEIGHT);
        if (!weightText.isEmpty()) {
            Values.Number parsed = number(layout, row, StandardField.WEIGHT);
            String header = layout.header(StandardField.WEIGHT);
            if (parsed == null) {
                problem(sheet, number, header, abbreviate(weightText), "The weight is not a number",
                        "Use a positive number such as 1, 2 or 0.5, or leave it empty for a weight of 1.");
            } else if (parsed.value().signum() < 0) {
                problem(sheet, number, header, weightText, "The weight is negative",
                        "Use a positive number such as 1, 2 or 0.5; use Impact Level Low for less important KPIs.");
            } else if (parsed.value().compareTo(MAX_WEIGHT) > 0) {
                problem(sheet, number, header, weightText, "The weight is implausibly large (more than 100)",
                        "Weights are relative: use numbers between 0 and 100, such as 1, 2 or 0.5.");
            } else {
                weight = parsed.value();
            }
        }

        ImpactLevel impact = null;
        String impactText = text(layout, row, StandardField.IMPACT_LEVEL);
        if (!impactText.isEmpty()) {
            impact = Values.impact(impactText);
            if (impact == null) {
                problem(sheet, number, layout.header(StandardField.IMPACT_LEVEL), abbreviate(impactText),
                        "Unknown impact level", "Use High, Medium or Low.");
            }
        }

        LocalDate date = null;
        String dateText = text(layout, row, StandardField.DATE);
        if (!dateText.isEmpty()) {
            date = Values.date(dateText);
            if (date == null) {
                problem(sheet, number, layout.header(StandardField.DATE), abbreviate(dateText), "The date is not valid",
                        "Write dates as YYYY-MM-DD, for example 2024-03-31 (or use a date-formatted cell).");
            }
        }

        KpiDirection direction = null;
        String directionText = text(layout, row, StandardField.DIRECTION);
        if (!directionText.isEmpty()) {
            direction = KpiDirection.parse(directionText, HeaderMatcher.normalize(layout.header(StandardField.DIRECTION)));
            if (direction == null) {
                problem(sheet, number, layout.header(StandardField.DIRECTION), abbreviate(directionText),
                        "Unknown direction", "Use Higher is better or Lower is better, or leave it empty (then "
                                + "higher is better, except for KPIs such as churn).");
            }
        }

        String category = optionalText(layout, row, StandardField.CATEGORY);
        String component = optionalText(layout, row, StandardField.HEALTH_COMPONENT);

        if (problems.size() > problemsBefore || value == null) {
            return;
        }
        DuplicateKey key = new DuplicateKey(lower(account), lower(kpi), date);
        Integer first = seen.putIfAbsent(key, number);
        if (first != null) {
            problem(sheet, number, layout.header(StandardField.KPI_NAME), kpi,
                    "Duplicate KPI: row " + first + " has the same account, KPI" + (date == null ? "" : " and date"),
                    "Remove this row or correct its " + (layout.has(StandardField.DATE) ? "date" : "KPI name")
                            + "; the first row was kept.");
            return;
        }
        // the value column's header, for problems found after all rows are read (wide layouts: one per KPI)
        valueHeaders.putIfAbsent(sheet + "\u0000" + kpi, layout.header(StandardField.VALUE));
        accepted.add(new KpiRow(sheet, number, intern(account), intern(kpi), value.value(), value.percentage(),
                internOptional(category), weight, impact, internOptional(component), date, direction));
    }

    private String optionalText(Layout layout, SourceRow row, StandardField field) {
        String text = text(layout, row, field);
        if (text.length() > MAX_TEXT) {
            problem(layout.sheet(), row.rowNumber(), layout.header(field), abbreviate(text),
                    "The text is too long", "Use at most " + MAX_TEXT + " characters.");
        }
        return text;
    }

    private static boolean blankFrom(SourceRow row, int from) {
        for (int i = from; i < row.cells().size(); i++) {
            if (!row.cells().get(i).isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static String text(Layout layout, SourceRow row, StandardField field) {
        Integer index = layout.columns().get(field);
        return index == null ? "" : row.cell(index).strip();
    }

    private static Values.@Nullable Number number(Layout layout, SourceRow row, StandardField field) {
        int index = layout.columns().get(field);
        return Values.number(row.cell(index), layout.decimalComma() && !row.isCanonical(index));
    }

    private @Nullable String internOptional(String text) {
        return text.isEmpty() ? null : intern(text);
    }

    // Lower-cased names for the duplicate check, shared like the interned originals.
    private final Map<String, String> lowered = new HashMap<>();

    private String lower(String text) {
        String known = lowered.get(text);
        if (known != null) {
            return known;
        }
        String lower = intern(text.toLowerCase(Locale.ROOT));
        if (lowered.size() < MAX_INTERNED) {
            lowered.put(text, lower);
        }
        return lower;
    }

    private String intern(String text) {
        String known = interned.get(text);
        if (known != null) {
            return known;
        }
        if (interned.size() < MAX_INTERNED) {
            interned.put(text, text);
        }
        return text;
    }

    static String abbreviate(String text) {
        return text.length() <= 100 ? text : text.substring(0, 97) + "...";
    }

    private record DuplicateKey(String account, String kpi, @Nullable LocalDate date) {
    }
}
