package com.frontline.tenants;

import com.frontline.audit.AuditLog;
import com.frontline.shared.Actor;
import com.frontline.shared.CurrentTenant;
import com.frontline.shared.InvalidInputException;
import com.frontline.shared.Hashes;
import com.frontline.shared.NotFoundException;
import com.frontline.shared.Role;
import com.frontline.shared.TenantId;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Workspaces and the settings an admin gives them: persona, branding and widget. */
@Service
public class TenantService {

    private static final Logger log = LoggerFactory.getLogger(TenantService.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TenantRepository tenants;
    private final MembershipRepository memberships;
    private final AuditLog audit;

    TenantService(TenantRepository tenants, MembershipRepository memberships, AuditLog audit) {
        this.tenants = tenants;
        this.memberships = memberships;
        this.audit = audit;
    }

    /** Creates the workspace with default settings and makes its creator the owner, all or nothing. */
    @Transactional
    public Workspace createWorkspace(Actor creator, String rawName, String rawSlug, String sector) {
        String name = rawName == null ? "" : rawName.strip();
        String slug = rawSlug == null ? "" : rawSlug.strip().toLowerCase(java.util.Locale.ROOT);
        Map<String, String> errors = new LinkedHashMap<>();
        if (name.length() < 2 || name.length() > 80) {
            errors.put("name", "Enter your company name (2 to 80 characters).");
        }
        Slugs.validate(slug).ifPresent(m -> errors.put("slug", m));
        if (!errors.containsKey("slug") && tenants.slugExists(slug)) {
            errors.put("slug", "The address '" + slug + "' is taken. Try another one.");
        }
        if (sector == null || !Sectors.ALL.contains(sector)) {
            errors.put("sector", "Choose the sector closest to your business.");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        TenantId id = TenantId.of(UUID.randomUUID());
        if (!tenants.insert(id, slug, name, sector)) {
            throw InvalidInputException.of("slug", "The address '" + slug + "' was just taken. Try another one.");
        }
        tenants.upsertPersona(id, Persona.defaultsFor(name));
        tenants.insertBranding(id, Branding.DEFAULT_COLOR, WidgetPosition.BOTTOM_RIGHT);
        tenants.upsertWidgetKey(id, newWidgetKey());
        memberships.insert(id, creator.userId(), Role.OWNER);
        audit.record(id, creator, "workspace.created", slug, null, Map.of("name", name, "slug", slug, "sector", sector));
        log.info("Workspace {} created", slug);
        return tenants.find(id).orElseThrow();
    }

    @Transactional(readOnly = true)
    public boolean slugAvailable(String slug) {
        return Slugs.validate(slug).isEmpty() && !tenants.slugExists(slug);
    }

    /** The current user's membership in the workspace with this slug, or empty (then the URL answers 404). */
    @Transactional(readOnly = true)
    public Optional<CurrentTenant> resolve(UUID userId, String email, String slug) {
        return tenants.findMembership(userId, slug)
                .map(m -> new CurrentTenant(m.tenant(), m.slug(), m.name(), m.role(), userId, email));
    }

    @Transactional(readOnly = true)
    public List<WorkspaceSummary> workspacesOf(UUID userId) {
        return tenants.workspacesOf(userId);
    }

    @Transactional(readOnly = true)
    public Workspace workspace(TenantId tenant) {
        return tenants.find(tenant).orElseThrow(() -> NotFoundException.of("Workspace", tenant));
    }

    @Transactional
    public void updateWorkspace(CurrentTenant tenant, String rawName, String sector) {
        String name = rawName == null ? "" : rawName.strip();
        Map<String, String> errors = new LinkedHashMap<>();
        if (name.length() < 2 || name.length() > 80) {
            errors.put("name", "Enter your company name (2 to 80 characters).");
        }
        if (sector == null || !Sectors.ALL.contains(sector)) {
            errors.put("sector", "Choose the sector closest to your business.");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Workspace before = workspace(tenant.id());
        tenants.updateWorkspace(tenant.id(), name, sector);
        audit.record(tenant.id(), tenant.actor(), "workspace.updated", tenant.slug(),
                Map.of("name", before.name(), "sector", before.sector()), Map.of("name", name, "sector", sector));
    }

    @Transactional
    public void completeOnboarding(CurrentTenant tenant) {
        tenants.markOnboardingComplete(tenant.id());
    }

    @Transactional(readOnly = true)
    public Persona persona(TenantId tenant) {
        return tenants.persona(tenant);
    }

    @Transactional
    public Persona updatePersona(CurrentTenant tenant, Persona input) {
        Persona persona = normalize(input);
        Persona before = tenants.persona(tenant.id());
        tenants.upsertPersona(tenant.id(), persona);
        tenants.markPersonaReviewed(tenant.id());
        audit.record(tenant.id(), tenant.actor(), "persona.updated", null, before, persona);
        return persona;
    }

    /** Whether an admin has saved the persona (the wizard's "Save and continue" counts, even with the defaults). */
    @Transactional(readOnly = true)
    public boolean personaReviewed(TenantId tenant) {
        return tenants.personaReviewed(tenant);
    }

    private static Persona normalize(Persona p) {
        Map<String, String> errors = new LinkedHashMap<>();
        String name = strip(p.assistantName());
        String greeting = strip(p.greeting());
        String fallback = strip(p.fallbackMessage());
        String instructions = strip(p.customInstructions());
        if (name.isEmpty() || name.length() > 60) {
            errors.put("assistantName", "Give the assistant a name (up to 60 characters).");
        }
        if (p.tone() == null) {
            errors.put("tone", "Choose a tone.");
        } else if (p.tone() == Tone.CUSTOM && instructions.isEmpty()) {
            errors.put("customInstructions", "Describe how the assistant should write, or pick one of the tones.");
        }
        if (instructions.length() > 2000) {
            errors.put("customInstructions", "Keep the instructions under 2,000 characters.");
        }
        if (greeting.isEmpty() || greeting.length() > 300) {
            errors.put("greeting", "Write a greeting of up to 300 characters.");
        }
        if (fallback.isEmpty() || fallback.length() > 500) {
            errors.put("fallbackMessage", "Write what the assistant says when it does not know (up to 500 characters).");
        }
        if (p.language() == null || !Languages.ALL.containsKey(p.language())) {
            errors.put("language", "Choose a language from the list.");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new Persona(name, p.tone(), instructions.isEmpty() ? null : instructions, greeting, fallback,
                p.language());
    }

    @Transactional(readOnly = true)
    public Branding branding(TenantId tenant) {
        return tenants.branding(tenant);
    }

    @Transactional
    public Branding updateBranding(CurrentTenant tenant, String rawColor, @Nullable WidgetPosition position) {
        Map<String, String> errors = new LinkedHashMap<>();
        Optional<String> color = BrandColors.normalize(rawColor);
        if (color.isEmpty()) {
            errors.put("primaryColor", "Enter a colour as a hex code like #4f46e5.");
        }
        if (position == null) {
            errors.put("widgetPosition", "Choose where the chat button sits.");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Branding before = tenants.branding(tenant.id());
        tenants.updateBranding(tenant.id(), color.get(), position);
        audit.record(tenant.id(), tenant.actor(), "branding.updated", null,
                Map.of("primaryColor", before.primaryColor(), "widgetPosition", before.widgetPosition()),
                Map.of("primaryColor", color.get(), "widgetPosition", position));
        return tenants.branding(tenant.id());
    }

    @Transactional
    public Branding uploadLogo(CurrentTenant tenant, byte[] bytes, String filename) {
        LogoValidator.ValidLogo logo = switch (LogoValidator.validate(bytes, filename)) {
            case LogoValidator.ValidLogo valid -> valid;
            case LogoValidator.RejectedLogo rejected -> throw InvalidInputException.of("logo", rejected.message());
        };
        String sha = Hashes.sha256(logo.bytes());
        Branding before = tenants.branding(tenant.id());
        tenants.updateLogo(tenant.id(), logo.bytes(), logo.contentType(), sha);
        audit.record(tenant.id(), tenant.actor(), "branding.logo_uploaded", filename,
                before.hasLogo() ? Map.of("logo", before.logoVersion()) : null,
                Map.of("logo", sha.substring(0, 12), "contentType", logo.contentType(), "bytes", logo.bytes().length));
        return tenants.branding(tenant.id());
    }

    @Transactional
    public Branding removeLogo(CurrentTenant tenant) {
        Branding before = tenants.branding(tenant.id());
        if (before.hasLogo()) {
            tenants.removeLogo(tenant.id());
            audit.record(tenant.id(), tenant.actor(), "branding.logo_removed", null,
                    Map.of("logo", before.logoVersion()), null);
        }
        return tenants.branding(tenant.id());
    }

    @Transactional(readOnly = true)
    public Optional<Logo> logo(TenantId tenant) {
        return tenants.logo(tenant);
    }

    @Transactional(readOnly = true)
    public WidgetSettings widget(TenantId tenant) {
        return new WidgetSettings(tenants.widgetKey(tenant), tenants.origins(tenant));
    }

    /**
     * The workspace whose website widget has this public key, for anonymous visitors. The key is the only way in:
     * it is unique across workspaces, and a rotated key finds nothing.
     */
    @Transactional(readOnly = true)
    public Optional<PublicWidget> byWidgetKey(@Nullable String key) {
        if (key == null || key.isBlank() || key.length() > 100) {
            return Optional.empty();
        }
        return tenants.tenantByWidgetKey(key.strip()).map(tenant -> {
            Workspace workspace = tenants.find(tenant).orElseThrow();
            Persona persona = tenants.persona(tenant);
            return new PublicWidget(tenant, key.strip(), workspace.name(), persona.assistantName(), persona.greeting(),
                    tenants.branding(tenant), tenants.origins(tenant));
        });
    }

    @Transactional
    public WidgetSettings updateOrigins(CurrentTenant tenant, String lines) {
        Origins.ParseResult parsed = Origins.parse(lines == null ? "" : lines);
        if (!parsed.errors().isEmpty()) {
            throw InvalidInputException.of("origins", String.join("\n", parsed.errors()));
        }
        List<String> before = tenants.origins(tenant.id());
        tenants.replaceOrigins(tenant.id(), parsed.origins());
        audit.record(tenant.id(), tenant.actor(), "widget.origins_updated", null, before, parsed.origins());
        return widget(tenant.id());
    }

    @Transactional
    public WidgetSettings rotateWidgetKey(CurrentTenant tenant) {
        String before = tenants.widgetKey(tenant.id());
        String key = newWidgetKey();
        tenants.upsertWidgetKey(tenant.id(), key);
        audit.record(tenant.id(), tenant.actor(), "widget.key_rotated", null, Map.of("publicKey", before),
                Map.of("publicKey", key));
        return widget(tenant.id());
    }

    /** Whether any workspace exists yet (the demo seed runs only on an empty database). */
    @Transactional(readOnly = true)
    public boolean anyWorkspaceExists() {
        return tenants.anyExists();
    }

    static String newWidgetKey() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return "pk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }


    private static String strip(@Nullable String s) {
        return s == null ? "" : s.strip();
    }
}
