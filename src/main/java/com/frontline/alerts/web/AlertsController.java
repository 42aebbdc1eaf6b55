package com.frontline.alerts.web;

import com.frontline.alerts.AlertEvaluation;
import com.frontline.alerts.AlertSettingsService;
import com.frontline.alerts.AlertStatus;
import com.frontline.alerts.Alerts;
import com.frontline.shared.CurrentTenant;
import com.frontline.shared.NotFoundException;
import com.frontline.shared.Role;
import com.frontline.shared.UserFacingException;
import com.frontline.shared.web.RequiresRole;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The alerts list (Agents and up): open, acknowledged and resolved alerts with the numbers that triggered them, how
 * they were delivered, and a link to those numbers. Agents acknowledge and resolve them; admins check the thresholds
 * at once.
 */
@Controller
@RequiresRole(Role.AGENT)
class AlertsController {

    private final Alerts alerts;
    private final AlertSettingsService settings;
    private final AlertEvaluation evaluation;

    AlertsController(Alerts alerts, AlertSettingsService settings, AlertEvaluation evaluation) {
        this.alerts = alerts;
        this.settings = settings;
        this.evaluation = evaluation;
    }

    /** Opening the list marks its alerts seen: the sidebar's count goes back to zero. */
    @GetMapping("/w/{slug}/alerts")
    String list(CurrentTenant tenant, @RequestParam(required = false) @Nullable String status, Model model) {
        AlertStatus chosen = null;
        if (status != null && !status.isBlank() && !status.equals("active")) {
            try {
                chosen = AlertStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                model.addAttribute("problem", "There is no “" + (status.length() > 40 ? status.substring(0, 40)
                        : status) + "” tab: showing the active alerts.");
            }
        }
        Alerts.Page page = alerts.page(tenant.id(), tenant.userId(), chosen);
        model.addAttribute("page", page);
        model.addAttribute("status", chosen == null ? "active" : chosen.name().toLowerCase(Locale.ROOT));
        model.addAttribute("statuses", AlertStatus.values());
        model.addAttribute("settings", settings.settings(tenant.id()));
        model.addAttribute("mailConfigured", settings.mailConfigured());
        model.addAttribute("alertsUnread", 0);
        model.addAttribute("section", "alerts");
        return "alerts/alerts";
    }

    @PostMapping("/w/{slug}/alerts/{alertId}/acknowledge")
    String acknowledge(CurrentTenant tenant, @PathVariable String alertId,
                       @RequestParam(required = false) @Nullable String status, RedirectAttributes redirect) {
        return act(tenant, alertId, status, redirect, true);
    }

    @PostMapping("/w/{slug}/alerts/{alertId}/resolve")
    String resolve(CurrentTenant tenant, @PathVariable String alertId,
                   @RequestParam(required = false) @Nullable String status, RedirectAttributes redirect) {
        return act(tenant, alertId, status, redirect, false);
    }

    /** Checks the thresholds of this workspace now (the daily helpful-rate check too) and says what came of it. */
    @PostMapping("/w/{slug}/alerts/check")
    @RequiresRole(Role.ADMIN)
    String check(CurrentTenant tenant, @RequestParam(required = false) @Nullable String from,
                 RedirectAttributes redirect) {
        AlertEvaluation.Result result = evaluation.evaluate(tenant.id(), OffsetDateTime.now(ZoneOffset.UTC), true);
        redirect.addFlashAttribute("notice", checked(result));
        return "settings".equals(from) ? "redirect:/w/" + tenant.slug() + "/alerts/settings"
                : "redirect:/w/" + tenant.slug() + "/alerts";
    }

    static String checked(AlertEvaluation.Result r) {
        if (r.raised().isEmpty() && r.repeated().isEmpty()) {
            return "Checked the thresholds: nothing is over them.";
        }
        StringBuilder s = new StringBuilder("Checked the thresholds: ");
        if (!r.raised().isEmpty()) {
            s.append(r.raised().size() == 1 ? "1 new alert (" : r.raised().size() + " new alerts (")
                    .append(String.join("; ", r.raised())).append(")");
        }
        if (!r.repeated().isEmpty()) {
            s.append(r.raised().isEmpty() ? "" : "; ").append(r.repeated().size() == 1 ? "1 repeat"
                    : r.repeated().size() + " repeats").append(" of alerts raised within the throttle window, counted "
                    + "on them");
        }
        return s.append('.').toString();
    }

    private String act(CurrentTenant tenant, String rawId, @Nullable String status, RedirectAttributes redirect,
                       boolean acknowledge) {
        UUID id = id(rawId);
        try {
            var alert = acknowledge ? alerts.acknowledge(tenant, id) : alerts.resolve(tenant, id);
            redirect.addFlashAttribute("notice", (acknowledge ? "Acknowledged “" : "Resolved “") + alert.title()
                    + "”.");
        } catch (UserFacingException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        String tab = status != null && List.of("open", "acknowledged", "resolved").contains(status) ? "?status="
                + status : "";
        return "redirect:/w/" + tenant.slug() + "/alerts" + tab;
    }

    private static UUID id(String raw) {
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException e) {
            throw NotFoundException.of("Alert", raw.length() > 40 ? raw.substring(0, 40) : raw);
        }
    }
}
