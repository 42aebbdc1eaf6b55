package com.frontline.analytics;

import com.frontline.chat.ChatBenchmarkBeans;
import com.frontline.chat.Channel;
import com.frontline.chat.ConversationFigures;
import com.frontline.shared.TenantId;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Benchmark, not a test: the analytics page's data ({@link AnalyticsService#report}: the period and the one before
 * it, daily figures, top questions) on one workspace with {@code benchmark.messages} (1,000,000) messages over 180
 * days, next to a second workspace with a tenth as many. Only PostgreSQL is started (embedded, with the app's
 * migrations); the roll-ups are filled by their jobs (timed), then each report runs 5 times to warm up and
 * {@code benchmark.runs} times, in its read-only repeatable-read transaction as in the app, and p50/p95 are printed.
 * Run with {@code ./mvnw -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=com.frontline.analytics.AnalyticsPageBenchmark -Dbenchmark.messages=1000000}.
 */
public final class AnalyticsPageBenchmark {

    public static void main(String[] args) throws Exception {
        int messages = Integer.getInteger("benchmark.messages", 1_000_000);
        int runs = Integer.getInteger("benchmark.runs", 40);
        Path dir = Files.createTempDirectory("frontline-analytics-bench-");
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(true)
                .setServerConfig("shared_buffers", "256MB").start()) {
            var ds = new HikariDataSource();
            ds.setJdbcUrl(pg.getJdbcUrl("postgres", "postgres"));
            ds.setUsername("postgres");
            ds.setPassword("postgres");
            ds.setMaximumPoolSize(4);
            Flyway.configure().dataSource(ds).locations("filesystem:db/migration").load().migrate();
            DSLContext plain = DSL.using(ds, SQLDialect.POSTGRES);
            TenantId a = workspace(plain, "bench-a");
            TenantId b = workspace(plain, "bench-b");
            long start = System.nanoTime();
            insert(plain, a, messages);
            insert(plain, b, messages / 10);
            plain.execute("vacuum analyze chat.messages");
            plain.execute("vacuum analyze chat.conversations");
            System.out.printf("data: %,d messages in %,d conversations in the workspace (180 days, %,d distinct "
                            + "question wordings), %,d messages in another; inserted in %.0f s%n",
                    plain.fetchCount(DSL.table("chat.messages"), DSL.field("tenant_id").eq(a.value())),
                    plain.fetchCount(DSL.table("chat.conversations"), DSL.field("tenant_id").eq(a.value())),
                    plain.fetchValue("select count(distinct question) from chat.messages where tenant_id = ?",
                            a.value()),
                    plain.fetchCount(DSL.table("chat.messages"), DSL.field("tenant_id").eq(b.value())),
                    (System.nanoTime() - start) / 1e9);

            var txManager = new JdbcTransactionManager(ds);
            DSLContext dsl = DSL.using(new TransactionAwareDataSourceProxy(ds), SQLDialect.POSTGRES);
            var tx = new TransactionTemplate(txManager);
            var readTx = new TransactionTemplate(txManager);
            readTx.setReadOnly(true);
            readTx.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
            ConversationFigures figures = ChatBenchmarkBeans.conversationFigures(dsl);
            var rollups = new AnalyticsRollupRepository(dsl, figures);
            var job = new AnalyticsRollupJob(rollups, figures, tx, new AnalyticsProperties(Duration.ofMinutes(5),
                    Duration.ofMinutes(10), 31, 500));
            var service = new AnalyticsService(new AnalyticsDays(rollups, figures), figures);
            // the reads as they were before (ea79bec), on the same data, timed alternately with the new ones
            var before = new AnalyticsService(new BaselineAnalyticsDays(rollups, figures), figures);

            start = System.nanoTime();
            ChatBenchmarkBeans.rollUpFeedback(dsl, tx);
            double feedback = (System.nanoTime() - start) / 1e9;
            start = System.nanoTime();
            AnalyticsRollupJob.Run first = job.run();
            double backfill = (System.nanoTime() - start) / 1e9;
            plain.execute("vacuum analyze analytics.conversation_days");
            plain.execute("vacuum analyze analytics.question_days");
            plain.execute("vacuum analyze analytics.question_weeks");
            plain.execute("vacuum analyze chat.answer_days");
            System.out.printf("roll-up backfill: feedback (chat.answer_days) %.1f s; analytics %,d workspace-days in "
                            + "%.1f s, %,d conversation_days rows, %,d question_days rows, %,d question_weeks rows%n",
                    feedback, first.days(), backfill, plain.fetchCount(DSL.table("analytics.conversation_days")),
                    plain.fetchCount(DSL.table("analytics.question_days")),
                    plain.fetchCount(DSL.table("analytics.question_weeks")));
            double[] t = time(Math.max(5, runs / 4), () -> job.run().days());
            System.out.printf("%-46s %8.1f %8.1f%n", "analytics job run with nothing to do", t[0], t[1]);

            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            System.out.printf("load average before timing: %s%n", Files.readString(Path.of("/proc/loadavg")).strip());
            System.out.printf("%-46s %17s %17s%n", "", "before (ea79bec)", "after");
            System.out.printf("%-46s %8s %8s %8s %8s%n", "page data (report + previous period)", "p50 ms", "p95 ms",
                    "p50 ms", "p95 ms");
            for (int days : new int[]{7, 30, 90}) {
                for (Channel channel : Arrays.asList(null, Channel.WIDGET)) {
                    Period period = Period.lastDays(today, days);
                    compare(days + " days, " + (channel == null ? "all channels" : "widget"), runs,
                            () -> readTx.execute(s -> before.report(a, period, channel)),
                            () -> readTx.execute(s -> service.report(a, period, channel)));
                }
            }
            // the two parts of the 90-day report on their own: daily figures (both periods) and the questions
            AnalyticsDays parts = new AnalyticsDays(rollups, figures);
            AnalyticsDays oldParts = new BaselineAnalyticsDays(rollups, figures);
            Period both = new Period(today.minusDays(179), today);
            compare("  of which daily figures, 90 + 90 days", runs,
                    () -> readTx.execute(s -> oldParts.days(a, both, null)),
                    () -> readTx.execute(s -> parts.days(a, both, null)));
            Period ninety = Period.lastDays(today, 90);
            compare("  of which questions, 90 days", runs,
                    () -> readTx.execute(s -> oldParts.questions(a, ninety, null)),
                    () -> readTx.execute(s -> parts.questions(a, ninety, null)));
            Period custom = new Period(today.minusDays(179), today);
            compare("custom 180 days, all channels", runs,
                    () -> readTx.execute(s -> before.report(a, custom, null)),
                    () -> readTx.execute(s -> service.report(a, custom, null)));
            compare("dashboard key cards (7 + 7 days)", runs,
                    () -> readTx.execute(s -> before.keyFigures(a, today)),
                    () -> readTx.execute(s -> service.keyFigures(a, today)));

            // late changes on four past days: those days are read live until the job rolls them up again
            plain.execute("""
                    update chat.messages set feedback = -1
                     where (tenant_id, id) in (
                           select distinct on ((created_at at time zone 'UTC')::date) tenant_id, id
                             from chat.messages
                            where tenant_id = ? and author = 'ASSISTANT' and feedback is null
                              and created_at >= (current_date - 41)::timestamp at time zone 'UTC'
                              and created_at < (current_date - 37)::timestamp at time zone 'UTC'
                            order by (created_at at time zone 'UTC')::date, created_at)""", a.value());
            int changed = plain.fetchCount(DSL.table("analytics.rollup_stale"),
                    DSL.field("tenant_id").eq(a.value()));
            Period quarter = Period.lastDays(today, 90);
            compare("90 days with " + changed + " changed past days", runs,
                    () -> readTx.execute(s -> before.report(a, quarter, null)),
                    () -> readTx.execute(s -> service.report(a, quarter, null)));
            compare("  of which daily figures, 90 + 90 days", runs,
                    () -> readTx.execute(s -> oldParts.days(a, both, null)),
                    () -> readTx.execute(s -> parts.days(a, both, null)));
            compare("  of which questions, 90 days", runs,
                    () -> readTx.execute(s -> oldParts.questions(a, ninety, null)),
                    () -> readTx.execute(s -> parts.questions(a, ninety, null)));
            // one past day read live (what a changed day costs), by part
            java.time.OffsetDateTime dayStart = today.minusDays(38).atStartOfDay().atOffset(ZoneOffset.UTC);
            java.time.OffsetDateTime dayEnd = dayStart.plusDays(1);
            t = time(runs, () -> readTx.execute(s -> figures.conversationDays(a, dayStart, dayEnd)).size());
            System.out.printf("%-46s %8.1f %8.1f%n", "  one day live: conversation figures", t[0], t[1]);
            t = time(runs, () -> readTx.execute(s -> figures.questionDays(a, dayStart, dayEnd)).size());
            System.out.printf("%-46s %8.1f %8.1f%n", "  one day live: questions", t[0], t[1]);
            t = time(runs, () -> readTx.execute(s -> figures.answerDays(a, dayStart, dayEnd, null)).size());
            System.out.printf("%-46s %8.1f %8.1f%n", "  one day: answers (chat roll-up plan)", t[0], t[1]);
            java.time.OffsetDateTime from = quarter.from();
            java.time.OffsetDateTime to = quarter.to();
            compare("one question's conversations (90 days)", runs,
                    () -> readTx.execute(s -> ChatBenchmarkBeans.askedInWithoutIndex(dsl, a,
                            "how do i return item 7", from, to, AnalyticsService.CONVERSATIONS_LISTED)),
                    () -> readTx.execute(s -> service.conversationsAsking(a, "how do i return item 7", quarter, null,
                            false).size()));
            compare("a rare question's conversations (90 days)", runs,
                    () -> readTx.execute(s -> ChatBenchmarkBeans.askedInWithoutIndex(dsl, a,
                            "how do i return item 1999", from, to, AnalyticsService.CONVERSATIONS_LISTED)),
                    () -> readTx.execute(s -> service.conversationsAsking(a, "how do i return item 1999", quarter,
                            null, false).size()));
            System.out.printf("load average after timing: %s%n", Files.readString(Path.of("/proc/loadavg")).strip());
            ds.close();
        }
    }

    /**
     * Times the old and the new read alternately ({@code runs} each after 5 warm-ups each), checks that they give
     * the same result, and prints p50/p95 of both.
     */
    private static void compare(String what, int runs, Supplier<Object> before, Supplier<Object> after) {
        Object old = before.get();
        Object now = after.get();
        if (!normalised(old).equals(normalised(now))) {
            throw new IllegalStateException(what + ": the old and the new read differ");
        }
        for (int i = 0; i < 5; i++) {
            before.get();
            after.get();
        }
        double[] b = new double[runs];
        double[] n = new double[runs];
        for (int i = 0; i < runs; i++) {
            long s = System.nanoTime();
            before.get();
            b[i] = (System.nanoTime() - s) / 1e6;
            s = System.nanoTime();
            after.get();
            n[i] = (System.nanoTime() - s) / 1e6;
        }
        Arrays.sort(b);
        Arrays.sort(n);
        System.out.printf("%-46s %8.1f %8.1f %8.1f %8.1f%n", what, pct(b, 0.5), pct(b, 0.95), pct(n, 0.5),
                pct(n, 0.95));
    }

    /** Lists of questions compared whatever their order (they come unordered). */
    private static Object normalised(Object result) {
        if (result instanceof java.util.List<?> list && !list.isEmpty() && list.getFirst() instanceof QuestionCount) {
            return list.stream().map(Object::toString).sorted().toList();
        }
        if (result instanceof AnalyticsReport r) {
            return java.util.List.of(r.totals(), r.previous(), r.days(), r.topQuestions(), r.topUnanswered());
        }
        return result;
    }

    private static double pct(double[] sorted, double p) {
        return sorted[(int) Math.ceil(sorted.length * p) - 1];
    }

    private static double[] time(int runs, Supplier<Integer> query) {
        for (int i = 0; i < 5; i++) {
            query.get();
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long s = System.nanoTime();
            query.get();
            ms[i] = (System.nanoTime() - s) / 1e6;
        }
        Arrays.sort(ms);
        return new double[]{ms[(int) Math.ceil(runs * 0.5) - 1], ms[(int) Math.ceil(runs * 0.95) - 1]};
    }

    private static TenantId workspace(DSLContext dsl, String slug) {
        UUID id = UUID.randomUUID();
        dsl.execute("insert into tenants.workspaces (id, slug, name, sector) values (?, ?, ?, 'Other')", id, slug,
                slug);
        return new TenantId(id);
    }

    /**
     * About {@code messages} messages over the last 180 days: conversations of two turns (question and answer, four
     * messages), 80 % widget and 20 % playground, questions from 2,000 wordings ("How do I return item 7?") with the
     * most frequent ones far more often (a skewed draw), 15 % fallbacks, 30 % rated (a quarter 👎), half with an
     * implicit score, 10 % handed off with a person's reply after seconds to hours in most, a third left by the
     * visitor.
     */
    private static void insert(DSLContext dsl, TenantId tenant, int messages) {
        int conversations = messages / 4;
        for (int from = 0; from < conversations; from += 50_000) {
            int to = Math.min(conversations, from + 50_000) - 1;
            dsl.execute("""
                    create unlogged table gen as
                    select g, gen_random_uuid() as conv, now() - (random() * interval '180 days') as at,
                           random() as ch, random() as h, random() as l,
                           (floor(power(random(), 3) * 2000))::int as q1, (floor(power(random(), 3) * 2000))::int as q2
                      from generate_series(?::int, ?::int) g""", from, to);
            dsl.execute("""
                    insert into chat.conversations (tenant_id, id, channel, visitor_id, status, handoff_at,
                                                    handoff_reason, visitor_left_at, created_at, updated_at, signals_at)
                    select ?::uuid, conv, case when ch < 0.8 then 'WIDGET' else 'PLAYGROUND' end, 'visitor:' || (g % 5000),
                           case when h < 0.1 then 'RESOLVED' else 'BOT' end,
                           case when h < 0.1 then at + interval '3 minutes' end,
                           case when h < 0.1 then 'The customer asked for a person.' end,
                           case when l < 0.33 then at + interval '5 minutes' end,
                           at, at + interval '4 minutes', at + interval '10 minutes'
                      from gen""", tenant.value());
            for (int turn = 0; turn < 2; turn++) {
                String q = turn == 0 ? "q1" : "q2";
                dsl.execute(("""
                        insert into chat.messages (tenant_id, id, conversation_id, author, body, created_at)
                        select ?::uuid, gen_random_uuid(), conv, 'CUSTOMER', 'How do I return item ' || %s || '?',
                               at + make_interval(mins => %d)
                          from gen""").formatted(q, turn), tenant.value());
                dsl.execute(("""
                        insert into chat.messages (tenant_id, id, conversation_id, author, body, question, confidence,
                                                   low_confidence, extractive, provider, model, feedback, handed_off,
                                                   implicit_score, created_at)
                        select ?::uuid, gen_random_uuid(), conv, 'ASSISTANT', 'An answer.',
                               'How do I return item ' || %s || '?', 0.7, random() < 0.15, true, 'offline', 'extractive',
                               case when random() < 0.3 then case when random() < 0.25 then -1 else 1 end end,
                               %s, case when random() < 0.5 then random() end, at + make_interval(mins => %d, secs => 3)
                          from gen""").formatted(q, turn == 1 ? "h < 0.1" : "false", turn), tenant.value());
            }
            dsl.execute("""
                    insert into chat.messages (tenant_id, id, conversation_id, author, body, created_at)
                    select ?::uuid, gen_random_uuid(), conv, 'AGENT', 'A person''s reply.',
                           least(now(), at + interval '3 minutes' + (power(10, random() * 4.5) * interval '1 second'))
                      from gen where h < 0.09""", tenant.value());
            dsl.execute("drop table gen");
        }
    }
}
