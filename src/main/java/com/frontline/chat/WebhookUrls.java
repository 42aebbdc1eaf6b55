package com.frontline.chat;

import org.jspecify.annotations.Nullable;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/** Checks a handoff webhook address: https, a real host, and (unless allowed) not a loopback or private address. */
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
    static @Nullable String problem(String url, boolean allowPrivate) {
        if (url.length() > MAX_LENGTH) {
            return "Use an address of at most " + MAX_LENGTH + " characters.";
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return "This is not a valid address; use e.g. https://hooks.example.com/frontline";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            return "Use a full https:// address, e.g. https://hooks.example.com/frontline";
        }
        if (uri.getUserInfo() != null) {
            return "Leave user names and passwords out of the address; the signature authenticates the call.";
        }
        if (!allowPrivate && scheme.equals("http")) {
            return "Use https:// so the handoff details travel encrypted.";
        }
        if (!allowPrivate) {
            try {
                for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                    if (isInternal(address)) {
                        return "This address points into a private network; use a public https:// address.";
                    }
                }
            } catch (UnknownHostException e) {
                return "The host " + uri.getHost() + " cannot be found.";
            }
        }
        return null;
    }

    private static boolean isInternal(InetAddress a) {
        return a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress()
                || a.isMulticastAddress() || (a.getAddress().length == 16 && (a.getAddress()[0] & 0xfe) == 0xfc);
    }
}
