package com.frontline.insights;

/** The tone of a customer's message, from a small word list ({@link LocalAnalysis#sentiment}). */
public enum Sentiment {
    POSITIVE, NEUTRAL, NEGATIVE
}
