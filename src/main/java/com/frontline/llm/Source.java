package com.frontline.llm;

/** A passage offered to the model, numbered from 1 in the order given; relevance in [0,1]. */
public record Source(int number, String title, String text, double relevance) {
}
