package com.frontline.evaluation;

import com.frontline.shared.CommandArguments;
import com.frontline.shared.CommandArguments.UsageException;
import org.jspecify.annotations.Nullable;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The arguments of {@code eval-answers}, parsed. Options take their value as the next argument or after '='.
 * Arguments of the form {@code --some.property=value} go to Spring unchanged.
 *
 * @param threshold the confidence threshold to set on the scratch workspace (0–1), or null for the default
 */
public record EvalAnswersOptions(Path dataset, boolean json, @Nullable Integer limit, @Nullable Double threshold,
                                 @Nullable Path out, List<String> springArguments) {

    public static final String USAGE = """
            Usage: java -jar target/frontline.jar eval-answers --dataset DIR [--limit N] [--threshold X]
                       [--out FILE] [--json]

            Puts the answer set in DIR (corpus.jsonl, tasks.jsonl) into a scratch workspace (one public document
            per passage, titled by its id), waits until it is indexed, then asks each task's last user turn in a
            widget conversation holding the turns before it, through the same code a widget message takes. Prints
            per task class and for all tasks: tasks, answered, abstained (fallback, handoff or a question back),
            their rates, citation hit (answered tasks citing one of their reference passages), token F1 against the
            reference answer (answered tasks that expect an answer) and p50/p95 time to the stored answer.
            Everything runs on an embedded PostgreSQL and Elasticsearch in a temporary directory, deleted afterwards.

              --dataset DIR      the answer set folder (at most 20,000 passages and 10,000 tasks)
              --limit N          run N tasks spread evenly over tasks.jsonl instead of all of them
              --threshold X      the workspace's confidence threshold instead of the default 0.5: a share from
                                 0 to 1 (0.45) or a percentage ending in % (45%)
              --out FILE         also write one JSON object per task to FILE: id, class, answered, outcome,
                                 confidence, cited, answer, query, passages, reference_contexts
              --json             one JSON object per class and one for "all" per line on stdout, nothing else

            Exit status: 0 done, 1 the run failed, 2 bad arguments or an unusable answer set.
            """;

    public static EvalAnswersOptions parse(List<String> args) {
        Path dataset = null;
        boolean json = false;
        Integer limit = null;
        Double threshold = null;
        Path out = null;
        var parsed = CommandArguments.parse(args, Set.of("--json"),
                Set.of("--dataset", "--limit", "--threshold", "--out"));
        for (CommandArguments.Option option : parsed.options()) {
            String value = option.value();
            switch (option.name()) {
                case "--json" -> json = true;
                case "--dataset" -> dataset = Path.of(value);
                case "--limit" -> limit = CommandArguments.positive(option.name(), value);
                case "--threshold" -> threshold = threshold(value);
                default -> out = Path.of(value);
            }
        }
        if (dataset == null) {
            throw new UsageException("--dataset is required");
        }
        return new EvalAnswersOptions(dataset, json, limit, threshold, out, parsed.spring());
    }

    /** A share from 0 to 1, or a percentage from 0 to 100 when it ends in %. */
    static double threshold(String value) {
        String v = value.strip();
        boolean percent = v.endsWith("%");
        try {
            double number = Double.parseDouble(percent ? v.substring(0, v.length() - 1).strip() : v);
            double share = percent ? number / 100 : number;
            if (share >= 0 && share <= 1) {
                return share;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--threshold must be a share from 0 to 1 (0.45) or a percentage from 0% to 100% "
                + "(45%), not '" + value + "'");
    }
}
