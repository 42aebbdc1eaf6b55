package com.frontline.privacy.web;

import com.frontline.privacy.Erasure;
import com.frontline.privacy.PrivacyService;
import com.frontline.shared.CurrentTenant;
import com.frontline.shared.InvalidInputException;
import com.frontline.shared.Plurals;
import com.frontline.shared.Role;
import com.frontline.shared.web.RequiresRole;
import com.frontline.tenants.TenantService;
import com.frontline.tenants.WorkspaceSummary;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * Privacy settings: the retention period, one end customer's export and erasure, and (Owner only) the deletion of
 * the whole workspace.
 */
@Controller
@RequiresRole(Role.ADMIN)
class PrivacyController {

    private final PrivacyService privacy;
    private final TenantService tenants;

    PrivacyController(PrivacyService privacy, TenantService tenants) {
        this.privacy = privacy;
        this.tenants = tenants;
    }

    @GetMapping("/w/{slug}/settings/privacy")
    String page(CurrentTenant tenant, Model model) {
        Integer days = privacy.retentionDays(tenant.id());
        return page(tenant, model, days == null ? "" : String.valueOf(days), Map.of());
    }

    /** Looks a customer up; a POST, so that the visitor id or e-mail stays out of addresses and access logs. */
    @PostMapping("/w/{slug}/settings/privacy/customer")
    String find(CurrentTenant tenant, @RequestParam(required = false) @Nullable String customer, Model model,
                HttpServletResponse response) {
        try {
            PrivacyService.CustomerData found = privacy.find(tenant, customer);
            model.addAttribute("customer", found.key());
            model.addAttribute("found", found);
            if (!found.found()) {
                model.addAttribute("customerErrors", Map.of("customer",
                        "Nothing is held for this visitor id or e-mail address."));
            }
        } catch (InvalidInputException e) {
            response.setStatus(422);
            model.addAttribute("customer", customer == null ? "" : customer);
            model.addAttribute("customerErrors", e.errors());
        }
        Integer days = privacy.retentionDays(tenant.id());
        return page(tenant, model, days == null ? "" : String.valueOf(days), Map.of());
    }

    @PostMapping("/w/{slug}/settings/privacy/retention")
    String retention(CurrentTenant tenant, @RequestParam(required = false) @Nullable String retentionDays,
                     Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            Integer saved = privacy.updateRetention(tenant, retentionDays);
            redirect.addFlashAttribute("notice", saved == null ? "Transcripts are kept until you delete them."
                    : "Transcripts are deleted " + Plurals.of(saved, "day") + " after their last message.");
            return "redirect:/w/" + tenant.slug() + "/settings/privacy";
        } catch (InvalidInputException e) {
            response.setStatus(422);
            return page(tenant, model, retentionDays == null ? "" : retentionDays, e.errors());
        }
    }

    @PostMapping("/w/{slug}/settings/privacy/customer/export")
    Object export(CurrentTenant tenant, @RequestParam(required = false) @Nullable String customer, Model model,
                  HttpServletResponse response) {
        try {
            PrivacyService.CustomerData found = privacy.find(tenant, customer);
            if (!found.found()) {
                throw InvalidInputException.of("customer", "Nothing is held for this visitor id or e-mail address.");
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            privacy.export(tenant, found, out);
            String filename = "customer-data-" + tenant.slug() + "-" + LocalDate.now(ZoneOffset.UTC) + ".json";
            return ResponseEntity.ok()
                    .contentType(MediaType.APPLICATION_JSON)
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"")
                    .body(out.toByteArray());
        } catch (InvalidInputException e) {
            response.setStatus(422);
            model.addAttribute("customer", customer == null ? "" : customer);
            model.addAttribute("customerErrors", e.errors());
            Integer days = privacy.retentionDays(tenant.id());
            return page(tenant, model, days == null ? "" : String.valueOf(days), Map.of());
        }
    }

    @PostMapping("/w/{slug}/settings/privacy/customer/erase")
    String erase(CurrentTenant tenant, @RequestParam(required = false) @Nullable String customer,
                 @RequestParam(required = false) @Nullable String confirmation, Model model,
                 HttpServletResponse response, RedirectAttributes redirect) {
        try {
            Erasure erasure = privacy.erase(tenant, customer, confirmation);
            redirect.addFlashAttribute("notice", "Erased " + Plurals.of(erasure.conversations(), "conversation")
                    + " with " + Plurals.of(erasure.messages(), "message")
                    + (erasure.corrections() > 0 ? " and " + Plurals.of(erasure.corrections(), "correction") : "")
                    + (erasure.pending() ? ". Removing it from search is pending and retried automatically."
                    : ", from the database and from search."));
            return "redirect:/w/" + tenant.slug() + "/settings/privacy";
        } catch (InvalidInputException e) {
            response.setStatus(422);
            model.addAttribute("customer", customer == null ? "" : customer);
            if (!e.errors().containsKey("customer") && customer != null) {
                try {
                    model.addAttribute("found", privacy.find(tenant, customer));
                } catch (InvalidInputException ignored) {
                    // the field error below says what to fix
                }
            }
            model.addAttribute("customerErrors", e.errors());
            Integer days = privacy.retentionDays(tenant.id());
            return page(tenant, model, days == null ? "" : String.valueOf(days), Map.of());
        }
    }

    @PostMapping("/w/{slug}/settings/privacy/delete-workspace")
    @RequiresRole(Role.OWNER)
    String deleteWorkspace(CurrentTenant tenant, @RequestParam(required = false) @Nullable String confirmName,
                           Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            privacy.deleteWorkspace(tenant, confirmName);
        } catch (InvalidInputException e) {
            response.setStatus(422);
            model.addAttribute("deleteErrors", e.errors());
            Integer days = privacy.retentionDays(tenant.id());
            return page(tenant, model, days == null ? "" : String.valueOf(days), Map.of());
        }
        redirect.addFlashAttribute("notice", "The workspace " + tenant.name() + " and all its data were deleted.");
        List<WorkspaceSummary> left = tenants.workspacesOf(tenant.userId());
        return left.isEmpty() ? "redirect:/onboarding" : "redirect:/w/" + left.getFirst().slug();
    }

    private String page(CurrentTenant tenant, Model model, String retentionDays, Map<String, String> errors) {
        model.addAttribute("retentionDays", retentionDays);
        model.addAttribute("errors", errors);
        model.addAttribute("minDays", PrivacyService.MIN_RETENTION_DAYS);
        model.addAttribute("maxDays", PrivacyService.MAX_RETENTION_DAYS);
        model.addAttribute("erasures", privacy.recentErasures(tenant.id()));
        model.addAttribute("isOwner", tenant.can(Role.OWNER));
        if (!model.containsAttribute("customerErrors")) {
            model.addAttribute("customerErrors", Map.of());
        }
        if (!model.containsAttribute("deleteErrors")) {
            model.addAttribute("deleteErrors", Map.of());
        }
        model.addAttribute("section", "privacy");
        return "privacy/privacy";
    }
}
