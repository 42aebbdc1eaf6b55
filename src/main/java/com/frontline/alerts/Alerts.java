package com.frontline.alerts;

import com.frontline.audit.AuditLog;
import com.frontline.shared.CurrentTenant;
import com.frontline.shared.NotFoundException;
import com.frontline.shared.TenantId;
import com.frontline.shared.UserFacingException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The alerts of a workspace: raising them (the API other modules use), the list people work through, and whether
 * they have looked at it since the last one came in.
 */
@Service
public class Alerts {

    static final int MAX_KEY = 200;
    static final int MAX_TITLE = 200;
    static final int MAX_SUMMARY = 2000;
    static final int MAX_LINK = 2000;
    static final int MAX_FIGURES = 30;
    /** Alerts listed per tab at most, newest first. */
    public static final int LIST_LIMIT = 50;
    /** A path inside the portal: one leading slash, no scheme or host, no spaces or control characters. */
    private static final Pattern PORTAL_PATH = Pattern.compile("/(?![/\\\\])[^\\s\\p{Cntrl}\\\\]*");

    private final AlertRepository alerts;
    private final DeliveryRepository deliveries;
    private final AlertSettingsRepository settings;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock = Clock.systemUTC();

    Alerts(AlertRepository alerts, DeliveryRepository deliveries, AlertSettingsRepository settings, AuditLog audit,
           ApplicationEventPublisher events) {
        this.alerts = alerts;
        this.deliveries = deliveries;
        this.settings = settings;
        this.audit = audit;
        this.events = events;
    }

    /**
     * Raises an alert in the workspace, or, when one of the same kind and key was raised within the workspace's
     * throttle window, counts a repeat on that one instead (no new delivery). A new alert is shown in the app at once
     * and delivered by e-mail and webhook after the caller's transaction commits.
     *
     * @param key     what the alert is about within its kind ("provider:OpenAI", "experiment:42"); the throttle's unit
     * @param title   one line, at most {@value #MAX_TITLE} characters (longer is cut)
     * @param summary a few sentences with the numbers in words
     * @param numbers the figures that triggered it, by name with their unit ("p95 latency (ms)" → 12300), in the
     *                map's order; numbers, text or booleans
     * @param link    a path in the portal that shows those figures ({@code /w/<slug>/usage?...}); anything else is
     *                dropped
     */
    @Transactional
    public RaiseResult raise(TenantId tenant, AlertKind kind, String key, String title, String summary,
                             @Nullable Map<String, Object> numbers, @Nullable String link) {
        String k = cut(key == null || key.isBlank() ? kind.name().toLowerCase(java.util.Locale.ROOT) : key.strip(),
                MAX_KEY);
        alerts.lock(tenant, kind, k);
        OffsetDateTime now = OffsetDateTime.now(clock.withZone(ZoneOffset.UTC));
        Duration throttle = Duration.ofMinutes(settings.find(tenant).throttleMinutes());
        var recent = alerts.raisedSince(tenant, kind, k, now.minus(throttle));
        if (recent.isPresent()) {
            int repeats = alerts.countRepeat(tenant, recent.get().id(), now);
            return new RaiseResult(recent.get().id(), false, repeats);
        }
        UUID id = UUID.randomUUID();
        alerts.insert(tenant, new AlertRepository.NewAlert(id, kind, k, cut(oneLine(title), MAX_TITLE),
                cut(summary == null ? "" : summary.strip(), MAX_SUMMARY), figures(numbers), portalPath(link), now));
        events.publishEvent(new AlertEvents.AlertRaised(tenant, id));
        return new RaiseResult(id, true, 0);
    }

    /**
     * The list for the page: the alerts with the given status (null: open and acknowledged), their deliveries, the
     * count per status, and which ones came in since the member last looked; looking marks them seen.
     *
     * @param unseenSince alerts raised after this are new to the member (null: everything is new)
     */
    public record Page(List<Alert> alerts, Map<AlertStatus, Integer> counts, @Nullable OffsetDateTime unseenSince) {

        public boolean isNew(Alert a) {
            return a.status() == AlertStatus.OPEN && (unseenSince == null || a.raisedAt().isAfter(unseenSince));
        }

