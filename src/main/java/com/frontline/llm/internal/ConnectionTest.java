package com.frontline.llm.internal;

/** What "Test connection" found. */
public record ConnectionTest(boolean ok, String message) {
}
