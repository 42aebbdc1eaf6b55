package com.frontline.llm.web;

import com.frontline.llm.AssistantGateway;
import com.frontline.llm.internal.ConnectionTest;
import com.frontline.llm.internal.ProviderConfig;
import com.frontline.llm.internal.ProviderForm;
import com.frontline.llm.internal.ProviderKind;
import com.frontline.llm.internal.ProviderSettings;
import com.frontline.llm.internal.Route;
import com.frontline.llm.internal.RoutingForm;
import com.frontline.llm.internal.UsageLine;
import com.frontline.llm.internal.UsageSummary;
import com.frontline.shared.CurrentTenant;
import com.frontline.shared.InvalidInputException;
import com.frontline.shared.Role;
import com.frontline.shared.web.RequiresRole;
import com.frontline.shared.web.Views;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The AI providers settings page: providers in failover order (keys shown by their last four characters only), a
 * connection test, routing rules and budget, model prices, and this month's usage with a small bar chart.
 */
@Controller
@RequiresRole(Role.ADMIN)
class ProvidersController {

    private final ProviderSettings settings;
    private final AssistantGateway gateway;

    ProvidersController(ProviderSettings settings, AssistantGateway gateway) {
        this.settings = settings;
        this.gateway = gateway;
    }

    /** The provider form as posted; checkboxes are absent when unticked. */
    record ProviderFields(@Nullable UUID id, @Nullable ProviderKind kind, @Nullable String label,
                          @Nullable String baseUrl, @Nullable String apiKey, @Nullable String defaultModel,
                          @Nullable String cheapModel, @Nullable String strongModel, @Nullable String longContextModel,
                          @Nullable String timeoutSeconds, @Nullable Boolean supportsTools,
                          @Nullable Boolean enabled) {
        ProviderForm toForm() {
            return new ProviderForm(id, kind, label, baseUrl, apiKey, defaultModel, cheapModel, strongModel,
                    longContextModel, timeoutSeconds, Boolean.TRUE.equals(supportsTools), Boolean.TRUE.equals(enabled));
        }
    }

    record RoutingFields(@Nullable Boolean routingEnabled, @Nullable String simpleMaxScore,
                         @Nullable String complexMinScore, @Nullable String longContextChars,
                         @Nullable String monthlyBudget) {
        RoutingForm toForm() {
            return new RoutingForm(Boolean.TRUE.equals(routingEnabled), simpleMaxScore, complexMinScore,
                    longContextChars, monthlyBudget);
        }
    }

    @GetMapping("/w/{slug}/settings/providers")
    String page(CurrentTenant tenant, @RequestParam(required = false) @Nullable UUID edit,
                @RequestParam(required = false) @Nullable ProviderKind kind, Model model) {
        ProviderForm form;
        if (edit != null) {
            form = ProviderForm.of(settings.provider(tenant.id(), edit));
        } else {
            form = ProviderForm.blank(kind == null ? ProviderKind.OPENAI : kind);
        }
        return render(tenant, model, form, RoutingForm.of(settings.settings(tenant.id())), Map.of());
    }

    @PostMapping("/w/{slug}/settings/providers")
    String save(CurrentTenant tenant, @ModelAttribute ProviderFields fields, Model model,
                HttpServletResponse response, RedirectAttributes redirect) {
        ProviderForm form = fields.toForm();
        try {
            ProviderConfig saved = settings.save(tenant, form);
            redirect.addFlashAttribute("notice", (form.id() == null ? "Added " : "Saved ") + "“" + saved.label()
                    + "”. Use Test connection to check the key and model.");
            return "redirect:/w/" + tenant.slug() + "/settings/providers";
        } catch (InvalidInputException e) {
            response.setStatus(422);
            // never echo a typed key back into the page
            ProviderForm cleared = new ProviderForm(form.id(), form.kind() == null ? ProviderKind.OPENAI : form.kind(),
                    form.label(), form.baseUrl(), "", form.defaultModel(), form.cheapModel(), form.strongModel(),
                    form.longContextModel(), form.timeoutSeconds(), form.supportsTools(), form.enabled());
            return render(tenant, model, cleared, RoutingForm.of(settings.settings(tenant.id())), e.errors());
        }
    }

    @PostMapping("/w/{slug}/settings/providers/{id}/delete")
    String delete(CurrentTenant tenant, @PathVariable UUID id, RedirectAttributes redirect) {
        String label = settings.provider(tenant.id(), id).label();
        settings.delete(tenant, id);
        redirect.addFlashAttribute("notice", "Removed “" + label + "”.");
        return "redirect:/w/" + tenant.slug() + "/settings/providers";
    }

    @PostMapping("/w/{slug}/settings/providers/{id}/move")
    String move(CurrentTenant tenant, @PathVariable UUID id, @RequestParam(defaultValue = "up") String direction) {
        settings.move(tenant, id, !"down".equals(direction));
        return "redirect:/w/" + tenant.slug() + "/settings/providers";
    }

