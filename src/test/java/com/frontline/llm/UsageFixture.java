package com.frontline.llm;

import com.frontline.shared.TenantId;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Usage records written straight into {@code llm.usage_records} with the times a test needs (the app's own insert
 * takes the database's clock): a few providers and models, every purpose and outcome, failovers, conversations, and
 * log-normal latencies with a long tail.
 */
public final class UsageFixture {

    public record Row(OffsetDateTime at, String provider, String model, String purpose, String outcome, int latencyMs,
                      int tokensIn, int tokensOut, BigDecimal cost, boolean failover, UUID conversationId) {
    }

    private final JdbcTemplate jdbc;

    public UsageFixture(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** {@code perDay} random records on each of the days {@code days} … 0 days before {@code now} (seeded). */
    public static List<Row> random(long seed, OffsetDateTime now, int days, int perDay) {
        Random r = new Random(seed);
        String[][] models = {{"OpenAI", "gpt-4.1-mini"}, {"OpenAI", "gpt-4.1-nano"}, {"Anthropic", "claude-haiku"},
                {"Local", "llama3"}};
        String[] outcomes = {"OK", "OK", "OK", "OK", "OK", "OK", "OK", "ERROR", "TIMEOUT", "EMPTY", "SKIPPED"};
        List<UUID> conversations = new ArrayList<>();
        for (int i = 0; i < Math.max(1, perDay / 2); i++) {
            conversations.add(UUID.randomUUID());
        }
        List<Row> rows = new ArrayList<>();
        for (int d = days; d >= 0; d--) {
            for (int i = 0; i < perDay; i++) {
                OffsetDateTime at = now.minusDays(d).minusSeconds(r.nextInt(86_000));
                if (at.isAfter(now)) {
                    at = now.minusSeconds(1);
                }
                String[] pm = models[r.nextInt(models.length)];
                String outcome = outcomes[r.nextInt(outcomes.length)];
                String purpose = r.nextInt(10) == 0 ? "TEST" : r.nextInt(6) == 0 ? "REWRITE" : "ANSWER";
                int latency = outcome.equals("SKIPPED") ? 0 : (int) Math.min(290_000,
                        Math.round(Math.exp(7.2 + 0.8 * r.nextGaussian())));
                int in = outcome.equals("SKIPPED") ? 0 : 50 + r.nextInt(2000);
                int out = outcome.equals("OK") ? 10 + r.nextInt(400) : 0;
                BigDecimal cost = pm[0].equals("Local") ? BigDecimal.ZERO
                        : BigDecimal.valueOf(in * 0.4 + out * 1.6).divide(BigDecimal.valueOf(1_000_000), 6,
                        RoundingMode.HALF_UP);
                rows.add(new Row(at, pm[0], pm[1], purpose, outcome, latency, in, out, cost, r.nextInt(8) == 0,
                        conversations.get(r.nextInt(conversations.size()))));
            }
        }
        return rows;
    }

    public void insert(TenantId tenant, List<Row> rows) {
        jdbc.batchUpdate("""
                insert into llm.usage_records (tenant_id, occurred_at, conversation_id, provider, provider_kind, model,
                                               purpose, route, routing_reason, complexity, hop, tokens_in, tokens_out,
                                               cost_usd, latency_ms, outcome, success, failover)
                values (?, ?, ?, ?, 'OPENAI_COMPATIBLE', ?, ?, 'default', 'test', 10, ?, ?, ?, ?, ?, ?, ?, ?)""",
                rows, 500, (ps, row) -> {
                    ps.setObject(1, tenant.value());
                    ps.setTimestamp(2, Timestamp.from(row.at().toInstant()));
                    ps.setObject(3, row.purpose().equals("TEST") ? null : row.conversationId());
                    ps.setString(4, row.provider());
                    ps.setString(5, row.model());
                    ps.setString(6, row.purpose());
                    ps.setInt(7, row.failover() ? 1 : 0);
                    ps.setInt(8, row.tokensIn());
                    ps.setInt(9, row.tokensOut());
                    ps.setBigDecimal(10, row.cost());
                    ps.setInt(11, row.latencyMs());
                    ps.setString(12, row.outcome());
                    ps.setBoolean(13, row.outcome().equals("OK"));
                    ps.setBoolean(14, row.failover());
                });
    }
}
