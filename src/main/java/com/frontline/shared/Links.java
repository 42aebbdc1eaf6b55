package com.frontline.shared;

import java.net.IDN;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Links in document text, and whether they point to one of a workspace's own websites (its allowed widget origins).
 * Used where document text reaches customers: sentences linking elsewhere are flagged for the admin and not quoted.
 */
public final class Links {

    // http(s)://host, or www.host, or a bare domain with a path ("phish.example/reset"); hosts as written
    private static final Pattern URL = Pattern.compile(
            "(?i)\\b(?:https?://([\\p{L}\\p{N}.-]+)|(www\\.[\\p{L}\\p{N}.-]+\\.[\\p{L}]{2,})"
                    + "|([\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)*\\.[\\p{L}]{2,})/[\\w/%?=&#.-]*)");

    private Links() {
    }

    /** The hosts the text links to, lower case, without a trailing dot, in order of appearance. */
    public static List<String> hosts(String text) {
        Set<String> hosts = new LinkedHashSet<>();
        Matcher m = URL.matcher(text);
        while (m.find()) {
            String host = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
            host = host.toLowerCase(Locale.ROOT).replaceAll("\\.+$", "");
            if (host.contains(".") || host.equals("localhost")) {
                hosts.add(host);
            }
        }
        return new ArrayList<>(hosts);
    }

    /**
     * Whether {@code host} belongs to one of the allowed origins ({@code https://www.acme.com},
     * {@code https://*.acme.com}): the origin's host itself or any subdomain of it, with "www." ignored, so
     * help.acme.com is Acme's when acme.com or www.acme.com is allowed.
     */
    public static boolean allowed(String host, List<String> allowedOrigins) {
        String h = ascii(host);
        for (String origin : allowedOrigins) {
            String site = origin.toLowerCase(Locale.ROOT).replaceFirst("^[a-z]+://", "").replaceFirst("[:/].*$", "")
                    .replaceFirst("^\\*\\.", "").replaceFirst("^www\\.", "");
            site = ascii(site);
            if (!site.isEmpty() && (h.equals(site) || h.endsWith("." + site))) {
                return true;
            }
        }
        return false;
    }

    /** The hosts of {@code text} that are not the workspace's own. */
    public static List<String> foreignHosts(String text, List<String> allowedOrigins) {
        return hosts(text).stream().filter(h -> !allowed(h, allowedOrigins)).toList();
    }

    private static String ascii(String host) {
        try {
            return IDN.toASCII(host, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return host.toLowerCase(Locale.ROOT);
        }
    }
}
