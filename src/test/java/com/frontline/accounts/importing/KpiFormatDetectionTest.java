package com.frontline.accounts.importing;

import com.frontline.accounts.importing.KpiFixtures.Fixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class KpiFormatDetectionTest {

    private final KpiFileValidator validator = new KpiFileValidator();

    @TempDir
    Path dir;

    static List<Fixture> fixtures() {
        return KpiFixtures.all();
    }

    @Test
    void fixtureSetCoversAtLeastThirtyVariants() {
        assertThat(fixtures()).hasSizeGreaterThanOrEqualTo(30);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void detectsFormatAndReadsRows(Fixture fixture) throws Exception {
        ValidationReport report = validate(fixture);

        assertThat(report.format()).as(describe(report)).isEqualTo(fixture.format());
        assertThat(report.accepted()).as(describe(report)).hasSize(fixture.accepted());
        if (fixture.format() != DetectedFormat.UNKNOWN) {
            assertThat(report.confidence()).isBetween(0.5, 1.0);
            assertThat(report.needsMapping()).isFalse();
        } else {
            assertThat(report.needsMapping()).isTrue();
            assertThat(report.sourceColumns()).contains("foo", "bar", "baz");
        }
        if (!fixture.name().contains("bad-rows")) {
            assertThat(report.problems()).as(describe(report)).isEmpty();
        }
        if (fixture.statedLowerIsBetter() >= 0) {
            assertThat(report.accepted()).as(describe(report))
                    .filteredOn(row -> row.direction() == KpiDirection.LOWER_IS_BETTER)
                    .hasSize(fixture.statedLowerIsBetter());
        }
    }

    @Test
    void detectionRateOverTheFixtureSetIsAtLeast95Percent() throws Exception {
        List<String> missed = new ArrayList<>();
        List<Fixture> all = fixtures();
        for (Fixture fixture : all) {
            ValidationReport report = validate(fixture);
            if (report.format() != fixture.format() || report.accepted().size() != fixture.accepted()) {
                missed.add(fixture.name() + " -> " + report.format() + "/" + report.accepted().size());
            }
        }
        double rate = 1.0 - (double) missed.size() / all.size();
        System.out.printf("KPI format detection rate: %.1f%% (%d of %d fixtures)%s%n", rate * 100,
                all.size() - missed.size(), all.size(), missed.isEmpty() ? "" : ", missed " + missed);
        assertThat(rate).isGreaterThanOrEqualTo(0.95);
    }

    private ValidationReport validate(Fixture fixture) throws IOException, ImportRejectedException {
        Path file = dir.resolve(fixture.name() + ".bin");
        Files.write(file, fixture.content());
        return validator.validate(file, fixture.filename(), ImportLimits.defaults(), fixture.mappings());
    }

    private static String describe(ValidationReport report) {
        return report.formatLabel() + " columns=" + report.sourceColumns() + " problems=" + report.problems()
                + " notes=" + report.notes();
    }
}
