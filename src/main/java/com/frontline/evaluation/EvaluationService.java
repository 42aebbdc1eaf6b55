package com.frontline.evaluation;

import com.frontline.chat.Channel;
import com.frontline.chat.ChatMessage;
import com.frontline.chat.Citation;
import com.frontline.shared.CurrentTenant;
import com.frontline.shared.ForbiddenException;
import com.frontline.shared.NotFoundException;
import com.frontline.shared.Role;
import com.frontline.shared.TenantId;
import com.frontline.shared.UserFacingException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A workspace's evaluation set and its runs: cases from approved corrections and from CSV uploads, run through the
 * assistant in the background (one run at a time) and scored with the {@code eval-answers} code.
 */
@Service
public class EvaluationService {

    private static final Logger log = LoggerFactory.getLogger(EvaluationService.class);
    /** The most cases a workspace's set may hold (all uploads and corrections together). */
    public static final int MAX_CASES = 10_000;
    /** The runs the page lists and charts. */
    public static final int RUNS_SHOWN = 50;

    private final EvaluationRepository repository;
    private final AnswerEvaluator evaluator;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final CaseCsv.Limits limits;

    EvaluationService(EvaluationRepository repository, AnswerEvaluator evaluator, ApplicationEventPublisher events,
                      TransactionTemplate tx) {
        this.repository = repository;
        this.evaluator = evaluator;
        this.events = events;
        this.tx = tx;
        this.limits = CaseCsv.Limits.defaults();
    }

