package com.frontline.llm.internal;

import com.frontline.shared.outbound.OutboundErrors;
import dev.langchain4j.exception.HttpException;

import java.net.URI;
import java.util.Locale;

/**
 * A provider failure in a sentence for the admin (Test connection, the usage table, the playground note): built from
 * the HTTP status or the kind of network failure, never from the provider's reply or an exception's message, which
 * could carry an internal service's text or the key.
 */
final class ProviderErrors {

    private ProviderErrors() {
    }

    static String describe(Throwable error, ProviderConfig provider) {
        String host = host(provider.effectiveBaseUrl());
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof HttpException http) {
                return status(http.statusCode());
            }
        }
        String network = OutboundErrors.network(error, host);
        if (network != null) {
            return network;
        }
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String name = t.getClass().getName().toLowerCase(Locale.ROOT);
            if (name.contains("timeout")) {
                return "No answer from " + host + " in time.";
            }
            if (name.contains("json") || name.contains("jackson") || name.contains("parse")) {
                return "The answer from " + host + " could not be read. Check that the base URL is this kind of "
                        + "provider's API.";
            }
        }
        return "The call to " + host + " failed unexpectedly.";
    }

    static String status(int code) {
        return switch (code) {
            case 401, 403 -> "The provider refused the API key (HTTP %d). Check the key and its permissions."
                    .formatted(code);
            case 404 -> "The provider does not know this model or address (HTTP 404). Check the model name and the "
                    + "base URL.";
            case 408, 504 -> "The provider timed out (HTTP %d).".formatted(code);
            case 429 -> "The provider is limiting requests, or the account's quota is used up (HTTP 429).";
            case 400, 422 -> "The provider rejected the request (HTTP %d). Check the model name.".formatted(code);
            default -> code >= 500 ? "The provider had a server error (HTTP %d).".formatted(code)
                    : "The provider answered HTTP %d.".formatted(code);
        };
    }

    /** The host of a base URL, for messages; the URL itself when it has none. */
    static String host(String url) {
        try {
            String host = URI.create(url.strip()).getHost();
            return host == null ? "the provider" : host;
        } catch (IllegalArgumentException e) {
            return "the provider";
        }
    }
}
