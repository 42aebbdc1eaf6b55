package com.frontline.corrections.web;

import com.frontline.corrections.Correction;
import com.frontline.corrections.CorrectionConflictException;
import com.frontline.corrections.CorrectionForm;
import com.frontline.corrections.CorrectionService;
import com.frontline.corrections.CorrectionStatus;
import com.frontline.shared.CurrentTenant;
import com.frontline.shared.InvalidInputException;
import com.frontline.shared.NotFoundException;
import com.frontline.shared.Role;
import com.frontline.shared.web.RequiresRole;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The approval queue (Pending, Approved, Rejected tabs), writing a correction from an answer or from scratch, and
 * one correction's page with its history, edit and review forms. Agents write and read; Admins review.
 */
@Controller
@RequiresRole(Role.AGENT)
class CorrectionsController {

    private static final java.util.Set<String> TABS = java.util.Set.of("pending", "approved", "rejected", "retired");

    private final CorrectionService corrections;

    CorrectionsController(CorrectionService corrections) {
        this.corrections = corrections;
    }

    /** The queue; the tabs ask for the list region only (see {@code Views}). */
    @GetMapping("/w/{slug}/corrections")
    String queue(CurrentTenant tenant, @RequestParam(required = false) @Nullable String tab, Model model) {
        CorrectionStatus status = tab(tab);
        model.addAttribute("queue", corrections.queue(tenant.id(), status));
        model.addAttribute("tab", status.name().toLowerCase(Locale.ROOT));
        model.addAttribute("threshold", corrections.threshold(tenant.id()));
        model.addAttribute("now", OffsetDateTime.now());
        model.addAttribute("section", "corrections");
        return "corrections/queue :: tab-panel";
    }

    @GetMapping("/w/{slug}/corrections/new")
    String form(CurrentTenant tenant, @RequestParam(required = false) @Nullable String answer, Model model) {
        var draft = corrections.draft(tenant, messageId(answer));
        return form(model, new CorrectionForm(draft.question(), "", "", ""), draft, Map.of());
    }

    @PostMapping("/w/{slug}/corrections")
    String create(CurrentTenant tenant, CorrectionForm form,
                  @RequestParam(required = false) @Nullable String answerMessageId, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) {
        // the form's "answer" is the right answer's text; the assistant's answer it corrects is answerMessageId
        @Nullable UUID answer = messageId(answerMessageId);
        try {
            Correction created = corrections.create(tenant, form, answer);
            redirect.addFlashAttribute("notice", tenant.can(Role.ADMIN)
                    ? "Correction saved. Review and approve it to make it answer customers."
                    : "Correction saved. An admin reviews it before it answers customers.");
            return "redirect:" + path(tenant, created.id());
        } catch (InvalidInputException e) {
            response.setStatus(422);
            return form(model, form, corrections.draft(tenant, answer), e.errors());
        }
    }

    private String form(Model model, CorrectionForm form, CorrectionService.Draft draft, Map<String, String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("draft", draft);
        model.addAttribute("errors", errors);
        model.addAttribute("maxText", CorrectionForm.MAX_TEXT);
        model.addAttribute("section", "corrections");
        return "corrections/new";
    }

    @GetMapping("/w/{slug}/corrections/{correctionId}")
    String correction(CurrentTenant tenant, @PathVariable("correctionId") UUID id, Model model) {
        Correction c = corrections.get(tenant.id(), id);
        return page(tenant, model, c, new CorrectionForm(c.question(), c.answer(), c.sourceUrl(), c.category()),
                Map.of());
    }

