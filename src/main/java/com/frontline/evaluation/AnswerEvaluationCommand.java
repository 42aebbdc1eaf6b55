package com.frontline.evaluation;

import com.frontline.evaluation.AnswerMetrics.ClassMetrics;
import com.frontline.platform.DataDirectories;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code java -jar frontline.jar eval-answers --dataset DIR [--limit N] [--threshold X] [--out FILE] [--json]}:
 * measures whole answers on an answer set (see {@link EvalAnswersOptions#USAGE}).
 * <p>
 * Starts the whole application on an embedded PostgreSQL and Elasticsearch in a temporary directory (deleted
 * afterwards; no demo workspace, the web server on a random port), creates a scratch workspace, adds the corpus and
 * runs the tasks through {@link AnswerEvaluator}. Results go to stdout, everything else (logs, progress) to stderr.
 */
public final class AnswerEvaluationCommand {

    public static final String NAME = "eval-answers";

    /** Exit codes, as {@code eval-retrieval}'s. */
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int BAD_ARGUMENTS = 2;

    private AnswerEvaluationCommand() {
    }

    /**
     * Runs the command with the arguments after its name and returns the process exit code. While it runs,
     * {@code System.out} points to stderr, so that logs and stray prints cannot mix with the results.
     *
     * @param application the application's {@code @SpringBootApplication} class, which dispatches the command here
     *                    (passed in, so that this module does not depend on the root package)
     */
    public static int run(List<String> args, Class<?> application) {
        PrintStream stdout = System.out;
        System.setOut(System.err);
        try {
            return run(args, application, stdout, System.err);
        } finally {
            System.setOut(stdout);
        }
    }

    static int run(List<String> args, Class<?> application, PrintStream out, PrintStream err) {
        EvalAnswersOptions options;
        AnswerSet data;
        try {
            options = EvalAnswersOptions.parse(args);
        } catch (com.frontline.shared.CommandArguments.UsageException e) {
            err.println(e.getMessage());
            err.println();
            err.print(EvalAnswersOptions.USAGE);
            return BAD_ARGUMENTS;
        }
        try {
            data = AnswerSet.load(options.dataset());
            if (options.limit() != null) {
                data = data.limit(options.limit());
            }
        } catch (InvalidAnswerSetException e) {
            err.println("Cannot use the answer set: " + e.getMessage());
            return BAD_ARGUMENTS;
        }
        Path dataDir;
        try {
            dataDir = Files.createTempDirectory("frontline-eval-answers-");
        } catch (IOException e) {
            err.println("eval-answers failed: cannot create a temporary directory: " + e.getMessage());
            return FAILED;
        }
        try (ConfigurableApplicationContext context = context(application, dataDir, options.springArguments())) {
            ScratchWorkspace workspace = ScratchWorkspace.create(context);
            if (options.threshold() != null) {
                workspace.threshold(context, options.threshold());
            }
            workspace.ingest(context, data.corpus(), err);
            AnswerEvaluator evaluator = context.getBean(AnswerEvaluator.class);
            int total = data.tasks().size();
            err.printf(Locale.ROOT, "Asking %,d tasks%n", total);
            int every = Math.max(1, Math.min(25, total / 10));
            long began = System.nanoTime();
            List<TaskResult> results = evaluator.run(workspace.tenant(), data.tasks(), workspace::corpusIds,
                    (done, all, last) -> {
                        if (done % every == 0 || done == all) {
                            err.printf(Locale.ROOT, "Answered %,d of %,d tasks (%.0f s)%n", done, all,
                                    (System.nanoTime() - began) / 1e9);
                        }
                    });
            List<ClassMetrics> metrics = AnswerMetrics.summarise(results, evaluator.fixedLines(workspace.tenant()));
            if (options.out() != null) {
                writeTasks(options.out(), results);
                err.println("Wrote " + results.size() + " task records to " + options.out());
            }
            if (options.json()) {
                AnswerReport.jsonLines(metrics).forEach(out::println);
            } else {
                out.print(AnswerReport.table(String.format(Locale.ROOT,
                        "%s: %,d passages, %,d tasks, confidence threshold %s", data.name(), data.corpus().size(),
                        total, options.threshold() == null ? "default"
                                : String.format(Locale.ROOT, "%.2f", options.threshold())), metrics));
            }
            out.flush();
            return OK;
        } catch (RuntimeException | IOException e) {
            err.println("eval-answers failed: " + e);
            return FAILED;
        } finally {
            DataDirectories.deleteQuietly(dataDir);
        }
    }

    private static void writeTasks(Path file, List<TaskResult> results) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (TaskResult r : results) {
                w.write(AnswerReport.taskRecord(r));
                w.newLine();
            }
        }
    }

    static ConfigurableApplicationContext context(Class<?> application, Path dataDir, List<String> springArguments) {
        SpringApplication app = new SpringApplication(application);
        app.setBannerMode(Banner.Mode.OFF);
        app.setLogStartupInfo(false);
        app.setRegisterShutdownHook(false);
        return app.run(arguments(dataDir, springArguments).toArray(String[]::new));
    }

    /**
     * The command's settings as command-line arguments, since application.yml would override mere defaults (its
     * port 8080 may belong to a running portal); a setting the user passed wins.
     */
    static List<String> arguments(Path dataDir, List<String> springArguments) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("frontline.embedded.data-dir", dataDir.toString());
        settings.put("frontline.embedded.ephemeral", "true");
        settings.put("frontline.demo.seed", "false");
        settings.put("server.port", "0");
        settings.put("db-scheduler.polling-interval", "500ms");
        // the offline answer streams at a reading pace in the portal; the evaluation measures the answer, not the pace
        settings.put("frontline.chat.offline-stream-pace", "0ms");
        // a busy machine can take minutes to start the embedded node; the indexing jobs wait for it
        settings.put("frontline.elasticsearch.startup-timeout", "400s");
        settings.put("logging.level.root", "WARN");
        settings.put("logging.level.com.frontline", "WARN");
        List<String> arguments = new ArrayList<>(springArguments);
        settings.forEach((key, value) -> {
            if (springArguments.stream().noneMatch(a -> a.startsWith("--" + key + "="))) {
                arguments.add("--" + key + "=" + value);
            }
        });
        return arguments;
    }
}
