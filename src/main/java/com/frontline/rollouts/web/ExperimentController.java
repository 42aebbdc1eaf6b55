package com.frontline.rollouts.web;

import com.frontline.rollouts.ArmMetrics;
import com.frontline.rollouts.Decision;
import com.frontline.rollouts.Experiment;
import com.frontline.rollouts.ExperimentStatus;
import com.frontline.rollouts.Rollouts;
import com.frontline.rollouts.SeriesPoint;
import com.frontline.shared.CurrentTenant;
import com.frontline.shared.InvalidInputException;
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

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * One experiment: its split, gate, plan and decision, the per-arm table with intervals, the difference with its
 * named tests, and the helpful rate over time. Admins act on it here: override a blocked gate (with a reason),
 * advance a step, roll back (after a confirm step, with a reason) or stop. A stale form (someone or the guard
 * changed the rollout meanwhile) is refused by the service; its message is shown where the person is.
 */
@Controller
@RequiresRole(Role.ADMIN)
class ExperimentController {

    static final int MAX_REASON = 500;

    private final Rollouts rollouts;

    ExperimentController(Rollouts rollouts) {
        this.rollouts = rollouts;
    }

    @GetMapping("/w/{slug}/rollouts/{experimentId}")
    @RequiresRole(Role.AGENT)
    String experiment(CurrentTenant tenant, @PathVariable("experimentId") String raw, Model model) {
        return page(tenant, rollouts.get(tenant.id(), Paths.id(raw)), model, "", Map.of());
    }

