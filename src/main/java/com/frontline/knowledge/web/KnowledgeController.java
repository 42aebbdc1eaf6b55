package com.frontline.knowledge.web;

import com.frontline.knowledge.DocumentFile;
import com.frontline.knowledge.KnowledgeService;
import com.frontline.knowledge.UploadResult;
import com.frontline.search.Visibility;
import com.frontline.shared.CurrentTenant;
import com.frontline.shared.InvalidInputException;
import com.frontline.shared.Role;
import com.frontline.shared.web.RequiresRole;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The Knowledge page: upload documents or paste text, watch them get indexed, manage versions. */
@Controller
class KnowledgeController {

    static final int MAX_FILES_PER_UPLOAD = 20;

    private final KnowledgeService knowledge;

    KnowledgeController(KnowledgeService knowledge) {
        this.knowledge = knowledge;
    }

    @GetMapping("/w/{slug}/knowledge")
    @RequiresRole(Role.AGENT)
    String page(CurrentTenant tenant, Model model) {
        model.addAttribute("documents", knowledge.documents(tenant.id()));
        model.addAttribute("status", knowledge.status(tenant.id()));
        model.addAttribute("section", "knowledge");
        model.addAttribute("maxChars", KnowledgeService.MAX_PASTED_CHARS);
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        // the live-status poll asks for the documents panel only
        return "knowledge/knowledge :: documents-panel";
    }

    @PostMapping("/w/{slug}/knowledge/upload")
    @RequiresRole(Role.ADMIN)
    String upload(CurrentTenant tenant, @RequestParam(name = "files", required = false) List<MultipartFile> files,
                  @RequestParam(required = false) @Nullable UUID replacing,
                  @RequestParam(required = false) @Nullable String internal, RedirectAttributes redirect)
            throws IOException {
        List<MultipartFile> chosen = files == null ? List.of()
                : files.stream().filter(f -> f.getOriginalFilename() != null && !f.getOriginalFilename().isBlank()).toList();
        if (chosen.isEmpty()) {
            redirect.addFlashAttribute("problem", "Choose one or more files to upload.");
        } else if (chosen.size() > MAX_FILES_PER_UPLOAD) {
            redirect.addFlashAttribute("problem", "Upload at most %d files at a time.".formatted(MAX_FILES_PER_UPLOAD));
        } else {
            List<UploadResult> results = new ArrayList<>();
            for (MultipartFile file : chosen) {
                results.add(knowledge.upload(tenant, file.getOriginalFilename(), file.getBytes(),
                        chosen.size() == 1 ? replacing : null, visibility(internal)));
            }
            redirect.addFlashAttribute("uploads", results);
        }
        return replacing != null ? "redirect:/w/" + tenant.slug() + "/knowledge/" + replacing
                : "redirect:/w/" + tenant.slug() + "/knowledge";
    }

    @PostMapping("/w/{slug}/knowledge/text")
    @RequiresRole(Role.ADMIN)
    String addText(CurrentTenant tenant, @RequestParam(defaultValue = "") String title,
                   @RequestParam(defaultValue = "") String text,
                   @RequestParam(required = false) @Nullable String internal, Model model,
                   HttpServletResponse response, RedirectAttributes redirect) {
        try {
            UploadResult result = knowledge.addText(tenant, title, text, visibility(internal));
            redirect.addFlashAttribute("uploads", List.of(result));
            return "redirect:/w/" + tenant.slug() + "/knowledge";
        } catch (InvalidInputException e) {
            response.setStatus(422);
            model.addAttribute("errors", e.errors());
            model.addAttribute("pastedTitle", title);
            model.addAttribute("pastedText", text);
            model.addAttribute("pastedInternal", visibility(internal) == Visibility.INTERNAL);
            return page(tenant, model);
        }
    }

