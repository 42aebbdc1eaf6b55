package com.frontline.assistants.web;

import com.frontline.assistants.AssistantConfig;
import com.frontline.assistants.AssistantVersion;
import com.frontline.assistants.AssistantVersions;
import com.frontline.assistants.ConfigFields;
import com.frontline.assistants.FieldDiff;
import com.frontline.assistants.LiveChange;
import com.frontline.shared.CurrentTenant;
import com.frontline.shared.InvalidInputException;
import com.frontline.shared.NotFoundException;
import com.frontline.shared.Role;
import com.frontline.shared.UserFacingException;
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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The assistant versions screens (Admin and up): the list with the live version, the draft's changes and the publish
 * form; one version's configuration; two versions compared field by field; restoring an earlier version as a new one.
 */
@Controller
@RequiresRole(Role.ADMIN)
class VersionsController {

    static final int HISTORY_SHOWN = 10;

    private final AssistantVersions versions;

    VersionsController(AssistantVersions versions) {
        this.versions = versions;
    }

    /** A part of a configuration and its fields, for the version page. */
    record Section(String name, List<ConfigFields.Field> fields) {
    }

    @GetMapping("/w/{slug}/versions")
    String list(CurrentTenant tenant, Model model) {
        return list(tenant, model, "", true, Map.of());
    }

    @PostMapping("/w/{slug}/versions")
    String publish(CurrentTenant tenant, @RequestParam(required = false) @Nullable String note,
                   @RequestParam(defaultValue = "false") boolean live, Model model, HttpServletResponse response,
                   RedirectAttributes redirect) {
        try {
            AssistantVersion published = versions.publish(tenant, note, live);
            redirect.addFlashAttribute("notice", live
                    ? "Published version " + published.number() + " and made it live: website visitors get it now."
                    : "Published version " + published.number() + ". Website visitors keep getting version "
                    + versions.liveVersion(tenant.id()) + " until you make it live.");
            return home(tenant);
        } catch (InvalidInputException e) {
            response.setStatus(422);
            return list(tenant, model, note == null ? "" : note, live, e.errors());
        }
    }

    @GetMapping("/w/{slug}/versions/{number}")
    String version(CurrentTenant tenant, @PathVariable String number, Model model) {
        return version(tenant, number(number), model, "", Map.of());
    }

    /** A published version is never edited: the draft is, on the settings pages. */
    @PostMapping("/w/{slug}/versions/{number}")
    String edit(CurrentTenant tenant, @PathVariable("number") String raw) {
        int number = number(raw);
        versions.get(tenant.id(), number); // another workspace's or unknown: 404
        throw new UserFacingException("Version " + number + " is published and cannot be changed. Change the draft "
                + "in Settings (persona, AI providers, search tuning, handoff) and publish it as a new version.");
    }

    @PostMapping("/w/{slug}/versions/{number}/live")
    String makeLive(CurrentTenant tenant, @PathVariable("number") String raw,
                    @RequestParam(required = false) @Nullable String reason, Model model,
                    HttpServletResponse response, RedirectAttributes redirect) {
        int number = number(raw);
        int before = versions.liveVersion(tenant.id());
        try {
            versions.makeLive(tenant, number, reason);
        } catch (InvalidInputException e) {
            response.setStatus(422);
            return version(tenant, number, model, reason == null ? "" : reason, e.errors());
        }
        redirect.addFlashAttribute("notice", before == number ? "Version " + number + " was live already."
                : "Version " + number + " is live: website visitors get it from now on (it was version " + before
                + ").");
        return home(tenant);
    }

    /** The confirm step of "Restore as new version": what the draft becomes. */
    @GetMapping("/w/{slug}/versions/{number}/restore")
    String confirmRestore(CurrentTenant tenant, @PathVariable String number, Model model) {
        return confirmRestore(tenant, number(number), model, true, Map.of());
    }

    @PostMapping("/w/{slug}/versions/{number}/restore")
    String restore(CurrentTenant tenant, @PathVariable("number") String raw,
                   @RequestParam(defaultValue = "false") boolean live, Model model, HttpServletResponse response,
                   RedirectAttributes redirect) {
        int number = number(raw);
        AssistantVersion restored;
        try {
            restored = versions.restore(tenant, number, live);
        } catch (InvalidInputException e) {
            response.setStatus(422);
            return confirmRestore(tenant, number, model, live, e.errors());
        }
        redirect.addFlashAttribute("notice", "Restored version " + number + " as version " + restored.number()
                + (live ? ", now live." : ". Make it live when you are ready.")
                + " The settings pages show it as the draft.");
        List<FieldDiff> missing = ConfigFields.changes(restored.config(), versions.draft(tenant.id()));
        if (!missing.isEmpty()) {
            redirect.addFlashAttribute("problem", "The draft could not take all of it back: "
                    + String.join("; ", missing.stream().map(d -> d.label() + " (" + d.after() + ")").toList())
                    + ". An AI provider deleted since cannot return: its key is gone.");
        }
        return "redirect:/w/" + tenant.slug() + "/versions/" + restored.number();
    }

