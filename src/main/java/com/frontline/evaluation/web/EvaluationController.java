package com.frontline.evaluation.web;

import com.frontline.evaluation.CaseCsv;
import com.frontline.evaluation.EvaluationCase;
import com.frontline.evaluation.EvaluationRun;
import com.frontline.evaluation.EvaluationService;
import com.frontline.evaluation.RunComparison;
import com.frontline.shared.CurrentTenant;
import com.frontline.shared.NotFoundException;
import com.frontline.shared.Role;
import com.frontline.shared.UserFacingException;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

@Controller
class EvaluationController {

    static final int PROBLEMS_SHOWN = 200;

    private final EvaluationService evaluation;

    EvaluationController(EvaluationService evaluation) {
        this.evaluation = evaluation;
    }

    @GetMapping("/w/{slug}/evaluation")
    @RequiresRole(Role.AGENT)
    String page(CurrentTenant tenant, Model model) {
        return page(tenant, model, null);
    }

    @PostMapping("/w/{slug}/evaluation/cases")
    @RequiresRole(Role.ADMIN)
    String upload(CurrentTenant tenant, @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
                  Model model, HttpServletResponse response, RedirectAttributes redirect) throws IOException {
        if (file == null || file.isEmpty()) {
            redirect.addFlashAttribute("problem", "Choose a CSV file of cases to upload.");
            return home(tenant);
        }
        String filename = file.getOriginalFilename() == null ? "cases.csv" : file.getOriginalFilename();
        byte[] bytes = file.getSize() > evaluation.limits().maxBytes() ? new byte[0] : file.getBytes();
        CaseCsv.Report report = file.getSize() > evaluation.limits().maxBytes()
                ? new CaseCsv.Report(filename, "The file is larger than " + evaluation.limits().maxBytes() / 1024 / 1024
                + " MB; split it into smaller files of at most " + evaluation.limits().maxRows() + " cases.", 0,
                List.of(), List.of())
                : evaluation.upload(tenant, filename, bytes);
        if (report.clean()) {
            redirect.addFlashAttribute("notice", "Added " + plural(report.cases().size(), "case") + " from "
                    + filename + ".");
            return home(tenant);
        }
        response.setStatus(422);
        return page(tenant, model, report);
    }

    @PostMapping("/w/{slug}/evaluation/cases/{caseId}/delete")
    @RequiresRole(Role.ADMIN)
    String deleteCase(CurrentTenant tenant, @PathVariable UUID caseId, RedirectAttributes redirect) {
        evaluation.deleteCase(tenant, caseId);
        redirect.addFlashAttribute("notice", "Deleted the case; past runs keep their copy of it.");
        return home(tenant);
    }

    @PostMapping("/w/{slug}/evaluation/runs")
    @RequiresRole(Role.ADMIN)
    String start(CurrentTenant tenant, RedirectAttributes redirect) {
        try {
            EvaluationRun run = evaluation.start(tenant);
            return "redirect:/w/" + tenant.slug() + "/evaluation/runs/" + run.id();
        } catch (UserFacingException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
            return home(tenant);
        }
    }

    /** The run's page; polled for its progress while it runs (a finished run reloads the page that polls). */
    @GetMapping("/w/{slug}/evaluation/runs/{runId}")
    @RequiresRole(Role.AGENT)
    String run(CurrentTenant tenant, @PathVariable UUID runId, Model model, HttpServletRequest request,
               HttpServletResponse response) {
        EvaluationRun run = evaluation.run(tenant.id(), runId);
        if (Views.wantsFragment(request) && !run.running()) {
            response.setHeader("HX-Refresh", "true"); // done: the page shows the totals and every answer
        }
        model.addAttribute("run", run);
        model.addAttribute("results", evaluation.results(tenant.id(), runId));
        model.addAttribute("section", "evaluation");
        return "evaluation/run :: run-progress";
    }

    /** Two runs side by side; without a choice, the two newest finished runs. */
    @GetMapping("/w/{slug}/evaluation/compare")
    @RequiresRole(Role.AGENT)
    String compare(CurrentTenant tenant, @RequestParam(required = false) @Nullable String a,
                   @RequestParam(required = false) @Nullable String b,
                   @RequestParam(required = false, defaultValue = "false") boolean changed, Model model) {
        List<EvaluationRun> runs = evaluation.runs(tenant.id());
        List<EvaluationRun> finished = runs.stream().filter(r -> !r.running()).toList();
        model.addAttribute("runs", runs);
        model.addAttribute("onlyChanged", changed);
        model.addAttribute("section", "evaluation");
        UUID first = a != null && !a.isBlank() ? id(a) : finished.size() >= 2 ? finished.get(1).id() : null;
        UUID second = b != null && !b.isBlank() ? id(b) : finished.isEmpty() ? null : finished.getFirst().id();
        if (first == null || second == null) {
            model.addAttribute("comparison", null);
            model.addAttribute("rows", List.of());
            return "evaluation/compare";
        }
        RunComparison comparison = evaluation.compare(tenant.id(), first, second);
        model.addAttribute("comparison", comparison);
        model.addAttribute("rows", changed ? comparison.rows().stream().filter(RunComparison.Row::changed).toList()
                : comparison.rows());
        return "evaluation/compare";
    }

    private String page(CurrentTenant tenant, Model model, CaseCsv.@Nullable Report report) {
        List<EvaluationCase> cases = evaluation.cases(tenant.id());
        List<EvaluationRun> runs = evaluation.runs(tenant.id());
        model.addAttribute("cases", cases);
        model.addAttribute("activeCases", cases.stream().filter(c -> !c.retired()).count());
        model.addAttribute("runs", runs);
        model.addAttribute("running", runs.stream().filter(EvaluationRun::running).findFirst().orElse(null));
        model.addAttribute("finished", runs.stream().filter(r -> !r.running()).toList());
        model.addAttribute("chart", RunChart.of(runs));
        model.addAttribute("limits", evaluation.limits());
        model.addAttribute("report", report);
        model.addAttribute("problems", report == null ? List.of()
                : report.problems().stream().limit(PROBLEMS_SHOWN).toList());
        model.addAttribute("section", "evaluation");
        return "evaluation/evaluation";
    }

    private static UUID id(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("No run " + value);
        }
    }

    private static String home(CurrentTenant tenant) {
        return "redirect:/w/" + tenant.slug() + "/evaluation";
    }

    private static String plural(int n, String word) {
        return n + " " + (n == 1 ? word : word + "s");
    }
}
