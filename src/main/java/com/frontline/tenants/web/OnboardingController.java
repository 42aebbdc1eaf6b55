package com.frontline.tenants.web;

import com.frontline.identity.FrontlinePrincipal;
import com.frontline.shared.Actor;
import com.frontline.shared.InvalidInputException;
import com.frontline.tenants.Sectors;
import com.frontline.tenants.Slugs;
import com.frontline.tenants.TenantService;
import com.frontline.tenants.Workspace;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Map;
import java.util.Optional;

/** Step 1 of the wizard: create a workspace (also how an existing user adds another one). */
@Controller
class OnboardingController {

    private final TenantService tenants;

    OnboardingController(TenantService tenants) {
        this.tenants = tenants;
    }

    record WorkspaceForm(String name, String slug, String sector) {
    }

    @GetMapping("/onboarding")
    String form(Model model) {
        return page(model, new WorkspaceForm("", "", ""), Map.of());
    }

    @PostMapping("/onboarding")
    String create(@AuthenticationPrincipal FrontlinePrincipal user, @ModelAttribute WorkspaceForm form, Model model,
                  HttpServletResponse response) {
        String slug = form.slug() == null || form.slug().isBlank() ? Slugs.suggest(form.name() == null ? ""
                : form.name()) : form.slug();
        try {
            Workspace workspace = tenants.createWorkspace(new Actor(user.userId(), user.email()), form.name(), slug,
                    form.sector());
            return "redirect:/w/" + workspace.slug() + "/setup/persona";
        } catch (InvalidInputException e) {
            response.setStatus(422);
            return page(model, form, e.errors());
        }
    }

    /** Live feedback while the admin types the address (htmx, on keyup). */
    @HxRequest
    @GetMapping("/onboarding/slug-check")
    String slugCheck(@RequestParam(defaultValue = "") String slug, @RequestParam(defaultValue = "") String name,
                     Model model) {
        String candidate = slug.isBlank() ? Slugs.suggest(name) : slug.strip().toLowerCase(java.util.Locale.ROOT);
        Optional<String> problem = Slugs.validate(candidate);
        boolean available = problem.isEmpty() && tenants.slugAvailable(candidate);
        model.addAttribute("slug", candidate);
        model.addAttribute("slugOk", available);
        model.addAttribute("slugMessage", problem.orElse(available ? "Available" : "Taken, try another one"));
        return "tenants/onboarding :: slug-status";
    }

    private String page(Model model, WorkspaceForm form, Map<String, String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("sectors", Sectors.ALL);
        model.addAttribute("steps", SetupStep.ALL);
        model.addAttribute("step", SetupStep.WORKSPACE);
        return "tenants/onboarding";
    }
}
