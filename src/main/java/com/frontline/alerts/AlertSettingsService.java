package com.frontline.alerts;

import com.frontline.audit.AuditLog;
import com.frontline.shared.CurrentTenant;
import com.frontline.shared.InvalidInputException;
import com.frontline.shared.TenantId;
import com.frontline.shared.outbound.OutboundGuard;
import com.frontline.shared.outbound.WebhookAddresses;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads and changes a workspace's alert settings: every value checked with a message per field, changes audited. */
@Service
public class AlertSettingsService {

    private final AlertSettingsRepository settings;
    private final AuditLog audit;
    private final OutboundGuard outbound;
    private final ObjectProvider<JavaMailSender> mail;

    AlertSettingsService(AlertSettingsRepository settings, AuditLog audit, OutboundGuard outbound,
                         ObjectProvider<JavaMailSender> mail) {
        this.settings = settings;
        this.audit = audit;
        this.outbound = outbound;
        this.mail = mail;
    }

    @Transactional(readOnly = true)
    public AlertSettings settings(TenantId tenant) {
        return settings.find(tenant);
    }

    /** Whether this server sends e-mail at all ({@code spring.mail.host}); without it e-mails are skipped. */
    public boolean mailConfigured() {
        return mail.getIfAvailable() != null;
    }

    @Transactional
    public AlertSettings save(CurrentTenant tenant, AlertSettingsForm form) {
        Map<String, String> errors = new LinkedHashMap<>();
        int costPercent = integer(form.costBudgetPercent(), "costBudgetPercent", 1, 1000, errors);
        BigDecimal seconds = decimal(form.latencyP95Seconds(), "latencyP95Seconds", new BigDecimal("0.1"),
                new BigDecimal("600"), 1, errors);
        int failurePercent = integer(form.failureRatePercent(), "failureRatePercent", 1, 100, errors);
        int window = integer(form.windowMinutes(), "windowMinutes", 5, 1440, errors);
        int minCalls = integer(form.minCalls(), "minCalls", 1, 100_000, errors);
        BigDecimal factor = decimal(form.handoffFactor(), "handoffFactor", new BigDecimal("1.1"),
                new BigDecimal("100"), 2, errors);
        int handoffMin = integer(form.handoffMin(), "handoffMin", 1, 100_000, errors);
        int dropPoints = integer(form.qualityDropPoints(), "qualityDropPoints", 1, 100, errors);
        int minRatings = integer(form.qualityMinRatings(), "qualityMinRatings", 1, 100_000, errors);
        int throttle = integer(form.throttleMinutes(), "throttleMinutes", 5, 10_080, errors);
        String webhook = WebhookAddresses.normalise(form.webhookUrl());
        if (webhook != null) {
            String problem = WebhookAddresses.problem(webhook, outbound, "the alerts");
            if (problem != null) {
                errors.put("webhookUrl", problem);
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        AlertSettings before = settings.find(tenant.id());
        AlertSettings after = new AlertSettings(form.costEnabled(), costPercent, form.latencyEnabled(),
                seconds.multiply(BigDecimal.valueOf(1000)).intValue(), form.failureEnabled(), failurePercent, window,
                minCalls, form.handoffEnabled(), factor.setScale(2, RoundingMode.UNNECESSARY), handoffMin,
                form.qualityEnabled(), dropPoints, minRatings, throttle, form.emailEnabled(), webhook);
        settings.save(tenant.id(), after);
        audit.record(tenant.id(), tenant.actor(), "alerts.settings_updated", null, auditView(before),
                auditView(after));
        return after;
    }

    /** The settings as the audit log shows them; a webhook address by its host only (its path is a secret). */
    private static Map<String, Object> auditView(AlertSettings s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("costAlert", s.costEnabled() ? s.costBudgetPercent() + " % of the budget" : "off");
        m.put("latencyAlert", s.latencyEnabled() ? "p95 above " + s.latencyP95Ms() + " ms" : "off");
        m.put("failureAlert", s.failureEnabled() ? s.failureRatePercent() + " % of calls" : "off");
        m.put("window", s.windowMinutes() + " min, at least " + s.minCalls() + " calls");
        m.put("handoffAlert", s.handoffEnabled() ? s.handoffFactor().stripTrailingZeros().toPlainString()
                + "× the daily mean, at least " + s.handoffMin() : "off");
        m.put("qualityAlert", s.qualityEnabled() ? "a drop of " + s.qualityDropPoints() + " points, at least "
                + s.qualityMinRatings() + " ratings" : "off");
        m.put("throttle", s.throttleMinutes() + " min");
        m.put("email", s.emailEnabled() ? "on" : "off");
        m.put("webhook", s.webhookUrl() == null ? "none" : hostOnly(s.webhookUrl()));
        return m;
    }

    static String hostOnly(String url) {
        try {
            URI uri = URI.create(url);
            return uri.getScheme() + "://" + uri.getHost() + "/…";
        } catch (IllegalArgumentException e) {
            return "(set)";
        }
    }

    private static int integer(@Nullable String raw, String field, int min, int max, Map<String, String> errors) {
        String value = raw == null ? "" : raw.strip().replace(",", "");
        if (value.isEmpty()) {
            errors.put(field, "Enter a number from %,d to %,d.".formatted(min, max));
            return 0;
        }
        try {
            int n = Integer.parseInt(value);
            if (n < min || n > max) {
                errors.put(field, "Use a number from %,d to %,d.".formatted(min, max));
            }
            return n;
        } catch (NumberFormatException e) {
            errors.put(field, "Enter a whole number, e.g. %d.".formatted(min == 1 ? 20 : min));
            return 0;
        }
    }

    private static BigDecimal decimal(@Nullable String raw, String field, BigDecimal min, BigDecimal max, int scale,
                                      Map<String, String> errors) {
        String value = raw == null ? "" : raw.strip().replace(",", ".");
        String range = "from " + min.toPlainString() + " to " + max.toPlainString();
        if (value.isEmpty()) {
            errors.put(field, "Enter a number " + range + ".");
            return BigDecimal.ONE;
        }
        try {
            BigDecimal n = new BigDecimal(value);
            if (n.compareTo(min) < 0 || n.compareTo(max) > 0) {
                errors.put(field, "Use a number " + range + ".");
            } else if (n.stripTrailingZeros().scale() > scale) {
                errors.put(field, "Use at most " + (scale == 1 ? "one decimal" : scale + " decimals") + ".");
            }
            return n;
        } catch (NumberFormatException e) {
            errors.put(field, "Enter a number such as " + min.add(BigDecimal.ONE).toPlainString() + ".");
            return BigDecimal.ONE;
        }
    }
}