    @PostMapping("/w/{slug}/knowledge/rebuild")
    @RequiresRole(Role.ADMIN)
    String rebuild(CurrentTenant tenant, RedirectAttributes redirect) {
        knowledge.rebuild(tenant);
        redirect.addFlashAttribute("notice", "Rebuilding the search index from the stored passages; "
                + "your assistant keeps answering from the current index meanwhile.");
        return "redirect:/w/" + tenant.slug() + "/knowledge";
    }

    @GetMapping("/w/{slug}/knowledge/{documentId}")
    @RequiresRole(Role.AGENT)
    String document(CurrentTenant tenant, @PathVariable UUID documentId, Model model) {
        model.addAttribute("details", knowledge.document(tenant.id(), documentId));
        model.addAttribute("flags", knowledge.flaggedSentences(tenant.id(), documentId));
        model.addAttribute("section", "knowledge");
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "knowledge/document :: versions-panel";
    }

    /** Public (the widget may quote it) or internal (the team only); the index follows in the background. */
    @PostMapping("/w/{slug}/knowledge/{documentId}/visibility")
    @RequiresRole(Role.ADMIN)
    String visibility(CurrentTenant tenant, @PathVariable UUID documentId,
                      @RequestParam(defaultValue = "") String visibility, RedirectAttributes redirect) {
        Visibility chosen = switch (visibility) {
            case "PUBLIC" -> Visibility.PUBLIC;
            case "INTERNAL" -> Visibility.INTERNAL;
            default -> null;
        };
        if (chosen == null) {
            redirect.addFlashAttribute("problem", "Choose who may read this document.");
        } else {
            knowledge.setVisibility(tenant, documentId, chosen);
            redirect.addFlashAttribute("notice", chosen == Visibility.INTERNAL
                    ? "Internal now: only your team sees it, and the website widget stops quoting it in a moment."
                    : "Public now: the website widget may quote it in a moment.");
        }
        return "redirect:/w/" + tenant.slug() + "/knowledge/" + documentId;
    }

    /** The upload forms' "Internal" checkbox: ticked (any value sent) means internal. */
    static Visibility visibility(@Nullable String internal) {
        return internal == null || internal.isBlank() || internal.equalsIgnoreCase("false")
                ? Visibility.PUBLIC : Visibility.INTERNAL;
    }

    /** Renames the document; customers see the title in the sources of answers. */
    @PostMapping("/w/{slug}/knowledge/{documentId}/title")
    @RequiresRole(Role.ADMIN)
    String rename(CurrentTenant tenant, @PathVariable UUID documentId, @RequestParam(defaultValue = "") String title,
                  Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            knowledge.rename(tenant, documentId, title);
            redirect.addFlashAttribute("notice", "Renamed to “" + title.replaceAll("\\s+", " ").strip() + "”.");
            return "redirect:/w/" + tenant.slug() + "/knowledge/" + documentId;
        } catch (InvalidInputException e) {
            response.setStatus(422);
            model.addAttribute("errors", e.errors());
            model.addAttribute("titleValue", title);
            return document(tenant, documentId, model);
        }
    }

    @PostMapping("/w/{slug}/knowledge/{documentId}/delete")
    @RequiresRole(Role.ADMIN)
    String delete(CurrentTenant tenant, @PathVariable UUID documentId, RedirectAttributes redirect) {
        String title = knowledge.document(tenant.id(), documentId).document().title();
        knowledge.delete(tenant, documentId);
        redirect.addFlashAttribute("notice", "“" + title + "” was deleted and is leaving the search index.");
        return "redirect:/w/" + tenant.slug() + "/knowledge";
    }

    @GetMapping("/w/{slug}/knowledge/{documentId}/versions/{version}/file")
    @RequiresRole(Role.AGENT)
    ResponseEntity<byte[]> download(CurrentTenant tenant, @PathVariable UUID documentId, @PathVariable int version) {
        DocumentFile file = knowledge.file(tenant.id(), documentId, version);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.filename(), StandardCharsets.UTF_8).build().toString())
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .header("X-Content-Type-Options", "nosniff")
                .body(file.bytes());
    }
}
