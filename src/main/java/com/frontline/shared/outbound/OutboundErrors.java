package com.frontline.shared.outbound;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.jspecify.annotations.Nullable;

import javax.net.ssl.SSLException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;

/**
 * What went wrong with an outbound call, in a sentence for the admin. Built from the kind of failure only, never from
 * an exception's message or a response body: those can carry an internal service's reply, a key, or details that
 * tell an open port from a closed one.
 */
public final class OutboundErrors {

    private OutboundErrors() {
    }

    /** A sentence for a network failure anywhere in the cause chain, or null when there is none. */
    public static @Nullable String network(Throwable error, String host) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String text = switch (t) {
                case OutboundRefusedException r -> r.reason();
                case ConnectTimeoutException c -> "Could not connect to " + host + ": no answer (timed out).";
                case NoRouteToHostException n -> "Could not connect to " + host + ": no route to the host.";
                case ConnectException c -> "Could not connect to " + host + ": connection refused.";
                case UnknownHostException u -> "Could not find " + host + " (no such host name).";
                case SSLException s -> "Could not open a secure connection to " + host
                        + " (TLS failed; check the certificate and that the address uses https).";
                case SocketTimeoutException s -> "No answer from " + host + " in time.";
                case HttpTimeoutException h -> "No answer from " + host + " in time.";
                case IOException io -> null;
                default -> null;
            };
            if (text != null) {
                return text;
            }
        }
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException) {
                return "The connection to " + host + " failed.";
            }
        }
        return null;
    }
}
