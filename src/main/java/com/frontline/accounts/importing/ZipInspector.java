package com.frontline.accounts.importing;

import com.frontline.shared.FileKind;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Checks an uploaded zip before POI sees it: is it an Excel workbook at all, does it carry macros, and does it
 * inflate to something reasonable. Sizes are measured by actually inflating each part (the sizes a zip declares can
 * lie), with a byte budget, so a zip bomb costs at most {@link ImportLimits#maxUncompressedBytes()} of CPU, no heap.
 */
final class ZipInspector {

    /** A part that inflates more than this many times its compressed size is treated as a bomb once it is large. */
    static final int MAX_RATIO = 100;
    private static final long RATIO_GRACE_BYTES = 1L << 20;
    /** Shared strings are held in memory by the streaming reader, so their size is capped on its own. */
    static final long MAX_SHARED_STRINGS_BYTES = 100L << 20;
    private static final int MAX_ENTRIES = 10_000;

    private ZipInspector() {
    }

    /**
     * @return true when the workbook is saved as macro-enabled (.xlsm) but holds no macros: it is read like an .xlsx
     * @throws ImportRejectedException for a bomb, real macros (a VBA project) or a zip that is not an Excel workbook
     */
    static boolean inspect(Path file, String filename, ImportLimits limits, Deadline deadline)
            throws ImportRejectedException {
        boolean macroEnabledType = false;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Set<String> names = new HashSet<>();
            long total = 0;
            byte[] buffer = new byte[64 * 1024];
            Enumeration<? extends ZipEntry> entries = zip.entries();
            int count = 0;
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (++count > MAX_ENTRIES) {
                    throw bomb();
                }
                String name = entry.getName().toLowerCase(Locale.ROOT);
                names.add(name);
                if (name.endsWith("vbaproject.bin") || name.endsWith("vbadata.xml")) {
                    throw macro();
                }
                long inflated = 0;
                try (InputStream in = zip.getInputStream(entry)) {
                    int n;
                    while ((n = in.read(buffer)) > 0) {
                        inflated += n;
                        total += n;
                        if (total > limits.maxUncompressedBytes()) {
                            throw bomb();
                        }
                        long compressed = Math.max(entry.getCompressedSize(), 1);
                        if (inflated > RATIO_GRACE_BYTES && inflated / compressed > MAX_RATIO) {
                            throw bomb();
                        }
                        if (name.equals("xl/sharedstrings.xml") && inflated > MAX_SHARED_STRINGS_BYTES) {
                            throw new ImportRejectedException("The workbook holds too much text to import safely; "
                                    + "remove unused sheets or split it into smaller files.");
                        }
                    }
                }
                deadline.check();
                if (name.equals("[content_types].xml") && contentTypesSayMacro(zip, entry)) {
                    // only the declared type: whether there are macros is decided by a VBA project part (above)
                    macroEnabledType = true;
                }
            }
            if (!names.contains("xl/workbook.xml")) {
                throw NotASpreadsheet.of(FileKind.of(file), filename);
            }
            return macroEnabledType;
        } catch (ZipException e) {
            throw malformed(e);
        } catch (IOException e) {
            throw malformed(e);
        }
    }

    private static boolean contentTypesSayMacro(ZipFile zip, ZipEntry entry) throws IOException {
        try (InputStream in = zip.getInputStream(entry)) {
            String types = new String(in.readNBytes(1 << 20), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
            return types.contains("macroenabled") || types.contains("vbaproject");
        }
    }

    static ImportRejectedException macro() {
        return new ImportRejectedException("The file is a workbook with macros (VBA): workbooks with macros are not "
                + "accepted; save a copy as .xlsx (Excel Workbook, without macros) and upload that file.");
    }

    static ImportRejectedException bomb() {
        return new ImportRejectedException("The workbook expands to far more data than its size suggests and was "
                + "refused for safety; save it again from Excel as .xlsx or export it as CSV.");
    }

    static ImportRejectedException malformed(Exception cause) {
        return new ImportRejectedException("The workbook is damaged or not a real .xlsx file; open it in Excel, save "
                + "it as .xlsx (Excel Workbook) and upload it again.", cause);
    }
}
