package com.frontline.tenants;

import org.jspecify.annotations.Nullable;

import java.net.IDN;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The website origins allowed to embed a workspace's chat widget, entered one per line by an admin, and the check of
 * a browser's {@code Origin} header against them.
 * <p>
 * An origin is {@code scheme://host[:port]}: https, or http for localhost and 127.0.0.1 only; a lowercase ASCII host
 * (international names are converted to their {@code xn--} form); no default port, path, query, fragment or user
 * name. A leading {@code *.} allows every subdomain of a domain, but not the domain itself.
 */
public final class Origins {

    public static final int MAX_ORIGINS = 50;

    /** Beyond this many, per-line errors are summarised in one message. */
    static final int MAX_LINE_ERRORS = 20;

    private static final String EXAMPLE = "https://www.example.com";
    private static final String NOT_AN_ORIGIN = "is not a website origin; use e.g. " + EXAMPLE;
    private static final int MAX_ECHO_LENGTH = 60;

    private static final Pattern SCHEME = Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*");
    private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");
    private static final Pattern LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern NUMERIC_LABEL = Pattern.compile("[0-9]+|0x[0-9a-f]*");
    private static final Pattern IPV4_OCTET = Pattern.compile("0|[1-9][0-9]{0,2}");

    /**
     * Domains under which anyone can get a subdomain, so that a wildcard over them would admit other people's sites.
     * A short, hand-picked part of the Public Suffix List: a heuristic, not a complete check.
     */
    private static final Set<String> SHARED_SUFFIXES = Set.of(
            "co.uk", "org.uk", "me.uk", "ltd.uk", "plc.uk", "ac.uk", "gov.uk", "com.au", "net.au", "org.au",
            "co.nz", "org.nz", "co.jp", "ne.jp", "or.jp", "co.kr", "co.in", "net.in", "org.in", "co.za", "com.br",
            "com.cn", "com.hk", "com.sg", "com.mx", "com.ar", "com.tr", "com.tw", "co.il", "com.my", "co.id",
            "com.ph", "com.vn", "com.ua", "com.pl", "co.at",
            "github.io", "gitlab.io", "bitbucket.io", "herokuapp.com", "vercel.app", "netlify.app", "pages.dev",
            "workers.dev", "web.app", "firebaseapp.com", "appspot.com", "azurewebsites.net", "azurestaticapps.net",
            "cloudfront.net", "amazonaws.com", "s3.amazonaws.com", "blogspot.com", "wordpress.com", "wixsite.com",
            "squarespace.com", "myshopify.com", "webflow.io", "glitch.me", "onrender.com", "fly.dev", "ngrok.io",
            "ngrok-free.app", "trycloudflare.com", "surge.sh", "codesandbox.io", "repl.co");

    private Origins() {
    }

    /**
     * The origins in {@code lines}, normalised and without duplicates, in the order entered, plus one error per bad
     * line ("Line 2: 'foo' is not a website origin; use e.g. https://www.example.com"). Blank lines are ignored.
     * Save the origins only when {@link ParseResult#isValid()}.
     */
    public static ParseResult parse(@Nullable String lines) {
        Set<String> origins = new LinkedHashSet<>();
        List<String> errors = new ArrayList<>();
        int moreErrors = 0;
        String[] split = lines == null ? new String[0] : lines.split("\\R", -1);
        for (int i = 0; i < split.length; i++) {
            String line = split[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            try {
                origins.add(parseOrigin(line, true).serialize());
            } catch (InvalidOrigin e) {
                if (errors.size() < MAX_LINE_ERRORS) {
                    errors.add("Line " + (i + 1) + ": '" + echo(line) + "' " + e.getMessage());
                } else {
                    moreErrors++;
                }
            }
        }
        if (moreErrors > 0) {
            errors.add("Fix the lines above; " + moreErrors + " more " + (moreErrors == 1 ? "line has" : "lines have")
                    + " problems too");
        }
        List<String> result = new ArrayList<>(origins);
        if (result.size() > MAX_ORIGINS) {
            errors.add("Enter at most " + MAX_ORIGINS + " origins; remove " + (result.size() - MAX_ORIGINS)
                    + " of the " + result.size() + " entered");
            result = result.subList(0, MAX_ORIGINS);
        }
        return new ParseResult(result, errors);
    }

    /**
     * Whether a browser's {@code Origin} header is allowed: it equals an allowed origin after normalisation, or it is
     * a subdomain (at any depth) of a wildcard entry with the same scheme and port. The apex of a wildcard does not
     * match, and a request origin that itself contains {@code *} never matches. Entries of {@code allowed} are
     * expected to come from {@link #parse}; any that are not valid origins are ignored.
     */
    public static boolean matches(Set<String> allowed, @Nullable String requestOrigin) {
        if (requestOrigin == null || allowed.isEmpty()) {
            return false;
        }
        Origin request;
        try {
            request = parseOrigin(requestOrigin.strip(), false);
        } catch (InvalidOrigin e) {
            return false;
        }
        for (String entry : allowed) {
            Origin permitted;
            try {
                permitted = parseOrigin(entry.strip(), true);
            } catch (InvalidOrigin e) {
                continue;
            }
            if (permitted.admits(request)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Parsed origins, normalised and de-duplicated (at most {@value #MAX_ORIGINS}), and user-facing errors, one per
     * bad line plus at most two summary messages.
     */
    public record ParseResult(List<String> origins, List<String> errors) {

        public ParseResult {
            origins = List.copyOf(origins);
            errors = List.copyOf(errors);
        }

        public boolean isValid() {
            return errors.isEmpty();
        }
    }

    /** {@code port} is -1 for the scheme's default port. */
    private record Origin(String scheme, String host, int port, boolean wildcard) {

        String serialize() {
            return scheme + "://" + (wildcard ? "*." : "") + host + (port == -1 ? "" : ":" + port);
        }

        boolean isLoopback() {
            return !wildcard && (host.equals("localhost") || host.equals("127.0.0.1"));
        }

        boolean admits(Origin request) {
            if (!scheme.equals(request.scheme) || port != request.port || request.wildcard) {
                return false;
            }
            return wildcard ? request.host.endsWith("." + host) : host.equals(request.host);
        }
    }

    /** A bad origin; the message continues a sentence that starts with the quoted input. */
    private static final class InvalidOrigin extends Exception {

        InvalidOrigin(String problem) {
            super(problem, null, false, false);
        }
    }

    private static Origin parseOrigin(String text, boolean allowWildcard) throws InvalidOrigin {
        if (text.startsWith("//")) {
            throw missingScheme(text.substring(2));
        }
        int separator = text.indexOf("://");
        if (separator < 0) {
            throw missingScheme(text);
        }
        String scheme = text.substring(0, separator);
        if (!SCHEME.matcher(scheme).matches()) {
            throw new InvalidOrigin(NOT_AN_ORIGIN);
        }
        scheme = scheme.toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new InvalidOrigin("is not a website origin; use an address that starts with https://");
        }
        String rest = text.substring(separator + 3);
        int authorityEnd = indexOfAny(rest, "/?#\\");
        String authority = rest.substring(0, authorityEnd);
        String tail = rest.substring(authorityEnd);

        Origin origin = parseAuthority(scheme, authority, allowWildcard);
        if (!tail.isEmpty() && !tail.equals("/")) {
            throw new InvalidOrigin("includes a path, query or fragment; use just " + origin.serialize());
        }
        if (scheme.equals("http") && !origin.isLoopback()) {
            Origin secure = new Origin("https", origin.host(), origin.port(), origin.wildcard());
            throw new InvalidOrigin("is not secure (http is only for localhost); use " + secure.serialize());
        }
        return origin;
    }

    private static InvalidOrigin missingScheme(String text) {
        String authority = text.substring(0, indexOfAny(text, "/?#\\"));
        try {
            Origin origin = parseAuthority("https", authority, true);
            if (!origin.isLoopback() && origin.host().indexOf('.') < 0) {
                // A single word such as "foo" is more likely a mistake than an intranet host name.
                return new InvalidOrigin(NOT_AN_ORIGIN);
            }
            if (origin.isLoopback()) {
                origin = new Origin("http", origin.host(), origin.port(), false);
            }
            return new InvalidOrigin("is missing " + origin.scheme() + "://; use " + origin.serialize());
        } catch (InvalidOrigin e) {
            return new InvalidOrigin(NOT_AN_ORIGIN);
        }
    }

    private static Origin parseAuthority(String scheme, String authority, boolean allowWildcard)
            throws InvalidOrigin {
        if (authority.isEmpty()) {
            throw new InvalidOrigin(NOT_AN_ORIGIN);
        }
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            String suggestion;
            try {
                suggestion = "; use " + parseAuthority(scheme, authority.substring(at + 1), allowWildcard).serialize();
            } catch (InvalidOrigin e) {
                suggestion = "; remove everything up to the @";
            }
            throw new InvalidOrigin("contains a user name or password" + suggestion);
        }
        if (authority.startsWith("[")) {
            throw new InvalidOrigin("uses an IPv6 address; use a host name instead, e.g. " + EXAMPLE);
        }
        String host = authority;
        int port = -1;
        int colon = authority.lastIndexOf(':');
        if (colon >= 0) {
            host = authority.substring(0, colon);
            port = parsePort(authority.substring(colon + 1));
        }
        if (port == defaultPort(scheme)) {
            port = -1;
        }
        boolean wildcard = false;
        if (host.startsWith("*.")) {
            if (!allowWildcard) {
                throw new InvalidOrigin(NOT_AN_ORIGIN);
            }
            wildcard = true;
            host = host.substring(2);
        }
        if (host.indexOf('*') >= 0) {
            throw new InvalidOrigin("has a wildcard in the wrong place; only a leading *. is allowed, "
                    + "as in https://*.example.com");
        }
        String asciiHost = toAsciiHost(host);
        if (wildcard) {
            checkWildcardDomain(asciiHost);
        }
        return new Origin(scheme, asciiHost, port, wildcard);
    }

    private static int parsePort(String text) throws InvalidOrigin {
        if (PORT.matcher(text).matches()) {
            int port = Integer.parseInt(text);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        }
        throw new InvalidOrigin("has an invalid port; use a number from 1 to 65535, or leave the port out");
    }

    private static int defaultPort(String scheme) {
        return scheme.equals("https") ? 443 : 80;
    }

    private static String toAsciiHost(String host) throws InvalidOrigin {
        InvalidOrigin invalidHost = new InvalidOrigin("does not have a valid host name; use e.g. " + EXAMPLE);
        if (host.isEmpty()) {
            throw invalidHost;
        }
        // java.net.IDN implements IDNA2003, which maps these four characters away; browsers (IDNA2008 / UTS #46
        // non-transitional) keep them, so the two would produce different origins.
        if (host.chars().anyMatch(c -> c == 'ß' || c == 'ς' || c == '\u200c' || c == '\u200d')) {
            throw new InvalidOrigin("contains ß, ς or an invisible joiner, which browsers encode differently; "
                    + "enter the xn-- form of the host that your browser's address bar shows");
        }
        String ascii;
        try {
            ascii = IDN.toASCII(host, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw invalidHost;
        }
        if (ascii.length() > 253) {
            throw invalidHost;
        }
        String[] labels = ascii.split("\\.", -1);
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                throw invalidHost;
            }
        }
        // As in the WHATWG URL standard, a host whose last label is numeric must be an IPv4 address; only the
        // canonical dotted-quad form is accepted, as that is what browsers put in the Origin header.
        if (NUMERIC_LABEL.matcher(labels[labels.length - 1]).matches() && !isDottedQuad(labels)) {
            throw new InvalidOrigin("is not a valid IP address or host name; use e.g. " + EXAMPLE);
        }
        return ascii;
    }

    private static boolean isDottedQuad(String[] labels) {
        if (labels.length != 4) {
            return false;
        }
        for (String label : labels) {
            if (!IPV4_OCTET.matcher(label).matches() || Integer.parseInt(label) > 255) {
                return false;
            }
        }
        return true;
    }

    private static void checkWildcardDomain(String host) throws InvalidOrigin {
        String[] labels = host.split("\\.");
        if (NUMERIC_LABEL.matcher(labels[labels.length - 1]).matches()) {
            throw new InvalidOrigin("puts a wildcard on an IP address; use it with a domain name, "
                    + "as in https://*.example.com");
        }
        if (labels.length < 2 || SHARED_SUFFIXES.contains(host)) {
            throw new InvalidOrigin("would also match websites of other owners; put the wildcard under your own "
                    + "domain, as in https://*.example.com");
        }
    }

    private static int indexOfAny(String text, String characters) {
        for (int i = 0; i < text.length(); i++) {
            if (characters.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return text.length();
    }

    /** The input as shown in an error: control and bidirectional-override characters replaced, long text cut. */
    private static String echo(String line) {
        StringBuilder shown = new StringBuilder();
        line.codePoints().limit(MAX_ECHO_LENGTH).forEach(cp -> {
            boolean hidden = Character.isISOControl(cp) || (cp >= 0x202a && cp <= 0x202e)
                    || (cp >= 0x2066 && cp <= 0x2069);
            shown.appendCodePoint(hidden ? '?' : cp);
        });
        if (line.codePointCount(0, line.length()) > MAX_ECHO_LENGTH) {
            shown.append('…');
        }
        return shown.toString();
    }
}
