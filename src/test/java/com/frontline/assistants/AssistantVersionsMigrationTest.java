package com.frontline.assistants;

import com.frontline.IntegrationTest;
import com.frontline.chat.ChatSettings;
import com.frontline.llm.ModelSettings;
import com.frontline.search.RetrievalSettings;
import com.frontline.tenants.Persona;
import com.frontline.tenants.Tone;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The migration that introduces versions, run for real: a scratch database on the same embedded PostgreSQL is
 * migrated up to just before it, given workspaces with their own settings and with none, then migrated to the end.
 * Every workspace's configuration in force must become its version 1, live, in exactly the JSON shape the code reads.
 */
@IntegrationTest
class AssistantVersionsMigrationTest {

    /** The migration that introduces versions. */
    static final long VERSIONS = 202612080200L;

    @Autowired DataSource dataSource;
    @Autowired JsonMapper json;

    String database;

    @AfterEach
    void dropScratchDatabase() {
        if (database != null) {
            new JdbcTemplate(dataSource).execute("drop database if exists " + database + " with (force)");
        }
    }

    @Test
    void everyExistingWorkspacesConfigurationBecomesItsLiveVersionOne() throws Exception {
        database = "versions_migration_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        new JdbcTemplate(dataSource).execute("create database " + database);
        HikariDataSource main = dataSource.unwrap(HikariDataSource.class);
        DriverManagerDataSource scratch = new DriverManagerDataSource(
                main.getJdbcUrl().replaceFirst("/postgres(\\?|$)", "/" + database + "$1"), main.getUsername(),
                main.getPassword());
        Flyway.configure().dataSource(scratch).locations("classpath:db/migration").target(lastBefore(VERSIONS))
                .load().migrate();
        JdbcTemplate db = new JdbcTemplate(scratch);

        UUID tuned = UUID.randomUUID();
        UUID plain = UUID.randomUUID();
        UUID openAi = UUID.randomUUID();
        UUID claude = UUID.randomUUID();
        db.update("insert into tenants.workspaces (id, slug, name, sector) values (?, 'tuned', 'Tuned', 'Other'), "
                + "(?, 'plain', 'Plain', 'Other')", tuned, plain);
        db.update("insert into tenants.personas (tenant_id, assistant_name, tone, custom_instructions, greeting, "
                        + "fallback_message, language) values (?, 'Ava', 'FORMAL', 'Be brief.', 'Guten Tag!', "
                        + "'Ich bin nicht sicher.', 'de'), "
                        + "(?, 'Plain Assistant', 'FRIENDLY', null, 'Hi!', 'Not sure.', 'en')",
                tuned, plain);
        db.update("insert into llm.settings (tenant_id, routing_enabled, simple_max_score, complex_min_score, "
                + "long_context_chars, monthly_budget_usd) values (?, false, 20, 80, 20000, 10.00)", tuned);
        db.update("insert into llm.providers (tenant_id, id, kind, label, default_model, cheap_model, strong_model, "
                        + "long_context_model, supports_tools, enabled, priority) values "
                        + "(?, ?, 'OPENAI', 'Main', 'gpt-4o-mini', null, 'gpt-4o', null, true, true, 2), "
                        + "(?, ?, 'ANTHROPIC', 'Claude', 'claude-3-5-haiku', 'claude-3-5-haiku', null, "
                        + "'claude-3-5-sonnet', false, true, 1), "
                        + "(?, ?, 'MISTRAL', 'Off', 'mistral-small', null, null, null, true, false, 3)",
                tuned, openAi, tuned, claude, tuned, UUID.randomUUID());
        db.update("insert into search.retrieval_settings (tenant_id, fusion, bm25_weight, top_k, candidates, "
                + "min_score) values (?, 'RRF', 0.25, 3, 40, 0.1)", tuned);
        db.update("insert into chat.chat_settings (tenant_id, confidence_threshold, webhook_secret) "
                + "values (?, 0.62, 'whsec_test')", tuned);

        Flyway.configure().dataSource(scratch).locations("classpath:db/migration").load().migrate();

        AssistantConfig expectedTuned = new AssistantConfig(
                new AssistantConfig.Routing(false, 20, 80, 20_000),
                List.of(new AssistantConfig.Provider(claude, "ANTHROPIC", "Claude", "claude-3-5-haiku",
                                "claude-3-5-haiku", null, "claude-3-5-sonnet", false),
                        new AssistantConfig.Provider(openAi, "OPENAI", "Main", "gpt-4o-mini", null, "gpt-4o", null,
                                true)),
                new AssistantConfig.Prompt("Ava", "FORMAL", "Be brief.", "Guten Tag!", "Ich bin nicht sicher.", "de"),
                new AssistantConfig.Retrieval("RRF", 0.25, 3, 40, 0.1),
                0.62);
        // a workspace that never saved routing, search or chat settings used the code's defaults
        AssistantConfig expectedPlain = AssistantConfig.of(
                new Persona("Plain Assistant", Tone.FRIENDLY, null, "Hi!", "Not sure.", "en"),
                RetrievalSettings.defaults(), new ModelSettings(new ModelSettings.Routing(true, 30, 65, 12_000),
                        List.of()), ChatSettings.DEFAULT_THRESHOLD);

        assertThat(version(db, tuned)).isEqualTo(expectedTuned);
        assertThat(version(db, plain)).isEqualTo(expectedPlain);
        for (UUID tenant : List.of(tuned, plain)) {
            Map<String, Object> row = db.queryForMap("select number, status, created_by, restored_from "
                    + "from assistants.versions where tenant_id = ?", tenant);
            assertThat(row).containsEntry("number", 1).containsEntry("status", "PUBLISHED")
                    .containsEntry("created_by", "Frontline").containsEntry("restored_from", null);
            assertThat(db.queryForObject("select version from assistants.live where tenant_id = ?", Integer.class,
                    tenant)).isEqualTo(1);
            assertThat(db.queryForObject("select count(*) from assistants.live_changes where tenant_id = ? "
                    + "and from_version is null and to_version = 1", Integer.class, tenant)).isEqualTo(1);
        }

        // a workspace removed later takes its versions, live row and history with it
        db.update("delete from tenants.workspaces where id = ?", tuned);
        assertThat(db.queryForObject("select count(*) from assistants.versions where tenant_id = ?", Integer.class,
                tuned)).isZero();
    }

    /** The newest migration before the given one (Flyway wants a target that exists). */
    static String lastBefore(long version) throws java.io.IOException {
        long last = 0;
        for (var r : new org.springframework.core.io.support.PathMatchingResourcePatternResolver()
                .getResources("classpath:db/migration/V*__*.sql")) {
            String name = java.util.Objects.requireNonNull(r.getFilename());
            long v = Long.parseLong(name.substring(1, name.indexOf("__")));
            if (v < version && v > last) {
                last = v;
            }
        }
        return String.valueOf(last);
    }

    private AssistantConfig version(JdbcTemplate db, UUID tenant) {
        String config = db.queryForObject("select config::text from assistants.versions where tenant_id = ? "
                + "and number = 1", String.class, tenant);
        return json.readValue(config, AssistantConfig.class);
    }
}
