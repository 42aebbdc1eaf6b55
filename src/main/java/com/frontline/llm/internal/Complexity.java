package com.frontline.llm.internal;

import java.util.List;

/**
 * How demanding a request looks, 0 (a greeting) to 100, with the signals that made up the score.
 *
 * @param contextChars characters the model would read: history, sources and question
 */
public record Complexity(int score, List<String> signals, int contextChars) {

    public Complexity {
        signals = List.copyOf(signals);
    }
}
