package com.frontline.rollouts;

import com.frontline.chat.VersionAnswerStats;
import com.frontline.corrections.CorrectedAnswers;
import com.frontline.llm.VersionUsage;
import com.frontline.shared.TenantId;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

import java.lang.reflect.Constructor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Benchmark, not a test: the guard's queries per experiment, and the dashboard's, on one workspace with
 * {@code benchmark.rows} (1,000,000) model-call records and as many widget answers (plus a customer message before
 * each, two answers per conversation, 300,000 visitors) over 30 days, 90 % on version 1 and 10 % on version 2, next to
 * a second workspace with half as many (noise), 500 evaluation conversations and 300 corrections. Only PostgreSQL
 * is started (embedded, with the app's migrations); each query runs 5 times to warm up, then {@code benchmark.runs}
 * times, and p50/p95 are printed. Run with {@code ./mvnw -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=com.frontline.rollouts.RolloutGuardQueryBenchmark}; add {@code -Dbenchmark.explain=true} for the
 * plans.
 */
public final class RolloutGuardQueryBenchmark {

    public static void main(String[] args) throws Exception {
        int rows = Integer.getInteger("benchmark.rows", 1_000_000);
        int runs = Integer.getInteger("benchmark.runs", 30);
        boolean explain = Boolean.getBoolean("benchmark.explain");
        Path dir = Files.createTempDirectory("frontline-rollouts-bench-");
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(true)
                .setServerConfig("shared_buffers", "256MB").setServerConfig("work_mem", "16MB").start()) {
            var ds = new HikariDataSource();
            ds.setJdbcUrl(pg.getJdbcUrl("postgres", "postgres"));
            ds.setUsername("postgres");
            ds.setPassword("postgres");
            ds.setMaximumPoolSize(4);
            Flyway.configure().dataSource(ds).locations("filesystem:db/migration").load().migrate();
            DSLContext dsl = DSL.using(ds, SQLDialect.POSTGRES);
            TenantId a = workspace(dsl, "bench-a");
            TenantId b = workspace(dsl, "bench-b");
            Instant end = Instant.now().truncatedTo(ChronoUnit.HOURS);
            long start = System.nanoTime();
            insert(dsl, a, rows, end);
            insert(dsl, b, rows / 2, end);
            extras(dsl, a, end);
            for (String t : List.of("chat.messages", "chat.conversations", "llm.usage_records",
                    "corrections.corrections")) {
                dsl.execute("vacuum analyze " + t);
            }
            System.out.printf("data: %,d usage records and %,d answers in the workspace (%,d messages), half as many "
                            + "in another; %,d usage records and %,d messages in all; inserted in %.0f s%n",
                    count(dsl, "llm.usage_records", a), answers(dsl, a), count(dsl, "chat.messages", a),
                    dsl.fetchCount(DSL.table("llm.usage_records")), dsl.fetchCount(DSL.table("chat.messages")),
                    (System.nanoTime() - start) / 1e9);

            // the same dashboard queries before any roll-up exists (every day read live): the baseline of this run
            var readTx = new org.springframework.transaction.support.TransactionTemplate(
                    new org.springframework.jdbc.support.JdbcTransactionManager(ds));
            readTx.setReadOnly(true);
            Tx liveMetrics = new Tx(readTx, metrics(DSL.using(
                    new org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy(ds), SQLDialect.POSTGRES)));
            List<ExperimentArm> liveArms = List.of(new ExperimentArm("baseline", 1, 9000),
                    new ExperimentArm("candidate", 2, 1000));
            int liveRuns = Integer.getInteger("benchmark.liveRuns", 5);
            System.out.printf("%-62s %8s %8s%n", "before the roll-ups (all live, " + liveRuns + " runs)", "p50 ms",
                    "p95 ms");
            report("dashboard: metrics, window + since start (30 days)", liveRuns, 1, () -> liveMetrics.metrics(a,
                    experiment(liveArms, end.minus(Duration.ofDays(30)), end.minus(Duration.ofHours(2))), end).size());
            report("dashboard: helpful per day, 30 days", liveRuns, 1, () -> liveMetrics.series(a,
                    experiment(liveArms, end.minus(Duration.ofDays(30)), end.minus(Duration.ofHours(2))), end).size());
            report("guard look: candidate since its step started (7 days)", liveRuns, 1, () -> liveMetrics.rolledUp(a,
                    List.of(liveArms.get(1)), end.minus(Duration.ofDays(7)), end).size());
            if (!Boolean.getBoolean("benchmark.live")) {
                // the daily roll-ups, as the jobs keep them: every day before today
                var writeTx = new org.springframework.transaction.support.TransactionTemplate(
                        new org.springframework.jdbc.support.JdbcTransactionManager(ds));
                DSLContext writeDsl = DSL.using(
                        new org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy(ds), SQLDialect.POSTGRES);
                long rolled = System.nanoTime();
                java.time.LocalDate lastDay = end.atZone(ZoneOffset.UTC).toLocalDate().minusDays(1);
                for (TenantId t : List.of(a, b)) {
                    rollUp(writeDsl, writeTx, t, lastDay.minusDays(31), lastDay);
                }
                System.out.printf("daily roll-ups of 32 days, both workspaces: %.1f s%n",
                        (System.nanoTime() - rolled) / 1e9);
            }
            // as in the app: each call in one read-only transaction (the dashboard's SET LOCAL lasts as long)
            var txManager = new org.springframework.jdbc.support.JdbcTransactionManager(ds);
            var tx = new org.springframework.transaction.support.TransactionTemplate(txManager);
            tx.setReadOnly(true);
            DSLContext txDsl = DSL.using(
                    new org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy(ds), SQLDialect.POSTGRES);
            ExperimentMetrics plain = metrics(txDsl);
            Tx metrics = new Tx(tx, plain);
            List<ExperimentArm> arms = List.of(new ExperimentArm("baseline", 1, 9000),
                    new ExperimentArm("candidate", 2, 1000));
            // a new experiment id each time: the dashboard's since-start figures are cached per experiment
            Supplier<Experiment> month = () -> experiment(arms, end.minus(Duration.ofDays(30)),
                    end.minus(Duration.ofHours(2)));
            Supplier<Experiment> threeDays = () -> experiment(arms, end.minus(Duration.ofDays(3)),
                    end.minus(Duration.ofHours(2)));
            Experiment viewed = month.get();

            System.out.printf("%-62s %8s %8s%n", "query (one experiment, two arms)", "p50 ms", "p95 ms");
            report("guard look: both arms over the 60-min window", runs, () -> metrics.figures(a, arms,
                    end.minus(Duration.ofMinutes(60)), end, false).size());
            report("guard look: candidate since its step started (24 h)", runs, () -> metrics.rolledUp(a,
                    List.of(arms.get(1)), end.minus(Duration.ofHours(24)), end).size());
            report("guard look: candidate since its step started (7 days)", runs, () -> metrics.rolledUp(a,
                    List.of(arms.get(1)), end.minus(Duration.ofDays(7)), end).size());
            report("dashboard: metrics, window + since start (30 days)", runs,
                    () -> metrics.metrics(a, month.get(), end).size());
            report("dashboard: metrics, window + since start (3 days)", runs,
                    () -> metrics.metrics(a, threeDays.get(), end).size());
            report("dashboard: helpful per day, 30 days", runs, () -> metrics.series(a, month.get(), end).size());
            report("dashboard: helpful per hour, 3 days", runs,
                    () -> metrics.series(a, threeDays.get(), end).size());
            report("dashboard: metrics, 30 days, seen again within a minute", runs,
                    () -> metrics.metrics(a, viewed, end).size());

            if (explain) {
                explain(tx, txDsl, statements(txDsl, logging -> metrics(logging).figures(a, arms,
                        end.minus(Duration.ofMinutes(60)), end, false)));
                explain(tx, txDsl, statements(txDsl, logging -> tx.execute(s -> metrics(logging).metrics(a,
                        month.get(), end))));
                explain(tx, txDsl, statements(txDsl, logging -> tx.execute(s -> metrics(logging).series(a,
                        month.get(), end))));
            }
            ds.close();
        }
    }

    /** Runs a call on the metrics in a read-only transaction. */
    record Tx(org.springframework.transaction.support.TransactionTemplate tx, ExperimentMetrics target) {

        Map<String, ExperimentMetrics.ArmFigures> figures(TenantId t, List<ExperimentArm> arms, Instant from,
                                                          Instant to, boolean dashboard) {
            return tx.execute(s -> target.figures(t, arms, from, to, dashboard));
        }

        Map<String, ExperimentMetrics.ArmFigures> rolledUp(TenantId t, List<ExperimentArm> arms, Instant from,
                                                           Instant to) {
            return tx.execute(s -> target.figures(t, arms, from, to, ExperimentMetrics.Count.ROLLED_UP, false));
        }

        List<ArmMetrics> metrics(TenantId t, Experiment e, Instant now) {
            return tx.execute(s -> target.metrics(t, e, now));
        }

        List<SeriesPoint> series(TenantId t, Experiment e, Instant now) {
            return tx.execute(s -> target.series(t, e, now));
        }
    }

    private static Experiment experiment(List<ExperimentArm> arms, Instant started, Instant stepStarted) {
        return new Experiment(UUID.randomUUID(), 1, "Bench", ExperimentKind.ROLLOUT, ExperimentStatus.RUNNING, 1,
                StoredExperiment.displayOrder(arms), List.of(PlanStep.of(1000), PlanStep.of(10_000)), 0,
                GuardSettings.DEFAULTS, null, null, "bench@example.com", started, started, stepStarted, null, 2);
    }

    /** The metrics component over the three modules' read APIs, built by hand (their constructors are internal). */
    static ExperimentMetrics metrics(DSLContext dsl) {
        try {
            Object repo = construct("com.frontline.chat.VersionStatsRepository", dsl);
            Object reviews = construct("com.frontline.chat.FeedbackReviewRepository", dsl,
                    tools.jackson.databind.json.JsonMapper.builder().build());
            Object rollups = construct("com.frontline.chat.FeedbackRollupRepository", dsl, repo);
            Object days = construct("com.frontline.chat.FeedbackReviewDays", reviews, rollups);
            VersionAnswerStats answers = (VersionAnswerStats) construct(VersionAnswerStats.class.getName(), repo, days);
            VersionUsage usage = new VersionUsage(dsl);
            CorrectedAnswers corrections = (CorrectedAnswers) construct(CorrectedAnswers.class.getName(), dsl);
            return new ExperimentMetrics(answers, usage, corrections);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * What the app's jobs do over time, at once: the daily roll-ups of the answers per version (chat, with the cards')
     * and of the calls per version (llm) for every ended day, each in one transaction.
     */
    static void rollUp(DSLContext dsl, org.springframework.transaction.support.TransactionTemplate tx, TenantId tenant,
                       java.time.LocalDate first, java.time.LocalDate last) throws ReflectiveOperationException {
        Object versions = construct("com.frontline.chat.VersionStatsRepository", dsl);
        Object rollups = construct("com.frontline.chat.FeedbackRollupRepository", dsl, versions);
        var recompute = rollups.getClass().getDeclaredMethod("recompute", TenantId.class, java.time.LocalDate.class,
                java.time.LocalDate.class);
        var completeThrough = rollups.getClass().getDeclaredMethod("completeThrough", TenantId.class,
                java.time.LocalDate.class);
        recompute.setAccessible(true);
        completeThrough.setAccessible(true);
        tx.executeWithoutResult(s -> {
            try {
                recompute.invoke(rollups, tenant, first, last);
                completeThrough.invoke(rollups, tenant, last);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            new VersionUsage(dsl).rollUpDays(tenant, first, last);
            dsl.execute("insert into llm.usage_summary_state (tenant_id, complete_through, summarised_at) "
                    + "values (?, ?, now())", tenant.value(), last);
        });
    }

    private static Object construct(String className, Object... arguments) throws ReflectiveOperationException {
        Class<?> type = Class.forName(className);
        for (Constructor<?> c : type.getDeclaredConstructors()) {
            if (c.getParameterCount() != arguments.length) {
                continue;
            }
            boolean fits = true;
            for (int i = 0; i < arguments.length; i++) {
                fits &= c.getParameterTypes()[i].isInstance(arguments[i]);
            }
            if (fits) {
                c.setAccessible(true);
                return c.newInstance(arguments);
            }
        }
        throw new NoSuchMethodException(className + Arrays.toString(arguments));
    }

    private static void report(String label, int runs, Supplier<Integer> query) {
        report(label, runs, 5, query);
    }

    private static void report(String label, int runs, int warmUp, Supplier<Integer> query) {
        double[] t = time(runs, warmUp, query);
        System.out.printf("%-62s %8.1f %8.1f%n", label, t[0], t[1]);
    }

    private static double[] time(int runs, int warmUp, Supplier<Integer> query) {
        for (int i = 0; i < warmUp; i++) {
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

    /** Each SELECT's plan, run in a read-only transaction after the SET statements the call made. */
    private static void explain(org.springframework.transaction.support.TransactionTemplate tx, DSLContext dsl,
                                List<String> sql) {
        List<String> settings = sql.stream().filter(s -> s.startsWith("set ")).toList();
        for (String s : sql.stream().filter(q -> q.startsWith("select")).toList()) {
            System.out.println("-- " + s.replaceAll("\\s+", " ").substring(0, Math.min(160, s.length())));
            tx.executeWithoutResult(t -> {
                settings.forEach(dsl::execute);
                dsl.fetch("explain (analyze, buffers) " + s).forEach(r -> System.out.println(r.get(0)));
            });
        }
    }

    /** The statements jOOQ sends for the call, values inlined. */
    private static List<String> statements(DSLContext dsl, java.util.function.Consumer<DSLContext> call) {
        List<String> sql = new ArrayList<>();
        DSLContext logging = dsl.configuration().derive(new org.jooq.ExecuteListener() {
            @Override
            public void executeStart(org.jooq.ExecuteContext ctx) {
                sql.add(DSL.using(SQLDialect.POSTGRES).renderInlined(ctx.query()));
            }
        }).dsl();
        call.accept(logging);
        return sql;
    }

    private static TenantId workspace(DSLContext dsl, String slug) {
        UUID id = UUID.randomUUID();
        dsl.execute("insert into tenants.workspaces (id, slug, name, sector) values (?, ?, ?, 'Other')", id, slug,
                slug);
        return new TenantId(id);
    }

    private static long count(DSLContext dsl, String table, TenantId t) {
        return dsl.fetchCount(DSL.table(table), DSL.field("tenant_id").eq(t.value()));
    }

    private static long answers(DSLContext dsl, TenantId t) {
        return dsl.fetchCount(DSL.table("chat.messages"), DSL.field("tenant_id").eq(t.value())
                .and(DSL.field("author").eq("ASSISTANT")));
    }

    /**
     * {@code rows} answers (two per widget conversation, each after a customer message) over the 30 days before
     * {@code end}, one model call each: 90 % of conversations on version 1, 10 % on version 2; a quarter of answers
     * rated (80 % 👍), half with an implicit score, 5 % fallbacks, 2 % handoffs; calls 2 % failed, 1 % skipped,
     * 3 % failovers, log-normal-ish latencies.
     */
    private static void insert(DSLContext dsl, TenantId tenant, int rows, Instant end) {
        OffsetDateTime e = end.atOffset(ZoneOffset.UTC);
        int conversations = rows / 2;
        for (int from = 0; from < conversations; from += 50_000) {
            int to = Math.min(conversations, from + 50_000) - 1;
            dsl.execute("""
                    create unlogged table gen as
                    select c, md5(?::text || '-' || c)::uuid as conv,
                           ?::timestamptz - random() * interval '30 days' as at,
                           case when random() < 0.9 then 1 else 2 end as version,
                           'visitor-' || (c % 300000) as visitor
                      from generate_series(?, ?) c""", tenant.value().toString(), e, from, to);
            dsl.execute("""
                    insert into chat.conversations (tenant_id, id, channel, visitor_id, created_at, updated_at)
                    select ?, conv, 'WIDGET', visitor, at, at + interval '2 minutes' from gen""", tenant.value());
            dsl.execute("""
                    insert into chat.messages (tenant_id, id, conversation_id, author, body, created_at)
                    select ?, gen_random_uuid(), conv, 'CUSTOMER', 'A question?',
                           at + k * interval '1 minute' - interval '5 seconds'
                      from gen, generate_series(0, 1) k""", tenant.value());
            dsl.execute("""
                    insert into chat.messages (tenant_id, id, conversation_id, author, body, assistant_version,
                                               feedback, low_confidence, handed_off, implicit_score, created_at)
                    select ?, md5(?::text || '-m-' || c || '-' || k)::uuid, conv, 'ASSISTANT', 'An answer.',
                           version,
                           case when random() < 0.25 then case when random() < 0.8 then 1 else -1 end end,
                           random() < 0.05, random() < 0.02,
                           case when random() < 0.5 then round(random()::numeric, 2)::float8 end,
                           at + k * interval '1 minute'
                      from gen, generate_series(0, 1) k""", tenant.value(), tenant.value().toString());
            dsl.execute("""
                    insert into llm.usage_records (tenant_id, occurred_at, conversation_id, provider, provider_kind,
                                                   model, purpose, route, routing_reason, complexity, hop, tokens_in,
                                                   tokens_out, cost_usd, latency_ms, outcome, success, failover,
                                                   assistant_version)
                    select ?, at + k * interval '1 minute' - interval '2 seconds', conv, 'OpenAI', 'OPENAI',
                           'gpt-4.1-mini', 'ANSWER', 'DEFAULT', 'bench', 30, 0, 800, 120, 0.0003,
                           300 + least(60000, (1500 * -ln(1 - random()))::int), o.outcome, o.outcome = 'OK',
                           random() < 0.03, version
                      from gen, generate_series(0, 1) k,
                           lateral (select case when r < 0.02 then 'ERROR' when r < 0.03 then 'SKIPPED' else 'OK'
                                           end as outcome
                                      from (select random() + k * 0 + c * 0 as r) x) o""", tenant.value());
            dsl.execute("drop table gen");
        }
    }

    /** 500 evaluation conversations on version 1 with their calls (recorded without a version, as the app does), and 300 corrections of recent answers. */
    private static void extras(DSLContext dsl, TenantId tenant, Instant end) {
        OffsetDateTime e = end.atOffset(ZoneOffset.UTC);
        dsl.execute("""
                create unlogged table gen as
                select gen_random_uuid() as conv, ?::timestamptz - random() * interval '30 days' as at
                  from generate_series(1, 500)""", e);
        dsl.execute("""
                insert into chat.conversations (tenant_id, id, channel, visitor_id, created_at, updated_at)
                select ?, conv, 'EVALUATION', 'eval:' || conv, at, at from gen""", tenant.value());
        dsl.execute("""
                insert into chat.messages (tenant_id, id, conversation_id, author, body, assistant_version, created_at)
                select ?, gen_random_uuid(), conv, 'ASSISTANT', 'An evaluated answer.', 1, at from gen""",
                tenant.value());
        dsl.execute("""
                insert into llm.usage_records (tenant_id, occurred_at, conversation_id, provider, provider_kind, model,
                                               purpose, route, routing_reason, complexity, hop, tokens_in, tokens_out,
                                               cost_usd, latency_ms, outcome, success, failover, assistant_version)
                select ?, at, conv, 'OpenAI', 'OPENAI', 'gpt-4.1-mini', 'ANSWER', 'DEFAULT', 'bench', 30, 0, 800, 120,
                       0.0003, 900, 'OK', true, false, null from gen""", tenant.value()); // recorded without a version
        dsl.execute("drop table gen");
        dsl.execute("""
                insert into corrections.corrections (tenant_id, id, question, answer, status, origin,
                                                     answer_message_id, author_name, last_actor, question_embedding,
                                                     created_at)
                select m.tenant_id, gen_random_uuid(), 'A question?', 'The right answer.', 'PENDING', 'MANUAL', m.id,
                       'Sam', 'Sam', '{}', m.created_at + interval '1 hour'
                  from chat.messages m
                 where m.tenant_id = ? and m.author = 'ASSISTANT' and m.feedback = -1
                 limit 300""", tenant.value());
    }
}
