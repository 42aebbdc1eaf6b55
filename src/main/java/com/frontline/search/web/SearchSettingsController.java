package com.frontline.search.web;

import com.frontline.search.Audience;
import com.frontline.search.KnowledgeSearch;
import com.frontline.search.Passage;
import com.frontline.search.RetrievalSettings;
import com.frontline.search.SearchUnavailableException;
import com.frontline.shared.CurrentTenant;
import com.frontline.shared.Role;
import com.frontline.shared.web.RequiresRole;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;
import java.util.Map;

/** Search tuning: the workspace's retrieval settings, and "Try a query" to see what they find. */
@Controller
@RequiresRole(Role.ADMIN)
class SearchSettingsController {

    private static final Logger log = LoggerFactory.getLogger(SearchSettingsController.class);

    private final KnowledgeSearch search;

    SearchSettingsController(KnowledgeSearch search) {
        this.search = search;
    }

    @GetMapping("/w/{slug}/settings/search")
    String page(CurrentTenant tenant, Model model) {
        return page(tenant, model, SearchSettingsForm.of(search.settings(tenant.id())), Map.of());
    }

    @PostMapping("/w/{slug}/settings/search")
    String save(CurrentTenant tenant, @ModelAttribute SearchSettingsForm form, Model model,
                HttpServletResponse response, RedirectAttributes redirect) {
        switch (form.parse()) {
            case SearchSettingsForm.Invalid invalid -> {
                response.setStatus(422);
                return page(tenant, model, form, invalid.errors());
            }
            case SearchSettingsForm.Valid valid -> search.saveSettings(tenant, valid.settings());
        }
        redirect.addFlashAttribute("notice", "Search settings saved. The assistant uses them from its next answer.");
        return "redirect:/w/" + tenant.slug() + "/settings/search";
    }

    @PostMapping("/w/{slug}/settings/search/reset")
    String reset(CurrentTenant tenant, RedirectAttributes redirect) {
        search.resetSettings(tenant);
        redirect.addFlashAttribute("notice", "Search settings reset to the defaults.");
        return "redirect:/w/" + tenant.slug() + "/settings/search";
    }

    /**
     * The passages a query finds with the settings currently in the form, saved or not. Always answers with the
     * results fragment: bad settings or an unavailable index show as a message inside it.
     */
    @HxRequest
    @PostMapping("/w/{slug}/settings/search/try")
    String tryQuery(CurrentTenant tenant, @ModelAttribute SearchSettingsForm form,
                    @RequestParam(defaultValue = "") String query,
                    @RequestParam(defaultValue = "TEAM") String audience, Model model) {
        model.addAttribute("query", query);
        model.addAttribute("passages", List.of());
        if (query.isBlank()) {
            model.addAttribute("tryMessage", "Type a question a customer might ask, then press Search.");
            return "search/settings :: try-results";
        }
        switch (form.parse()) {
            case SearchSettingsForm.Invalid invalid -> model.addAttribute("tryMessage",
                    "Fix the settings above first: " + String.join(" ", invalid.errors().values()));
            case SearchSettingsForm.Valid valid -> tryWith(tenant, query, audience(audience), valid.settings(), model);
        }
        return "search/settings :: try-results";
    }

    /** Anything but "as a website visitor" searches as the team: the admin sees their own knowledge either way. */
    private static Audience audience(String raw) {
        return "VISITORS".equals(raw) ? Audience.VISITORS : Audience.TEAM;
    }

    private void tryWith(CurrentTenant tenant, String query, Audience audience, RetrievalSettings settings,
                         Model model) {
        try {
            List<Passage> passages = search.search(tenant.id(), audience, query, settings);
            model.addAttribute("passages", passages);
            model.addAttribute("tried", settings);
            if (passages.isEmpty()) {
                model.addAttribute("tryMessage", "Nothing found. Add knowledge, or lower the minimum score.");
            }
        } catch (SearchUnavailableException e) {
            log.warn("Try a query failed: {}", e.getMessage());
            model.addAttribute("tryMessage", "Search is not available right now (the search index is starting "
                    + "or cannot be reached). Try again in a minute.");
        }
    }

    private String page(CurrentTenant tenant, Model model, SearchSettingsForm form, Map<String, String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("defaults", RetrievalSettings.defaults());
        model.addAttribute("usesDefaults", search.usesDefaults(tenant.id()));
        model.addAttribute("maxTopK", RetrievalSettings.MAX_TOP_K);
        model.addAttribute("maxCandidates", RetrievalSettings.MAX_CANDIDATES);
        model.addAttribute("maxQueryChars", KnowledgeSearch.MAX_QUERY_CHARS);
        model.addAttribute("section", "search");
        model.addAttribute("passages", List.of());
        model.addAttribute("query", "");
        return "search/settings";
    }
}
