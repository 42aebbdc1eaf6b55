package com.frontline.chat;

import com.frontline.shared.outbound.OutboundGuard;
import com.frontline.shared.outbound.WebhookAddresses;
import org.jspecify.annotations.Nullable;

/** The handoff webhook's address, checked like every webhook address ({@link WebhookAddresses}). */
final class WebhookUrls {

    static final int MAX_LENGTH = WebhookAddresses.MAX_LENGTH;

    private WebhookUrls() {
    }

    /** The normalised URL, or null for a blank input. */
    static @Nullable String normalise(@Nullable String raw) {
        return WebhookAddresses.normalise(raw);
    }

    /** Why the URL cannot be used, or null when it can. Resolves the host name (DNS). */
    static @Nullable String problem(String url, OutboundGuard guard) {
        return WebhookAddresses.problem(url, guard, "the handoff details");
    }
}
