package com.frontline.chat;

import com.frontline.shared.outbound.OutboundGuard;
import com.frontline.shared.outbound.OutboundRefusedException;
import org.jspecify.annotations.Nullable;

/**
 * Checks a handoff webhook address with the outbound guard (a public host, by address), and that it is https: plain
 * http only to a private endpoint the operator allowed.
 */
final class WebhookUrls {

    static final int MAX_LENGTH = 500;

    private WebhookUrls() {
    }

    /** The normalised URL, or null for a blank input. */
    static @Nullable String normalise(@Nullable String raw) {
        String value = raw == null ? "" : raw.strip();
        return value.isEmpty() ? null : value;
    }

    /** Why the URL cannot be used, or null when it can. Resolves the host name (DNS). */
    static @Nullable String problem(String url, OutboundGuard guard) {
        if (url.length() > MAX_LENGTH) {
            return "Use an address of at most " + MAX_LENGTH + " characters.";
        }
        OutboundGuard.Target target;
        try {
            target = guard.check(url);
        } catch (OutboundRefusedException e) {
            return e.reason();
        }
        if (!target.https() && !target.privateEndpoint()) {
            return "Use https:// so the handoff details travel encrypted.";
        }
        return null;
    }
}
