package com.frontline.audit;

import java.util.Map;

/**
 * Readable names for the actions the modules record and for their areas (the part before the dot), which the audit
 * log's filter lists. {@code AuditActionsTest} fails when a module records an action without a name here.
 */
public final class AuditActions {

    private static final Map<String, String> AREAS = Map.ofEntries(
            Map.entry("workspace", "Workspace"),
            Map.entry("persona", "Assistant persona"),
            Map.entry("branding", "Branding"),
            Map.entry("widget", "Website widget"),
            Map.entry("team", "Team"),
            Map.entry("knowledge", "Knowledge"),
            Map.entry("accounts", "Accounts"),
            Map.entry("llm", "AI providers"),
            Map.entry("search", "Search tuning"),
            Map.entry("chat", "Handoff"),
            Map.entry("corrections", "Corrections"),
            Map.entry("assistants", "Assistant versions"),
            Map.entry("alerts", "Alerts"),
            Map.entry("rollouts", "Experiments and rollouts"),
            Map.entry("insights", "Knowledge gaps"),
            Map.entry("privacy", "Privacy"));

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("workspace.created", "Created the workspace"),
            Map.entry("workspace.updated", "Changed workspace details"),
            Map.entry("persona.updated", "Changed the assistant persona"),
            Map.entry("branding.updated", "Changed colour or button position"),
            Map.entry("branding.logo_uploaded", "Uploaded a logo"),
            Map.entry("branding.logo_removed", "Removed the logo"),
            Map.entry("widget.origins_updated", "Changed allowed websites"),
            Map.entry("widget.key_rotated", "Created a new widget key"),
            Map.entry("team.invited", "Invited a teammate"),
            Map.entry("team.invitation_revoked", "Revoked an invitation"),
            Map.entry("team.joined", "Joined the workspace"),
            Map.entry("team.invitation_accepted", "Accepted an invitation"),
            Map.entry("team.role_changed", "Changed a member's role"),
            Map.entry("team.member_removed", "Removed a member"),
            Map.entry("knowledge.document_added", "Added a document"),
            Map.entry("knowledge.document_version_added", "Uploaded a new document version"),
            Map.entry("knowledge.document_deleted", "Deleted a document"),
            Map.entry("knowledge.document_renamed", "Renamed a document"),
            Map.entry("knowledge.rebuild_requested", "Rebuilt the search index"),
            Map.entry("knowledge.visibility_changed", "Changed who may read a document"),
            Map.entry("accounts.import_confirmed", "Imported account KPIs"),
            Map.entry("accounts.format_saved", "Saved a KPI file layout"),
            Map.entry("llm.provider_added", "Added an AI provider"),
            Map.entry("llm.provider_updated", "Changed an AI provider"),
            Map.entry("llm.provider_deleted", "Removed an AI provider"),
            Map.entry("llm.provider_reordered", "Changed the failover order"),
            Map.entry("llm.routing_updated", "Changed routing rules or the budget"),
            Map.entry("llm.price_updated", "Changed a model price"),
            Map.entry("llm.price_reset", "Reset model prices"),
            Map.entry("llm.settings_restored", "Restored providers and routing from an assistant version"),
            Map.entry("llm.usage_retention_updated", "Changed how long call records are kept"),
            Map.entry("search.settings_updated", "Changed search tuning"),
            Map.entry("search.settings_reset", "Reset search tuning to the defaults"),
            Map.entry("chat.settings_updated", "Changed the confidence threshold or handoff webhook"),
            Map.entry("chat.webhook_secret_rotated", "Created a new webhook signing secret"),
            Map.entry("chat.conversation_taken_over", "Took a conversation over"),
            Map.entry("chat.conversation_resolved", "Resolved a conversation"),
            Map.entry("corrections.created", "Wrote a correction"),
            Map.entry("corrections.edited", "Edited a correction"),
            Map.entry("corrections.approved", "Approved a correction"),
            Map.entry("corrections.rejected", "Rejected a correction"),
            Map.entry("corrections.retired", "Retired a correction"),
            Map.entry("insights.draft_created", "Drafted an article from a knowledge gap"),
            Map.entry("insights.draft_saved", "Saved a drafted article into the knowledge base"),
            Map.entry("corrections.threshold_updated", "Changed the verified-answer threshold"),
            Map.entry("assistants.published", "Published an assistant version"),
            Map.entry("assistants.restored", "Restored an assistant version as a new version"),
            Map.entry("assistants.live_changed", "Changed the live assistant version"),
            Map.entry("alerts.settings_updated", "Changed alert thresholds or delivery"),
            Map.entry("alerts.acknowledged", "Acknowledged an alert"),
            Map.entry("alerts.resolved", "Resolved an alert"),
            Map.entry("rollouts.created", "Started an experiment or rollout"),
            Map.entry("rollouts.overridden", "Let a rollout run although its offline gate blocked it"),
            Map.entry("rollouts.advanced", "Advanced a rollout to its next step"),
            Map.entry("rollouts.completed", "Completed a rollout (its candidate went live)"),
            Map.entry("rollouts.rolled_back", "Rolled an experiment back to its baseline"),
            Map.entry("rollouts.stopped", "Stopped an experiment"),
            Map.entry("privacy.retention_updated", "Changed how long transcripts are kept"),
            Map.entry("privacy.retention_applied", "Deleted transcripts past the retention period"),
            Map.entry("privacy.customer_exported", "Exported an end customer's data"),
            Map.entry("privacy.customer_erased", "Erased an end customer's data"));

    private AuditActions() {
    }

    public static String label(String action) {
        return LABELS.getOrDefault(action, action);
    }

    public static boolean isKnown(String action) {
        return LABELS.containsKey(action);
    }

    public static boolean isKnownArea(String area) {
        return AREAS.containsKey(area);
    }

    /** The area's name; an area this version does not know (from a newer node, say) shows capitalised. */
    public static String areaLabel(String area) {
        String known = AREAS.get(area);
        return known != null ? known : area.isEmpty() ? area : Character.toUpperCase(area.charAt(0)) + area.substring(1);
    }
}
