package com.frontline.chat;

import com.frontline.shared.TenantId;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Benchmark, not a test: the feedback review page's queries on one workspace with {@code benchmark.rated} (100,000)
 * judged answers among as many unjudged ones over 180 days, next to a second workspace with half as many (noise).
 * Only PostgreSQL is started (embedded, with the app's migrations); each query runs 5 times to warm up, then
 * {@code benchmark.runs} times, and p50/p95 are printed. The cards' daily figures are then timed both ways, live and
 * from the daily roll-up (filled by its job, whose backfill is timed too), with the ratio of the p95s. Run with
 * {@code ./mvnw -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=com.frontline.chat.FeedbackReviewBenchmark -Dbenchmark.rated=100000}; add
 * {@code -Dbenchmark.explain=true} for the plans.
 */
public final class FeedbackReviewBenchmark {

    public static void main(String[] args) throws Exception {
        int rated = Integer.getInteger("benchmark.rated", 100_000);
        int runs = Integer.getInteger("benchmark.runs", 40);
        boolean explain = Boolean.getBoolean("benchmark.explain");
        Path dir = Files.createTempDirectory("frontline-feedback-bench-");
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(true)
                .setServerConfig("shared_buffers", "256MB").start()) {
            // pooled as in the app: a new connection per query would cost more than most queries
            var ds = new HikariDataSource();
            ds.setJdbcUrl(pg.getJdbcUrl("postgres", "postgres"));
            ds.setUsername("postgres");
            ds.setPassword("postgres");
            ds.setMaximumPoolSize(4);
            Flyway.configure().dataSource(ds).locations("filesystem:db/migration").load().migrate();
            DSLContext dsl = DSL.using(ds, SQLDialect.POSTGRES);
            TenantId a = workspace(dsl, "bench-a");
            TenantId b = workspace(dsl, "bench-b");
            long start = System.nanoTime();
            insert(dsl, a, rated);
            insert(dsl, b, rated / 2);
            dsl.execute("vacuum analyze chat.messages");
            dsl.execute("vacuum analyze chat.conversations");
            System.out.printf("data: %,d judged + %,d unjudged answers in the workspace, %,d + %,d in another, "
                            + "%,d messages in all, inserted in %.0f s%n", rated, rated, rated / 2, rated / 2,
                    dsl.fetchCount(DSL.table("chat.messages")), (System.nanoTime() - start) / 1e9);

            var repo = new FeedbackReviewRepository(dsl, JsonMapper.builder().build());
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS).plusDays(1);
            FeedbackReviewFilter d30 = FeedbackReviewFilter.period(now.minusDays(30), now);
            FeedbackReviewFilter d90 = FeedbackReviewFilter.period(now.minusDays(90), now);
            Map<String, FeedbackReviewFilter> filters = new LinkedHashMap<>();
            filters.put("30 days, any judgement", d30);
            filters.put("90 days, any judgement", d90);
            filters.put("30 days, 👎", with(d30, FeedbackReviewFilter.Rating.DOWN, null, null, null, null, null,
                    null, null));
            filters.put("90 days, reason TONE", with(d90, FeedbackReviewFilter.Rating.ANY, "TONE", null, null,
                    null, null, null, null));
            filters.put("90 days, playground + low confidence", with(d90, FeedbackReviewFilter.Rating.ANY, null,
                    Channel.PLAYGROUND, FeedbackReviewFilter.Band.LOW, null, null, null, null));
            filters.put("90 days, fell back + handed off", with(d90, FeedbackReviewFilter.Rating.ANY, null, null,
                    null, FeedbackReviewFilter.Outcome.FELL_BACK, true, null, null));
            filters.put("90 days, one provider/model", with(d90, FeedbackReviewFilter.Rating.ANY, null, null, null,
                    null, null, new FeedbackReviewFilter.ProviderModel("anthropic", "claude-haiku"), null));
            filters.put("90 days, text \"refund\"", with(d90, FeedbackReviewFilter.Rating.ANY, null, null, null,
                    null, null, null, "refund"));
            filters.put("90 days, text not found (scans all)", with(d90, FeedbackReviewFilter.Rating.ANY, null,
                    null, null, null, null, null, "zeppelin"));
            filters.put("90 days, 👎 + TONE + widget + text \"delivery\"", with(d90, FeedbackReviewFilter.Rating.DOWN,
                    "TONE", Channel.WIDGET, null, null, null, null, "delivery"));

            System.out.printf("%-48s %8s %8s %6s%n", "page query (25 rows)", "p50 ms", "p95 ms", "rows");
            for (var e : filters.entrySet()) {
                int[] rows = new int[1];
                double[] t = time(runs, () -> rows[0] = repo.page(a, e.getValue(), null, 26).size());
                System.out.printf("%-48s %8.1f %8.1f %6d%n", e.getKey(), t[0], t[1], rows[0]);
                if (explain) {
                    System.out.println(dsl.fetch("explain analyze " + pageSql(dsl, repo, a, e.getValue())));
                }
            }
            // the fourth page of the 90-day list, by keyset
            FeedbackReviewCursor after = null;
            for (int p = 0; p < 3; p++) {
                after = repo.page(a, d90, after, 25).getLast().cursor();
            }
            FeedbackReviewCursor fourth = after;
            double[] t = time(runs, () -> repo.page(a, d90, fourth, 26).size());
            System.out.printf("%-48s %8.1f %8.1f%n", "90 days, 4th page (keyset)", t[0], t[1]);
            t = time(runs, () -> repo.days(a, d30.previous().from(), d30.to(), null, null).size());
            System.out.printf("%-48s %8.1f %8.1f%n", "cards: daily figures, 30 days + previous 30", t[0], t[1]);
            t = time(runs, () -> repo.days(a, d90.previous().from(), d90.to(), null, null).size());
            System.out.printf("%-48s %8.1f %8.1f%n", "cards: daily figures, 90 days + previous 90", t[0], t[1]);
            if (explain) {
                System.out.println(dsl.fetch("explain analyze " + lastSql(dsl,
                        r -> r.days(a, d90.previous().from(), d90.to(), null, null))));
                System.out.println(dsl.fetch("explain analyze " + lastSql(dsl, r -> r.providerModels(a))));
            }
            t = time(runs, () -> repo.providerModels(a).size());
            System.out.printf("%-48s %8.1f %8.1f%n", "provider/model choices", t[0], t[1]);

            rollUp(ds, dsl, repo, a, d30, d90, runs, explain);
            ds.close(); // before the server stops, or the pool's housekeeper warns about closed connections
        }
    }

    /**
     * The cards' daily figures read live against read from the daily roll-up (past days) plus live (today), in the
     * same run on the same data: the roll-up is filled by the job (its backfill is timed), then each way is timed
     * for 30 and 90 days (each with the period before it, as the cards read them), then again with three past days
     * changed by late ratings (read live until the job rolls them up again).
     */
    private static void rollUp(HikariDataSource ds, DSLContext plain, FeedbackReviewRepository repo, TenantId a,
                               FeedbackReviewFilter d30, FeedbackReviewFilter d90, int runs, boolean explain) {
        // as in the app: jOOQ takes the connection of the Spring transaction, so the job's steps are atomic
        var txManager = new org.springframework.jdbc.support.JdbcTransactionManager(ds);
        DSLContext dsl = DSL.using(
                new org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy(ds), SQLDialect.POSTGRES);
        var tx = new org.springframework.transaction.support.TransactionTemplate(txManager);
        var cardsTx = new org.springframework.transaction.support.TransactionTemplate(txManager);
        cardsTx.setReadOnly(true);
        cardsTx.setIsolationLevel(org.springframework.transaction.TransactionDefinition.ISOLATION_REPEATABLE_READ);
        var rollups = new FeedbackRollupRepository(dsl, new VersionStatsRepository(dsl));
        var properties = new ChatProperties(java.time.Duration.ofSeconds(10), java.time.Duration.ofSeconds(10),
                java.time.Duration.ZERO, new ChatProperties.Signals(java.time.Duration.ofMinutes(10),
                java.time.Duration.ofMinutes(1), 100),
                new ChatProperties.Rollup(java.time.Duration.ofMinutes(5), java.time.Duration.ofMinutes(10), 31, 500));
        var job = new FeedbackRollupJob(rollups, tx, properties);
        var days = new FeedbackReviewDays(new FeedbackReviewRepository(dsl, JsonMapper.builder().build()), rollups);
        var json = JsonMapper.builder().build();
        var service = new FeedbackReviewService(new FeedbackReviewRepository(dsl, json), days,
                new ConversationRepository(dsl, json), json);

        long start = System.nanoTime();
        FeedbackRollupJob.Run first = job.run();
        double backfill = (System.nanoTime() - start) / 1e9;
        plain.execute("vacuum analyze chat.answer_days");
        System.out.printf("%nroll-up backfill (both workspaces, first run): %,d workspace-days in %.1f s, %,d rows; "
                        + "%d changed days rolled up again%n", first.days(), backfill,
                plain.fetchCount(DSL.table("chat.answer_days")), first.staleDays());
        double[] t = time(Math.max(5, runs / 4), () -> job.run().days());
        System.out.printf("%-48s %8.1f %8.1f%n", "roll-up job run with nothing to do", t[0], t[1]);

        System.out.printf("%-48s %8s %8s %8s %8s %6s%n", "cards: daily figures", "live p50", "live p95",
                "r-up p50", "r-up p95", "ratio");
        compare("30 days + previous 30", runs, () -> repo.days(a, d30.previous().from(), d30.to(), null, null).size(),
                () -> days.days(a, d30.previous().from(), d30.to(), null, null).size());
        compare("90 days + previous 90", runs, () -> repo.days(a, d90.previous().from(), d90.to(), null, null).size(),
                () -> days.days(a, d90.previous().from(), d90.to(), null, null).size());
        compare("90 + 90, widget only", runs,
                () -> repo.days(a, d90.previous().from(), d90.to(), Channel.WIDGET, null).size(),
                () -> days.days(a, d90.previous().from(), d90.to(), Channel.WIDGET, null).size());
        var model = new FeedbackReviewFilter.ProviderModel("anthropic", "claude-haiku");
        compare("90 + 90, one provider/model", runs,
                () -> repo.days(a, d90.previous().from(), d90.to(), null, model).size(),
                () -> days.days(a, d90.previous().from(), d90.to(), null, model).size());
        if (explain) {
            var plan = days.plan(a, d90.previous().from(), d90.to());
            System.out.println(plain.fetch("explain analyze " + lastStatement(plain, logging ->
                    new FeedbackRollupRepository(logging, new VersionStatsRepository(logging)).rolledUp(a, plan.rolledUp().getFirst(),
                            plan.rolledUp().getLast(), null, null))));
        }
        t = time(runs, () -> cardsTx.execute(s -> service.cards(a, d30)).size());
        System.out.printf("%-48s %8s %8s %8.1f %8.1f%n", "cards() in its transaction, 30 days", "", "", t[0], t[1]);
        t = time(runs, () -> cardsTx.execute(s -> service.cards(a, d90)).size());
        System.out.printf("%-48s %8s %8s %8.1f %8.1f%n", "cards() in its transaction, 90 days", "", "", t[0], t[1]);

        // late ratings on answers of three or four past days: those days are read live until the job runs again
        int rated = plain.execute("""
                update chat.messages set feedback = -1, feedback_at = now()
                 where (tenant_id, id) in (
                       select distinct on ((created_at at time zone 'UTC')::date) tenant_id, id
                         from chat.messages
                        where tenant_id = ? and author = 'ASSISTANT' and feedback is null
                          and created_at >= now() - interval '60 days' and created_at < now() - interval '57 days'
                        order by (created_at at time zone 'UTC')::date, created_at)""", a.value());
        System.out.printf("late ratings on %d answers of past days: %d changed days read live%n", rated,
                rollups.staleDays(a, d90.previous().from().toLocalDate(), d90.to().toLocalDate()).size());
        compare("90 + 90 with those days changed", runs,
                () -> repo.days(a, d90.previous().from(), d90.to(), null, null).size(),
                () -> days.days(a, d90.previous().from(), d90.to(), null, null).size());
        if (explain) {
            System.out.println(plain.fetch("explain analyze " + lastSql(plain,
                    r -> r.days(a, days.plan(a, d90.previous().from(), d90.to()).live(), null, null))));
        }
        start = System.nanoTime();
        FeedbackRollupJob.Run again = job.run();
        System.out.printf("roll-up job run after them: %d changed days rolled up again in %.0f ms%n",
                again.staleDays(), (System.nanoTime() - start) / 1e6);
    }

    private static void compare(String label, int runs, Supplier<Integer> live, Supplier<Integer> rolledUp) {
        if (!live.get().equals(rolledUp.get())) {
            throw new IllegalStateException(label + ": the two ways give a different number of days");
        }
        double[] l = time(runs, live);
        double[] r = time(runs, rolledUp);
        System.out.printf("%-48s %8.1f %8.1f %8.1f %8.1f %5.0f×%n", label, l[0], l[1], r[0], r[1], l[1] / r[1]);
    }

    private static String pageSql(DSLContext dsl, FeedbackReviewRepository repo, TenantId tenant,
                                  FeedbackReviewFilter filter) {
        return lastSql(dsl, r -> r.page(tenant, filter, null, 26));
    }

    private static String lastSql(DSLContext dsl, java.util.function.Consumer<FeedbackReviewRepository> call) {
        return lastStatement(dsl, logging -> call.accept(new FeedbackReviewRepository(logging,
                JsonMapper.builder().build())));
    }

    /** The last statement jOOQ sends, with values inlined, as the code given the context builds it. */
    private static String lastStatement(DSLContext dsl, java.util.function.Consumer<DSLContext> call) {
        var listener = new ArrayList<String>();
        DSLContext logging = dsl.configuration().derive(new org.jooq.ExecuteListener() {
            @Override
            public void executeStart(org.jooq.ExecuteContext ctx) {
                listener.add(DSL.using(SQLDialect.POSTGRES).renderInlined(ctx.query()));
            }
        }).dsl();
        call.accept(logging);
        return listener.getLast();
    }

    private static FeedbackReviewFilter with(FeedbackReviewFilter p, FeedbackReviewFilter.Rating rating,
                                             String reason, Channel channel, FeedbackReviewFilter.Band band,
                                             FeedbackReviewFilter.Outcome outcome, Boolean handedOff,
                                             FeedbackReviewFilter.ProviderModel model, String text) {
        return new FeedbackReviewFilter(p.from(), p.to(), rating, reason, channel, band, outcome, handedOff, model,
                text);
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
     * {@code judged} judged answers and as many unjudged ones over the last 180 days, each in its own conversation
     * after the customer's question: 70 % 👍, 👎 with one or two reasons, a comment on one in ten, 60 % with an
     * implicit score, 20 % playground, four provider/models, 15 % fallbacks, 5 % handoffs.
     */
    private static void insert(DSLContext dsl, TenantId tenant, int judged) {
        int total = judged * 2;
        List<String> topics = List.of("refund", "order", "delivery", "password", "invoice", "warranty", "discount",
                "subscription", "store", "repair");
        String topicArray = "array['" + String.join("','", topics) + "']";
        for (int from = 0; from < total; from += 50_000) {
            int to = Math.min(total, from + 50_000) - 1;
            dsl.execute("""
                    create unlogged table gen as
                    select g, gen_random_uuid() as conv, gen_random_uuid() as q, gen_random_uuid() as a,
                           now() - (random() * interval '180 days') as at, random() as r, random() as c,
                           (%s)[1 + (g %% 10)] as topic
                      from generate_series(%d, %d) g
                    """.formatted(topicArray, from, to));
            dsl.execute("""
                    insert into chat.conversations (id, tenant_id, channel, visitor_id, created_at, updated_at)
                    select conv, ?, case when g %% 5 = 0 then 'PLAYGROUND' else 'WIDGET' end, 'visitor:' || g, at, at
                      from gen""".replace("%%", "%"), tenant.value());
            dsl.execute("""
                    insert into chat.messages (id, tenant_id, conversation_id, author, body, created_at)
                    select q, ?, conv, 'CUSTOMER', 'Question ' || g || ' about my ' || topic || '?',
                           at - interval '5 seconds'
                      from gen""", tenant.value());
            dsl.execute("""
                    insert into chat.messages (id, tenant_id, conversation_id, author, author_name, body, question,
                                               confidence, low_confidence, extractive, provider, model, feedback,
                                               feedback_reasons, feedback_comment, feedback_at, handed_off,
                                               implicit_signals, implicit_score, created_at)
                    select a, ?, conv, 'ASSISTANT', 'Ava',
                           'Here is what our help centre says about your ' || topic || ' (answer ' || g || '). [1]',
                           'Question ' || g || ' about my ' || topic || '?',
                           c, c < 0.15, true,
                           (array['offline','openai','anthropic','mistral'])[1 + (g % 4)],
                           (array['extractive','gpt-4o-mini','claude-haiku','mistral-small'])[1 + (g % 4)],
                           case when g % 2 = 1 then null when r < 0.7 * 0.6 then 1::smallint
                                when r < 0.6 then -1::smallint end,
                           case when g % 2 = 0 and r >= 0.42 and r < 0.6
                                then (case g % 3 when 0 then array['INCORRECT', 'TONE']
                                                 when 1 then array['INCOMPLETE', 'OTHER']
                                                 else array['NOT_WHAT_I_ASKED', 'INCORRECT'] end)[1:1 + (g / 2 % 2)]
                                else '{}'::text[] end,
                           case when g % 2 = 0 and r >= 0.42 and r < 0.6 and g % 10 = 0
                                then 'The ' || topic || ' answer was wrong' end,
                           case when g % 2 = 0 and r < 0.6 then at + interval '30 seconds' end,
                           c < 0.15 and g % 3 = 0,
                           case when g % 2 = 0 and (r >= 0.6 or g % 5 < 3) then '{"continued": true}'::jsonb end,
                           case when g % 2 = 0 and (r >= 0.6 or g % 5 < 3) then random() end,
                           at
                      from gen""", tenant.value());
            dsl.execute("drop table gen");
        }
    }
}
