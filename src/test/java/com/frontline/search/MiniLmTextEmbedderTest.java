package com.frontline.search;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static com.frontline.search.SearchTestSupport.embedder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MiniLmTextEmbedderTest {

    @Test
    void embedsTextAs384DimensionalUnitVectors() {
        float[] vector = embedder().embed("How do I get a refund?");

        assertThat(embedder().dimensions()).isEqualTo(384);
        assertThat(vector).hasSize(384);
        assertThat(Math.sqrt(dot(vector, vector))).isCloseTo(1.0, within(1e-3));
    }

    @Test
    void similarMeaningsAreCloserThanDifferentOnes() {
        List<float[]> vectors = embedder().embedAll(List.of(
                "How do I get a refund?",
                "Customers can ask for their money back within 30 days.",
                "Use the forgot password link on the login page."));

        assertThat(dot(vectors.get(0), vectors.get(1))).isGreaterThan(dot(vectors.get(0), vectors.get(2)) + 0.1);
    }

    @Test
    void embedAllKeepsTheOrderAndAgreesWithEmbed() {
        List<String> texts = List.of("first text", "a second, longer text about invoices", "third");

        List<float[]> vectors = embedder().embedAll(texts);

        assertThat(vectors).hasSize(3);
        for (int i = 0; i < texts.size(); i++) {
            assertThat(dot(vectors.get(i), embedder().embed(texts.get(i)))).isCloseTo(1.0, within(1e-4));
        }
        assertThat(embedder().embedAll(List.of())).isEmpty();
    }

    @Test
    void unpacksItsNativeTokenizerIntoTheConfiguredCacheDirectory() throws Exception {
        embedder().embed("anything");

        // unless DJL_CACHE_DIR was set outside (then that wins). The property is JVM-wide and set by the first
        // embedder built in this JVM: ours, or an earlier test's application context with its own configured dir.
        if (System.getenv("DJL_CACHE_DIR") == null) {
            String configured = System.getProperty("DJL_CACHE_DIR");
            assertThat(configured).as("the configured cache dir is handed to DJL").isNotNull();
            Path dir = Path.of(configured);
            assertThat(dir).isNotEqualTo(Path.of(System.getProperty("user.home"), ".djl.ai"));
            assertThat(dir.resolve("tokenizers")).isDirectory();
            try (var files = Files.walk(dir)) {
                assertThat(files.filter(f -> f.getFileName().toString().startsWith("libtokenizers"))).isNotEmpty();
            }
        }
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