    // ---- the set -------------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<EvaluationCase> cases(TenantId tenant) {
        return repository.cases(tenant);
    }

    public CaseCsv.Limits limits() {
        return limits;
    }

    /**
     * Reads a CSV file of cases and, when every row is right, adds them all in one transaction; otherwise nothing
     * is added and the report says why.
     */
    @Transactional
    public CaseCsv.Report upload(CurrentTenant admin, String filename, byte[] bytes) {
        requireAdmin(admin);
        CaseCsv.Report report = CaseCsv.read(filename, bytes, limits);
        if (!report.clean()) {
            return report;
        }
        int existing = repository.cases(admin.id()).size();
        if (existing + report.cases().size() > MAX_CASES) {
            return new CaseCsv.Report(filename, "The evaluation set would hold more than " + MAX_CASES + " cases ("
                    + existing + " now); delete some uploaded cases first.", report.rowsRead(), List.of(),
                    List.of());
        }
        repository.insertUploaded(admin.id(), report.cases());
        return report;
    }

    /** Deletes an uploaded case; past runs keep their copy of it. */
    @Transactional
    public void deleteCase(CurrentTenant admin, UUID caseId) {
        requireAdmin(admin);
        EvaluationCase c = repository.findCase(admin.id(), caseId)
                .orElseThrow(() -> NotFoundException.of("Evaluation case", caseId));
        if (c.origin() != CaseOrigin.UPLOAD) {
            throw new UserFacingException("A case from a correction stays while the correction is approved; retire "
                    + "the correction to take it out of the set.");
        }
        repository.deleteUploaded(admin.id(), caseId);
    }

    /** The correction's case holds its newest approved version (a replayed or older event changes nothing). */
    @Transactional
    public void correctionApproved(TenantId tenant, UUID correctionId, int version, String question, String answer,
                                   @Nullable String sourceUrl) {
        repository.upsertCorrection(tenant, correctionId, version, question, answer,
                sourceUrl == null || sourceUrl.isBlank() ? null : sourceUrl);
    }

    @Transactional
    public void correctionRetired(TenantId tenant, UUID correctionId) {
        repository.retireCorrection(tenant, correctionId);
    }

    // ---- runs ----------------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<EvaluationRun> runs(TenantId tenant) {
        return repository.runs(tenant, RUNS_SHOWN);
    }

    @Transactional(readOnly = true)
    public EvaluationRun run(TenantId tenant, UUID runId) {
        return repository.findRun(tenant, runId).orElseThrow(() -> NotFoundException.of("Evaluation run", runId));
    }

    @Transactional(readOnly = true)
    public List<RunResult> results(TenantId tenant, UUID runId) {
        run(tenant, runId);
        return repository.results(tenant, runId);
    }

    /**
     * Starts a run of every active case; its background job asks them one after the other.
     *
     * @throws UserFacingException a run is already in progress, or the set is empty
     */
    @Transactional
    public EvaluationRun start(CurrentTenant admin) {
        requireAdmin(admin);
        if (repository.running(admin.id()).isPresent()) {
            throw new UserFacingException("A run is already in progress; wait for it to finish.");
        }
        List<EvaluationCase> cases = repository.activeCases(admin.id());
        if (cases.isEmpty()) {
            throw new UserFacingException("The evaluation set is empty: upload cases as CSV, or approve corrections.");
        }
        EvaluationRun run;
        try {
            run = repository.insertRun(admin.id(), UUID.randomUUID(), admin.userId(), admin.userEmail(), cases);
        } catch (DuplicateKeyException e) { // a second click at the same moment
            throw new UserFacingException("A run is already in progress; wait for it to finish.");
        }
        events.publishEvent(new EvaluationEvents.RunStarted(admin.id(), run.id()));
        return run;
    }

    /**
     * Starts a run of every active case asked of the given assistant version, from code: a rollout's offline gate
     * runs the set once with its candidate and once with the live version. Like a run an admin starts, it is the
     * workspace's one run in progress, and its background job asks the cases.
     *
     * @param startedBy who the run is for, as the runs list shows it ("Rollout 3: offline gate")
     * @return the run, or empty when the set has no active case
     * @throws UserFacingException a run is already in progress (try again once it has finished)
     */
    @Transactional
    public Optional<EvaluationRun> startForVersion(TenantId tenant, int version, String startedBy) {
        if (repository.running(tenant).isPresent()) {
            throw new UserFacingException("A run is already in progress; wait for it to finish.");
        }
        List<EvaluationCase> cases = repository.activeCases(tenant);
        if (cases.isEmpty()) {
            return Optional.empty();
        }
        EvaluationRun run = repository.insertRun(tenant, UUID.randomUUID(), null, startedBy, cases, version);
        events.publishEvent(new EvaluationEvents.RunStarted(tenant, run.id()));
        log.info("Workspace {}: evaluation run {} started for assistant version {} ({})", tenant, run.number(),
                version, startedBy);
        return Optional.of(run);
    }

    /** Whether a run of the workspace is in progress. */
    @Transactional(readOnly = true)
    public boolean runInProgress(TenantId tenant) {
        return repository.running(tenant).isPresent();
    }

    /**
     * Asks the run's pending cases and scores each as it comes; then writes the run's totals. A resumed run (after a
     * restart) continues with the cases not yet answered. Only the background job calls this.
     */
    public void execute(TenantId tenant, UUID runId) {
        EvaluationRun run = repository.findRun(tenant, runId).orElse(null);
        if (run == null || !run.running()) {
            return;
        }
        List<String> fixedLines = evaluator.fixedLines(tenant, run.assistantVersion());
        for (RunResult pending : repository.results(tenant, runId)) {
            if (!pending.pending()) {
                continue;
            }
            AnswerTask task = CaseScoring.task(pending.caseId().toString(), pending.question(),
                    pending.expectedAnswer(), pending.expectedSource());
            AnswerEvaluator.Asked asked = evaluator.ask(tenant, Channel.EVALUATION, task, CaseScoring::citedKeys,
                    id -> List.of(id.toString()), run.assistantVersion());
            TaskResult result = asked.result();
            @Nullable ChatMessage answer = asked.answer();
            var scored = new EvaluationRepository.Scored(result.outcome(), result.answer(), cited(answer),
                    CaseScoring.citationHit(result), CaseScoring.tokenF1(result, fixedLines),
                    answer != null && answer.verified(), result.confidence(), answer == null ? null : answer.provider(),
                    answer == null ? null : answer.model(), result.millis(), asked.conversation());
            tx.executeWithoutResult(s -> repository.saveResult(tenant, runId, pending.ordinal(), scored));
        }
        tx.executeWithoutResult(s -> finish(tenant, runId, fixedLines));
    }

    /** The run stopped for good (its job failed after its retries): it says so. */
    public void fail(TenantId tenant, UUID runId, String message) {
        tx.executeWithoutResult(s -> {
            if (repository.fail(tenant, runId, message)) {
                events.publishEvent(new EvaluationEvents.RunFinished(tenant, runId, false));
            }
        });
    }

    private void finish(TenantId tenant, UUID runId, List<String> fixedLines) {
        List<RunResult> results = repository.results(tenant, runId);
        if (results.stream().anyMatch(RunResult::pending)) {
            log.warn("Run {} of {} still has pending cases; not finishing it", runId, tenant);
            return;
        }
        List<TaskResult> tasks = results.stream().map(CaseScoring::stored).toList();
        AnswerMetrics.ClassMetrics all = CaseScoring.totals(tasks, fixedLines);
        int verified = (int) results.stream().filter(RunResult::verified).count();
        // the provider and model most answers came from (verified answers and small talk aside when possible)
        Map<String, Long> routes = results.stream()
                .filter(r -> r.provider() != null && !r.verified())
                .collect(Collectors.groupingBy(r -> r.provider() + "\n" + Objects.toString(r.model(), ""),
                        LinkedHashMap::new, Collectors.counting()));
        String route = routes.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElse(null);
        String provider = route == null ? null : route.substring(0, route.indexOf('\n'));
        String model = route == null ? null : route.substring(route.indexOf('\n') + 1);
        if (repository.finish(tenant, runId, new EvaluationRepository.Totals(results.isEmpty() ? null
                        : all.answerRate(), all.citationHit(), all.tokenF1(), verified, all.errors(), provider,
                model == null || model.isEmpty() ? null : model))) {
            events.publishEvent(new EvaluationEvents.RunFinished(tenant, runId, true));
        }
    }

    /** The runs the app left running (a restart); the jobs resume them. */
    List<EvaluationRepository.RunRef> runningEverywhere() {
        return repository.runningEverywhere();
    }

    /** Two runs of the workspace side by side, case by case. */
    @Transactional(readOnly = true)
    public RunComparison compare(TenantId tenant, UUID first, UUID second) {
        EvaluationRun a = run(tenant, first);
        EvaluationRun b = run(tenant, second);
        List<RunResult> left = repository.results(tenant, first);
        Map<UUID, RunResult> right = new LinkedHashMap<>();
        repository.results(tenant, second).forEach(r -> right.put(r.caseId(), r));
        List<RunComparison.Row> rows = new ArrayList<>();
        for (RunResult r : left) {
            rows.add(new RunComparison.Row(r.question(), r, right.remove(r.caseId())));
        }
        right.values().forEach(r -> rows.add(new RunComparison.Row(r.question(), null, r)));
        int changed = (int) rows.stream().filter(RunComparison.Row::changed).count();
        return new RunComparison(a, b, rows, changed);
    }

    private static List<String> cited(@Nullable ChatMessage answer) {
        if (answer == null) {
            return List.of();
        }
        List<String> cited = new ArrayList<>();
        for (Citation c : answer.citations()) {
            cited.add(c.url() == null ? c.title() : c.title() + " (" + c.url() + ")");
        }
        return cited;
    }

    private static void requireAdmin(CurrentTenant member) {
        if (!member.can(Role.ADMIN)) {
            throw new ForbiddenException(Role.ADMIN);
        }
    }
}
