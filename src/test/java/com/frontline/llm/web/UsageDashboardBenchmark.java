package com.frontline.llm.web;

import com.frontline.llm.internal.UsageBench;
import com.frontline.llm.internal.UsageQuery;
import com.frontline.shared.CurrentTenant;
import com.frontline.shared.Role;
import com.frontline.shared.TenantId;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletContext;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.ExtendedModelMap;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.FileTemplateResolver;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Benchmark, not a test: the usage dashboard with {@code benchmark.rows} (1,000,000) usage records in one workspace
 * over 120 days, next to a second workspace with {@code benchmark.other} (300,000) in the same days. Only PostgreSQL
 * is started (embedded, with the app's migrations); the records are written by one {@code generate_series} insert
 * each, the summary job runs until every ended day is final, then each measurement runs 3 times to warm up and
 * {@code benchmark.runs} (30) times, and p50/p95 are printed:
 * <ul>
 *     <li>the dashboard's reads for 30 and 90 days ({@code UsageDashboard.report}: summaries of final days, raw
 *     records of today, this month's spending, the providers and models, all figures and percentiles);</li>
 *     <li>the whole page: the handler (report and charts) and the Thymeleaf page rendered to a string;</li>
 *     <li>the baseline: the same period aggregated from the raw records, as the page would have to without
 *     summaries.</li>
 * </ul>
 * Run with {@code ./mvnw -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=com.frontline.llm.web.UsageDashboardBenchmark}; add {@code -Dbenchmark.explain=true} for the
 * plans.
 */
public final class UsageDashboardBenchmark {

    public static void main(String[] args) throws Exception {
        int rows = Integer.getInteger("benchmark.rows", 1_000_000);
        int other = Integer.getInteger("benchmark.other", 300_000);
        int runs = Integer.getInteger("benchmark.runs", 30);
        boolean explain = Boolean.getBoolean("benchmark.explain");
        Path dir = Files.createTempDirectory("frontline-usage-bench-");
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(true)
                .setServerConfig("shared_buffers", "256MB").start();
             HikariDataSource ds = new HikariDataSource()) {
            ds.setJdbcUrl(pg.getJdbcUrl("postgres", "postgres"));
            ds.setUsername("postgres");
            ds.setPassword("postgres");
            ds.setMaximumPoolSize(4);
            Flyway.configure().dataSource(ds).locations("filesystem:db/migration").load().migrate();
            DSLContext dsl = DSL.using(new TransactionAwareDataSourceProxy(ds), SQLDialect.POSTGRES);
            TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
            TenantId a = workspace(dsl, "bench-a");
            TenantId b = workspace(dsl, "bench-b");

            long start = System.nanoTime();
            insert(dsl, a, rows);
            insert(dsl, b, other);
            dsl.execute("vacuum analyze llm.usage_records");
            System.out.printf("data: %,d usage records in the workspace, %,d in another, over 120 days; inserted in "
                    + "%.0f s%n", rows, other, (System.nanoTime() - start) / 1e9);

            UsageBench bench = new UsageBench(dsl, tx);
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            LocalDate lastFinal = now.minusMinutes(15).toLocalDate().minusDays(1);
            start = System.nanoTime();
            int passes = 0;
            while (!lastFinal.equals(bench.completeThrough(a)) || !lastFinal.equals(bench.completeThrough(b))) {
                bench.summarise(now);
                passes++;
            }
            System.out.printf("summary job, first runs over the whole history: %d runs, %.1f s; %,d summary rows%n",
                    passes, (System.nanoTime() - start) / 1e9, dsl.fetchCount(DSL.table("llm.usage_daily")));
            double[] steady = time(5, () -> bench.summarise(now));
            System.out.printf("summary job, a later run (recomputes yesterday and today of both workspaces): "
                    + "p50 %.0f ms, p95 %.0f ms%n", steady[0], steady[1]);
            dsl.execute("vacuum analyze llm.usage_daily");
            dsl.execute("vacuum analyze llm.usage_daily_conversations");

            UsageController controller = new UsageController(bench.dashboard());
            SpringTemplateEngine engine = engine();
            CurrentTenant tenant = new CurrentTenant(a, "bench-a", "bench-a", Role.OWNER, UUID.randomUUID(),
                    "owner@bench.example");
            LocalDate today = now.toLocalDate();
            System.out.printf("%-58s %9s %9s%n", "", "p50 ms", "p95 ms");
            for (int days : List.of(30, 90)) {
                UsageQuery query = new UsageQuery(today.minusDays(days - 1), today, null, null);
                double[] report = time(runs, () -> bench.dashboard().report(a, query).days().size());
                double[] page = time(runs, () -> render(controller, engine, tenant, String.valueOf(days)).length());
                double[] raw = time(runs, () -> bench.rawPeriod(a, query.from(), query.to()));
                System.out.printf("%-58s %9.1f %9.1f%n", days + " days: dashboard reads (summaries + today live)",
                        report[0], report[1]);
                System.out.printf("%-58s %9.1f %9.1f%n", days + " days: whole page (handler, charts, Thymeleaf)",
                        page[0], page[1]);
                System.out.printf("%-58s %9.1f %9.1f   (%.0f× the dashboard's reads at p50)%n",
                        days + " days: baseline, the same days from raw records", raw[0], raw[1], raw[0] / report[0]);
            }
            if (Boolean.getBoolean("benchmark.breakdown")) {
                double[] t1 = time(runs, () -> bench.summariesOnly(a, today.minusDays(89), today.minusDays(1)));
                double[] t2 = time(runs, () -> bench.todayRaw(a, today));
                double[] t3 = time(runs, () -> bench.monthToDate(a));
                System.out.printf("breakdown: 89 days of summaries %.1f, today raw %.1f, month to date %.1f ms%n",
                        t1[0], t2[0], t3[0]);
            }
            UsageQuery one = new UsageQuery(today.minusDays(89), today, "Provider 1", null);
            double[] filtered = time(runs, () -> bench.dashboard().report(a, one).days().size());
            System.out.printf("%-58s %9.1f %9.1f%n", "90 days, one provider: dashboard reads", filtered[0],
                    filtered[1]);
            System.out.printf("page size: %,d characters for 90 days%n",
                    render(controller, engine, tenant, "90").length());
            if (explain) {
                for (int days : List.of(30, 90)) {
                    plan(dsl, days + " days of summaries", "explain analyze select * from llm.usage_daily "
                            + "where tenant_id = ? and day between ? and ?", a.value(), today.minusDays(days - 1),
                            today.minusDays(1));
                }
                plan(dsl, "the other workspace's 90 days of summaries", "explain analyze select * from "
                        + "llm.usage_daily where tenant_id = ? and day between ? and ?", b.value(),
                        today.minusDays(89), today.minusDays(1));
                plan(dsl, "today's raw records", "explain analyze select count(*), sum(cost_usd) from "
                        + "llm.usage_records where tenant_id = ? and occurred_at >= ?::timestamptz", a.value(),
                        today.atStartOfDay().atOffset(ZoneOffset.UTC));
            }
        }
    }

    private static void plan(DSLContext dsl, String what, String sql, Object... binds) {
        System.out.println("plan, " + what + ":");
        dsl.fetch(sql, binds).into(String.class).forEach(line -> System.out.println("    " + line));
    }

    /** The page as the handler and Thymeleaf make it for a plain request ({@code period} 30 or 90 days). */
    private static String render(UsageController controller, SpringTemplateEngine engine, CurrentTenant tenant,
                                 String period) {
        ExtendedModelMap model = new ExtendedModelMap();
        String view = controller.usage(tenant, new UsagePeriodForm(period, null, null, null, null), model);
        String page = view.substring(0, view.indexOf("::")).strip();
        var request = new MockHttpServletRequest("GET", "/w/" + tenant.slug() + "/usage");
        var exchange = JakartaServletWebApplication.buildApplication(new MockServletContext())
                .buildExchange(request, new MockHttpServletResponse());
        WebContext context = new WebContext(exchange, Locale.ENGLISH, model);
        context.setVariable("tenant", tenant);
        context.setVariable("workspaces", List.of());
        return engine.process(page, context);
    }

    private static SpringTemplateEngine engine() {
        FileTemplateResolver resolver = new FileTemplateResolver();
        resolver.setPrefix("src/main/resources/templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCacheable(true);
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }

    private static double[] time(int runs, Supplier<Integer> work) {
        for (int i = 0; i < 3; i++) {
            work.get();
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long s = System.nanoTime();
            work.get();
            ms[i] = (System.nanoTime() - s) / 1e6;
        }
        Arrays.sort(ms);
        return new double[]{ms[(int) Math.ceil(runs * 0.5) - 1], ms[(int) Math.ceil(runs * 0.95) - 1]};
    }

    private static TenantId workspace(DSLContext dsl, String slug) {
        UUID id = UUID.randomUUID();
        dsl.execute("insert into tenants.workspaces (id, slug, name, sector) values (?, ?, ?, 'Other')", id, slug,
                slug);
        dsl.execute("insert into llm.settings (tenant_id, monthly_budget_usd) values (?, 500)", id);
        return new TenantId(id);
    }

    /**
     * {@code n} records spread evenly over the last 120 days: three providers with two models each, 85 % answers,
     * 10 % rewrites, 5 % connection tests, about 4 % failures and 1 % skipped hops, failovers after failures, four
     * calls per conversation, log-normal latencies around 1.5 s.
     */
    private static void insert(DSLContext dsl, TenantId tenant, int n) {
        dsl.execute("""
                insert into llm.usage_records (tenant_id, occurred_at, conversation_id, provider, provider_kind, model,
                                               purpose, route, routing_reason, complexity, hop, tokens_in, tokens_out,
                                               cost_usd, latency_ms, outcome, success, failover)
                select ?, now() - (g::double precision / ? * 120) * interval '1 day',
                       case when g % 20 = 0 then null else md5(? || (g / 4)::text)::uuid end,
                       'Provider ' || (g % 3 + 1), 'OPENAI',
                       'model-' || (g % 3 + 1) || (case when g % 7 = 0 then '-mini' else '' end),
                       case when g % 20 = 0 then 'TEST' when g % 10 = 1 then 'REWRITE' else 'ANSWER' end,
                       'default', 'benchmark', 20, case when g % 29 = 1 then 1 else 0 end,
                       500 + g % 1500, case when g % 25 = 0 then 0 else 50 + g % 400 end,
                       ((500 + g % 1500) * 0.4 + (50 + g % 400) * 1.6) / 1000000.0,
                       case when g % 97 = 0 then 0
                            else least(300000, exp(7.3 + 0.7 * (random() + random() + random() - 1.5) * 2))::int end,
                       case when g % 97 = 0 then 'SKIPPED' when g % 25 = 0 then 'ERROR' when g % 101 = 0 then 'TIMEOUT'
                            else 'OK' end,
                       g % 97 <> 0 and g % 25 <> 0 and g % 101 <> 0,
                       g % 29 = 1
                  from generate_series(1, ?) g""", tenant.value(), n, tenant.value().toString(), n);
    }
}
