package com.frontline.search;

import java.util.List;

/** Turns text into the dense vectors stored in and searched by {@link KnowledgeIndex}. */
public interface TextEmbedder {

    /** The length of every vector this embedder returns. */
    int dimensions();

    /** @throws IllegalArgumentException for blank text */
    float[] embed(String text);

    /** One vector per text, in the same order; cheaper per text than {@link #embed(String)} in a loop. */
    List<float[]> embedAll(List<String> texts);
}
