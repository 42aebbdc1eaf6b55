package com.frontline.insights.web;

import com.frontline.insights.ArticleDraft;
import com.frontline.insights.Backfill;
import com.frontline.insights.ClusterJob;
import com.frontline.insights.InsightsBackground;
import com.frontline.insights.InsightsService;
import com.frontline.insights.LocalAnalysis;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Map;
import java.util.UUID;

/**
 * The knowledge-gaps page: clusters of the questions the assistant did not answer well, one cluster's questions and
 * drafts, drafting an article, saving a validated draft into the knowledge base, and asking the questions again.
 * Admins and owners only.
 */
@Controller
@RequiresRole(Role.ADMIN)
class GapsController {

    private final InsightsService insights;
    private final InsightsBackground background;

    GapsController(InsightsService insights, InsightsBackground background) {
        this.insights = insights;
        this.background = background;
    }

    /**
     * The gaps page; while a backfill or a re-cluster runs, its status region polls this address and gets the region
     * back, until the work is done: then the polling request reloads the page, which shows the new clusters.
     */
    @GetMapping("/w/{slug}/gaps")
    String gaps(CurrentTenant tenant, Model model, HttpServletRequest request, HttpServletResponse response) {
        @Nullable Backfill backfill = background.backfillProgress(tenant.id()).orElse(null);
        @Nullable ClusterJob clusterJob = background.clusterJob(tenant.id()).orElse(null);
        boolean working = (backfill != null && backfill.running()) || (clusterJob != null && clusterJob.active());
        if (Views.wantsFragment(request) && !working) {
            response.setHeader("HX-Refresh", "true"); // done: the page shows the new clusters
        }
        model.addAttribute("backfill", backfill);
        model.addAttribute("clusterJob", clusterJob);
        model.addAttribute("working", working);
        model.addAttribute("clusters", insights.clusters(tenant.id()));
        model.addAttribute("run", insights.lastRun(tenant.id()).orElse(null));
        model.addAttribute("questions", insights.gapQuestionCount(tenant.id()));
        model.addAttribute("minQuestions", insights.properties().minQuestions());
        model.addAttribute("summary", insights.summary(tenant.id()));
        model.addAttribute("method", LocalAnalysis.METHOD);
        model.addAttribute("section", "gaps");
        return "insights/gaps :: gaps-status";
    }

    /** Queues a re-cluster in the background and returns at once; a second click while it runs queues nothing. */
    @PostMapping("/w/{slug}/gaps/recluster")
    String recluster(CurrentTenant tenant, RedirectAttributes redirect) {
        int questions = insights.gapQuestionCount(tenant.id());
        if (questions < insights.properties().minQuestions()) {
            redirect.addFlashAttribute("problem", "Not enough unanswered questions to cluster yet: %d of the %d "
                    .formatted(questions, insights.properties().minQuestions()) + "needed.");
        } else if (background.recluster(tenant.id())) {
            redirect.addFlashAttribute("notice", "Clustering %,d unanswered questions in the background. The page "
                    .formatted(questions) + "shows the new clusters when it is done.");
        } else {
            redirect.addFlashAttribute("notice", "A re-cluster is already running; the page shows the new clusters "
                    + "when it is done.");
        }
        return "redirect:" + base(tenant);
    }

    @GetMapping("/w/{slug}/gaps/{clusterId}")
    String cluster(CurrentTenant tenant, @PathVariable("clusterId") UUID clusterId, Model model) {
        return cluster(tenant, clusterId, model, null, Map.of(), null);
    }

    private String cluster(CurrentTenant tenant, UUID clusterId, Model model, @Nullable UUID editing,
                           Map<String, String> errors, @Nullable Map<String, String> form) {
        model.addAttribute("cluster", insights.cluster(tenant.id(), clusterId));
        model.addAttribute("members", insights.members(tenant.id(), clusterId));
        model.addAttribute("drafts", insights.drafts(tenant.id(), clusterId));
        model.addAttribute("editing", editing);
        model.addAttribute("errors", errors);
        model.addAttribute("form", form == null ? Map.of() : form);
        model.addAttribute("section", "gaps");
        return "insights/cluster";
    }

    @PostMapping("/w/{slug}/gaps/{clusterId}/drafts")
    String draft(CurrentTenant tenant, @PathVariable("clusterId") UUID clusterId, RedirectAttributes redirect) {
        ArticleDraft draft = insights.draftArticle(tenant, clusterId);
        redirect.addFlashAttribute(draft.status() == ArticleDraft.Status.VALIDATED ? "notice" : "problem",
                draft.status() == ArticleDraft.Status.VALIDATED
                        ? "Draft validated. Edit it if you like, then save it into the knowledge base."
                        : "The draft was rejected; its report says why.");
        return "redirect:" + base(tenant) + "/" + clusterId + "#draft-" + draft.id();
    }

    @PostMapping("/w/{slug}/gaps/{clusterId}/drafts/{draftId}/save")
    String save(CurrentTenant tenant, @PathVariable("clusterId") UUID clusterId,
                @PathVariable("draftId") UUID draftId, @RequestParam(required = false) @Nullable String title,
                @RequestParam(required = false) @Nullable String body,
                @RequestParam(required = false) @Nullable String visibility, Model model,
                HttpServletResponse response, RedirectAttributes redirect) {
        try {
            insights.saveDraft(tenant, draftId, title, body, visibility);
            redirect.addFlashAttribute("notice", "Saved into the knowledge base. Once it is indexed, ask the "
                    + "cluster's questions again to see how many are answered now.");
            return "redirect:" + base(tenant) + "/" + clusterId;
        } catch (InvalidInputException e) {
            response.setStatus(422);
            return cluster(tenant, clusterId, model, draftId, e.errors(), Map.of(
                    "title", title == null ? "" : title, "body", body == null ? "" : body,
                    "visibility", visibility == null ? "" : visibility));
        }
    }

    @PostMapping("/w/{slug}/gaps/{clusterId}/rerun")
    String rerun(CurrentTenant tenant, @PathVariable("clusterId") UUID clusterId, RedirectAttributes redirect) {
        InsightsService.Rerun rerun = insights.rerun(tenant, clusterId);
        redirect.addFlashAttribute("notice", "%d of %d questions are answered now.".formatted(rerun.answered(),
                rerun.total()));
        return "redirect:" + base(tenant) + "/" + clusterId;
    }

    private static String base(CurrentTenant tenant) {
        return "/w/" + tenant.slug() + "/gaps";
    }
}
