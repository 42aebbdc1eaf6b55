package com.frontline.rollouts.web;

import com.frontline.assistants.AssistantVersion;
import com.frontline.assistants.AssistantVersions;
import com.frontline.rollouts.Experiment;
import com.frontline.rollouts.ExperimentStatus;
import com.frontline.rollouts.Rollouts;
import com.frontline.shared.CurrentTenant;
import com.frontline.shared.InvalidInputException;
import com.frontline.shared.Role;
import com.frontline.shared.UserFacingException;
import com.frontline.shared.web.RequiresRole;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The rollouts overview (the split in force, the running experiment with its gate or guard, the last rollback, the
 * deployment history and past experiments) and the new-experiment form with its rehearsal line. Agents may look;
 * starting, advancing, rolling back and stopping is for admins.
 */
@Controller
@RequiresRole(Role.ADMIN)
class RolloutsController {

    static final int HISTORY_SHOWN = 20;

    private final Rollouts rollouts;
    private final AssistantVersions versions;

    RolloutsController(Rollouts rollouts, AssistantVersions versions) {
        this.rollouts = rollouts;
        this.versions = versions;
    }

    @GetMapping("/w/{slug}/rollouts")
    @RequiresRole(Role.AGENT)
    String overview(CurrentTenant tenant, Model model) {
        Experiment current = rollouts.running(tenant.id()).orElse(null);
        int live = versions.liveVersion(tenant.id());
        List<Experiment> experiments = rollouts.list(tenant.id());
        model.addAttribute("current", current);
        model.addAttribute("decision", current != null && current.status() == ExperimentStatus.RUNNING
                ? rollouts.decision(tenant.id(), current.id()) : null);
        model.addAttribute("split", SplitBar.of(current, live));
        model.addAttribute("splitWords", rollouts.splitInForce(tenant.id()));
        model.addAttribute("live", live);
        model.addAttribute("lastRollback", rollouts.lastRollback(tenant.id()));
        model.addAttribute("history", rollouts.history(tenant.id(), HISTORY_SHOWN));
        model.addAttribute("experiments", experiments);
        model.addAttribute("poll", poll(current));
        model.addAttribute("labels", Labels.INSTANCE);
        model.addAttribute("section", "rollouts");
        return "rollouts/rollouts :: dashboard";
    }

    @GetMapping("/w/{slug}/rollouts/new")
    String newExperiment(CurrentTenant tenant, Model model) {
        List<AssistantVersion> all = versions.list(tenant.id());
        int live = versions.liveVersion(tenant.id());
        return form(tenant, model, PlanInput.defaults(all, live), Map.of());
    }

    /**
     * "With your traffic, a 5 % drop is caught after about N visitors" for the plan as it is typed; the form asks
     * again whenever it changes. A plain request (no script) gets the whole form with the line filled in.
     */
    @GetMapping("/w/{slug}/rollouts/new/rehearsal")
    String rehearsal(CurrentTenant tenant, @RequestParam MultiValueMap<String, String> params, Model model) {
        PlanInput input = PlanInput.from(params);
        model.addAttribute("rehearsal", rehearse(tenant, input));
        form(tenant, model, input, Map.of());
        return "rollouts/new :: rehearsal-line";
    }

    @PostMapping("/w/{slug}/rollouts")
    String create(CurrentTenant tenant, @RequestParam MultiValueMap<String, String> params, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) {
        PlanInput input = PlanInput.from(without(params, "_csrf"));
        Experiment created;
        try {
            created = rollouts.create(tenant, input.toForm());
        } catch (InvalidInputException e) {
            response.setStatus(422);
            return form(tenant, model, input, e.errors());
        } catch (UserFacingException e) { // a second experiment on the same traffic, a plan the engine refuses
            response.setStatus(422);
            return form(tenant, model, input, Map.of(e.field().isEmpty() ? "form" : e.field(), e.getMessage()));
        }
        redirect.addFlashAttribute("notice", switch (created.status()) {
            case GATING, BLOCKED -> "Experiment #" + created.number() + " created. Its offline gate decides whether "
                    + "traffic is split: see below.";
            default -> "Experiment #" + created.number() + " started: " + SplitBar.of(created,
                    created.baselineVersion()).words() + ".";
        });
        return "redirect:" + Paths.experiment(tenant, created.id());
    }

    private String form(CurrentTenant tenant, Model model, PlanInput input, Map<String, String> errors) {
        List<AssistantVersion> all = versions.list(tenant.id());
        int live = versions.liveVersion(tenant.id());
        Map<String, String> known = new LinkedHashMap<>();
        Map<String, String> other = new LinkedHashMap<>();
        errors.forEach((field, message) -> (FIELDS.contains(field) ? known : other).put(field, message));
        model.addAttribute("input", input);
        model.addAttribute("versions", all);
        model.addAttribute("live", live);
        model.addAttribute("running", rollouts.running(tenant.id()).orElse(null));
        model.addAttribute("errors", known);
        model.addAttribute("formErrors", other.values());
        model.addAttribute("guardWindow", Labels.INSTANCE.duration(rollouts.guardWindow()));
        model.addAttribute("labels", Labels.INSTANCE);
        model.addAttribute("section", "rollouts");
        if (!model.containsAttribute("rehearsal")) {
            model.addAttribute("rehearsal", null);
        }
        return "rollouts/new";
    }

    /** The field keys the form shows messages beside; any other message goes above the form. */
    static final List<String> FIELDS = List.of("name", "kind", "candidateVersion", "arms", "steps", "minDuration",
            "minSample", "relativeDrop", "alpha");

    /** The rehearsal line in words, or why there is none. */
    private String rehearse(CurrentTenant tenant, PlanInput input) {
        try {
            OptionalInt visitors = rollouts.rehearse(tenant.id(), input.toForm());
            if (visitors.isEmpty()) {
                return "Not enough recent traffic to rehearse this plan: once visitors rate answers, this line says "
                        + "how many visitors it takes to catch a 5 % drop.";
            }
            return "With your traffic, a 5 % drop is caught after about "
                    + String.format(java.util.Locale.ROOT, "%,d", visitors.getAsInt()) + " visitors.";
        } catch (InvalidInputException e) {
            return "Complete the plan to see how soon a drop would be caught: "
                    + String.join(" ", e.errors().values());
        } catch (UserFacingException e) {
            return "Complete the plan to see how soon a drop would be caught: " + e.getMessage();
        }
    }

    /** Refresh while the gate runs (seconds matter) and while traffic is split (the guard looks every minute). */
    static @Nullable String poll(@Nullable Experiment e) {
        if (e == null) {
            return null;
        }
        return switch (e.status()) {
            case GATING -> "every 3s";
            case RUNNING -> "every 30s";
            default -> null;
        };
    }

    private static MultiValueMap<String, String> without(MultiValueMap<String, String> params, String name) {
        MultiValueMap<String, String> copy = new LinkedMultiValueMap<>(params);
        copy.remove(name);
        return copy;
    }
}
