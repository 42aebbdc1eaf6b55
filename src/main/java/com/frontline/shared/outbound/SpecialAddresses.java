package com.frontline.shared.outbound;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.ipv6.IPv6Address;
import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * The IANA IPv4 and IPv6 special-purpose address registries as a table, matched by address (never by how the address
 * was written). Private ranges (loopback, RFC 1918, shared CGNAT space, unique-local IPv6) may be allowed by the
 * operator; every other special range never is. IPv6 forms that carry an IPv4 address (mapped {@code ::ffff:a.b.c.d},
 * NAT64 {@code 64:ff9b::a.b.c.d}) are judged by that IPv4 address; IPv6 outside global unicast (2000::/3) and outside
 * the ranges below is refused as reserved.
 */
final class SpecialAddresses {

    /** A special range; {@code privateNetwork}: one the operator may allow. */
    record Range(IPAddress block, String what, boolean privateNetwork) {
    }

    private static final List<Range> V4 = List.of(
            forbidden("0.0.0.0/8", "the \"this network\" range"),
            priv("10.0.0.0/8", "a private network"),
            forbidden("100.100.100.200/32", "a cloud metadata service"),
            priv("100.64.0.0/10", "shared address space (carrier-grade NAT)"),
            priv("127.0.0.0/8", "the loopback range (this server itself)"),
            forbidden("169.254.0.0/16", "link-local space, where cloud metadata services live"),
            priv("172.16.0.0/12", "a private network"),
            forbidden("192.0.0.0/24", "the IETF protocol assignments range"),
            forbidden("192.0.2.0/24", "a documentation range"),
            forbidden("192.88.99.0/24", "the 6to4 relay range"),
            priv("192.168.0.0/16", "a private network"),
            forbidden("198.18.0.0/15", "the benchmarking range"),
            forbidden("198.51.100.0/24", "a documentation range"),
            forbidden("203.0.113.0/24", "a documentation range"),
            forbidden("224.0.0.0/4", "multicast space"),
            forbidden("240.0.0.0/4", "reserved space (or broadcast)"));

    private static final List<Range> V6 = List.of(
            forbidden("::/128", "the unspecified address"),
            priv("::1/128", "the loopback range (this server itself)"),
            forbidden("64:ff9b:1::/48", "the local-use NAT64 range"),
            forbidden("100::/64", "the discard-only range"),
            forbidden("2001:db8::/32", "a documentation range"),
            forbidden("2001::/23", "the IETF protocol assignments range (Teredo, benchmarking, ORCHID)"),
            forbidden("2002::/16", "the 6to4 range"),
            forbidden("3fff::/20", "a documentation range"),
            forbidden("5f00::/16", "the segment-routing range"),
            forbidden("fd00:ec2::254/128", "a cloud metadata service"),
            priv("fc00::/7", "a private network (unique-local IPv6)"),
            forbidden("fe80::/10", "link-local space"),
            priv("fec0::/10", "a private network (site-local IPv6)"),
            forbidden("ff00::/8", "multicast space"));

    private static final IPAddress MAPPED = block("::ffff:0:0/96");
    private static final IPAddress NAT64 = block("64:ff9b::/96");
    private static final IPAddress GLOBAL_UNICAST = block("2000::/3");
    private static final Range RESERVED_V6 = new Range(block("::/0"), "reserved IPv6 space", false);

    private SpecialAddresses() {
    }

    /** The special range the address lies in, or null for an ordinary public address. */
    static @Nullable Range of(IPAddress address) {
        IPAddress a = address.withoutPrefixLength();
        if (a.isIPv6()) {
            IPv6Address v6 = a.toIPv6();
            if (MAPPED.contains(v6) || NAT64.contains(v6)) {
                return of(v6.getEmbeddedIPv4Address());
            }
            for (Range r : V6) {
                if (r.block().contains(v6)) {
                    return r;
                }
            }
            return GLOBAL_UNICAST.contains(v6) ? null : RESERVED_V6;
        }
        for (Range r : V4) {
            if (r.block().contains(a)) {
                return r;
            }
        }
        return null;
    }

    private static Range priv(String cidr, String what) {
        return new Range(block(cidr), what, true);
    }

    private static Range forbidden(String cidr, String what) {
        return new Range(block(cidr), what, false);
    }

    static IPAddress block(String cidr) {
        IPAddress a = new IPAddressString(cidr).getAddress();
        if (a == null) {
            throw new IllegalArgumentException("not an address or network: " + cidr);
        }
        return a.toPrefixBlock();
    }
}
