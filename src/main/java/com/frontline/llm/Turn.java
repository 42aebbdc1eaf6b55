package com.frontline.llm;

/** One message of the conversation so far, oldest first. */
public record Turn(Speaker speaker, String text) {
}
