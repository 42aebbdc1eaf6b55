package com.frontline.chat;

import org.jspecify.annotations.Nullable;

import java.util.UUID;

/**
 * A source an answer rests on, numbered as the answer cites it ({@code [1]}).
 *
 * @param documentId the knowledge document the passage comes from
 * @param sourceType {@code DOCUMENT} or {@code ACCOUNT} (a KPI fact)
 * @param url        the source's public address when it has one (a web page the document was taken from)
 */
public record Citation(int number, UUID documentId, String sourceType, String title, String snippet,
                       @Nullable String url) {
}
