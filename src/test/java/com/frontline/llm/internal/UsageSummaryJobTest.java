package com.frontline.llm.internal;

import com.frontline.IntegrationTest;
import com.frontline.TestAccounts;
import com.frontline.llm.UsageFixture;
import com.frontline.shared.TenantId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The daily summaries against the raw records they are made of, on the embedded PostgreSQL: equal figures for every
 * day, provider, model, purpose and outcome; the same rows when run twice; raw records deleted only for days already
 * summarised; and every workspace on its own.
 */
@IntegrationTest
class UsageSummaryJobTest {

    @Autowired UsageSummaryJob job;
    @Autowired UsageSummaryRepository summaries;
    @Autowired UsageDashboard dashboard;
    @Autowired TestAccounts accounts;
    @Autowired JdbcTemplate jdbc;

    UsageFixture fixture;
    OffsetDateTime now;
    LocalDate today;
    /** The last day the job may call final at {@code now} (grace 15 min). */
    LocalDate lastFinal;

    @BeforeEach
    void clock() {
        fixture = new UsageFixture(jdbc);
        now = OffsetDateTime.now(ZoneOffset.UTC);
        today = now.toLocalDate();
        lastFinal = now.minusMinutes(15).toLocalDate().minusDays(1);
    }

    TenantId workspace(String name) {
        var owner = new TestAccounts.Account(accounts.user("owner"), null);
        return accounts.workspace(owner, name).id();
    }

    /** Runs the job for the workspace until every ended day is final (a long history takes several runs). */
    UsageSummaryRepository.State summariseAll(TenantId tenant) {
        UsageSummaryRepository.State state = null;
        for (int i = 0; i < 10 && (state == null || state.completeThrough().isBefore(lastFinal)); i++) {
            state = job.summarise(tenant, now);
        }
        assertThat(state.completeThrough()).isEqualTo(lastFinal);
        return state;
    }

    /** Per day, provider, model, purpose and outcome: the figures computed straight from the raw records. */
    Map<String, String> rawAggregates(TenantId tenant) {
        Map<String, String> rows = new TreeMap<>();
        jdbc.query("""
                select (occurred_at at time zone 'UTC')::date as day, provider, model, purpose, outcome,
                       count(*) filter (where outcome <> 'SKIPPED') as calls,
                       count(*) filter (where outcome = 'SKIPPED') as skipped,
                       count(*) filter (where success) as successes,
                       count(*) filter (where not success and outcome <> 'SKIPPED') as failures,
                       count(*) filter (where failover) as failovers,
                       sum(tokens_in) as tin, sum(tokens_out) as tout, sum(cost_usd) as cost,
                       coalesce(sum(latency_ms) filter (where outcome <> 'SKIPPED'), 0) as lat
                  from llm.usage_records where tenant_id = ?
                 group by 1, 2, 3, 4, 5""", rs -> {
            rows.put(rs.getString("day") + "|" + rs.getString("provider") + "|" + rs.getString("model") + "|"
                            + rs.getString("purpose") + "|" + rs.getString("outcome"),
                    rs.getLong("calls") + "/" + rs.getLong("skipped") + "/" + rs.getLong("successes") + "/"
                            + rs.getLong("failures") + "/" + rs.getLong("failovers") + "/" + rs.getLong("tin") + "/"
                            + rs.getLong("tout") + "/" + rs.getBigDecimal("cost").stripTrailingZeros().toPlainString()
                            + "/" + rs.getLong("lat"));
        }, tenant.value());
        return rows;
    }

    Map<String, String> storedSummaries(TenantId tenant) {
        Map<String, String> rows = new TreeMap<>();
        jdbc.query("""
                select day, provider, model, purpose, outcome, calls, skipped, successes, failures, failovers,
                       tokens_in, tokens_out, cost_usd, latency_sum_ms,
                       (select coalesce(sum(b), 0) from unnest(latency_buckets) b) as bucketed
                  from llm.usage_daily where tenant_id = ?""", rs -> {
            assertThat(rs.getLong("bucketed")).as("bucket counts add up to the calls").isEqualTo(rs.getLong("calls"));
            rows.put(rs.getString("day") + "|" + rs.getString("provider") + "|" + rs.getString("model") + "|"
                            + rs.getString("purpose") + "|" + rs.getString("outcome"),
                    rs.getLong("calls") + "/" + rs.getLong("skipped") + "/" + rs.getLong("successes") + "/"
                            + rs.getLong("failures") + "/" + rs.getLong("failovers") + "/" + rs.getLong("tokens_in")
                            + "/" + rs.getLong("tokens_out") + "/"
                            + rs.getBigDecimal("cost_usd").stripTrailingZeros().toPlainString() + "/"
                            + rs.getLong("latency_sum_ms"));
        }, tenant.value());
        return rows;
    }

