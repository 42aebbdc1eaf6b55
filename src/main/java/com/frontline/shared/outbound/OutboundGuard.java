package com.frontline.shared.outbound;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.IPAddressStringParameters;
import inet.ipaddr.ipv4.IPv4Address;
import inet.ipaddr.ipv6.IPv6Address;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one check before every server-side call to an address a workspace chose (AI providers, webhooks, anything
 * later): http or https, no user info, and a host whose every address is an ordinary public one. Hosts are judged by
 * address, never by spelling: a name is resolved, and an IP written in any form the system resolver accepts
 * (decimal {@code 2852039166}, octal {@code 0177.0.0.1}, hex {@code 0x7f.1}, short {@code 127.1}, IPv4-mapped IPv6) is
 * decoded first. If any resolved address is refused, the host is refused.
 *
 * <p>{@link OutboundHttp} resolves through {@link #resolve(String)} when it connects, so the addresses checked are
 * the addresses connected to (no DNS rebinding between a check and the call).
 */
@Component
public class OutboundGuard {

    /** Name resolution; the system resolver in the app, a fixed table in tests. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** A checked URL: where to connect, and whether it is a private endpoint the operator allowed. */
    public record Target(URI uri, String host, List<InetAddress> addresses, boolean privateEndpoint) {

        public boolean https() {
            return "https".equals(uri.getScheme().toLowerCase(Locale.ROOT));
        }
    }

    /** Every numeric IPv4 form inet_aton (and so getaddrinfo) accepts, and IPv6 with or without brackets. */
    private static final IPAddressStringParameters NUMERIC = new IPAddressStringParameters.Builder()
            .allowEmpty(false).allowAll(false).allowMask(false).allowPrefix(false).allowSingleSegment(true)
            .allow_inet_aton(true)
            .getIPv4AddressParametersBuilder()
            .allow_inet_aton_hex(true).allow_inet_aton_octal(true).allow_inet_aton_leading_zeros(true)
            .allow_inet_aton_joined_segments(true).allow_inet_aton_extraneous_digits(false)
            .getParentBuilder()
            .toParams();
    private static final Pattern HOST_NAME = Pattern.compile(
            "(?i)(?=.{1,253}$)([a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)(\\.[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)*");

    private final boolean allowPrivateAddresses;
    private final List<IPAddress> allowedPrivateNetworks;
    private final Resolver resolver;

    @Autowired
    OutboundGuard(OutboundProperties properties) {
        this(properties.allowPrivateAddresses(), properties.allowedPrivateNetworks(), InetAddress::getAllByName);
    }

    private OutboundGuard(boolean allowPrivateAddresses, List<String> allowedPrivateNetworks, Resolver resolver) {
        this.allowPrivateAddresses = allowPrivateAddresses;
        List<IPAddress> networks = new ArrayList<>();
        for (String n : allowedPrivateNetworks) {
            if (!n.isBlank()) {
                networks.add(SpecialAddresses.block(n.strip()));
            }
        }
        this.allowedPrivateNetworks = List.copyOf(networks);
        this.resolver = resolver;
    }

    /** A guard with its own policy and resolver (tests, tools). */
    public static OutboundGuard of(boolean allowPrivateAddresses, List<String> allowedPrivateNetworks,
                                   Resolver resolver) {
        return new OutboundGuard(allowPrivateAddresses, allowedPrivateNetworks, resolver);
    }

    /** Why the portal would not call this URL (a sentence for the admin), or null when it would. Resolves the host. */
    public @Nullable String problem(String url) {
        try {
            check(url);
            return null;
        } catch (OutboundRefusedException e) {
            return e.reason();
        }
    }

    /** Parses and checks the URL and resolves its host. */
    public Target check(String url) throws OutboundRefusedException {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new OutboundRefusedException("That is not a valid address; write it like https://api.example.com/v1.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getRawAuthority() == null) {
            throw new OutboundRefusedException("Enter a full http:// or https:// address.");
        }
        if (uri.getRawUserInfo() != null || uri.getRawAuthority().contains("@")) {
            throw new OutboundRefusedException("Leave user names and passwords out of the address.");
        }
        String host = hostOf(uri);
        List<InetAddress> addresses = addresses(host, true);
        boolean privateEndpoint = addresses.stream().allMatch(a -> SpecialAddresses.of(ip(a)) != null);
        return new Target(uri, host, addresses, privateEndpoint);
    }

    /**
     * The addresses to connect to for a host, each one checked; for HTTP clients, which call this instead of the
     * system resolver.
     *
     * @throws OutboundRefusedException a refused address, or an IP written in an unusual form
     * @throws UnknownHostException     no such host
     */
    public InetAddress[] resolve(String host) throws UnknownHostException {
        return addresses(host, false).toArray(InetAddress[]::new);
    }

    private List<InetAddress> addresses(String rawHost, boolean strictForm) throws OutboundRefusedException {
        String host = rawHost.toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        while (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1); // "metadata.google.internal." is the same host
        }
        if (host.isEmpty()) {
            throw new OutboundRefusedException("Enter a full http:// or https:// address.");
        }
        IPAddress literal = new IPAddressString(host, NUMERIC).getAddress();
        if (literal != null) {
            refuseIfSpecial(literal, "That address");
            if (strictForm && literal.isIPv4() && !host.equals(literal.toCanonicalString())) {
                throw new OutboundRefusedException("Write the IP address the usual way (like 93.184.216.34), or use "
                        + "the host name.");
            }
            return List.of(inet(literal));
        }
        if (host.indexOf('%') >= 0 || !HOST_NAME.matcher(host).matches()) {
            throw new OutboundRefusedException("“" + rawHost + "” is not a valid host name.");
        }
        InetAddress[] resolved;
        try {
            resolved = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new OutboundRefusedException("The host " + host + " cannot be found. Check the address.");
        }
        if (resolved.length == 0) {
            throw new OutboundRefusedException("The host " + host + " cannot be found. Check the address.");
        }
        for (InetAddress a : resolved) {
            refuseIfSpecial(ip(a), host + " resolves to an address that");
        }
        return List.of(resolved);
    }

    private void refuseIfSpecial(IPAddress address, String subject) throws OutboundRefusedException {
        SpecialAddresses.Range range = SpecialAddresses.of(address);
        if (range == null) {
            return;
        }
        if (range.privateNetwork() && (allowPrivateAddresses || allowedPrivateNetworks.stream()
                .anyMatch(n -> n.getIPVersion() == address.getIPVersion() && n.contains(address.withoutPrefixLength())))) {
            return;
        }
        String where = subject.equals("That address") ? "That address is in " : subject + " is in ";
        throw new OutboundRefusedException(range.privateNetwork()
                ? where + range.what() + ", which this portal does not call. Use the service's public address; "
                + "whoever runs the portal can allow a private endpoint (such as Ollama on the same host)."
                : where + range.what() + ", which this portal never calls.");
    }

    /** The host as written, also where {@link URI} gives none (a host like {@code 2852039166} or {@code 0x7f.1}). */
    private static String hostOf(URI uri) throws OutboundRefusedException {
        if (uri.getHost() != null) {
            return uri.getHost();
        }
        String authority = uri.getRawAuthority();
        String host = authority;
        if (!authority.startsWith("[")) {
            int colon = authority.lastIndexOf(':');
            host = colon < 0 ? authority : authority.substring(0, colon);
        }
        if (host.isBlank()) {
            throw new OutboundRefusedException("Enter a full http:// or https:// address.");
        }
        return host;
    }

    static IPAddress ip(InetAddress a) {
        return a instanceof Inet4Address v4 ? new IPv4Address(v4) : new IPv6Address((Inet6Address) a);
    }

    private static InetAddress inet(IPAddress a) throws OutboundRefusedException {
        InetAddress address = a.withoutPrefixLength().toInetAddress();
        if (address == null) {
            throw new OutboundRefusedException("That is not a valid address.");
        }
        return address;
    }
}