    /** Two versions field by field; without a choice the live version and the latest (or the one before it). */
    @GetMapping("/w/{slug}/versions/diff")
    String diff(CurrentTenant tenant, @RequestParam(required = false) @Nullable String a,
                @RequestParam(required = false) @Nullable String b,
                @RequestParam(defaultValue = "false") boolean changed, Model model, HttpServletResponse response) {
        List<AssistantVersion> all = versions.list(tenant.id());
        int live = versions.liveVersion(tenant.id());
        int latest = all.getFirst().number();
        Map<String, String> errors = new LinkedHashMap<>();
        Integer first = number(a, "a", errors);
        Integer second = number(b, "b", errors);
        if (first == null && !errors.containsKey("a")) {
            first = live != latest ? live : all.size() > 1 ? all.get(1).number() : latest;
        }
        if (second == null && !errors.containsKey("b")) {
            second = latest;
        }
        model.addAttribute("versions", all);
        model.addAttribute("live", live);
        model.addAttribute("onlyChanged", changed);
        model.addAttribute("section", "versions");
        model.addAttribute("a", first);
        model.addAttribute("b", second);
        model.addAttribute("errors", errors);
        model.addAttribute("comparison", null);
        if (first == null || second == null) {
            response.setStatus(422);
            return "assistants/diff";
        }
        if (first.equals(second)) {
            if (a != null || b != null) { // asked for: say why nothing is compared; else there is one version only
                errors.put("b", "Choose two different versions to compare.");
                response.setStatus(422);
            }
            return "assistants/diff";
        }
        AssistantVersion before = versions.get(tenant.id(), first);
        AssistantVersion after = versions.get(tenant.id(), second);
        List<FieldDiff> rows = ConfigFields.compare(before.config(), after.config());
        model.addAttribute("comparison", true);
        model.addAttribute("before", before);
        model.addAttribute("after", after);
        model.addAttribute("changedCount", rows.stream().filter(FieldDiff::changed).count());
        model.addAttribute("rows", changed ? rows.stream().filter(FieldDiff::changed).toList() : rows);
        return "assistants/diff";
    }

    private String list(CurrentTenant tenant, Model model, String note, boolean live, Map<String, String> errors) {
        List<AssistantVersion> all = versions.list(tenant.id());
        int liveNumber = versions.liveVersion(tenant.id());
        AssistantConfig draft = versions.draft(tenant.id());
        AssistantVersion latest = all.getFirst();
        List<LiveChange> history = versions.liveHistory(tenant.id(), HISTORY_SHOWN);
        model.addAttribute("versions", all);
        model.addAttribute("live", liveNumber);
        model.addAttribute("latest", latest);
        model.addAttribute("liveSince", history.isEmpty() ? null : history.getFirst());
        model.addAttribute("history", history);
        model.addAttribute("draftChanges", versions.draftChanges(tenant.id()));
        model.addAttribute("draftIsLatest", latest.config().equals(draft));
        model.addAttribute("note", note);
        model.addAttribute("makeLive", live);
        model.addAttribute("errors", errors);
        model.addAttribute("maxNote", AssistantVersions.MAX_NOTE);
        model.addAttribute("section", "versions");
        return "assistants/versions";
    }

    private String version(CurrentTenant tenant, int number, Model model, String reason, Map<String, String> errors) {
        AssistantVersion version = versions.get(tenant.id(), number);
        int live = versions.liveVersion(tenant.id());
        Map<String, List<ConfigFields.Field>> bySection = new LinkedHashMap<>();
        for (ConfigFields.Field f : ConfigFields.of(version.config())) {
            bySection.computeIfAbsent(f.section(), s -> new ArrayList<>()).add(f);
        }
        model.addAttribute("version", version);
        model.addAttribute("live", live);
        model.addAttribute("latest", versions.list(tenant.id()).getFirst().number());
        model.addAttribute("sections", bySection.entrySet().stream().map(e -> new Section(e.getKey(), e.getValue()))
                .toList());
        model.addAttribute("changesFromLive", number == live ? List.of()
                : versions.diff(tenant.id(), live, number));
        model.addAttribute("reason", reason);
        model.addAttribute("errors", errors);
        model.addAttribute("maxNote", AssistantVersions.MAX_NOTE);
        model.addAttribute("section", "versions");
        return "assistants/version";
    }

    private String confirmRestore(CurrentTenant tenant, int number, Model model, boolean live,
                                  Map<String, String> errors) {
        AssistantVersion version = versions.get(tenant.id(), number);
        AssistantVersion latest = versions.list(tenant.id()).getFirst();
        AssistantConfig draft = versions.draft(tenant.id());
        Map<String, String> problems = new LinkedHashMap<>(errors);
        if (problems.isEmpty() && latest.number() == number) {
            problems.put("number", "Version " + number + " is the latest version: there is nothing to restore.");
        } else if (problems.isEmpty() && latest.config().equals(version.config())) {
            problems.put("number", "Version " + number + " has the same configuration as the latest version, "
                    + latest.number() + ": there is nothing to restore.");
        }
        model.addAttribute("version", version);
        model.addAttribute("latest", latest);
        model.addAttribute("next", latest.number() + 1);
        model.addAttribute("draftChanges", ConfigFields.changes(draft, version.config()));
        model.addAttribute("unpublished", !latest.config().equals(draft));
        model.addAttribute("makeLive", live);
        model.addAttribute("errors", problems);
        model.addAttribute("section", "versions");
        return "assistants/restore";
    }

    /** A version number from the address; anything else names no version: 404. */
    private static int number(String raw) {
        try {
            int n = Integer.parseInt(raw);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw NotFoundException.of("Assistant version", raw);
    }

    private static @Nullable Integer number(@Nullable String raw, String field, Map<String, String> errors) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            int n = Integer.parseInt(raw.strip());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // the message below
        }
        errors.put(field, "Choose a version from the list.");
        return null;
    }

    private static String home(CurrentTenant tenant) {
        return "redirect:/w/" + tenant.slug() + "/versions";
    }
}
