package com.frontline.privacy;

import com.frontline.audit.AuditLog;
import com.frontline.chat.ConversationErasure;
import com.frontline.corrections.CorrectionErasure;
import com.frontline.shared.Actor;
import com.frontline.shared.CurrentTenant;
import com.frontline.shared.ForbiddenException;
import com.frontline.shared.InvalidInputException;
import com.frontline.shared.Role;
import com.frontline.shared.TenantId;
import com.frontline.shared.privacy.ConversationsErased;
import com.frontline.shared.privacy.WorkspaceErased;
import com.frontline.tenants.WorkspaceDeletion;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Retention, the export and erasure of one end customer, and the deletion of a whole workspace. The database part of
 * an erasure is one transaction (conversations, messages with their feedback, handoff data, the corrections referring
 * to them, an audit entry with counts, the {@link ConversationsErased} event); the search documents are deleted after
 * it commits, and an erasure whose Elasticsearch part failed stays PENDING until {@link #retryPending()} completes it.
 */
@Service
public class PrivacyService {

    private static final Logger log = LoggerFactory.getLogger(PrivacyService.class);
    public static final int MIN_RETENTION_DAYS = 7;
    public static final int MAX_RETENTION_DAYS = 3650;
    static final Actor RETENTION_JOB = new Actor(new UUID(0, 0), "retention job");

    /** What is held about one end customer. */
    public record CustomerData(String key, List<UUID> conversationIds) {
        public boolean found() {
            return !conversationIds.isEmpty();
        }
    }

    /** What a retention run deleted in one workspace. */
    public record RetentionRun(int conversations, int messages, int batches) {
    }

    private final PrivacyRepository privacy;
    private final ConversationErasure chat;
    private final CorrectionErasure corrections;
    private final WorkspaceDeletion workspaces;
    private final SearchDocuments search;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    private final PrivacyProperties properties;
    private final Clock clock;

    PrivacyService(PrivacyRepository privacy, ConversationErasure chat, CorrectionErasure corrections,
                   WorkspaceDeletion workspaces, SearchDocuments search, AuditLog audit,
                   ApplicationEventPublisher events, TransactionTemplate tx, JsonMapper json,
                   PrivacyProperties properties) {
        this.privacy = privacy;
        this.chat = chat;
        this.corrections = corrections;
        this.workspaces = workspaces;
        this.search = search;
        this.audit = audit;
        this.events = events;
        this.tx = tx;
        this.json = json;
        this.properties = properties;
        this.clock = Clock.systemUTC();
    }

    // ---- retention ------------------------------------------------------------------------------------------------

    public @Nullable Integer retentionDays(TenantId tenant) {
        return tx.execute(s -> privacy.retentionDays(tenant));
    }

    /** Blank keeps transcripts forever; otherwise a whole number of days from 7 to 3650. */
    public @Nullable Integer updateRetention(CurrentTenant tenant, @Nullable String raw) {
        require(tenant, Role.ADMIN);
        Integer days = parseDays(raw);
        tx.executeWithoutResult(s -> {
            Integer before = privacy.retentionDays(tenant.id());
            privacy.saveRetentionDays(tenant.id(), days);
            audit.record(tenant.id(), tenant.actor(), "privacy.retention_updated", null,
                    Map.of("retentionDays", before == null ? "forever" : before),
                    Map.of("retentionDays", days == null ? "forever" : days));
        });
        return days;
    }

    static @Nullable Integer parseDays(@Nullable String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String message = "Enter a whole number of days from " + MIN_RETENTION_DAYS + " to " + MAX_RETENTION_DAYS
                + ", or leave it blank to keep transcripts forever.";
        int days;
        try {
            days = Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            throw InvalidInputException.of("retentionDays", message);
        }
        if (days < MIN_RETENTION_DAYS || days > MAX_RETENTION_DAYS) {
            throw InvalidInputException.of("retentionDays", message);
        }
        return days;
    }

    /**
     * Deletes the workspace's conversations last active more than its retention period ago, {@code batch} per
     * transaction, until none is left. Corrections made from them stay, unlinked. Idempotent: a second run finds
     * nothing. Past figures of the daily roll-up are kept.
     */
    public RetentionRun applyRetention(TenantId tenant) {
        Integer days = retentionDays(tenant);
        if (days == null) {
            return new RetentionRun(0, 0, 0);
        }
        OffsetDateTime cutoff = OffsetDateTime.now(clock).minusDays(days);
        int conversations = 0;
        int messages = 0;
        int batches = 0;
        while (true) {
            ConversationErasure.Deleted deleted = tx.execute(s -> {
                List<UUID> ids = chat.expired(tenant, cutoff, properties.batch());
                if (ids.isEmpty()) {
                    return new ConversationErasure.Deleted(0, 0);
                }
                int unlinked = corrections.unlink(tenant, ids);
                ConversationErasure.Deleted d = chat.delete(tenant, ids);
                privacy.insertErasure(tenant, UUID.randomUUID(), Erasure.Kind.RETENTION, d.conversations(),
                        d.messages(), 0, List.of());
                audit.record(tenant, RETENTION_JOB, "privacy.retention_applied", null, null,
                        Map.of("retentionDays", days, "conversations", d.conversations(), "messages", d.messages(),
                                "correctionsUnlinked", unlinked));
                events.publishEvent(new ConversationsErased(tenant, ids));
                return d;
            });
            if (deleted == null || deleted.conversations() == 0) {
                break;
            }
            conversations += deleted.conversations();
            messages += deleted.messages();
            batches++;
        }
        if (conversations > 0) {
            log.info("Workspace {}: retention ({} days) deleted {} conversations, {} messages", tenant, days,
                    conversations, messages);
        }
        return new RetentionRun(conversations, messages, batches);
    }

    /** The retention job: every workspace with a period, each on its own. */
    public void applyRetentionEverywhere() {
        List<TenantId> tenants = tx.execute(s -> privacy.workspacesWithRetention());
        for (TenantId tenant : tenants == null ? List.<TenantId>of() : tenants) {
            try {
                applyRetention(tenant);
            } catch (RuntimeException e) {
                log.warn("Workspace {}: retention failed, tried again next run: {}", tenant, e.toString());
            }
        }
    }

    // ---- one end customer -----------------------------------------------------------------------------------------

    /** The conversations held for a visitor id or a customer e-mail. */
    public CustomerData find(CurrentTenant tenant, @Nullable String visitorOrEmail) {
        require(tenant, Role.ADMIN);
        String key = lookupKey(visitorOrEmail);
        return new CustomerData(key, chat.conversationsOf(tenant.id(), key));
    }

    private static String lookupKey(@Nullable String raw) {
        String key = raw == null ? "" : raw.strip();
        if (key.isEmpty()) {
            throw InvalidInputException.of("customer", "Enter the visitor id or the e-mail address the customer gave.");
        }
        if (key.length() > 320) {
            throw InvalidInputException.of("customer", "A visitor id or e-mail address is at most 320 characters.");
        }
        return key;
    }

    /** Writes everything held about the customer as one JSON document, and audits the export (counts only). */
    public void export(CurrentTenant tenant, CustomerData customer, OutputStream out) {
        require(tenant, Role.ADMIN);
        Map<String, Object> document = tx.execute(s -> {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("workspace", tenant.name());
            d.put("lookup", customer.key());
            d.put("exportedAt", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).toString());
            var conversations = chat.export(tenant.id(), customer.conversationIds());
            var related = corrections.export(tenant.id(), customer.conversationIds());
            d.put("conversations", conversations);
            d.put("corrections", related);
            audit.record(tenant.id(), tenant.actor(), "privacy.customer_exported", null, null,
                    Map.of("conversations", conversations.size(), "corrections", related.size()));
            return d;
        });
        json.writerWithDefaultPrettyPrinter().writeValue(out, document);
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Erases everything held about the customer once {@code confirmation} repeats the visitor id or e-mail. Unknown →
     * an error on the field, nothing happens.
     */
    public Erasure erase(CurrentTenant tenant, @Nullable String visitorOrEmail, @Nullable String confirmation) {
        require(tenant, Role.ADMIN);
        String key = lookupKey(visitorOrEmail);
        if (confirmation == null || !confirmation.strip().equals(key)) {
            throw InvalidInputException.of("confirmation", "Type the visitor id or e-mail exactly as above to confirm.");
        }
        UUID erasureId = UUID.randomUUID();
        Erasure erasure = tx.execute(s -> {
            List<UUID> ids = chat.conversationsOf(tenant.id(), key);
            if (ids.isEmpty()) {
                throw InvalidInputException.of("customer", "Nothing is held for this visitor id or e-mail address.");
            }
            List<UUID> deletedCorrections = corrections.delete(tenant.id(), ids);
            ConversationErasure.Deleted d = chat.delete(tenant.id(), ids);
            privacy.insertErasure(tenant.id(), erasureId, Erasure.Kind.CUSTOMER, d.conversations(), d.messages(),
                    deletedCorrections.size(), deletedCorrections);
            audit.record(tenant.id(), tenant.actor(), "privacy.customer_erased", null, null,
                    Map.of("conversations", d.conversations(), "messages", d.messages(),
                            "corrections", deletedCorrections.size()));
            events.publishEvent(new ConversationsErased(tenant.id(), ids));
            return privacy.erasure(tenant.id(), erasureId).orElseThrow();
        });
        if (erasure != null && erasure.pending()) {
            completeSearchPart(erasure);
        }
        Erasure now = tx.execute(s -> privacy.erasure(tenant.id(), erasureId).orElseThrow());
        return java.util.Objects.requireNonNull(now);
    }

    public List<Erasure> recentErasures(TenantId tenant) {
        List<Erasure> recent = tx.execute(s -> privacy.recentErasures(tenant, 20));
        return recent == null ? List.of() : recent;
    }

    // ---- the whole workspace --------------------------------------------------------------------------------------

    /**
     * Deletes the workspace and its data in every schema once {@code confirmation} repeats its name (Owner only),
     * records the deletion at platform level, publishes {@link WorkspaceErased}, then deletes its search documents
     * (PENDING and retried if Elasticsearch fails).
     */
    public void deleteWorkspace(CurrentTenant tenant, @Nullable String confirmation) {
        require(tenant, Role.OWNER);
        if (confirmation == null || !confirmation.strip().equals(tenant.name().strip())) {
            throw InvalidInputException.of("confirmName", "Type the workspace name exactly as shown to confirm.");
        }
        tx.executeWithoutResult(s -> {
            events.publishEvent(new WorkspaceErased(tenant.id()));
            privacy.insertWorkspaceDeletion(tenant.id(), tenant.name(), tenant.userId());
            workspaces.delete(tenant.id());
        });
        log.info("Workspace {} deleted by user {}", tenant.id(), tenant.userId());
        completeWorkspaceSearchPart(tenant.id());
    }

    // ---- the Elasticsearch part -----------------------------------------------------------------------------------

    /** Tries every pending Elasticsearch part again (the retry job). */
    public void retryPending() {
        List<Erasure> pending = tx.execute(s -> privacy.pendingErasures(100));
        for (Erasure erasure : pending == null ? List.<Erasure>of() : pending) {
            completeSearchPart(erasure);
        }
        List<TenantId> deletions = tx.execute(s -> privacy.pendingWorkspaceDeletions(100));
        for (TenantId tenant : deletions == null ? List.<TenantId>of() : deletions) {
            completeWorkspaceSearchPart(tenant);
        }
    }

    private void completeSearchPart(Erasure erasure) {
        try {
            search.delete(erasure.tenant(), erasure.searchDocuments());
            tx.executeWithoutResult(s -> privacy.erasureDone(erasure.tenant(), erasure.id()));
        } catch (RuntimeException e) {
            log.warn("Workspace {}: erasure {} search part failed, retried later: {}", erasure.tenant(),
                    erasure.id(), e.toString());
            tx.executeWithoutResult(s -> privacy.erasureFailed(erasure.tenant(), erasure.id(), brief(e)));
        }
    }

    private void completeWorkspaceSearchPart(TenantId tenant) {
        try {
            search.deleteTenant(tenant);
            tx.executeWithoutResult(s -> privacy.workspaceDeletionDone(tenant));
        } catch (RuntimeException e) {
            log.warn("Deleted workspace {}: search part failed, retried later: {}", tenant, e.toString());
            tx.executeWithoutResult(s -> privacy.workspaceDeletionFailed(tenant, brief(e)));
        }
    }

    /** PENDING or DONE for a deleted workspace, null if it was never deleted. */
    public @Nullable String workspaceDeletionStatus(TenantId tenant) {
        return tx.execute(s -> privacy.workspaceDeletionStatus(tenant));
    }

    private static String brief(RuntimeException e) {
        String message = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        return message.length() > 500 ? message.substring(0, 500) : message;
    }

    private static void require(CurrentTenant tenant, Role role) {
        if (!tenant.can(role)) {
            throw new ForbiddenException(role);
        }
    }
}
