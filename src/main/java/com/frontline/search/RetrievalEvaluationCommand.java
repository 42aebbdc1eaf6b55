package com.frontline.search;

import com.frontline.search.evaluation.BeirDataset;
import com.frontline.search.evaluation.EvalReport;
import com.frontline.search.evaluation.EvalRetrievalOptions;
import com.frontline.search.evaluation.InvalidDatasetException;
import com.frontline.search.evaluation.ModeResult;
import com.frontline.search.evaluation.RetrievalEvaluation;
import com.frontline.search.evaluation.ScratchCorpus;
import com.frontline.search.internal.HybridRetriever;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportSelector;
import org.springframework.core.type.AnnotationMetadata;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * {@code java -jar frontline.jar eval-retrieval --dataset DIR --mode bm25|dense|hybrid|all [--json]}: measures
 * retrieval quality and latency on a BEIR-style data set (see {@link EvalRetrievalOptions#USAGE}).
 * <p>
 * Starts only what it needs: Elasticsearch (the embedded node in a temporary directory, or the configured cluster),
 * the embedding model and the search beans; no web server and no PostgreSQL. Results go to stdout, everything else
 * (logs included) to stderr.
 */
public final class RetrievalEvaluationCommand {

    public static final String NAME = "eval-retrieval";

    /** Exit codes. */
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int BAD_ARGUMENTS = 2;

    private RetrievalEvaluationCommand() {
    }

    /**
     * Runs the command with the arguments after its name and returns the process exit code. While it runs,
     * {@code System.out} points to stderr, so that logs and stray prints cannot mix with the results.
     */
    public static int run(List<String> args) {
        PrintStream stdout = System.out;
        System.setOut(System.err);
        try {
            return run(args, stdout, System.err);
        } finally {
            System.setOut(stdout);
        }
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        EvalRetrievalOptions options;
        BeirDataset data;
        try {
            options = EvalRetrievalOptions.parse(args);
        } catch (com.frontline.shared.CommandArguments.UsageException e) {
            err.println(e.getMessage());
            err.println();
            err.print(EvalRetrievalOptions.USAGE);
            return BAD_ARGUMENTS;
        }
        try {
            data = BeirDataset.load(options.dataset());
            if (options.limit() != null) {
                data = data.limit(options.limit());
            }
        } catch (InvalidDatasetException e) {
            err.println("Cannot use the data set: " + e.getMessage());
            return BAD_ARGUMENTS;
        }
        try (ConfigurableApplicationContext context = context(options.springArguments())) {
            HybridRetriever retriever = context.getBean(HybridRetriever.class);
            ScratchCorpus corpus = ScratchCorpus.index(context.getBean(KnowledgeIndex.class),
                    context.getBean(TextEmbedder.class), data);
            // Ctrl-C: remove the scratch tenant from a configured cluster (an embedded node's directory goes anyway)
            Thread cleanup = new Thread(() -> closeQuietly(corpus, err), "eval-retrieval-cleanup");
            Runtime.getRuntime().addShutdownHook(cleanup);
            List<ModeResult> results;
            try {
                results = new RetrievalEvaluation(retriever).run(corpus, data, options.modes(), options.hybrid());
            } finally {
                corpus.close();
                removeHook(cleanup);
            }
            if (options.json()) {
                EvalReport.jsonLines(data, results).forEach(out::println);
            } else {
                out.print(EvalReport.table(data, corpus.size(), results));
            }
            out.flush();
            return OK;
        } catch (RuntimeException e) {
            err.println("eval-retrieval failed: " + e);
            return FAILED;
        }
    }

    static ConfigurableApplicationContext context(List<String> springArguments) {
        SpringApplication app = new SpringApplication(EvaluationBeans.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setBannerMode(Banner.Mode.OFF);
        app.setLogStartupInfo(false);
        app.setRegisterShutdownHook(false);
        // A temporary node directory: ./data/elasticsearch may belong to a running portal, whose node the app
        // would otherwise stop as a leftover. --frontline.embedded.ephemeral=false overrides it.
        app.setDefaultProperties(Map.of(
                "frontline.embedded.ephemeral", "true",
                "logging.level.root", "WARN",
                "logging.level.com.frontline", "INFO"));
        return app.run(springArguments.toArray(String[]::new));
    }

    private static void closeQuietly(ScratchCorpus corpus, PrintStream err) {
        try {
            corpus.close();
        } catch (RuntimeException e) {
            err.println("Could not remove scratch tenant " + corpus.tenant() + ": " + e.getMessage());
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway; closing twice is safe
        }
    }

    /**
     * Elasticsearch (client, connection, embedded node) and the search module's beans, nothing else. The platform's
     * configuration is package-private, so it is imported by name.
     */
    @Configuration(proxyBeanMethods = false)
    @Import({ EvaluationBeans.PlatformElasticsearch.class, SearchConfiguration.class })
    @ConfigurationPropertiesScan(basePackages = { "com.frontline.platform", "com.frontline.search" })
    static class EvaluationBeans {

        static final class PlatformElasticsearch implements ImportSelector {
            @Override
            public String[] selectImports(AnnotationMetadata metadata) {
                return new String[] { "com.frontline.platform.elasticsearch.ElasticsearchConfiguration" };
            }
        }
    }
}
