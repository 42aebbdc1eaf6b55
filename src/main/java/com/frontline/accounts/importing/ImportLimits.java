package com.frontline.accounts.importing;

import java.time.Duration;

/**
 * How much of a file one import may consume. Every limit is enforced while reading, so a hostile file stops early
 * instead of exhausting memory or time.
 *
 * @param maxBytes     the largest file accepted, as stored on disk
 * @param maxRows      the most data rows (all sheets together) before the file is refused
 * @param maxParseTime wall-clock time the read may take; checked between rows
 */
public record ImportLimits(long maxBytes, int maxRows, Duration maxParseTime) {

    public ImportLimits {
        if (maxBytes <= 0 || maxRows <= 0 || maxParseTime.isNegative() || maxParseTime.isZero()) {
            throw new IllegalArgumentException("import limits must be positive");
        }
    }

    /** 25 MB, 200,000 rows, 30 seconds. */
    public static ImportLimits defaults() {
        return new ImportLimits(25L * 1024 * 1024, 200_000, Duration.ofSeconds(30));
    }

    /**
     * The most bytes the parts of an XLSX may inflate to. Real workbooks compress about 5-15×; 40× the upload limit
     * (capped at 1 GiB) leaves room for them while a zip bomb is stopped long before the heap is at risk.
     */
    long maxUncompressedBytes() {
        return Math.min(1L << 30, maxBytes * 40);
    }
}
