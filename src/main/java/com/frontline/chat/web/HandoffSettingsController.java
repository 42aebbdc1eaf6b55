package com.frontline.chat.web;

import com.frontline.chat.ChatService;
import com.frontline.chat.ChatSettings;
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

import java.util.Map;

/** When the assistant admits it is unsure, and how the team hears about handoffs (a signed webhook). */
@Controller
@RequiresRole(Role.ADMIN)
class HandoffSettingsController {

    private final ChatService chat;

    HandoffSettingsController(ChatService chat) {
        this.chat = chat;
    }

    @GetMapping("/w/{slug}/settings/handoff")
    String page(CurrentTenant tenant, Model model) {
        ChatSettings settings = chat.settings(tenant.id());
        return page(tenant, model, percent(settings.confidenceThreshold()), settings.handoffOnLowConfidence(),
                settings.webhookUrl() == null ? "" : settings.webhookUrl(), Map.of());
    }

    @PostMapping("/w/{slug}/settings/handoff")
    String save(CurrentTenant tenant, @RequestParam(required = false) @Nullable String threshold,
                @RequestParam(defaultValue = "false") boolean handoffOnLowConfidence,
                @RequestParam(required = false) @Nullable String webhookUrl, Model model,
                HttpServletResponse response, RedirectAttributes redirect) {
        try {
            chat.updateSettings(tenant, threshold, handoffOnLowConfidence, webhookUrl);
        } catch (InvalidInputException e) {
            response.setStatus(422);
            return page(tenant, model, threshold == null ? "" : threshold, handoffOnLowConfidence,
                    webhookUrl == null ? "" : webhookUrl, e.errors());
        }
        redirect.addFlashAttribute("notice", "Handoff settings saved.");
        return "redirect:/w/" + tenant.slug() + "/settings/handoff";
    }

    @PostMapping("/w/{slug}/settings/handoff/rotate-secret")
    String rotate(CurrentTenant tenant, RedirectAttributes redirect) {
        chat.rotateWebhookSecret(tenant);
        redirect.addFlashAttribute("notice", "A new signing secret was created. Update your webhook receiver.");
        return "redirect:/w/" + tenant.slug() + "/settings/handoff";
    }

    private String page(CurrentTenant tenant, Model model, String threshold, boolean handoffOnLowConfidence,
                        String webhookUrl, Map<String, String> errors) {
        model.addAttribute("threshold", threshold);
        model.addAttribute("handoffOnLowConfidence", handoffOnLowConfidence);
        model.addAttribute("webhookUrl", webhookUrl);
        model.addAttribute("errors", errors);
        model.addAttribute("secret", chat.settings(tenant.id()).webhookSecret());
        model.addAttribute("deliveries", chat.webhookDeliveries(tenant.id()));
        model.addAttribute("section", "handoff");
        return "chat/handoff";
    }

    private static String percent(double fraction) {
        long rounded = Math.round(fraction * 100);
        return Math.abs(fraction * 100 - rounded) < 1e-9 ? Long.toString(rounded)
                : String.format(java.util.Locale.ROOT, "%.1f", fraction * 100);
    }
}
