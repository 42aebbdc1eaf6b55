package com.frontline.llm.internal;

import com.frontline.IntegrationTest;
import com.frontline.TestAccounts;
import com.frontline.llm.UsageFixture;
import com.frontline.llm.VersionUsage;
import com.frontline.shared.TenantId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each assistant version's model calls over a long span read from the daily roll-up ({@code llm.usage_version_days},
 * final days) plus the raw records (the rest) are those of the raw records alone, for two workspaces side by side;
 * the roll-up is really read (a hand-edited row shows), outlives the raw records' retention, and is not trusted for
 * days summarised before it existed.
 */
@IntegrationTest
class VersionUsageRollupTest {

    static final List<Integer> VERSIONS = List.of(1, 2);

    @Autowired UsageSummaryJob job;
    @Autowired VersionUsage usage;
    @Autowired TestAccounts accounts;
    @Autowired JdbcTemplate jdbc;

    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    LocalDate today = now.toLocalDate();
    TenantId a;
    TenantId b;

    @BeforeEach
    void twoWorkspacesWithCalls() {
        var owner = new TestAccounts.Account(accounts.user("owner"), null);
        a = accounts.workspace(owner, "Version Usage Co").id();
        b = accounts.workspace(owner, "Other Version Usage Co").id();
        UsageFixture fixture = new UsageFixture(jdbc);
        fixture.insert(a, UsageFixture.random(31, now, 40, 60));
        fixture.insert(b, UsageFixture.random(32, now, 20, 40));
        // most calls answered for version 1 or 2, some for none (the draft, a connection test)
        jdbc.update("""
                update llm.usage_records
                   set assistant_version = case when (hashtext(occurred_at::text) & 7) = 0 then null
                                                else 1 + (hashtext(occurred_at::text) & 1) end
                 where tenant_id in (?, ?)""", a.value(), b.value());
    }

    @Test
    void rolledUpPlusRawEqualsTheRawRecords() {
        everySpanMatchesRaw();
        summariseAll(a);
        summariseAll(b);
        assertThat(jdbc.queryForObject("select count(*) from llm.usage_version_days where tenant_id = ?",
                Integer.class, a.value())).isGreaterThan(70);
        everySpanMatchesRaw();
    }

    @Test
    void theRollUpIsReadAndOutlivesTheRawRecords() {
        summariseAll(a);
        summariseAll(b);
        // from a midnight: a part-day at the start is read from the raw records, which retention deletes below
        OffsetDateTime from = today.minusDays(35).atStartOfDay().atOffset(ZoneOffset.UTC);
        var before = usage.byVersionRolledUp(a, VERSIONS, from, now, true);
        var bBefore = usage.byVersionRolledUp(b, VERSIONS, from, now, true);
        LocalDate day = today.minusDays(20);
        assertThat(jdbc.update("""
                update llm.usage_version_days set calls = calls + 1000
                 where tenant_id = ? and day = ? and assistant_version = 2""", a.value(), day)).isOne();
        assertThat(usage.byVersionRolledUp(a, VERSIONS, from, now, true).get(2).calls())
                .isEqualTo(before.get(2).calls() + 1000);
        jdbc.update("""
                update llm.usage_version_days set calls = calls - 1000
                 where tenant_id = ? and day = ? and assistant_version = 2""", a.value(), day);

        // raw records of days the roll-up holds are deleted (retention): the figures stay
        int deleted = jdbc.update("delete from llm.usage_records where tenant_id = ? and occurred_at < ?",
                a.value(), today.minusDays(10).atStartOfDay().atOffset(ZoneOffset.UTC));
        assertThat(deleted).isGreaterThan(1000);
        assertSame(usage.byVersionRolledUp(a, VERSIONS, from, now, true), before, "after retention");
        assertThat(usage.byVersion(a, VERSIONS, from, now, true).get(1).calls())
                .as("the raw records alone lost them").isLessThan(before.get(1).calls());
        assertSame(usage.byVersionRolledUp(b, VERSIONS, from, now, true), bBefore, "the other workspace");
    }

    @Test
    void daysSummarisedBeforeTheRollUpExistedAreReadRaw() {
        summariseAll(a);
        OffsetDateTime from = now.minusDays(35);
        var before = usage.byVersionRolledUp(a, VERSIONS, from, now, true);
        // as the migration leaves a workspace summarised before it: version rows only from a day on
        jdbc.update("update llm.usage_summary_state set versions_from = ? where tenant_id = ?", today.minusDays(10),
                a.value());
        jdbc.update("update llm.usage_version_days set calls = calls + 1000 where tenant_id = ? and day = ?",
                a.value(), today.minusDays(20));
        assertSame(usage.byVersionRolledUp(a, VERSIONS, from, now, true), before, "older days raw");
        jdbc.update("update llm.usage_version_days set calls = calls + 1000 where tenant_id = ? and day = ?",
                a.value(), today.minusDays(5));
        assertThat(usage.byVersionRolledUp(a, VERSIONS, from, now, true).get(1).calls())
                .isEqualTo(before.get(1).calls() + 1000);
    }

    void everySpanMatchesRaw() {
        List<OffsetDateTime[]> spans = List.of(
                new OffsetDateTime[]{now.minusDays(41), now},
                new OffsetDateTime[]{today.minusDays(20).atStartOfDay().atOffset(ZoneOffset.UTC).plusHours(5),
                        now.minusDays(2).minusHours(3)},
                new OffsetDateTime[]{today.minusDays(15).atStartOfDay().atOffset(ZoneOffset.UTC),
                        today.minusDays(3).atStartOfDay().atOffset(ZoneOffset.UTC)},
                new OffsetDateTime[]{now.minusHours(5), now});
        for (TenantId tenant : List.of(a, b)) {
            for (OffsetDateTime[] s : spans) {
                assertSame(usage.byVersionRolledUp(tenant, VERSIONS, s[0], s[1], true),
                        usage.byVersion(tenant, VERSIONS, s[0], s[1], true), tenant + " " + s[0] + ".." + s[1]);
            }
        }
    }

    static void assertSame(Map<Integer, VersionUsage.VersionCalls> read, Map<Integer, VersionUsage.VersionCalls> raw,
                           String what) {
        assertThat(read).as(what).usingRecursiveComparison()
                .withComparatorForType(Comparator.naturalOrder(), BigDecimal.class)
                .isEqualTo(raw);
        assertThat(raw.values()).as(what + ": something to compare").anySatisfy(c -> assertThat(c.calls()).isPositive());
    }

    void summariseAll(TenantId tenant) {
        LocalDate lastFinal = now.minusMinutes(15).toLocalDate().minusDays(1);
        UsageSummaryRepository.State state = null;
        for (int i = 0; i < 10 && (state == null || state.completeThrough().isBefore(lastFinal)); i++) {
            state = job.summarise(tenant, now);
        }
        assertThat(state.completeThrough()).isEqualTo(lastFinal);
    }
}
