package com.frontline.search.internal;

import com.frontline.search.TextEmbedder;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.List;

/**
 * all-MiniLM-L6-v2 (quantized, 384 dimensions) in process: the weights ship in the jar, ONNX Runtime runs them. The
 * model is loaded on the first call (~1 s), not at startup, and once per JVM.
 * <p>
 * Its tokenizer (DJL) unpacks a native library into {@code ~/.djl.ai} unless {@code DJL_CACHE_DIR} says otherwise; a
 * configured {@code cacheDir} is set as that system property before the model loads, unless the environment or the
 * command line already set it. The property is JVM-wide.
 */
public final class MiniLmTextEmbedder implements TextEmbedder {

    private static final Logger log = LoggerFactory.getLogger(MiniLmTextEmbedder.class);
    private static final String DJL_CACHE_DIR = "DJL_CACHE_DIR";

    private final @Nullable Path cacheDir;
    private volatile @Nullable EmbeddingModel model;

    public MiniLmTextEmbedder(@Nullable Path cacheDir) {
        this.cacheDir = cacheDir;
    }

    @Override
    public int dimensions() {
        return ChunksIndex.DIMENSIONS;
    }

    @Override
    public float[] embed(String text) {
        return model().embed(text).content().vector();
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
        return model().embedAll(segments).content().stream().map(Embedding::vector).toList();
    }

    private EmbeddingModel model() {
        EmbeddingModel loaded = model;
        if (loaded == null) {
            synchronized (this) {
                loaded = model;
                if (loaded == null) {
                    useCacheDir();
                    long start = System.nanoTime();
                    loaded = new AllMiniLmL6V2QuantizedEmbeddingModel();
                    log.info("Loaded the MiniLM embedding model in {} ms", (System.nanoTime() - start) / 1_000_000);
                    model = loaded;
                }
            }
        }
        return loaded;
    }

    private void useCacheDir() {
        if (cacheDir != null && System.getenv(DJL_CACHE_DIR) == null && System.getProperty(DJL_CACHE_DIR) == null) {
            System.setProperty(DJL_CACHE_DIR, cacheDir.toAbsolutePath().normalize().toString());
        }
    }
}
