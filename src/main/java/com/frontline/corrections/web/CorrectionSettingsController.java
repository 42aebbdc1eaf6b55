package com.frontline.corrections.web;

import com.frontline.corrections.CorrectionService;
import com.frontline.corrections.MatchThreshold;
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

import java.util.Locale;
import java.util.Map;

/** The verified-answer threshold: how close a question must come to an approved one, and how it was calibrated. */
@Controller
@RequiresRole(Role.ADMIN)
class CorrectionSettingsController {

    private final CorrectionService corrections;

    CorrectionSettingsController(CorrectionService corrections) {
        this.corrections = corrections;
    }

    @GetMapping("/w/{slug}/settings/corrections")
    String page(CurrentTenant tenant, Model model) {
        return page(model, format(corrections.threshold(tenant.id())), Map.of());
    }

    @PostMapping("/w/{slug}/settings/corrections")
    String save(CurrentTenant tenant, @RequestParam(required = false) @Nullable String threshold, Model model,
                HttpServletResponse response, RedirectAttributes redirect) {
        try {
            double saved = corrections.updateThreshold(tenant, threshold);
            redirect.addFlashAttribute("notice", "Verified answers now need a similarity of " + format(saved) + ".");
            return "redirect:/w/" + tenant.slug() + "/settings/corrections";
        } catch (InvalidInputException e) {
            response.setStatus(422);
            return page(model, threshold == null ? "" : threshold, e.errors());
        }
    }

    private String page(Model model, String threshold, Map<String, String> errors) {
        model.addAttribute("threshold", threshold);
        model.addAttribute("errors", errors);
        model.addAttribute("defaultThreshold", format(MatchThreshold.DEFAULT));
        model.addAttribute("min", format(MatchThreshold.MIN));
        model.addAttribute("max", format(MatchThreshold.MAX));
        model.addAttribute("section", "corrections-settings");
        return "corrections/settings";
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
