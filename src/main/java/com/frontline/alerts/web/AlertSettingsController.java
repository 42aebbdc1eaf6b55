package com.frontline.alerts.web;

import com.frontline.alerts.AlertSettingsForm;
import com.frontline.alerts.AlertSettingsService;
import com.frontline.shared.CurrentTenant;
import com.frontline.shared.InvalidInputException;
import com.frontline.shared.Role;
import com.frontline.shared.web.RequiresRole;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Map;

/** The alert thresholds and delivery channels of a workspace (Admin): every field checked, changes audited. */
@Controller
@RequiresRole(Role.ADMIN)
class AlertSettingsController {

    private final AlertSettingsService settings;

    AlertSettingsController(AlertSettingsService settings) {
        this.settings = settings;
    }

    /** The form as posted; checkboxes are absent when unticked. */
    record Fields(@Nullable Boolean costEnabled, @Nullable String costBudgetPercent, @Nullable Boolean latencyEnabled,
                  @Nullable String latencyP95Seconds, @Nullable Boolean failureEnabled,
                  @Nullable String failureRatePercent, @Nullable String windowMinutes, @Nullable String minCalls,
                  @Nullable Boolean handoffEnabled, @Nullable String handoffFactor, @Nullable String handoffMin,
                  @Nullable Boolean qualityEnabled, @Nullable String qualityDropPoints,
                  @Nullable String qualityMinRatings, @Nullable String throttleMinutes, @Nullable Boolean emailEnabled,
                  @Nullable String webhookUrl) {

        AlertSettingsForm toForm() {
            return new AlertSettingsForm(on(costEnabled), costBudgetPercent, on(latencyEnabled), latencyP95Seconds,
                    on(failureEnabled), failureRatePercent, windowMinutes, minCalls, on(handoffEnabled), handoffFactor,
                    handoffMin, on(qualityEnabled), qualityDropPoints, qualityMinRatings, throttleMinutes,
                    on(emailEnabled), webhookUrl);
        }

        private static boolean on(@Nullable Boolean b) {
            return Boolean.TRUE.equals(b);
        }
    }

    @GetMapping("/w/{slug}/alerts/settings")
    String page(CurrentTenant tenant, Model model) {
        return render(model, AlertSettingsForm.of(settings.settings(tenant.id())), Map.of());
    }

    @PostMapping("/w/{slug}/alerts/settings")
    String save(CurrentTenant tenant, @ModelAttribute Fields fields, Model model, HttpServletResponse response,
                RedirectAttributes redirect) {
        AlertSettingsForm form = fields.toForm();
        try {
            settings.save(tenant, form);
            redirect.addFlashAttribute("notice", "Alert settings saved. They apply from the next check.");
            return "redirect:/w/" + tenant.slug() + "/alerts/settings";
        } catch (InvalidInputException e) {
            response.setStatus(422);
            return render(model, form, e.errors());
        }
    }

    private String render(Model model, AlertSettingsForm form, Map<String, String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("mailConfigured", settings.mailConfigured());
        model.addAttribute("section", "alerts");
        return "alerts/settings";
    }
}
