package com.frontline.shared;

import io.github.bucket4j.Bucket;
import org.jspecify.annotations.Nullable;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Bucket4j buckets by key, at most {@code capacity} of them: the least recently used go first, and a forgotten bucket
 * only forgives. Caffeine is not on the classpath, and for some thousands of small entries an access-ordered
 * LinkedHashMap under one lock is enough. Buckets live in this node's memory.
 */
public final class BoundedBuckets {

    private static final Pattern IPV6_LITERAL = Pattern.compile("[0-9A-Fa-f:.]+(%[A-Za-z0-9_.-]+)?");

    private final Map<String, Bucket> map;

    public BoundedBuckets(int capacity) {
        map = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > capacity;
            }
        };
    }

    public synchronized Bucket get(String key, Supplier<Bucket> create) {
        return map.computeIfAbsent(key, k -> create.get());
    }

    /** The bucket for this key, if one is kept. */
    public synchronized @Nullable Bucket peek(String key) {
        return map.get(key);
    }

    public synchronized void forget(String key) {
        map.remove(key);
    }

    /**
     * The part of a client address a limit counts: an IPv4 address whole, an IPv6 address by its /64 network, since
     * one subscriber usually holds a whole /64 and could otherwise take a fresh address for every request.
     */
    public static String addressKey(String address) {
        if (address.indexOf(':') < 0 || !IPV6_LITERAL.matcher(address).matches()) {
            return address;
        }
        try {
            // a literal with ':' is parsed, never looked up in DNS
            byte[] bytes = InetAddress.getByName(address).getAddress();
            if (bytes.length != 16) {
                return address;
            }
            StringBuilder key = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                key.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
            }
            return key.append(":/64").toString();
        } catch (UnknownHostException e) {
            return address;
        }
    }
}
