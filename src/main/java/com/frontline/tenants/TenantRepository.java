package com.frontline.tenants;

import com.frontline.shared.Role;
import com.frontline.shared.TenantId;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static com.frontline.db.tenants.Tables.ALLOWED_ORIGINS;
import static com.frontline.db.tenants.Tables.BRANDINGS;
import static com.frontline.db.tenants.Tables.MEMBERSHIPS;
import static com.frontline.db.tenants.Tables.PERSONAS;
import static com.frontline.db.tenants.Tables.WORKSPACES;
import static com.frontline.db.tenants.Tables.WIDGET_SETTINGS;

/** The workspace row and its one-per-workspace settings. */
@Repository
class TenantRepository {

    private final DSLContext dsl;

    TenantRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Slugs are global: the uniqueness check necessarily looks across workspaces, and returns only a yes/no. */
    boolean slugExists(String slug) {
        return dsl.fetchExists(WORKSPACES, WORKSPACES.SLUG.eq(slug));
    }

    boolean anyExists() {
        return dsl.fetchExists(WORKSPACES);
    }

    /** Returns false when the slug was taken in the meantime (the unique key decides, not an earlier check). */
    boolean insert(TenantId tenant, String slug, String name, String sector) {
        return dsl.insertInto(WORKSPACES)
                .set(WORKSPACES.ID, tenant.value())
                .set(WORKSPACES.SLUG, slug)
                .set(WORKSPACES.NAME, name)
                .set(WORKSPACES.SECTOR, sector)
                .onConflictDoNothing()
                .execute() == 1;
    }

    Optional<Workspace> find(TenantId tenant) {
        return dsl.select(WORKSPACES.ID, WORKSPACES.SLUG, WORKSPACES.NAME, WORKSPACES.SECTOR, WORKSPACES.ONBOARDING_COMPLETED_AT)
                .from(WORKSPACES)
                .where(WORKSPACES.ID.eq(tenant.value()))
                .fetchOptional(r -> new Workspace(TenantId.of(r.value1()), r.value2(), r.value3(), r.value4(),
                        r.value5() != null));
    }

    void updateWorkspace(TenantId tenant, String name, String sector) {
        dsl.update(WORKSPACES)
                .set(WORKSPACES.NAME, name)
                .set(WORKSPACES.SECTOR, sector)
                .where(WORKSPACES.ID.eq(tenant.value()))
                .execute();
    }

    void markOnboardingComplete(TenantId tenant) {
        dsl.update(WORKSPACES)
                .set(WORKSPACES.ONBOARDING_COMPLETED_AT, OffsetDateTime.now())
                .where(WORKSPACES.ID.eq(tenant.value()), WORKSPACES.ONBOARDING_COMPLETED_AT.isNull())
                .execute();
    }

    record MembershipRow(TenantId tenant, String slug, String name, Role role) {
    }

    /** The membership check behind every workspace URL: the slug alone grants nothing. */
    Optional<MembershipRow> findMembership(UUID userId, String slug) {
        // @formatter:off
        return dsl.select(WORKSPACES.ID, WORKSPACES.SLUG, WORKSPACES.NAME, MEMBERSHIPS.ROLE)
                .from(WORKSPACES)
                .join(MEMBERSHIPS).on(MEMBERSHIPS.TENANT_ID.eq(WORKSPACES.ID))
                .where(WORKSPACES.SLUG.eq(slug), MEMBERSHIPS.USER_ID.eq(userId))
                .fetchOptional(r -> new MembershipRow(TenantId.of(r.value1()), r.value2(), r.value3(),
                        Role.valueOf(r.value4())));
        // @formatter:on
    }

    List<WorkspaceSummary> workspacesOf(UUID userId) {
        // @formatter:off
        return dsl.select(WORKSPACES.SLUG, WORKSPACES.NAME, MEMBERSHIPS.ROLE)
                .from(MEMBERSHIPS)
                .join(WORKSPACES).on(WORKSPACES.ID.eq(MEMBERSHIPS.TENANT_ID))
                .where(MEMBERSHIPS.USER_ID.eq(userId))
                .orderBy(WORKSPACES.NAME)
                .fetch(r -> new WorkspaceSummary(r.value1(), r.value2(), Role.valueOf(r.value3())));
        // @formatter:on
    }