        public int active() {
            return counts.getOrDefault(AlertStatus.OPEN, 0) + counts.getOrDefault(AlertStatus.ACKNOWLEDGED, 0);
        }
    }

    @Transactional
    public Page page(TenantId tenant, UUID userId, @Nullable AlertStatus status) {
        Set<AlertStatus> statuses = status == null ? EnumSet.of(AlertStatus.OPEN, AlertStatus.ACKNOWLEDGED)
                : EnumSet.of(status);
        List<Alert> list = withDeliveries(tenant, alerts.list(tenant, statuses, LIST_LIMIT));
        OffsetDateTime seen = alerts.seenAt(tenant, userId);
        alerts.markSeen(tenant, userId, OffsetDateTime.now(clock.withZone(ZoneOffset.UTC)));
        return new Page(list, alerts.counts(tenant), seen);
    }

    /** Open alerts raised since the member last opened the list: the badge in the navigation. */
    @Transactional(readOnly = true)
    public int unread(TenantId tenant, UUID userId) {
        return alerts.unread(tenant, userId);
    }

    @Transactional(readOnly = true)
    public Alert alert(TenantId tenant, UUID id) {
        Alert alert = alerts.find(tenant, id).orElseThrow(() -> NotFoundException.of("Alert", id));
        return alert.withDeliveries(deliveries.of(tenant, List.of(id)));
    }

    /** Someone is on it. Refused with who did what when it is not open any more. */
    @Transactional
    public Alert acknowledge(CurrentTenant tenant, UUID id) {
        Alert before = alert(tenant.id(), id);
        if (!alerts.acknowledge(tenant.id(), id, tenant.userEmail(), now())) {
            throw new UserFacingException(already(before));
        }
        audit.record(tenant.id(), tenant.actor(), "alerts.acknowledged", before.title(),
                Map.of("status", before.status().label()), Map.of("status", AlertStatus.ACKNOWLEDGED.label()));
        return alert(tenant.id(), id);
    }

    /** Dealt with. Refused with who resolved it when it is resolved already. */
    @Transactional
    public Alert resolve(CurrentTenant tenant, UUID id) {
        Alert before = alert(tenant.id(), id);
        if (!alerts.resolve(tenant.id(), id, tenant.userEmail(), now())) {
            throw new UserFacingException(already(before));
        }
        audit.record(tenant.id(), tenant.actor(), "alerts.resolved", before.title(),
                Map.of("status", before.status().label()), Map.of("status", AlertStatus.RESOLVED.label()));
        return alert(tenant.id(), id);
    }

    private static String already(Alert a) {
        if (a.status() == AlertStatus.RESOLVED) {
            return "This alert was resolved already" + (a.resolvedBy() == null ? "." : " by " + a.resolvedBy() + ".");
        }
        return "This alert was acknowledged already"
                + (a.acknowledgedBy() == null ? "." : " by " + a.acknowledgedBy() + ".");
    }

    private List<Alert> withDeliveries(TenantId tenant, List<Alert> list) {
        List<AlertDelivery> all = deliveries.of(tenant, list.stream().map(Alert::id).toList());
        return list.stream()
                .map(a -> a.withDeliveries(all.stream().filter(d -> d.alertId().equals(a.id())).toList()))
                .toList();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock.withZone(ZoneOffset.UTC));
    }

    /** The link if it is a path inside the portal, else null: a link from anywhere must not lead off-site. */
    static @Nullable String portalPath(@Nullable String link) {
        if (link == null || link.length() > MAX_LINK || !PORTAL_PATH.matcher(link).matches()) {
            return null;
        }
        return link;
    }

    private static Map<String, Object> figures(@Nullable Map<String, Object> numbers) {
        Map<String, Object> figures = new LinkedHashMap<>();
        if (numbers == null) {
            return figures;
        }
        for (var e : numbers.entrySet()) {
            if (figures.size() >= MAX_FIGURES || e.getKey() == null) {
                continue;
            }
            Object v = e.getValue();
            Object value = v == null || v instanceof Number || v instanceof Boolean ? v : cut(v.toString(), 200);
            figures.put(cut(oneLine(e.getKey()), 100), value);
        }
        return figures;
    }

    private static String oneLine(@Nullable String s) {
        return s == null ? "" : s.strip().replaceAll("\\s+", " ");
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