    long rawCount(TenantId tenant, String condition, Object... args) {
        Object[] all = new Object[args.length + 1];
        all[0] = tenant.value();
        System.arraycopy(args, 0, all, 1, args.length);
        return jdbc.queryForObject("select count(*) from llm.usage_records where tenant_id = ? and " + condition,
                Long.class, all);
    }

    @Test
    void summariesEqualTheRawAggregatesOfEveryDayAndWorkspace() {
        TenantId a = workspace("Summary A");
        TenantId b = workspace("Summary B");
        fixture.insert(a, UsageFixture.random(1, now, 100, 30));
        fixture.insert(b, UsageFixture.random(2, now, 40, 20));

        summariseAll(a);
        summariseAll(b);

        assertThat(storedSummaries(a)).isEqualTo(rawAggregates(a)).hasSizeGreaterThan(1000);
        assertThat(storedSummaries(b)).isEqualTo(rawAggregates(b));

        // conversations per day, in all
        Map<String, Long> rawConversations = new TreeMap<>();
        jdbc.query("""
                select (occurred_at at time zone 'UTC')::date as day, count(distinct conversation_id) as n
                  from llm.usage_records where tenant_id = ? and conversation_id is not null
                   and purpose in ('ANSWER', 'REWRITE') group by 1""",
                rs -> { rawConversations.put(rs.getString("day"), rs.getLong("n")); }, a.value());
        Map<String, Long> stored = new TreeMap<>();
        jdbc.query("select day, conversations from llm.usage_daily_conversations where tenant_id = ? "
                        + "and provider = '' and model = ''",
                rs -> { stored.put(rs.getString("day"), rs.getLong("conversations")); }, a.value());
        assertThat(stored).isEqualTo(rawConversations);

        // percentiles per day from the buckets, against the exact ones of the raw records
        UsageReport report = dashboard.report(a, new UsageQuery(today.minusDays(101), today, null, null));
        Map<LocalDate, long[]> exact = new TreeMap<>();
        jdbc.query("""
                select (occurred_at at time zone 'UTC')::date as day,
                       percentile_disc(0.5) within group (order by latency_ms) as p50,
                       percentile_disc(0.95) within group (order by latency_ms) as p95
                  from llm.usage_records where tenant_id = ? and outcome <> 'SKIPPED' group by 1""",
                rs -> { exact.put(rs.getObject("day", LocalDate.class),
                        new long[]{rs.getLong("p50"), rs.getLong("p95")}); }, a.value());
        assertThat(exact).hasSizeGreaterThanOrEqualTo(101);
        assertThat(report.days()).filteredOn(d -> d.totals().calls() > 0).hasSize(exact.size());
        for (UsageReport.Day day : report.days()) {
            long[] e = exact.get(day.day());
            if (e == null) {
                continue;
            }
            assertThat((double) day.totals().p50()).as("p50 of %s", day.day()).isCloseTo(e[0], within(e[0] * 0.05 + 1));
            assertThat((double) day.totals().p95()).as("p95 of %s", day.day()).isCloseTo(e[1], within(e[1] * 0.05 + 1));
        }
    }

    @Test
    void runningAgainGivesTheSameRows() {
        TenantId a = workspace("Idempotent");
        fixture.insert(a, UsageFixture.random(3, now, 10, 25));
        summariseAll(a);
        Map<String, String> first = storedSummaries(a);

        job.summarise(a, now);
        job.run(now);

        assertThat(storedSummaries(a)).isEqualTo(first).isEqualTo(rawAggregates(a));
    }

