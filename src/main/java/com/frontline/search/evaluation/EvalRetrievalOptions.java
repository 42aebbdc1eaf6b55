package com.frontline.search.evaluation;

import com.frontline.search.Fusion;
import com.frontline.search.RetrievalSettings;
import com.frontline.shared.CommandArguments;
import com.frontline.shared.CommandArguments.UsageException;
import org.jspecify.annotations.Nullable;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The arguments of {@code eval-retrieval}, parsed. Options take their value as the next argument or after '='.
 * Arguments of the form {@code --some.property=value} go to Spring unchanged (for example
 * {@code --frontline.elasticsearch.url=http://localhost:9200}).
 */
public record EvalRetrievalOptions(Path dataset, List<EvaluationMode> modes, boolean json, @Nullable Integer limit,
        RetrievalSettings hybrid, List<String> springArguments) {

    public static final String USAGE = """
            Usage: java -jar target/frontline.jar eval-retrieval --dataset DIR --mode bm25|dense|hybrid|all [--json]
                       [--limit N] [--fusion weighted|rrf] [--bm25-weight W] [--candidates N]
                       [--frontline.elasticsearch.url=http://host:9200]

            Indexes the BEIR-style data set in DIR (corpus.jsonl, queries.jsonl, qrels.tsv) into a scratch tenant,
            runs its queries through the app's retrieval in each mode, prints recall@1/5/10, MRR@10, nDCG@10 and
            p50/p95 query latency, and removes the scratch tenant.

              --dataset DIR      the data set folder
              --mode MODE        bm25, dense, hybrid (the fused ranking) or all three
              --json             one JSON object per mode per line on stdout, nothing else (logs go to stderr)
              --limit N          evaluate N queries spread evenly over the file instead of all of them
              --fusion F         hybrid mode: weighted or rrf (default: the tuned default settings)
              --bm25-weight W    hybrid mode: the BM25 share of the fused score, 0 to 1
              --candidates N     passages each retriever proposes before fusion (10 to 200)

            Without --frontline.elasticsearch.url an Elasticsearch node is started in a temporary directory, which
            is deleted afterwards (a running portal's data is never touched).
            """;

    public static EvalRetrievalOptions parse(List<String> args) {
        Path dataset = null;
        List<EvaluationMode> modes = null;
        boolean json = false;
        Integer limit = null;
        RetrievalSettings defaults = RetrievalSettings.defaults();
        Fusion fusion = defaults.fusion();
        double weight = defaults.bm25Weight();
        int candidates = Math.max(10, defaults.candidates());
        var parsed = CommandArguments.parse(args, Set.of("--json"),
                Set.of("--dataset", "--mode", "--limit", "--fusion", "--bm25-weight", "--candidates"));
        for (CommandArguments.Option option : parsed.options()) {
            String value = option.value();
            switch (option.name()) {
                case "--json" -> json = true;
                case "--dataset" -> dataset = Path.of(value);
                case "--mode" -> modes = modes(value);
                case "--limit" -> limit = CommandArguments.positive(option.name(), value);
                case "--fusion" -> fusion = fusion(value);
                case "--bm25-weight" -> weight = weight(value);
                default -> candidates = candidates(value);
            }
        }
        if (dataset == null) {
            throw new UsageException("--dataset is required");
        }
        if (modes == null) {
            throw new UsageException("--mode is required");
        }
        RetrievalSettings hybrid = new RetrievalSettings(fusion, weight, Math.max(10, defaults.topK()), candidates,
                defaults.minScore());
        return new EvalRetrievalOptions(dataset, modes, json, limit, hybrid, parsed.spring());
    }

    private static List<EvaluationMode> modes(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "bm25" -> List.of(EvaluationMode.BM25);
            case "dense" -> List.of(EvaluationMode.DENSE);
            case "hybrid" -> List.of(EvaluationMode.HYBRID);
            case "all" -> List.of(EvaluationMode.BM25, EvaluationMode.DENSE, EvaluationMode.HYBRID);
            default -> throw new UsageException("--mode must be bm25, dense, hybrid or all, not '" + value + "'");
        };
    }

    private static Fusion fusion(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "weighted" -> Fusion.WEIGHTED;
            case "rrf" -> Fusion.RRF;
            default -> throw new UsageException("--fusion must be weighted or rrf, not '" + value + "'");
        };
    }

    private static double weight(String value) {
        try {
            double weight = Double.parseDouble(value);
            if (weight >= 0 && weight <= 1) {
                return weight;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--bm25-weight must be a number from 0 to 1, not '" + value + "'");
    }

    private static int candidates(String value) {
        int candidates = CommandArguments.positive("--candidates", value);
        if (candidates < 10 || candidates > RetrievalSettings.MAX_CANDIDATES) {
            throw new UsageException("--candidates must be between 10 and " + RetrievalSettings.MAX_CANDIDATES);
        }
        return candidates;
    }
}
