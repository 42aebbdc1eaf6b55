package com.frontline.search.evaluation;

import com.frontline.search.Fusion;
import com.frontline.search.RetrievalSettings;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EvalRetrievalOptionsTest {

    static EvalRetrievalOptions parse(String... args) {
        return EvalRetrievalOptions.parse(List.of(args));
    }

    @Test
    void parsesTheDocumentedArguments() {
        EvalRetrievalOptions options = parse("--dataset", "data/faq", "--mode", "all", "--json");

        assertThat(options.dataset()).isEqualTo(Path.of("data/faq"));
        assertThat(options.modes()).containsExactly(EvaluationMode.BM25, EvaluationMode.DENSE, EvaluationMode.HYBRID);
        assertThat(options.json()).isTrue();
        assertThat(options.limit()).isNull();
        assertThat(options.hybrid().fusion()).isEqualTo(RetrievalSettings.defaults().fusion());
        assertThat(options.hybrid().bm25Weight()).isEqualTo(RetrievalSettings.defaults().bm25Weight());
        assertThat(options.springArguments()).isEmpty();
    }

    @Test
    void acceptsValuesAfterAnEqualsSignAndPassesPropertiesToSpring() {
        EvalRetrievalOptions options = parse("--dataset=d", "--mode=hybrid", "--limit=500", "--fusion=rrf",
                "--bm25-weight", "0.6", "--candidates=80", "--frontline.elasticsearch.url=http://localhost:9200");

        assertThat(options.modes()).containsExactly(EvaluationMode.HYBRID);
        assertThat(options.limit()).isEqualTo(500);
        assertThat(options.hybrid().fusion()).isEqualTo(Fusion.RRF);
        assertThat(options.hybrid().bm25Weight()).isEqualTo(0.6);
        assertThat(options.hybrid().candidates()).isEqualTo(80);
        assertThat(options.springArguments()).containsExactly("--frontline.elasticsearch.url=http://localhost:9200");
    }

    @Test
    void eachModeSearchesWithItsOwnWeightAndTenPassages() {
        RetrievalSettings hybrid = parse("--dataset", "d", "--mode", "all", "--bm25-weight", "0.4").hybrid();

        assertThat(EvaluationMode.BM25.settings(hybrid).bm25Weight()).isEqualTo(1.0);
        assertThat(EvaluationMode.DENSE.settings(hybrid).bm25Weight()).isEqualTo(0.0);
        assertThat(EvaluationMode.HYBRID.settings(hybrid).bm25Weight()).isEqualTo(0.4);
        assertThat(EvaluationMode.HYBRID.settings(hybrid).topK()).isEqualTo(10);
    }

    @Test
    void refusesWhatItCannotUseWithAMessage() {
        assertThatThrownBy(() -> parse("--mode", "all")).hasMessage("--dataset is required");
        assertThatThrownBy(() -> parse("--dataset", "d")).hasMessage("--mode is required");
        assertThatThrownBy(() -> parse("--dataset", "d", "--mode", "fast"))
                .hasMessageContaining("--mode must be bm25, dense, hybrid or all");
        assertThatThrownBy(() -> parse("--dataset", "d", "--mode", "all", "--limit", "-3"))
                .hasMessageContaining("--limit must be a whole number above 0");
        assertThatThrownBy(() -> parse("--dataset", "d", "--mode", "all", "--bm25-weight", "2"))
                .hasMessageContaining("--bm25-weight must be a number from 0 to 1");
        assertThatThrownBy(() -> parse("--dataset", "--mode", "all")).hasMessage("--dataset needs a value");
        assertThatThrownBy(() -> parse("--dataset", "d", "--mode", "all", "--verbose"))
                .isInstanceOf(com.frontline.shared.CommandArguments.UsageException.class)
                .hasMessage("Unknown argument: --verbose");
    }
}
