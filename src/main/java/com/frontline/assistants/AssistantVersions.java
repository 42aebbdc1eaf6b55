package com.frontline.assistants;

import com.frontline.audit.AuditLog;
import com.frontline.llm.AssistantGateway;
import com.frontline.search.KnowledgeSearch;
import com.frontline.shared.Actor;
import com.frontline.shared.CurrentTenant;
import com.frontline.shared.ForbiddenException;
import com.frontline.shared.InvalidInputException;
import com.frontline.shared.NotFoundException;
import com.frontline.shared.Role;
import com.frontline.shared.TenantId;
import com.frontline.tenants.TenantService;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A workspace's assistant versions. The <em>draft</em> is what the settings pages save (persona, AI providers and
 * routing, search tuning, the confidence threshold under Handoff); {@link #publish} snapshots it into the next
 * version, which never changes afterwards. One version is <em>live</em>: the website widget answers with it, unless
 * a {@link VersionSelector} assigns a visitor another one. The playground answers with the draft.
 * <p>
 * A workspace without versions (a new one, or the demo's) gets version 1, live, made of its draft the first time
 * anything here is asked about it. Publishing, restoring and changing the live version lock the workspace's live row
 * first, so they happen one after the other; each is audited.
 */
@Service
public class AssistantVersions {

    private static final Logger log = LoggerFactory.getLogger(AssistantVersions.class);

    public static final int MAX_NOTE = 500;
    /** Most versions {@link #list} returns. */
    public static final int LIST_LIMIT = 1000;
    /** Who made a first version automatically. */
    static final String FRONTLINE = "Frontline";
    static final String FIRST_VERSION_NOTE = "The configuration in force when versions were introduced";

    private final VersionRepository versions;
    private final ConfigCache cache;
    private final TenantService tenants;
    private final KnowledgeSearch search;
    private final AssistantGateway models;
    private final ConfidenceThresholdSetting threshold;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<VersionSelector> selectors;

    AssistantVersions(VersionRepository versions, ConfigCache cache, TenantService tenants, KnowledgeSearch search,
                      AssistantGateway models, ConfidenceThresholdSetting threshold, AuditLog audit,
                      ApplicationEventPublisher events, ObjectProvider<VersionSelector> selectors) {
        this.versions = versions;
        this.cache = cache;
        this.tenants = tenants;
        this.search = search;
        this.models = models;
        this.threshold = threshold;
        this.audit = audit;
        this.events = events;
        this.selectors = selectors;
    }

    // ---- reading -------------------------------------------------------------------------------------------------

    /** The number of the version the website widget answers with. */
    @Transactional
    public int liveVersion(TenantId tenant) {
        return versions.live(tenant).map(VersionRepository.Live::version).orElseGet(() -> createFirst(tenant));
    }

    /**
     * The version a website visitor's next answer comes from: the {@link VersionSelector}'s choice when it makes one
     * (and the workspace has that version), otherwise the live version.
     */
    @Transactional
    public int versionFor(TenantId tenant, String visitorKey) {
        OptionalInt chosen = OptionalInt.empty();
        for (VersionSelector selector : selectors.orderedStream().toList()) {
            try {
                chosen = selector.select(tenant, visitorKey);
            } catch (RuntimeException e) {
                log.warn("Workspace {}: version selector {} failed, the live version answers", tenant,
                        selector.getClass().getSimpleName(), e);
                chosen = OptionalInt.empty();
            }
            if (chosen.isPresent()) {
                break;
            }
        }
        if (chosen.isPresent()) {
            int number = chosen.getAsInt();
            if (config(tenant, number).isPresent()) {
                return number;
            }
            log.warn("Workspace {}: the version selector chose version {}, which the workspace does not have; the "
                    + "live version answers", tenant, number);
        }
        return liveVersion(tenant);
    }

    /** A published version's configuration, from this node's cache when it has it. */
    @Transactional(readOnly = true)
    public Optional<AssistantConfig> config(TenantId tenant, int number) {
        return cache.get(tenant, number, () -> versions.find(tenant, number).map(AssistantVersion::config));
    }

    /** The live version's configuration. */
    @Transactional
    public AssistantConfig liveConfig(TenantId tenant) {
        int live = liveVersion(tenant);
        return config(tenant, live).orElseThrow(() -> new IllegalStateException(
                "Workspace " + tenant + " points at version " + live + ", which it does not have"));
    }

    @Transactional
    public Optional<AssistantVersion> find(TenantId tenant, int number) {
        liveVersion(tenant);
        return versions.find(tenant, number);
    }

    /** @throws NotFoundException the workspace has no such version */
    @Transactional
    public AssistantVersion get(TenantId tenant, int number) {
        return find(tenant, number).orElseThrow(() -> NotFoundException.of("Assistant version", number));
    }

    /** Newest first (at most {@value #LIST_LIMIT}). */
    @Transactional
    public List<AssistantVersion> list(TenantId tenant) {
        liveVersion(tenant);
        return versions.list(tenant, LIST_LIMIT);
    }

    /** Who made which version live, when and why, newest first. */
    @Transactional
    public List<LiveChange> liveHistory(TenantId tenant, int limit) {
        liveVersion(tenant);
        return versions.changes(tenant, limit);
    }

    /**
     * The draft: the workspace's settings as saved now on the settings pages, read through the modules that own
     * them. Not read-only: the chat settings create their row with defaults on first read.
     */
    @Transactional
    public AssistantConfig draft(TenantId tenant) {
        return AssistantConfig.of(tenants.persona(tenant), search.settings(tenant), models.currentSettings(tenant),
                threshold.confidenceThreshold(tenant));
    }

    /** Whether the draft has changes the live version does not have. */
    @Transactional
    public boolean draftDiffersFromLive(TenantId tenant) {
        return !draft(tenant).equals(liveConfig(tenant));
    }

    /** The fields in which the draft differs from the live version (live → draft). */
    @Transactional
    public List<FieldDiff> draftChanges(TenantId tenant) {
        return ConfigFields.changes(liveConfig(tenant), draft(tenant));
    }

    /**
     * The fields in which version {@code b} differs from version {@code a} (a → b); none when they are the same.
     *
     * @throws NotFoundException the workspace has no version a or b
     */
    @Transactional
    public List<FieldDiff> diff(TenantId tenant, int a, int b) {
        return ConfigFields.changes(get(tenant, a).config(), get(tenant, b).config());
    }

    // ---- changing ------------------------------------------------------------------------------------------------

    /**
     * Snapshots the draft into the next version. It does not go live by itself: see {@link #makeLive}.
     *
     * @param note what changed and why, optional, up to {@value #MAX_NOTE} characters
     * @throws InvalidInputException field {@code note}: too long, or nothing changed since the latest version
     */
    @Transactional
    public AssistantVersion publish(CurrentTenant admin, @Nullable String note) {
        require(admin);
        String text = note(note, "note");
        TenantId tenant = admin.id();
        liveVersion(tenant);
        versions.lockLive(tenant);
        AssistantConfig draft = draft(tenant);
        AssistantVersion latest = versions.latest(tenant).orElseThrow();
        if (latest.config().equals(draft)) {
            throw InvalidInputException.of("note", "Nothing changed since version " + latest.number() + ". Change "
                    + "the persona, AI providers, search tuning or confidence threshold first, then publish.");
        }
        int number = versions.nextNumber(tenant);
        versions.insert(tenant, new VersionRepository.NewVersion(number, draft, who(admin.actor()), text, null));
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("version", number);
        if (text != null) {
            after.put("note", text);
        }
        after.put("changes", summary(ConfigFields.changes(latest.config(), draft)));
        audit.record(tenant, admin.actor(), "assistants.published", "Version " + number, null, after);
        events.publishEvent(new AssistantEvents.VersionPublished(tenant, number, null, admin.actor()));
        log.info("Workspace {}: {} published assistant version {}", tenant, admin.userId(), number);
        return versions.find(tenant, number).orElseThrow();
    }

    /**
     * {@link #publish(CurrentTenant, String)}, and when {@code live}, {@link #makeLive} the new version in the same
     * transaction.
     */
    @Transactional
    public AssistantVersion publish(CurrentTenant admin, @Nullable String note, boolean live) {
        AssistantVersion published = publish(admin, note);
        if (live) {
            makeLive(admin.id(), published.number(), admin.actor(), "Published and made live"
                    + (published.note() == null ? "" : ": " + published.note()));
        }
        return published;
    }

    /**
     * {@link #restore(CurrentTenant, int)}, and when {@code live}, {@link #makeLive} the new version in the same
     * transaction.
     */
    @Transactional
    public AssistantVersion restore(CurrentTenant admin, int number, boolean live) {
        AssistantVersion restored = restore(admin, number);
        if (live) {
            makeLive(admin.id(), restored.number(), admin.actor(), "Restored version " + number + " and made it live");
        }
        return restored;
    }

    /**
     * Publishes an earlier version's configuration again as a new version, and makes it the draft, so that the
     * settings pages show it. Like {@link #publish}, the new version does not go live by itself. A provider deleted
     * since cannot come back into the draft (its key is gone); the new version still names it, and answers skip it.
     *
     * @throws NotFoundException     the workspace has no such version
     * @throws InvalidInputException field {@code number}: it is the latest version, or has the latest's configuration
     */
    @Transactional
    public AssistantVersion restore(CurrentTenant admin, int number) {
        require(admin);
        TenantId tenant = admin.id();
        liveVersion(tenant);
        versions.lockLive(tenant);
        AssistantVersion source = get(tenant, number);
        AssistantVersion latest = versions.latest(tenant).orElseThrow();
        if (latest.number() == number) {
            throw InvalidInputException.of("number", "Version " + number + " is the latest version: there is "
                    + "nothing to restore.");
        }
        if (latest.config().equals(source.config())) {
            throw InvalidInputException.of("number", "Version " + number + " has the same configuration as the "
                    + "latest version, " + latest.number() + ": there is nothing to restore.");
        }
        int next = versions.nextNumber(tenant);
        String note = "Restored from version " + number;
        versions.insert(tenant, new VersionRepository.NewVersion(next, source.config(), who(admin.actor()), note,
                number));
        AssistantConfig config = source.config();
        tenants.updatePersona(admin, config.persona());
        search.saveSettings(admin, config.retrievalSettings());
        List<String> gone = models.applySettings(admin, config.modelSettings());
        threshold.restoreConfidenceThreshold(admin, config.confidenceThreshold());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("version", next);
        after.put("restoredFrom", number);
        if (!gone.isEmpty()) {
            after.put("providersDeletedSince", gone);
        }
        audit.record(tenant, admin.actor(), "assistants.restored", "Version " + next, null, after);
        events.publishEvent(new AssistantEvents.VersionPublished(tenant, next, number, admin.actor()));
        log.info("Workspace {}: {} restored assistant version {} as version {}", tenant, admin.userId(), number,
                next);
        return versions.find(tenant, next).orElseThrow();
    }

    /**
     * The website widget answers with this version from now on. Nothing happens when it is live already. Serialised
     * with every other version change of the workspace (its live row is locked), audited, and announced as
     * {@link AssistantEvents.LiveVersionChanged} once committed.
     *
     * @param by     who, or on whose behalf (an automatic rollback names the rollout's owner and says so in the reason)
     * @param reason why, up to {@value #MAX_NOTE} characters (longer is cut)
     * @throws NotFoundException the workspace has no such version
     */
    @Transactional
    public void makeLive(TenantId tenant, int number, Actor by, String reason) {
        liveVersion(tenant);
        int current = versions.lockLive(tenant).orElseThrow();
        if (versions.find(tenant, number).isEmpty()) {
            throw NotFoundException.of("Assistant version", number);
        }
        if (current == number) {
            return;
        }
        String why = reason.isBlank() ? "No reason given" : clip(reason.strip());
        versions.setLive(tenant, number, who(by), why);
        versions.insertChange(tenant, current, number, who(by), why);
        audit.record(tenant, by, "assistants.live_changed", "Version " + number, Map.of("version", current),
                Map.of("version", number, "reason", why));
        events.publishEvent(new AssistantEvents.LiveVersionChanged(tenant, current, number, by, why));
        log.info("Workspace {}: live assistant version {} → {} ({})", tenant, current, number, why);
    }

    /**
     * {@link #makeLive(TenantId, int, Actor, String)} by an admin on the versions page.
     *
     * @throws InvalidInputException field {@code reason}: longer than {@value #MAX_NOTE} characters
     */
    @Transactional
    public void makeLive(CurrentTenant admin, int number, @Nullable String reason) {
        require(admin);
        String why = note(reason, "reason");
        makeLive(admin.id(), number, admin.actor(), why == null ? "Made live on the versions page" : why);
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    /** Version 1 from the draft, live; a concurrent first call waits for this one and then finds it. */
    private int createFirst(TenantId tenant) {
        if (versions.insertFirst(tenant, draft(tenant), new VersionRepository.Who(null, FRONTLINE),
                FIRST_VERSION_NOTE)) {
            log.info("Workspace {}: assistant version 1 made of the settings in force", tenant);
        }
        return versions.live(tenant).map(VersionRepository.Live::version).orElseThrow();
    }

    private static VersionRepository.Who who(Actor actor) {
        return new VersionRepository.Who(actor.userId(), actor.email());
    }

    private static @Nullable String note(@Nullable String raw, String field) {
        String text = raw == null ? "" : raw.strip();
        if (text.length() > MAX_NOTE) {
            throw InvalidInputException.of(field, "Keep it to " + MAX_NOTE + " characters (this one has "
                    + String.format("%,d", text.length()) + ").");
        }
        return text.isEmpty() ? null : text;
    }

    private static String clip(String text) {
        return text.length() <= MAX_NOTE ? text : text.substring(0, MAX_NOTE - 1) + "…";
    }

    private static List<String> summary(List<FieldDiff> changes) {
        return changes.stream().map(c -> c.section() + " · " + c.label()).toList();
    }

    private static void require(CurrentTenant tenant) {
        if (!tenant.can(Role.ADMIN)) {
            throw new ForbiddenException(Role.ADMIN);
        }
    }
}