    Persona persona(TenantId tenant) {
        return dsl.selectFrom(PERSONAS)
                .where(PERSONAS.TENANT_ID.eq(tenant.value()))
                .fetchOptional(r -> new Persona(r.getAssistantName(), Tone.valueOf(r.getTone()),
                        r.getCustomInstructions(), r.getGreeting(), r.getFallbackMessage(), r.getLanguage()))
                .orElseThrow();
    }

    void upsertPersona(TenantId tenant, Persona p) {
        dsl.insertInto(PERSONAS)
                .set(PERSONAS.TENANT_ID, tenant.value())
                .set(PERSONAS.ASSISTANT_NAME, p.assistantName())
                .set(PERSONAS.TONE, p.tone().name())
                .set(PERSONAS.CUSTOM_INSTRUCTIONS, p.customInstructions())
                .set(PERSONAS.GREETING, p.greeting())
                .set(PERSONAS.FALLBACK_MESSAGE, p.fallbackMessage())
                .set(PERSONAS.LANGUAGE, p.language())
                .onConflict(PERSONAS.TENANT_ID).doUpdate()
                .set(PERSONAS.ASSISTANT_NAME, p.assistantName())
                .set(PERSONAS.TONE, p.tone().name())
                .set(PERSONAS.CUSTOM_INSTRUCTIONS, p.customInstructions())
                .set(PERSONAS.GREETING, p.greeting())
                .set(PERSONAS.FALLBACK_MESSAGE, p.fallbackMessage())
                .set(PERSONAS.LANGUAGE, p.language())
                .set(PERSONAS.UPDATED_AT, OffsetDateTime.now())
                .execute();
    }

    /** The admin saved the persona: the setup checklist counts it as done, defaults or not. */
    void markPersonaReviewed(TenantId tenant) {
        dsl.update(PERSONAS)
                .set(PERSONAS.REVIEWED_AT, OffsetDateTime.now())
                .where(PERSONAS.TENANT_ID.eq(tenant.value()))
                .execute();
    }

    boolean personaReviewed(TenantId tenant) {
        return dsl.fetchExists(PERSONAS, PERSONAS.TENANT_ID.eq(tenant.value()), PERSONAS.REVIEWED_AT.isNotNull());
    }

    void insertBranding(TenantId tenant, String color, WidgetPosition position) {
        dsl.insertInto(BRANDINGS)
                .set(BRANDINGS.TENANT_ID, tenant.value())
                .set(BRANDINGS.PRIMARY_COLOR, color)
                .set(BRANDINGS.WIDGET_POSITION, position.name())
                .execute();
    }

    Branding branding(TenantId tenant) {
        return dsl.select(BRANDINGS.PRIMARY_COLOR, BRANDINGS.WIDGET_POSITION, BRANDINGS.LOGO_SHA256)
                .from(BRANDINGS)
                .where(BRANDINGS.TENANT_ID.eq(tenant.value()))
                .fetchOptional(r -> new Branding(r.value1(), WidgetPosition.valueOf(r.value2()),
                        r.value3() == null ? null : r.value3().substring(0, 12)))
                .orElseThrow();
    }

    void updateBranding(TenantId tenant, String color, WidgetPosition position) {
        dsl.update(BRANDINGS)
                .set(BRANDINGS.PRIMARY_COLOR, color)
                .set(BRANDINGS.WIDGET_POSITION, position.name())
                .set(BRANDINGS.UPDATED_AT, OffsetDateTime.now())
                .where(BRANDINGS.TENANT_ID.eq(tenant.value()))
                .execute();
    }

