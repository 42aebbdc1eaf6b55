package com.frontline.search.evaluation;

import com.frontline.search.Fusion;
import com.frontline.search.RetrievalSettings;
import org.jspecify.annotations.Nullable;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
        List<String> spring = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            if (name.startsWith("--") && name.substring(2).contains(".") && value != null) {
                spring.add(arg);
                continue;
            }
            switch (name) {
                case "--json" -> {
                    if (value != null) {
                        throw new UsageException("--json takes no value");
                    }
                    json = true;
                }
                case "--dataset", "--mode", "--limit", "--fusion", "--bm25-weight", "--candidates" -> {
                    if (value == null) {
                        if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
                            throw new UsageException(name + " needs a value");
                        }
                        value = args.get(++i);
                    }
                    switch (name) {
                        case "--dataset" -> dataset = Path.of(value);
                        case "--mode" -> modes = modes(value);
                        case "--limit" -> limit = positive(name, value);
                        case "--fusion" -> fusion = fusion(value);
                        case "--bm25-weight" -> weight = weight(value);
                        default -> candidates = candidates(value);
                    }
                }
                default -> throw new UsageException("Unknown argument: " + arg);
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
        return new EvalRetrievalOptions(dataset, modes, json, limit, hybrid, List.copyOf(spring));
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
        int candidates = positive("--candidates", value);
        if (candidates < 10 || candidates > RetrievalSettings.MAX_CANDIDATES) {
            throw new UsageException("--candidates must be between 10 and " + RetrievalSettings.MAX_CANDIDATES);
        }
        return candidates;
    }

    private static int positive(String name, String value) {
        try {
            int number = Integer.parseInt(value);
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(name + " must be a whole number above 0, not '" + value + "'");
    }

    /** The arguments cannot be understood; the command prints this and the usage, and exits with 2. */
    public static class UsageException extends IllegalArgumentException {
        public UsageException(String message) {
            super(message);
        }
    }
}