    @PostMapping("/w/{slug}/settings/providers/{id}/test")
    String test(CurrentTenant tenant, @PathVariable UUID id, Model model, HttpServletRequest request,
                RedirectAttributes redirect) {
        ConnectionTest result = settings.test(tenant, id);
        if (Views.wantsFragment(request)) {
            model.addAttribute("result", result);
            model.addAttribute("providerId", id);
            return "llm/providers :: test-result";
        }
        redirect.addFlashAttribute(result.ok() ? "notice" : "problem", result.message());
        return "redirect:/w/" + tenant.slug() + "/settings/providers";
    }

    @PostMapping("/w/{slug}/settings/providers/routing")
    String saveRouting(CurrentTenant tenant, @ModelAttribute RoutingFields fields, Model model,
                       HttpServletResponse response, RedirectAttributes redirect) {
        try {
            settings.saveRouting(tenant, fields.toForm());
            redirect.addFlashAttribute("notice", "Routing rules and budget saved.");
            return "redirect:/w/" + tenant.slug() + "/settings/providers";
        } catch (InvalidInputException e) {
            response.setStatus(422);
            return render(tenant, model, ProviderForm.blank(ProviderKind.OPENAI), fields.toForm(), e.errors());
        }
    }

    @PostMapping("/w/{slug}/settings/providers/prices")
    String savePrice(CurrentTenant tenant, @RequestParam(defaultValue = "") String model,
                     @RequestParam(defaultValue = "") String input, @RequestParam(defaultValue = "") String output,
                     Model page, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            settings.savePrice(tenant, model, input, output);
            redirect.addFlashAttribute("notice", "Price of " + model.strip() + " saved.");
            return "redirect:/w/" + tenant.slug() + "/settings/providers#prices";
        } catch (InvalidInputException e) {
            response.setStatus(422);
            page.addAttribute("priceForm", Map.of("model", model, "input", input, "output", output));
            return render(tenant, page, ProviderForm.blank(ProviderKind.OPENAI),
                    RoutingForm.of(settings.settings(tenant.id())), e.errors());
        }
    }

    @PostMapping("/w/{slug}/settings/providers/prices/reset")
    String resetPrice(CurrentTenant tenant, @RequestParam(defaultValue = "") String model,
                      RedirectAttributes redirect) {
        settings.resetPrice(tenant, model);
        redirect.addFlashAttribute("notice", "Price of " + model + " reset to the default.");
        return "redirect:/w/" + tenant.slug() + "/settings/providers#prices";
    }

    // ---- view model ------------------------------------------------------------------------------------------

    record Bar(String label, String value, double percent) {
    }

    private String render(CurrentTenant tenant, Model model, ProviderForm form, RoutingForm routing,
                          Map<String, String> errors) {
        UsageSummary usage = settings.usage(tenant.id());
        model.addAttribute("providers", settings.providers(tenant.id()));
        model.addAttribute("form", form);
        model.addAttribute("formKind", form.kind() == null ? ProviderKind.OPENAI : form.kind());
        model.addAttribute("editing", form.id() != null);
        model.addAttribute("kinds", ProviderKind.values());
        model.addAttribute("routing", routing);
        model.addAttribute("errors", errors);
        model.addAttribute("usage", usage);
        model.addAttribute("bars", bars(usage.lines()));
        model.addAttribute("prices", settings.prices(tenant.id()).all());
        model.addAttribute("offlineOnly", gateway.offlineOnly(tenant.id()));
        model.addAttribute("routes", List.of(Route.SIMPLE, Route.DEFAULT, Route.COMPLEX, Route.LONG_CONTEXT));
        model.addAttribute("month", usage.since().format(DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH)));
        if (!model.containsAttribute("priceForm")) {
            model.addAttribute("priceForm", Map.of("model", "", "input", "", "output", ""));
        }
        model.addAttribute("section", "providers");
        return "llm/providers";
    }

    /** Cost per provider and model, or calls when nothing cost money yet; the longest bar is 100 %. */
    static List<Bar> bars(List<UsageLine> lines) {
        boolean byCost = lines.stream().anyMatch(l -> l.costUsd().signum() > 0);
        double max = lines.stream().mapToDouble(l -> byCost ? l.costUsd().doubleValue() : l.calls()).max().orElse(0);
        return lines.stream().map(l -> {
            double v = byCost ? l.costUsd().doubleValue() : l.calls();
            return new Bar(l.provider() + " · " + l.model(),
                    byCost ? "$" + l.costUsd().setScale(l.costUsd().compareTo(BigDecimal.ONE) < 0 ? 4 : 2,
                            RoundingMode.HALF_UP).toPlainString() : com.frontline.shared.Plurals.of(l.calls(), "call"),
                    max == 0 ? 0 : Math.max(1, 100 * v / max));
        }).toList();
    }
}
