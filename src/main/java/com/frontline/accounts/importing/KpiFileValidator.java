package com.frontline.accounts.importing;

import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Detects the layout of an uploaded KPI file and validates every row. Nothing is stored: the caller shows the
 * {@link ValidationReport} and imports {@link ValidationReport#accepted()} when the user confirms.
 *
 * <p>Formats, decided by content (magic bytes), never by the file name alone:
 * <ul>
 *   <li><b>Standard workbook</b>: a {@code KPI Data} sheet ({@code Health Score Component}, {@code KPI/Parameter},
 *   {@code Data}, {@code Weight}, {@code Impact Level}, {@code Category}), an {@code Account Info} sheet and a
 *   {@code Summary} sheet (ignored: Frontline computes the summary itself). Account Info may be written as label/value
 *   rows ({@code Account Name | Acme}, {@code Owner | Jane}…) or as a table with a header row ({@code Account Name |
 *   Owner | Segment | Renewal Date}) and one account per row; both are read.</li>
 *   <li><b>Simple list</b>: a workbook whose sheet (normally {@code KPIs}) has {@code KPI Name}, {@code Value},
 *   {@code Category}.</li>
 *   <li><b>CSV</b>: {@code kpi_name}, {@code value}, {@code category}, {@code account_name}, optionally {@code weight},
 *   {@code impact_level}, {@code direction} and a date column, which makes the rows a time series.</li>
 * </ul>
 *
 * <p>The account of a row is, in this order: the row's own account column; for a standard workbook, the (first)
 * account in Account Info; a label above the header ({@code Account | Acme} or {@code Account: Acme}); the sheet
 * name unless it is a generic one such as "KPIs" or "Sheet1"; the file name without extension. The report's notes say
 * which source was used.
 *
 * <p>Header cells are recognised case- and punctuation-insensitively with common synonyms, anywhere in the first 30
 * rows, in any order and among extra columns. A tenant's {@link SavedMapping} is used when it recognises more of a
 * header row than the built-in names do.
 */
public final class KpiFileValidator {

    private static final int HEADER_SCAN_ROWS = 30;
    private static final int SAMPLE_ROWS = 50;
    private static final Set<String> GENERIC_SHEET_NAMES = Set.of("kpis", "kpi", "kpi list", "kpi data", "data",
            "sheet", "sheet1", "sheet 1", "tabelle1", "feuil1", "hoja1", "export", "list", "values", "metrics");
    private static final Set<String> IGNORED_SHEETS = Set.of("instructions", "instruction", "readme", "read me",
            "help", "how to", "notes", "summary", "lists", "dropdowns", "options");
    private static final Pattern ACCOUNT_LABEL = Pattern.compile(
            "(?i)^\\s*(account|account name|customer|customer name|company|company name|client)\\s*[:=\\-]\\s*(.+)$");

    public ValidationReport validate(Path file, String originalFilename, ImportLimits limits,
                                     List<SavedMapping> tenantMappings) throws ImportRejectedException {
        return run(file, originalFilename, limits, tenantMappings, null);
    }

    /** Reads the file with an explicit column mapping (after the user mapped the columns of an unknown layout). */
    public ValidationReport validate(Path file, String originalFilename, ImportLimits limits, SavedMapping mapping)
            throws ImportRejectedException {
        return run(file, originalFilename, limits, List.of(), mapping);
    }

    private ValidationReport run(Path file, String originalFilename, ImportLimits limits,
                                 List<SavedMapping> saved, @Nullable SavedMapping explicit)
            throws ImportRejectedException {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new ImportRejectedException("The upload could not be read; please upload the file again.", e);
        }
        if (size == 0) {
            throw new ImportRejectedException("The file is empty; export the KPI data again or download a template.");
        }
        if (size > limits.maxBytes()) {
            throw new ImportRejectedException("The file is " + megabytes(size) + ", more than the "
                    + megabytes(limits.maxBytes()) + " an upload may be; split it or remove unused sheets and columns.");
        }
        ImportRun run = new ImportRun(limits);
        try {
            FileSniffer.Sniffed sniffed = FileSniffer.sniff(file, originalFilename);
            run.deadline.check();
            String lower = originalFilename.toLowerCase(Locale.ROOT);
            if (sniffed.kind() == FileSniffer.Kind.TEXT
                    && (lower.endsWith(".xlsx") || lower.endsWith(".xlsm") || lower.endsWith(".xls"))) {
                // A workbook name on plain text is a mislabelled or broken file; guessing would mislead the user.
                throw new ImportRejectedException("The file is named " + lower.substring(lower.lastIndexOf('.'))
                        + " but contains plain text, not an Excel workbook; save it from Excel as .xlsx, or rename it "
                        + "to .csv if it is a CSV export.");
            }
            return switch (sniffed.kind()) {
                case ZIP -> readWorkbook(file, originalFilename, run, saved, explicit);
                case TEXT -> readCsv(file, originalFilename, sniffed, run, saved, explicit);
            };
        } catch (IOException e) {
            throw new ImportRejectedException("The upload could not be read; please upload the file again.", e);
        }
    }

    // ---------------------------------------------------------------- workbooks

    private ValidationReport readWorkbook(Path file, String filename, ImportRun run, List<SavedMapping> saved,
                                          @Nullable SavedMapping explicit) throws ImportRejectedException {
        if (ZipInspector.inspect(file, filename, run.limits, run.deadline)) {
            run.notes.add("The workbook is saved as macro-enabled (.xlsm) but holds no macros, so it was read like an "
                    + ".xlsx.");
        }
        try (XlsxBook book = XlsxBook.open(file)) {
            return readWorkbook(book, filename, run, saved, explicit);
        } catch (IOException | RuntimeException e) {
            if (e instanceof RuntimeException && e.getCause() instanceof ImportRejectedException rejected) {
                throw rejected;
            }
            throw ZipInspector.malformed(e);
        }
    }

    private ValidationReport readWorkbook(XlsxBook book, String filename, ImportRun run, List<SavedMapping> saved,
                                          @Nullable SavedMapping explicit) throws ImportRejectedException {
        List<String> names = book.sheetNames();
        int kpiData = indexOf(names, "kpi data", "kpis data", "kpi sheet", "kpi data sheet");
        int accountInfo = indexOf(names, "account info", "account information", "account details", "account",
                "accounts", "customer info", "account data");
        boolean hasSummary = indexOf(names, "summary") >= 0;

        if (accountInfo >= 0) {
            readAccountInfo(book, accountInfo, names.get(accountInfo), run);
        }
        @Nullable String workbookAccount = run.accounts.isEmpty() ? null : run.accounts.getFirst().accountName();

        List<Integer> candidates = new ArrayList<>();
        if (kpiData >= 0) {
            candidates.add(kpiData);
        } else {
            for (int i = 0; i < names.size(); i++) {
                if (i != accountInfo && !IGNORED_SHEETS.contains(HeaderMatcher.normalize(names.get(i)))) {
                    candidates.add(i);
                }
            }
        }

        List<SheetOutcome> read = new ArrayList<>();
        @Nullable List<String> firstSeenColumns = null;
        for (int index : candidates) {
            String sheet = names.get(index);
            Iterator<SourceRow> rows = book.rows(index, run.deadline);
            List<SourceRow> buffered = buffer(rows, run);
            HeaderChoice header = findHeader(buffered, saved, explicit);
            if (header == null) {
                if (firstSeenColumns == null) {
                    firstSeenColumns = guessHeader(buffered);
                }
                if (!buffered.isEmpty()) {
                    run.notes.add("Sheet '" + sheet + "' was skipped: no columns for the KPI name and value were "
                            + "found.");
                }
                continue;
            }
            String account = defaultAccount(header, buffered, sheet, filename, workbookAccount, run);
            read.add(readKpiRows(run, sheet, header, buffered, rows, account, -1, false, false));
        }
        if (kpiData < 0) {
            for (int i = 0; i < names.size(); i++) {
                if (i != accountInfo && IGNORED_SHEETS.contains(HeaderMatcher.normalize(names.get(i)))
                        && !HeaderMatcher.normalize(names.get(i)).equals("summary")
                        && !HeaderMatcher.normalize(names.get(i)).startsWith("instruction")) {
                    run.notes.add("Sheet '" + names.get(i) + "' was not read (it looks like notes or lists).");
                }
            }
        }
        if (read.isEmpty()) {
            return unknown(run, firstSeenColumns == null ? List.of() : firstSeenColumns, "Excel workbook",
                    explicit != null);
        }

        SheetOutcome main = read.getFirst();
        DetectedFormat format;
        String label;
        double confidence;
        if (main.header.mapping != null) {
            format = DetectedFormat.SAVED_MAPPING;
            label = "Excel workbook read with the saved format '" + main.header.mapping.name() + "'";
            confidence = mappingConfidence(main.header);
        } else if (kpiData >= 0 || accountInfo >= 0) {
            format = DetectedFormat.STANDARD_WORKBOOK;
            label = "Standard KPI workbook (" + String.join(", ", names) + ")";
            double coverage = coverage(main.header.match, StandardField.HEALTH_COMPONENT, StandardField.KPI_NAME,
                    StandardField.VALUE, StandardField.WEIGHT, StandardField.IMPACT_LEVEL, StandardField.CATEGORY);
            confidence = 0.4 + 0.3 * coverage + 0.1 * exactShare(main.header.match)
                    + (kpiData >= 0 ? 0.1 : 0) + (accountInfo >= 0 ? 0.07 : 0) + (hasSummary ? 0.03 : 0);
        } else {
            format = DetectedFormat.SIMPLE_LIST;
            label = "Simple KPI list (sheet" + (read.size() > 1 ? "s " : " ")
                    + String.join(", ", read.stream().map(SheetOutcome::sheet).toList()) + ")";
            double coverage = coverage(main.header.match, StandardField.KPI_NAME, StandardField.VALUE,
                    StandardField.CATEGORY);
            confidence = 0.5 + 0.3 * coverage + 0.1 * exactShare(main.header.match)
                    + (HeaderMatcher.normalize(main.sheet).equals("kpis") ? 0.1 : 0.05);
        }
        return report(run, format, confidence, label, main.header);
    }

    private void readAccountInfo(XlsxBook book, int index, String sheet, ImportRun run)
            throws ImportRejectedException {
        Iterator<SourceRow> rows = book.rows(index, run.deadline);
        AccountInfoReader reader = new AccountInfoReader(sheet, run);
        while (rows.hasNext()) {
            SourceRow row = rows.next();
            run.deadline.check();
            if (!row.blank()) {
                run.countRow(false); // an Account Info row is not a KPI row: "Rows read" counts KPI rows only
                reader.accept(row);
            }
        }
        reader.finish();
    }

    // ---------------------------------------------------------------- CSV

    private ValidationReport readCsv(Path file, String filename, FileSniffer.Sniffed sniffed, ImportRun run,
                                     List<SavedMapping> saved, @Nullable SavedMapping explicit)
            throws ImportRejectedException, IOException {
        try (CsvSource csv = CsvSource.open(file, sniffed)) {
            Iterator<SourceRow> rows = csv.rows(run.deadline);
            List<SourceRow> buffered = buffer(rows, run);
            if (buffered.isEmpty()) {
                throw new ImportRejectedException("The file has no rows; export the KPI data again or download a "
                        + "template.");
            }
            HeaderChoice header = findHeader(buffered, saved, explicit);
            if (header == null) {
                return unknown(run, guessHeader(buffered), csv.describe(false), explicit != null);
            }
            String account = defaultAccount(header, buffered, filename, filename, null, run);
            SheetOutcome outcome = readKpiRows(run, filename, header, buffered, rows, account,
                    header.row.cells().size(), true, csv.semicolonOrTab());
            double confidence;
            DetectedFormat format;
            String label = csv.describe(outcome.decimalComma);
            if (header.mapping != null) {
                format = DetectedFormat.SAVED_MAPPING;
                label += ", read with the saved format '" + header.mapping.name() + "'";
                confidence = mappingConfidence(header);
            } else {
                format = DetectedFormat.CSV;
                double coverage = coverage(header.match, StandardField.KPI_NAME, StandardField.VALUE,
                        StandardField.CATEGORY, StandardField.ACCOUNT_NAME);
                confidence = 0.55 + 0.3 * coverage + 0.15 * exactShare(header.match);
            }
            return report(run, format, confidence, label, header);
        } catch (CsvSource.MalformedCsv e) {
            throw new ImportRejectedException("The CSV file could not be read (a quote is not closed or a line is "
                    + "extremely long); check the file in a text editor or export it again.", e);
        }
    }

    // ---------------------------------------------------------------- shared

    /** The first rows (up to the first 50 non-blank ones), kept so that the header and number style can be found. */
    private static List<SourceRow> buffer(Iterator<SourceRow> rows, ImportRun run) throws ImportRejectedException {
        List<SourceRow> buffered = new ArrayList<>();
        int physical = 0;
        while (buffered.size() < SAMPLE_ROWS && rows.hasNext()) {
            SourceRow row = rows.next();
            if (++physical % 256 == 0) {
                run.deadline.check();
            }
            if (!row.blank()) {
                buffered.add(row);
            }
        }
        run.deadline.check();
        return buffered;
    }

    /**
     * @param row      the header row
     * @param index    its position in the buffer
     * @param mapping  the tenant mapping used, or null for the built-in names
     * @param headers  the header cells as written
     */
    private record HeaderChoice(SourceRow row, int index, HeaderMatcher.Match match, @Nullable SavedMapping mapping,
                                List<String> headers, List<Integer> kpiColumns) {

        boolean wide() {
            return !kpiColumns.isEmpty();
        }

        /** How much of the row the choice explains, to pick between the built-in names and saved formats. */
        int recognised() {
            return match.columns().size() + kpiColumns.size();
        }
    }

    private record SheetOutcome(String sheet, HeaderChoice header, boolean decimalComma) {
    }

    private static @Nullable HeaderChoice findHeader(List<SourceRow> buffered, List<SavedMapping> saved,
                                                     @Nullable SavedMapping explicit) {
        int scan = Math.min(buffered.size(), HEADER_SCAN_ROWS);
        if (explicit != null) {
            return mappingChoice(buffered, scan, explicit, true);
        }
        HeaderChoice builtIn = null;
        for (int i = 0; i < scan && builtIn == null; i++) {
            HeaderMatcher.Match match = HeaderMatcher.match(buffered.get(i).cells());
            if (match.usable()) {
                builtIn = choice(buffered, i, match, null);
            }
        }
        HeaderChoice tenant = null;
        for (SavedMapping mapping : saved) {
            HeaderChoice candidate = mappingChoice(buffered, scan, mapping, false);
            if (candidate != null && (tenant == null || candidate.recognised() > tenant.recognised())) {
                tenant = candidate;
            }
        }
        if (tenant != null && (builtIn == null || tenant.recognised() > builtIn.recognised())) {
            return tenant;
        }
        return builtIn;
    }

    private static HeaderChoice choice(List<SourceRow> buffered, int index, HeaderMatcher.Match match,
                                       @Nullable SavedMapping mapping) {
        return choice(buffered, index, match, mapping, List.of());
    }

    private static HeaderChoice choice(List<SourceRow> buffered, int index, HeaderMatcher.Match match,
                                       @Nullable SavedMapping mapping, List<Integer> kpiColumns) {
        SourceRow row = buffered.get(index);
        return new HeaderChoice(row, index, match, mapping, List.copyOf(row.cells()), List.copyOf(kpiColumns));
    }

    /**
     * The best header row for one mapping. A saved (not explicit) mapping must find all its account/date columns and,
     * for a wide layout, at least half of its KPI columns: a month with one KPI more or less is still the same format.
     */
    private static @Nullable HeaderChoice mappingChoice(List<SourceRow> buffered, int scan, SavedMapping mapping,
                                                        boolean explicit) {
        HeaderChoice best = null;
        for (int i = 0; i < scan; i++) {
            List<String> cells = buffered.get(i).cells();
            HeaderMatcher.Match match = HeaderMatcher.match(cells, mapping);
            HeaderChoice candidate;
            if (mapping.wide()) {
                List<Integer> kpis = new ArrayList<>();
                Set<Integer> mapped = new HashSet<>(match.columns().values());
                for (int c = 0; c < cells.size(); c++) {
                    if (!mapped.contains(c) && mapping.kpiColumns().contains(HeaderMatcher.normalize(cells.get(c)))) {
                        kpis.add(c);
                    }
                }
                boolean usable = !kpis.isEmpty() && (explicit || containsAllKeys(cells, mapping)
                        && kpis.size() * 2 >= mapping.kpiColumns().size());
                candidate = usable ? choice(buffered, i, match, mapping, kpis) : null;
            } else {
                boolean usable = match.usable() && (explicit || containsAllKeys(cells, mapping));
                candidate = usable ? choice(buffered, i, match, mapping) : null;
            }
            if (candidate != null && (best == null || candidate.recognised() > best.recognised())) {
                best = candidate;
            }
        }
        return best;
    }

    private static boolean containsAllKeys(List<String> cells, SavedMapping mapping) {
        Set<String> present = new HashSet<>();
        for (String cell : cells) {
            present.add(HeaderMatcher.normalize(cell));
        }
        return present.containsAll(mapping.columns().keySet());
    }

    /** For the mapping screen: the first row with the most text cells among the first few. */
    private static List<String> guessHeader(List<SourceRow> buffered) {
        SourceRow best = null;
        int bestText = -1;
        for (int i = 0; i < Math.min(buffered.size(), 10); i++) {
            SourceRow row = buffered.get(i);
            int text = 0;
            for (int c = 0; c < row.cells().size(); c++) {
                String cell = row.cells().get(c);
                if (!cell.isBlank() && !row.isCanonical(c) && Values.number(cell, false) == null) {
                    text++;
                }
            }
            if (text > bestText) {
                best = row;
                bestText = text;
            }
        }
        return best == null ? List.of() : List.copyOf(best.cells());
    }

    private SheetOutcome readKpiRows(ImportRun run, String sheet, HeaderChoice header, List<SourceRow> buffered,
                                     Iterator<SourceRow> rows, String account, int expectedCells, boolean csv,
                                     boolean semicolonOrTab) throws ImportRejectedException {
        if (header.wide()) {
            return readWideRows(run, sheet, header, buffered, rows, account, expectedCells, csv, semicolonOrTab);
        }
        Map<StandardField, Integer> columns = header.match.columns();
        List<String> samples = new ArrayList<>();
        for (int i = header.index + 1; i < buffered.size(); i++) {
            SourceRow row = buffered.get(i);
            for (StandardField field : List.of(StandardField.VALUE, StandardField.WEIGHT)) {
                Integer column = columns.get(field);
                if (column != null && !row.isCanonical(column)) {
                    samples.add(row.cell(column));
                }
            }
        }
        boolean decimalComma = Values.decimalComma(samples, csv && semicolonOrTab);
        noteIgnoredColumns(header, sheet, run);
        ImportRun.Layout layout = new ImportRun.Layout(sheet, columns, header.headers, decimalComma,
                columns.containsKey(StandardField.ACCOUNT_NAME) ? null : account, expectedCells);
        for (int i = header.index + 1; i < buffered.size(); i++) {
            run.countRow(true);
            run.kpiRow(layout, buffered.get(i));
        }
        while (rows.hasNext()) {
            SourceRow row = rows.next();
            if (row.blank()) {
                run.deadline.check();
                continue;
            }
            run.countRow(true);
            run.kpiRow(layout, row);
        }
        return new SheetOutcome(sheet, header, decimalComma);
    }

    /**
     * A wide layout (one column per KPI): each non-empty KPI cell becomes one KPI value named after its column, for
     * the row's account and date. An empty cell is a KPI the account does not report, not a problem.
     */
    private SheetOutcome readWideRows(ImportRun run, String sheet, HeaderChoice header, List<SourceRow> buffered,
                                      Iterator<SourceRow> rows, String account, int expectedCells, boolean csv,
                                      boolean semicolonOrTab) throws ImportRejectedException {
        Map<StandardField, Integer> columns = header.match.columns();
        List<String> samples = new ArrayList<>();
        for (int i = header.index + 1; i < buffered.size(); i++) {
            for (int column : header.kpiColumns) {
                if (!buffered.get(i).isCanonical(column)) {
                    samples.add(buffered.get(i).cell(column));
                }
            }
        }
        boolean decimalComma = Values.decimalComma(samples, csv && semicolonOrTab);
        noteIgnoredColumns(header, sheet, run);
        @Nullable Integer accountColumn = columns.get(StandardField.ACCOUNT_NAME);
        @Nullable Integer dateColumn = columns.get(StandardField.DATE);
        // Each KPI column is read as a long row [account, KPI name, value, date], so every value rule applies as is.
        Map<StandardField, Integer> longColumns = new java.util.EnumMap<>(StandardField.class);
        longColumns.put(StandardField.KPI_NAME, 1);
        longColumns.put(StandardField.VALUE, 2);
        if (accountColumn != null) {
            longColumns.put(StandardField.ACCOUNT_NAME, 0);
        }
        if (dateColumn != null) {
            longColumns.put(StandardField.DATE, 3);
        }
        List<ImportRun.Layout> layouts = new ArrayList<>();
        for (int column : header.kpiColumns) {
            List<String> headers = List.of(accountColumn == null ? "" : header.headers.get(accountColumn),
                    "KPI name", header.headers.get(column), dateColumn == null ? "" : header.headers.get(dateColumn));
            layouts.add(new ImportRun.Layout(sheet, longColumns, headers, decimalComma,
                    accountColumn == null ? account : null, -1));
        }
        int empty = 0;
        Iterator<SourceRow> rest = new Iterator<>() {
            int next = header.index + 1;

            @Override
            public boolean hasNext() {
                return next < buffered.size() || rows.hasNext();
            }

            @Override
            public SourceRow next() {
                return next < buffered.size() ? buffered.get(next++) : rows.next();
            }
        };
        while (rest.hasNext()) {
            SourceRow row = rest.next();
            if (row.blank()) {
                run.deadline.check();
                continue;
            }
            run.countRow(true);
            if (!run.cellCountMatches(sheet, expectedCells, row)) {
                continue;
            }
            for (int k = 0; k < header.kpiColumns.size(); k++) {
                int column = header.kpiColumns.get(k);
                if (row.cell(column).isBlank()) {
                    empty++;
                    continue;
                }
                java.util.BitSet canonical = new java.util.BitSet(4);
                canonical.set(2, row.isCanonical(column));
                canonical.set(3, dateColumn != null && row.isCanonical(dateColumn));
                run.kpiRow(layouts.get(k), new SourceRow(row.rowNumber(), java.util.Arrays.asList(
                        accountColumn == null ? "" : row.cell(accountColumn),
                        header.headers.get(column).strip(), row.cell(column),
                        dateColumn == null ? "" : row.cell(dateColumn)), canonical));
            }
        }
        if (empty > 0) {
            run.notes.add(empty + (empty == 1 ? " empty KPI cell was" : " empty KPI cells were") + " skipped in '"
                    + sheet + "' (no value reported).");
        }
        return new SheetOutcome(sheet, header, decimalComma);
    }

    private static void noteIgnoredColumns(HeaderChoice header, String sheet, ImportRun run) {
        Set<Integer> used = new HashSet<>(header.match.columns().values());
        used.addAll(header.kpiColumns);
        List<String> ignored = new ArrayList<>();
        for (int i = 0; i < header.headers.size(); i++) {
            if (!used.contains(i) && !header.headers.get(i).isBlank()) {
                ignored.add(header.headers.get(i).strip());
            }
        }
        if (!ignored.isEmpty()) {
            run.notes.add("Columns not imported from '" + sheet + "': " + String.join(", ", ignored) + ".");
        }
    }

    /** See the class comment for the order of the sources. */
    private static String defaultAccount(HeaderChoice header, List<SourceRow> buffered, String sheet,
                                         String filename, @Nullable String workbookAccount, ImportRun run) {
        if (header.match.columns().containsKey(StandardField.ACCOUNT_NAME)) {
            return "";
        }
        if (workbookAccount != null) {
            if (run.accounts.size() > 1) {
                run.notes.add("Account Info lists " + run.accounts.size() + " accounts but '" + sheet + "' has no "
                        + "Account column, so its KPIs were assigned to '" + workbookAccount + "'; add an Account "
                        + "column to assign them.");
            }
            return workbookAccount;
        }
        for (int i = 0; i < header.index; i++) {
            String label = accountLabel(buffered.get(i));
            if (label != null) {
                run.notes.add("Account '" + label + "' taken from row " + buffered.get(i).rowNumber() + " of '"
                        + sheet + "'.");
                return label;
            }
        }
        if (!sheet.equals(filename) && !GENERIC_SHEET_NAMES.contains(HeaderMatcher.normalize(sheet))) {
            run.notes.add("Account '" + sheet.strip() + "' taken from the sheet name.");
            return sheet.strip();
        }
        String stem = filename.replaceAll("^.*[/\\\\]", "").replaceAll("\\.[A-Za-z0-9]{1,5}$", "")
                .replace('_', ' ').strip();
        if (stem.isEmpty()) {
            stem = "Unnamed account";
        }
        run.notes.add("The file has no account column, so its KPIs were assigned to '" + stem + "' (the file name); "
                + "map the columns below if another column holds the account, or add an Account column or an "
                + "'Account' label above the header.");
        run.accountFromFilename = true;
        return stem;
    }

    private static @Nullable String accountLabel(SourceRow row) {
        List<String> texts = row.cells().stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (texts.isEmpty()) {
            return null;
        }
        if (texts.size() >= 2 && HeaderMatcher.field(texts.get(0)) == StandardField.ACCOUNT_NAME) {
            return texts.get(1);
        }
        Matcher m = ACCOUNT_LABEL.matcher(texts.get(0));
        return m.matches() && texts.size() == 1 ? m.group(2).strip() : null;
    }

    private static ValidationReport unknown(ImportRun run, List<String> columns, String label, boolean explicit) {
        run.notes.add(explicit
                ? "The chosen column mapping does not match this file: map the KPI name and value columns again."
                : "No columns for the KPI name and the value were recognised; map the columns to continue.");
        return new ValidationReport(DetectedFormat.UNKNOWN, columns.isEmpty() ? 0.0 : 0.2,
                "Unrecognised layout (" + label + ")", columns, columns.stream().map(c -> "").toList(), run.rowsRead,
                List.of(), run.accounts,
                run.problems, true, run.notes);
    }

    private static ValidationReport report(ImportRun run, DetectedFormat format, double confidence, String label,
                                           HeaderChoice header) {
        run.checkPercentScales();
        // Many rejected rows mean the columns were probably misread, whatever the headers said.
        int kpiRows = run.accepted.size() + (int) run.problems.stream()
                .filter(p -> p.rowNumber() > 0).map(p -> p.sheet() + "#" + p.rowNumber()).distinct().count();
        double rejectedShare = kpiRows == 0 ? 1.0 : 1.0 - (double) run.accepted.size() / kpiRows;
        double adjusted = Math.max(0, Math.min(1, confidence - 0.3 * rejectedShare));
        if (run.accountFromFilename) {
            // Every row under an account named after the file is a guess: below the mapping threshold, so the report
            // offers the column mapping (the rows can still be imported as they are).
            adjusted = Math.min(adjusted, ValidationReport.OFFER_MAPPING_BELOW - 0.15);
        }
        adjusted = Math.round(adjusted * 100) / 100.0;
        boolean needsMapping = adjusted < 0.5;
        if (needsMapping) {
            run.notes.add("Most rows could not be read with the recognised columns; check the column mapping.");
        }
        return new ValidationReport(format, adjusted, label, header.headers, roles(header), run.rowsRead,
                run.accepted, run.accounts, run.problems, needsMapping, run.notes);
    }

    /** For each source column, the field it was read as ("" when ignored, "KPI" for a wide layout's KPI column). */
    private static List<String> roles(HeaderChoice header) {
        List<String> roles = new ArrayList<>();
        for (int i = 0; i < header.headers.size(); i++) {
            roles.add("");
        }
        header.match.columns().forEach((field, column) -> roles.set(column, field.name()));
        header.kpiColumns.forEach(column -> roles.set(column, ValidationReport.KPI_COLUMN));
        return roles;
    }

    private static double coverage(HeaderMatcher.Match match, StandardField... expected) {
        int found = 0;
        for (StandardField field : expected) {
            if (match.columns().containsKey(field)) {
                found++;
            }
        }
        return (double) found / expected.length;
    }

    private static double exactShare(HeaderMatcher.Match match) {
        return match.columns().isEmpty() ? 0 : (double) match.exact() / match.columns().size();
    }

    private static double mappingConfidence(HeaderChoice header) {
        SavedMapping mapping = header.mapping;
        int keys = mapping == null || mapping.columns().isEmpty() ? 1 : mapping.columns().size();
        return 0.6 + 0.4 * Math.min(1.0, (double) header.match.columns().size() / keys);
    }

    private static int indexOf(List<String> names, String... wanted) {
        for (String want : wanted) {
            for (int i = 0; i < names.size(); i++) {
                if (HeaderMatcher.normalize(names.get(i)).equals(want)) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    /** Reads {@code Account Info} as label/value rows or as a table; see the class comment. */
    private static final class AccountInfoReader {

        private static final Set<String> ATTRIBUTE_HEADERS = Set.of("owner", "account owner", "csm", "segment",
                "tier", "industry", "region", "renewal date", "renewal", "arr", "mrr", "plan", "country", "contract",
                "status", "health", "csm owner", "customer success manager", "start date");

        private final String sheet;
        private final ImportRun run;
        private @Nullable List<String> tableHeader;
        private int nameColumn = -1;
        private final Map<String, String> labelled = new LinkedHashMap<>();
        private @Nullable String labelledName;
        private int labelledRow;
        private final Set<String> names = new HashSet<>();

        AccountInfoReader(String sheet, ImportRun run) {
            this.sheet = sheet;
            this.run = run;
        }

        void accept(SourceRow row) {
            if (tableHeader != null) {
                tableRow(row);
                return;
            }
            int first = firstText(row, 0);
            if (first < 0) {
                return;
            }
            String key = row.cell(first).strip();
            boolean accountKey = HeaderMatcher.field(key) == StandardField.ACCOUNT_NAME;
            int second = firstText(row, first + 1);
            long texts = row.cells().stream().filter(c -> !c.isBlank()).count();
            boolean looksLikeTable = accountKey && labelled.isEmpty()
                    && (texts >= 3 || second >= 0
                    && ATTRIBUTE_HEADERS.contains(HeaderMatcher.normalize(row.cell(second))));
            if (looksLikeTable) {
                tableHeader = List.copyOf(row.cells());
                nameColumn = first;
                return;
            }
            String value = second < 0 ? "" : row.cell(second).strip();
            if (accountKey && labelledName == null) {
                labelledName = value;
                labelledRow = row.rowNumber();
                if (value.isEmpty()) {
                    run.problem(sheet, row.rowNumber(), key, "", "The account name is missing",
                            "Enter the account name in the cell next to '" + key + "'.");
                }
            } else {
                labelled.put(key, checkedAttribute(row.rowNumber(), key, value));
            }
        }

        private void tableRow(SourceRow row) {
            List<String> header = tableHeader;
            String name = row.cell(nameColumn).strip();
            String nameHeader = header.get(nameColumn).strip();
            if (name.isEmpty()) {
                run.problem(sheet, row.rowNumber(), nameHeader, "", "The account name is missing",
                        "Enter the account name in this row, or delete the row.");
                return;
            }
            if (!names.add(name.toLowerCase(Locale.ROOT))) {
                run.problem(sheet, row.rowNumber(), nameHeader, name, "Duplicate account",
                        "List each account once; the first row was kept.");
                return;
            }
            Map<String, String> attributes = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                if (i != nameColumn && !header.get(i).isBlank() && !row.cell(i).isBlank()) {
                    attributes.put(header.get(i).strip(),
                            checkedAttribute(row.rowNumber(), header.get(i).strip(), row.cell(i).strip()));
                }
            }
            run.accounts.add(new AccountRow(sheet, row.rowNumber(), name, attributes));
        }

        /** Date attributes (renewal date…) are normalised to ISO dates, or reported when they are not dates. */
        private String checkedAttribute(int row, String key, String value) {
            String normalized = HeaderMatcher.normalize(key);
            if (!value.isEmpty() && (normalized.endsWith("date") || normalized.equals("renewal"))) {
                var date = Values.date(value);
                if (date == null) {
                    run.problem(sheet, row, key, ImportRun.abbreviate(value), "The date is not valid",
                            "Write dates as YYYY-MM-DD, for example 2025-06-30 (or use a date-formatted cell).");
                    return value;
                }
                return date.toString();
            }
            return value;
        }

        void finish() {
            if (tableHeader != null) {
                return;
            }
            if (labelledName == null) {
                if (!labelled.isEmpty()) {
                    run.problem(sheet, 0, "Account Name", "", "Account Info has no Account Name row",
                            "Add a row with 'Account Name' in column A and the account's name in column B.");
                }
                return;
            }
            if (!labelledName.isEmpty()) {
                run.accounts.add(new AccountRow(sheet, labelledRow, labelledName, labelled));
            }
        }

        private static int firstText(SourceRow row, int from) {
            for (int i = from; i < row.cells().size(); i++) {
                if (!row.cells().get(i).isBlank()) {
                    return i;
                }
            }
            return -1;
        }
    }
}
