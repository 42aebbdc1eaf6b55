package com.frontline.shared.outbound;

import org.jspecify.annotations.Nullable;

/**
 * The one check of a webhook address a workspace enters (handoff webhooks, alert webhooks): at most
 * {@value #MAX_LENGTH} characters, a public host by address ({@link OutboundGuard}), and https, plain http only to a
 * private endpoint the operator allowed. Run when the address is saved and again before every delivery.
 */
public final class WebhookAddresses {

    public static final int MAX_LENGTH = 500;

    private WebhookAddresses() {
    }

    /** The address as entered without surrounding spaces, or null for a blank input. */
    public static @Nullable String normalise(@Nullable String raw) {
        String value = raw == null ? "" : raw.strip();
        return value.isEmpty() ? null : value;
    }

    /**
     * Why the address cannot be used, or null when it can. Resolves the host name (DNS).
     *
     * @param what what travels to the address, for the message about https ("the handoff details")
     */
    public static @Nullable String problem(String url, OutboundGuard guard, String what) {
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
            return "Use https:// so " + what + " travel encrypted.";
        }
        return null;
    }
}
