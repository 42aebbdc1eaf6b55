package com.frontline.llm.internal;

import com.frontline.IntegrationTest;
import com.frontline.TestAccounts;
import com.frontline.llm.UsageFixture;
import com.frontline.shared.TenantId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Workspace B, working with A's days, A's providers and A's times, neither reads, replaces, deletes nor re-dates
 * anything of A's summaries, raw records, state or retention.
 */
@IntegrationTest
@Transactional
class UsageSummaryRepositoryIsolationTest {

    @Autowired UsageSummaryRepository summaries;
    @Autowired TestAccounts accounts;
    @Autowired JdbcTemplate jdbc;

    TenantId workspace(String name) {
        return accounts.workspace(new TestAccounts.Account(accounts.user("owner"), null), name).id();
    }

    @Test
    void anotherWorkspaceCannotReadReplaceOrDeleteTheseSummariesAndRecords() {
        TenantId a = workspace("Iso A");
        TenantId b = workspace("Iso B");
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        LocalDate day = now.toLocalDate().minusDays(3);
        new UsageFixture(jdbc).insert(a, List.of(new UsageFixture.Row(day.atTime(12, 0).atOffset(ZoneOffset.UTC),
                "OpenAI", "gpt", "ANSWER", "OK", 900, 10, 10, new BigDecimal("0.500000"), false, UUID.randomUUID())));
        summaries.replaceDays(a, day, day, summaries.aggregate(a, day, day), summaries.aggregateConversations(a, day,
                day));
        summaries.saveState(a, day, now);
        summaries.saveRetentionDays(a, 40);

        assertThat(summaries.aggregate(b, day, day)).isEmpty();
        assertThat(summaries.summaries(b, day, day)).isEmpty();
        assertThat(summaries.summaryConversations(b, day, day)).isEmpty();
        assertThat(summaries.summaryCost(b, day, day)).isEqualByComparingTo("0");
        assertThat(summaries.rawCost(b, now.minusDays(10), now)).isEqualByComparingTo("0");
        assertThat(summaries.window(b, now.minusDays(10))).singleElement()
                .satisfies(l -> assertThat(l.calls()).isZero());
        assertThat(summaries.state(b)).isNull();
        assertThat(summaries.firstDay(b)).isEmpty();
        assertThat(summaries.retentionDays(b)).isEqualTo(UsageProperties.DEFAULT_RETENTION_DAYS);
        assertThat(summaries.hasRecordsSince(b, now.minusDays(10))).isFalse();

        // B replaces "its" copy of the day, moves "its" state and deletes "its" old records
        summaries.replaceDays(b, day, day, List.of(), List.of());
        summaries.saveState(b, day.minusDays(30), now);
        summaries.saveRetentionDays(b, 35);
        assertThat(summaries.deleteRecordsBefore(b, now, 1000)).isZero();

        assertThat(summaries.summaries(a, day, day)).singleElement()
                .satisfies(g -> assertThat(g.costUsd()).isEqualByComparingTo("0.5"));
        assertThat(summaries.state(a).completeThrough()).isEqualTo(day);
        assertThat(summaries.retentionDays(a)).isEqualTo(40);
        assertThat(summaries.rawCost(a, now.minusDays(10), now)).isEqualByComparingTo("0.5");
        assertThat(summaries.workspacesWithRecords()).contains(a).doesNotContain(b);
    }
}