    @Test
    void theDashboardCountsTodayLiveAndAgreesWithTheRawRecords() {
        TenantId a = workspace("Live");
        TenantId other = workspace("Live other");
        fixture.insert(a, UsageFixture.random(4, now, 45, 20));
        fixture.insert(other, UsageFixture.random(5, now, 45, 20));
        summariseAll(a);
        // a call after the summary run: today is not final, so it counts at once
        fixture.insert(a, List.of(new UsageFixture.Row(now.minusSeconds(5), "OpenAI", "gpt-4.1-mini", "ANSWER", "OK",
                1234, 100, 20, new BigDecimal("1.000000"), false, UUID.randomUUID())));

        LocalDate from = today.minusDays(29);
        UsageReport report = dashboard.report(a, new UsageQuery(from, today, null, null));
        OffsetDateTime start = from.atStartOfDay().atOffset(ZoneOffset.UTC);
        assertThat(report.total().costUsd()).isEqualByComparingTo(jdbc.queryForObject(
                "select sum(cost_usd) from llm.usage_records where tenant_id = ? and occurred_at >= ?",
                BigDecimal.class, a.value(), start));
        assertThat(report.total().calls()).isEqualTo(rawCount(a, "occurred_at >= ? and outcome <> 'SKIPPED'", start));
        assertThat(report.total().failovers()).isEqualTo(rawCount(a, "occurred_at >= ? and failover", start));
        assertThat(report.days()).hasSize(30);
        assertThat(report.days().getLast().totals().costUsd()).isEqualByComparingTo(jdbc.queryForObject(
                "select sum(cost_usd) from llm.usage_records where tenant_id = ? and occurred_at >= ?",
                BigDecimal.class, a.value(), today.atStartOfDay().atOffset(ZoneOffset.UTC)));
        assertThat(report.lines()).extracting(UsageReport.Line::provider)
                .containsOnly("OpenAI", "Anthropic", "Local");
        // one provider: its own figures only
        UsageReport openAi = dashboard.report(a, new UsageQuery(from, today, "OpenAI", null));
        assertThat(openAi.total().calls()).isEqualTo(rawCount(a,
                "occurred_at >= ? and outcome <> 'SKIPPED' and provider = 'OpenAI'", start));
        assertThat(openAi.models()).containsExactly("gpt-4.1-mini", "gpt-4.1-nano");
        // the month so far, as the budget counts it
        OffsetDateTime monthStart = today.withDayOfMonth(1).atStartOfDay().atOffset(ZoneOffset.UTC);
        assertThat(dashboard.monthToDate(a)).isEqualByComparingTo(jdbc.queryForObject(
                "select sum(cost_usd) from llm.usage_records where tenant_id = ? and occurred_at >= ?",
                BigDecimal.class, a.value(), monthStart));
    }

    @Test
    void retentionDeletesOnlyRecordsOfDaysAlreadySummarisedAndOnlyInItsOwnWorkspace() {
        TenantId c = workspace("Retention C");
        TenantId d = workspace("Retention D");
        fixture.insert(c, UsageFixture.random(6, now, 120, 10));
        fixture.insert(d, UsageFixture.random(7, now, 120, 10));
        Map<String, String> before = rawAggregates(c);
        long allC = rawCount(c, "true");
        long allD = rawCount(d, "true");
        summaries.saveRetentionDays(c, 35);

        // nothing summarised yet: nothing may go, however old
        assertThat(job.retain(c, now)).isZero();
        assertThat(rawCount(c, "true")).isEqualTo(allC);

        // one run summarises the first 31 days only: only those may go
        LocalDate complete = job.summarise(c, now).completeThrough();
        assertThat(complete).isBefore(today.minusDays(35));
        OffsetDateTime firstOpen = complete.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);
        long open = rawCount(c, "occurred_at >= ?", firstOpen);
        assertThat(job.retain(c, now)).isEqualTo(allC - open);
        assertThat(rawCount(c, "occurred_at >= ?", firstOpen)).isEqualTo(open);

        // summarised through yesterday: records older than 35 days go, the rest stays
        summariseAll(c);
        OffsetDateTime keep = today.minusDays(35).atStartOfDay().atOffset(ZoneOffset.UTC);
        long kept = rawCount(c, "occurred_at >= ?", keep);
        job.retain(c, now);
        assertThat(rawCount(c, "true")).isEqualTo(kept);
        assertThat(rawCount(c, "occurred_at < ?", keep)).isZero();
        // the deleted days live on in the summaries, exactly as they were
        assertThat(storedSummaries(c)).isEqualTo(before);

        // the other workspace was not touched, and its own (default 90-day) retention keeps its last 90 days
        assertThat(rawCount(d, "true")).isEqualTo(allD);
        summariseAll(d);
        job.retain(d, now);
        OffsetDateTime keepD = today.minusDays(90).atStartOfDay().atOffset(ZoneOffset.UTC);
        assertThat(rawCount(d, "occurred_at < ?", keepD)).isZero();
        assertThat(rawCount(d, "occurred_at >= ?", keepD)).isPositive();
        assertThat(rawCount(c, "true")).isEqualTo(kept);
    }
}
