package com.frontline;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Every table the app owns carries tenant_id, except the few that are global by design. */
@IntegrationTest
class SchemaTenancyTest {

    private static final Set<String> GLOBAL_BY_DESIGN = Set.of(
            "tenants.workspaces",          // the tenant itself
            "identity.users",           // one person may belong to several workspaces
            "identity.user_identities", // a person's external logins
            "privacy.workspace_deletions" // outlives the workspace it records (platform level)
    );

    @Autowired
    DSLContext dsl;

    @Test
    void everyTenantOwnedTableHasATenantIdColumn() {
        List<String> tables = dsl.fetch("""
                select t.table_schema || '.' || t.table_name
                from information_schema.tables t
                where t.table_type = 'BASE TABLE'
                  and t.table_schema not in ('pg_catalog', 'information_schema', 'public')
                  and not exists (select 1 from information_schema.columns c
                                  where c.table_schema = t.table_schema and c.table_name = t.table_name
                                    and c.column_name = 'tenant_id' and c.is_nullable = 'NO')
                """).into(String.class);
        assertThat(tables).containsExactlyInAnyOrderElementsOf(GLOBAL_BY_DESIGN);
    }

    @Test
    void tenantIdIsTheLeadingColumnOfEveryPrimaryKeyOrIndexOnTenantOwnedTables() {
        List<String> indexes = dsl.fetch("""
                select i.schemaname || '.' || i.indexname
                from pg_indexes i
                join information_schema.columns c
                  on c.table_schema = i.schemaname and c.table_name = i.tablename and c.column_name = 'tenant_id'
                where i.schemaname not in ('pg_catalog', 'information_schema', 'public')
                  and i.indexdef not like '%(tenant_id%'
                """).into(String.class);
        // Primary keys on surrogate ids are fine, and so are the two secrets looked up across workspaces by design:
        // an invitation token (hashed) and the widget's public key. Every other index leads with tenant_id.
        Set<String> globalLookups = Set.of("tenants.invitations_token_uk", "tenants.widget_settings_key_uk",
                "tenants.memberships_user_idx"); // a user's own workspaces, for the switcher
        assertThat(indexes).filteredOn(name -> !name.endsWith("_pkey"))
                .containsExactlyInAnyOrderElementsOf(globalLookups);
    }
}
