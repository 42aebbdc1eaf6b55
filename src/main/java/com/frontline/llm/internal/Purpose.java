package com.frontline.llm.internal;

/** What a model call was for. */
public enum Purpose { ANSWER, REWRITE, TEST }