    @PostMapping("/w/{slug}/rollouts/{experimentId}/override")
    String override(CurrentTenant tenant, @PathVariable("experimentId") String raw,
                    @RequestParam(required = false) @Nullable String reason,
                    @RequestParam(required = false) @Nullable String lockVersion, Model model,
                    HttpServletResponse response, RedirectAttributes redirect) {
        UUID id = Paths.id(raw);
        String why = reason == null ? "" : reason.strip();
        String problem = reasonProblem(why, "Say why the candidate may go out although the gate blocked it "
                + "(the audit log keeps it).");
        if (problem != null) {
            response.setStatus(422);
            return page(tenant, rollouts.get(tenant.id(), id), model, why, Map.of("reason", problem));
        }
        try {
            Experiment e = rollouts.override(tenant, id, why, lock(lockVersion));
            redirect.addFlashAttribute("notice", "Gate overridden: " + started(e));
        } catch (InvalidInputException e) {
            response.setStatus(422);
            return page(tenant, rollouts.get(tenant.id(), id), model, why, e.errors());
        } catch (UserFacingException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:" + Paths.experiment(tenant, id);
    }

    @PostMapping("/w/{slug}/rollouts/{experimentId}/advance")
    String advance(CurrentTenant tenant, @PathVariable("experimentId") String raw,
                   @RequestParam(required = false) @Nullable String lockVersion,
                   @RequestParam(required = false) @Nullable String from, RedirectAttributes redirect) {
        UUID id = Paths.id(raw);
        return act(tenant, id, from, redirect, () -> {
            Experiment e = rollouts.advance(tenant, id, lock(lockVersion));
            return e.status() == ExperimentStatus.COMPLETED
                    ? "Rollout complete: " + candidate(e) + " serves all visitors."
                    : "Advanced to " + Labels.INSTANCE.step(e).replaceFirst("^Step", "step") + " of visitors go to "
                    + candidate(e) + ".";
        });
    }

    @PostMapping("/w/{slug}/rollouts/{experimentId}/stop")
    String stop(CurrentTenant tenant, @PathVariable("experimentId") String raw,
                @RequestParam(required = false) @Nullable String lockVersion,
                @RequestParam(required = false) @Nullable String from, RedirectAttributes redirect) {
        UUID id = Paths.id(raw);
        return act(tenant, id, from, redirect, () -> {
            Experiment e = rollouts.stop(tenant, id, lock(lockVersion));
            return "Stopped experiment #" + e.number() + ": all visitors get version " + e.baselineVersion()
                    + " again.";
        });
    }

    /** The confirm step: what rolling back does, and the reason it needs. */
    @GetMapping("/w/{slug}/rollouts/{experimentId}/rollback")
    String confirmRollback(CurrentTenant tenant, @PathVariable("experimentId") String raw,
                           @RequestParam(required = false) @Nullable String from, Model model) {
        return confirm(tenant, rollouts.get(tenant.id(), Paths.id(raw)), model, "", from, Map.of());
    }

    @PostMapping("/w/{slug}/rollouts/{experimentId}/rollback")
    String rollback(CurrentTenant tenant, @PathVariable("experimentId") String raw,
                    @RequestParam(required = false) @Nullable String reason,
                    @RequestParam(required = false) @Nullable String lockVersion,
                    @RequestParam(required = false) @Nullable String from, Model model,
                    HttpServletResponse response, RedirectAttributes redirect) {
        UUID id = Paths.id(raw);
        String why = reason == null ? "" : reason.strip();
        String problem = reasonProblem(why, "Say why you roll back (for example what customers reported); the "
                + "deployment history keeps it.");
        if (problem != null) {
            response.setStatus(422);
            return confirm(tenant, rollouts.get(tenant.id(), id), model, why, from, Map.of("reason", problem));
        }
        try {
            Experiment e = rollouts.rollback(tenant, id, why, lock(lockVersion));
            redirect.addFlashAttribute("notice", "Rolled back: all visitors get version " + e.baselineVersion()
                    + " again.");
        } catch (InvalidInputException e) {
            response.setStatus(422);
            return confirm(tenant, rollouts.get(tenant.id(), id), model, why, from, e.errors());
        } catch (UserFacingException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:" + back(tenant, id, from);
    }

    private String act(CurrentTenant tenant, UUID id, @Nullable String from, RedirectAttributes redirect,
                       Supplier<String> action) {
        try {
            redirect.addFlashAttribute("notice", action.get());
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problem", String.join(" ", e.errors().values()));
        } catch (UserFacingException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:" + back(tenant, id, from);
    }

    private String page(CurrentTenant tenant, Experiment e, Model model, String reason, Map<String, String> errors) {
        List<ArmMetrics> all = e.status() == ExperimentStatus.GATING || e.status() == ExperimentStatus.BLOCKED
                ? List.of() : rollouts.metrics(tenant.id(), e.id());
        // the service gives each arm over the guard window, then each arm since the start
        int arms = e.arms().size();
        List<ArmMetrics> window = all.size() == 2 * arms ? all.subList(0, arms) : List.of();
        List<ArmMetrics> overall = all.size() == 2 * arms ? all.subList(arms, all.size()) : all;
        List<SeriesPoint> series = all.isEmpty() ? List.of() : rollouts.series(tenant.id(), e.id());
        Decision decision = rollouts.decision(tenant.id(), e.id());
        model.addAttribute("experiment", e);
        model.addAttribute("split", SplitBar.of(e, e.baselineVersion()));
        model.addAttribute("decision", decision);
        model.addAttribute("table", overall.isEmpty() ? null : ArmTable.of(overall));
        model.addAttribute("differences", HelpfulDifference.of(window, overall, e.guard(), decision));
        model.addAttribute("chart", RolloutChart.wide(series, e.arms()));
        model.addAttribute("chartNarrow", RolloutChart.narrow(series, e.arms()));
        model.addAttribute("poll", RolloutsController.poll(e));
        model.addAttribute("reason", reason);
        model.addAttribute("errors", errors);
        model.addAttribute("maxReason", MAX_REASON);
        model.addAttribute("labels", Labels.INSTANCE);
        model.addAttribute("section", "rollouts");
        return "rollouts/experiment :: experiment-body";
    }

    private String confirm(CurrentTenant tenant, Experiment e, Model model, String reason, @Nullable String from,
                           Map<String, String> errors) {
        model.addAttribute("experiment", e);
        model.addAttribute("from", "overview".equals(from) ? "overview" : "experiment");
        model.addAttribute("split", SplitBar.of(e, e.baselineVersion()));
        model.addAttribute("reason", reason);
        model.addAttribute("errors", errors);
        model.addAttribute("maxReason", MAX_REASON);
        model.addAttribute("labels", Labels.INSTANCE);
        model.addAttribute("section", "rollouts");
        return "rollouts/rollback";
    }

    private static @Nullable String reasonProblem(String reason, String blank) {
        if (reason.isEmpty()) {
            return blank;
        }
        if (reason.length() > MAX_REASON) {
            return "Keep the reason to " + MAX_REASON + " characters (it has " + reason.length() + ").";
        }
        return null;
    }

    /** The form's lock version; a missing or garbled one can never match, so the service refuses it as stale. */
    private static long lock(@Nullable String raw) {
        try {
            return raw == null ? -1 : Long.parseLong(raw.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Back to the overview when the button was pressed there, else to the experiment. */
    private static String back(CurrentTenant tenant, UUID id, @Nullable String from) {
        return "overview".equals(from) ? Paths.overview(tenant) : Paths.experiment(tenant, id);
    }

    private static String candidate(Experiment e) {
        return e.arms().stream().filter(a -> a.version() != e.baselineVersion()).findFirst()
                .map(a -> "version " + a.version()).orElse("the candidate");
    }

    private static String started(Experiment e) {
        return "the experiment runs: " + SplitBar.of(e, e.baselineVersion()).words() + ".";
    }
}
