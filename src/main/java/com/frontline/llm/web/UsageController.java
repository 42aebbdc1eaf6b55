package com.frontline.llm.web;

import com.frontline.llm.internal.UsageDashboard;
import com.frontline.llm.internal.UsageReport;
import com.frontline.shared.CurrentTenant;
import com.frontline.shared.InvalidInputException;
import com.frontline.shared.Role;
import com.frontline.shared.web.RequiresRole;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The usage and cost dashboard: calls, outcomes, failovers, tokens, cost and latency percentiles by provider, model
 * and day for a period, and this month's spending against the budget. Agents and up read it (alerts link to it);
 * admins set how long raw call records are kept.
 */
@Controller
@RequiresRole(Role.AGENT)
class UsageController {

    private final UsageDashboard dashboard;
    private final Clock clock = Clock.systemUTC();

    UsageController(UsageDashboard dashboard) {
        this.dashboard = dashboard;
    }

    /** The filter form swaps the results region (form, figures, charts, tables); every other request gets the page. */
    @GetMapping("/w/{slug}/usage")
    String usage(CurrentTenant tenant, UsagePeriodForm form, Model model) {
        return render(tenant, form.parse(today()), model, Map.of(), null);
    }

    @PostMapping("/w/{slug}/usage/retention")
    @RequiresRole(Role.ADMIN)
    String retention(CurrentTenant tenant, @RequestParam(required = false) @Nullable String retentionDays,
                     Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            int days = dashboard.saveRetention(tenant, retentionDays);
            redirect.addFlashAttribute("notice", "Raw call records are now kept for " + days + " days.");
            return "redirect:/w/" + tenant.slug() + "/usage#retention";
        } catch (InvalidInputException e) {
            response.setStatus(422);
            return render(tenant, new UsagePeriodForm(null, null, null, null, null).parse(today()), model, e.errors(),
                    retentionDays);
        }
    }

    private String render(CurrentTenant tenant, UsagePeriodForm.Parsed filter, Model model,
                          Map<String, String> errors, @Nullable String typedRetention) {
        UsageReport report = dashboard.report(tenant.id(), filter.query());
        model.addAttribute("filter", filter);
        model.addAttribute("report", report);
        model.addAttribute("periods", UsagePeriodForm.PERIODS);
        model.addAttribute("callsChart", UsageChart.calls(report.days()));
        model.addAttribute("costChart", UsageChart.cost(report.days(), report.budget()));
        model.addAttribute("latencyChart", UsageChart.latency(report.days()));
        List<UsageReport.Day> newestFirst = new ArrayList<>(report.days());
        java.util.Collections.reverse(newestFirst);
        model.addAttribute("daysNewestFirst", newestFirst);
        model.addAttribute("errors", errors);
        model.addAttribute("retentionValue", typedRetention == null ? String.valueOf(report.freshness().retentionDays())
                : typedRetention);
        model.addAttribute("section", "usage");
        return "llm/usage :: usage-results";
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }
}
