package com.frontline.chat.web;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** widget.js loads on every page of customers' websites: it stays within a size budget. */
class WidgetScriptBudgetTest {

    static final int GZIPPED_BUDGET = 10 * 1024;

    @Test
    void theLoaderScriptStaysUnderTenKilobytesGzipped() throws Exception {
        byte[] script = Files.readAllBytes(Path.of("frontend-assets/js/widget.js"));
        ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(gzipped)) {
            gzip.write(script);
        }
        System.out.printf("widget.js: %,d bytes raw, %,d bytes gzipped%n", script.length, gzipped.size());
        assertThat(gzipped.size()).isLessThanOrEqualTo(GZIPPED_BUDGET);
    }
}