    void updateLogo(TenantId tenant, byte[] bytes, String contentType, String sha256) {
        dsl.update(BRANDINGS)
                .set(BRANDINGS.LOGO, bytes)
                .set(BRANDINGS.LOGO_CONTENT_TYPE, contentType)
                .set(BRANDINGS.LOGO_SHA256, sha256)
                .set(BRANDINGS.UPDATED_AT, OffsetDateTime.now())
                .where(BRANDINGS.TENANT_ID.eq(tenant.value()))
                .execute();
    }

    void removeLogo(TenantId tenant) {
        dsl.update(BRANDINGS)
                .setNull(BRANDINGS.LOGO)
                .setNull(BRANDINGS.LOGO_CONTENT_TYPE)
                .setNull(BRANDINGS.LOGO_SHA256)
                .set(BRANDINGS.UPDATED_AT, OffsetDateTime.now())
                .where(BRANDINGS.TENANT_ID.eq(tenant.value()))
                .execute();
    }

    Optional<Logo> logo(TenantId tenant) {
        return dsl.select(BRANDINGS.LOGO, BRANDINGS.LOGO_CONTENT_TYPE, BRANDINGS.LOGO_SHA256)
                .from(BRANDINGS)
                .where(BRANDINGS.TENANT_ID.eq(tenant.value()), BRANDINGS.LOGO.isNotNull())
                .fetchOptional(r -> new Logo(r.value1(), r.value2(), r.value3().substring(0, 12)));
    }

    void upsertWidgetKey(TenantId tenant, String publicKey) {
        dsl.insertInto(WIDGET_SETTINGS)
                .set(WIDGET_SETTINGS.TENANT_ID, tenant.value())
                .set(WIDGET_SETTINGS.PUBLIC_KEY, publicKey)
                .onConflict(WIDGET_SETTINGS.TENANT_ID).doUpdate()
                .set(WIDGET_SETTINGS.PUBLIC_KEY, publicKey)
                .set(WIDGET_SETTINGS.UPDATED_AT, OffsetDateTime.now())
                .execute();
    }

    String widgetKey(TenantId tenant) {
        return dsl.select(WIDGET_SETTINGS.PUBLIC_KEY)
                .from(WIDGET_SETTINGS)
                .where(WIDGET_SETTINGS.TENANT_ID.eq(tenant.value()))
                .fetchSingle(WIDGET_SETTINGS.PUBLIC_KEY);
    }

    /**
     * The one lookup that starts from a public widget key rather than a tenant: the key identifies the tenant (it is
     * unique across workspaces, {@code widget_settings_key_uk}); only the tenant id comes back.
     */
    Optional<TenantId> tenantByWidgetKey(String publicKey) {
        return dsl.select(WIDGET_SETTINGS.TENANT_ID)
                .from(WIDGET_SETTINGS)
                .where(WIDGET_SETTINGS.PUBLIC_KEY.eq(publicKey))
                .fetchOptional(r -> TenantId.of(r.value1()));
    }

    List<String> origins(TenantId tenant) {
        return dsl.select(ALLOWED_ORIGINS.ORIGIN)
                .from(ALLOWED_ORIGINS)
                .where(ALLOWED_ORIGINS.TENANT_ID.eq(tenant.value()))
                .orderBy(ALLOWED_ORIGINS.CREATED_AT, ALLOWED_ORIGINS.ORIGIN)
                .fetch(ALLOWED_ORIGINS.ORIGIN);
    }

    void replaceOrigins(TenantId tenant, List<String> origins) {
        dsl.deleteFrom(ALLOWED_ORIGINS).where(ALLOWED_ORIGINS.TENANT_ID.eq(tenant.value())).execute();
        if (origins.isEmpty()) {
            return;
        }
        var insert = dsl.insertInto(ALLOWED_ORIGINS, ALLOWED_ORIGINS.TENANT_ID, ALLOWED_ORIGINS.ORIGIN);
        for (String origin : origins) {
            insert = insert.values(tenant.value(), origin);
        }
        insert.execute();
    }
}
