package com.frontline.knowledge.parsing;

import com.frontline.knowledge.parsing.DocumentRejectedException.Reason;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Inflates every entry of an Office zip once, counting bytes without keeping them, before POI opens it. POI has its
 * own zip-bomb checks, but they are JVM-wide static settings (shared with the Excel importer) and fail with a generic
 * IOException deep inside parsing; this check is local, gives the user a clear answer and bounds what POI will later
 * load into memory, whatever sizes the zip headers claim.
 */
final class ZipGuard {

    static final int MAX_ENTRIES = 10_000;
    /** The XML parts POI turns into a DOM are the memory risk: a 100 MB document.xml is about a gigabyte of heap. */
    static final long MAX_ENTRY_BYTES = 100L * 1024 * 1024;
    static final long MAX_TOTAL_BYTES = 300L * 1024 * 1024;
    /** Real Office XML compresses 5–30 times; POI itself refuses beyond 100. */
    static final int MAX_RATIO = 100;
    /** Small entries may compress extremely well (runs of spaces) without being a threat. */
    private static final long RATIO_CHECK_FROM_BYTES = 1024 * 1024;

    private ZipGuard() {
    }

    static void check(Path file, Budget budget) throws DocumentRejectedException {
        long total = 0;
        int entries = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> all = zip.entries();
            while (all.hasMoreElements()) {
                ZipEntry entry = all.nextElement();
                if (++entries > MAX_ENTRIES) {
                    throw bomb();
                }
                long compressed = Math.max(entry.getCompressedSize(), 1);
                long size = 0;
                try (InputStream in = zip.getInputStream(entry)) {
                    int read;
                    while ((read = in.read(buffer)) > 0) {
                        size += read;
                        total += read;
                        if (size > MAX_ENTRY_BYTES || total > MAX_TOTAL_BYTES) {
                            throw new DocumentRejectedException(Reason.TOO_LARGE, "The Word document unpacks to "
                                    + "more than " + (Math.min(MAX_ENTRY_BYTES, MAX_TOTAL_BYTES) >> 20) + " MB. "
                                    + "Split it into smaller documents.");
                        }
                        if (size > RATIO_CHECK_FROM_BYTES && size / compressed > MAX_RATIO) {
                            throw bomb();
                        }
                        budget.checkTime();
                    }
                }
            }
        } catch (IOException e) {
            throw new DocumentRejectedException(Reason.CORRUPT, "The Word document is damaged and could not be "
                    + "opened.", e);
        }
    }

    private static DocumentRejectedException bomb() {
        return new DocumentRejectedException(Reason.CORRUPT, "The Word document has an unusual internal structure "
                + "(extreme compression) and was not opened. Save it again from Word and retry.");
    }
}