    @PostMapping("/w/{slug}/corrections/{correctionId}/edit")
    @RequiresRole(Role.ADMIN)
    String edit(CurrentTenant tenant, @PathVariable("correctionId") UUID id, @RequestParam int version,
                CorrectionForm form, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            Correction saved = corrections.edit(tenant, id, version, form);
            redirect.addFlashAttribute("notice", "Saved as version " + saved.textVersion()
                    + "; the earlier text is kept in the history.");
            return "redirect:" + path(tenant, id);
        } catch (InvalidInputException e) {
            response.setStatus(422);
            return page(tenant, model, corrections.get(tenant.id(), id), form, e.errors());
        } catch (CorrectionConflictException e) {
            return refused(tenant, id, e, redirect);
        }
    }

    @PostMapping("/w/{slug}/corrections/{correctionId}/approve")
    @RequiresRole(Role.ADMIN)
    String approve(CurrentTenant tenant, @PathVariable("correctionId") UUID id, @RequestParam int version,
                   @RequestParam(required = false) @Nullable String score,
                   @RequestParam(required = false) @Nullable String comment,
                   @RequestParam(required = false) @Nullable String back, RedirectAttributes redirect) {
        return review(tenant, id, back, redirect, "Approved. It answers matching questions from now on.",
                () -> corrections.approve(tenant, id, version, score, comment));
    }

    @PostMapping("/w/{slug}/corrections/{correctionId}/reject")
    @RequiresRole(Role.ADMIN)
    String reject(CurrentTenant tenant, @PathVariable("correctionId") UUID id, @RequestParam int version,
                  @RequestParam(required = false) @Nullable String score,
                  @RequestParam(required = false) @Nullable String comment,
                  @RequestParam(required = false) @Nullable String back, RedirectAttributes redirect) {
        return review(tenant, id, back, redirect, "Rejected.",
                () -> corrections.reject(tenant, id, version, score, comment));
    }

    @PostMapping("/w/{slug}/corrections/{correctionId}/retire")
    @RequiresRole(Role.ADMIN)
    String retire(CurrentTenant tenant, @PathVariable("correctionId") UUID id, @RequestParam int version,
                  @RequestParam(required = false) @Nullable String back, RedirectAttributes redirect) {
        return review(tenant, id, back, redirect, "Retired. It no longer answers customers.",
                () -> corrections.retire(tenant, id, version));
    }

    private String review(CurrentTenant tenant, UUID id, @Nullable String back, RedirectAttributes redirect,
                          String notice, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("notice", notice);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problem", String.join(" ", e.errors().values()));
        } catch (CorrectionConflictException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        // from the queue: back to the tab the reviewer was on; from the correction's page: back there
        return "redirect:" + (back != null && TABS.contains(back) ? queuePath(tenant, back) : path(tenant, id));
    }

    private String refused(CurrentTenant tenant, UUID id, CorrectionConflictException e, RedirectAttributes redirect) {
        redirect.addFlashAttribute("problem", e.getMessage());
        return "redirect:" + path(tenant, id);
    }

    private String page(CurrentTenant tenant, Model model, Correction c, CorrectionForm form,
                        Map<String, String> errors) {
        model.addAttribute("correction", c);
        model.addAttribute("history", corrections.history(tenant.id(), c.id()));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("maxText", CorrectionForm.MAX_TEXT);
        model.addAttribute("now", OffsetDateTime.now());
        model.addAttribute("section", "corrections");
        return "corrections/correction";
    }

    /** An answer's id from the address; anything that is not one is an answer we cannot find (404). */
    private static @Nullable UUID messageId(@Nullable String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(raw.strip());
        } catch (IllegalArgumentException e) {
            throw NotFoundException.of("Answer", raw.length() > 40 ? raw.substring(0, 40) + "…" : raw);
        }
    }

    private static CorrectionStatus tab(@Nullable String tab) {
        if (tab == null) {
            return CorrectionStatus.PENDING;
        }
        return switch (tab.toLowerCase(Locale.ROOT)) {
            case "approved" -> CorrectionStatus.APPROVED;
            case "rejected" -> CorrectionStatus.REJECTED;
            case "retired" -> CorrectionStatus.RETIRED;
            default -> CorrectionStatus.PENDING;
        };
    }

    static String queuePath(CurrentTenant tenant, @Nullable String tab) {
        return "/w/" + tenant.slug() + "/corrections" + (tab == null ? "" : "?tab=" + tab);
    }

    static String path(CurrentTenant tenant, UUID id) {
        return "/w/" + tenant.slug() + "/corrections/" + id;
    }
}
