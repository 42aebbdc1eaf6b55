package com.frontline.rollouts;

import com.frontline.shared.TenantId;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Sticky, stateless assignment: a visitor's bucket is a hash of (workspace, experiment, visitor key), so every node,
 * before and after a restart, puts the same visitor in the same arm without storing anything, and the same visitor
 * lands in unrelated buckets in different experiments and in different workspaces.
 * <p>
 * The hash is SHA-256 of {@code "frontline/rollouts/v1" 0x00 workspace(16 bytes) experiment(16 bytes)
 * visitorKey(UTF-8)}; the first 8 bytes, read as an unsigned big-endian number, modulo 10,000 give the bucket (the
 * modulo bias is below 10⁻¹⁵). The layout is fixed: changing it would move every visitor of every running
 * experiment, which {@link #REFERENCE_BUCKET} guards against.
 */
public final class Assignment {

    private static final byte[] DOMAIN = "frontline/rollouts/v1\0".getBytes(StandardCharsets.US_ASCII);

    /** A fixed input and the bucket every JVM must give it (a known-answer test of the scheme). */
    static final TenantId REFERENCE_WORKSPACE = TenantId.of(UUID.fromString("00000000-0000-0000-0000-000000000001"));
    static final UUID REFERENCE_EXPERIMENT = UUID.fromString("00000000-0000-0000-0000-000000000002");
    static final String REFERENCE_VISITOR = "visitor-reference";
    static final int REFERENCE_BUCKET = 5182;

    private Assignment() {
    }

    /** The visitor's bucket in this experiment, from 0 to 9,999. */
    public static int bucket(TenantId workspace, UUID experiment, String visitorKey) {
        if (visitorKey.isEmpty()) {
            throw new IllegalArgumentException("a visitor key must not be empty");
        }
        byte[] key = visitorKey.getBytes(StandardCharsets.UTF_8);
        ByteBuffer input = ByteBuffer.allocate(DOMAIN.length + 32 + key.length)
                .put(DOMAIN)
                .putLong(workspace.value().getMostSignificantBits())
                .putLong(workspace.value().getLeastSignificantBits())
                .putLong(experiment.getMostSignificantBits())
                .putLong(experiment.getLeastSignificantBits())
                .put(key);
        byte[] digest = sha256().digest(input.array());
        long first = ByteBuffer.wrap(digest, 0, 8).getLong();
        return (int) Long.remainderUnsigned(first, Split.TOTAL);
    }

    /** The arm that serves the visitor under the split. */
    public static String arm(TenantId workspace, UUID experiment, String visitorKey, Split split) {
        return split.armFor(bucket(workspace, experiment, visitorKey));
    }

    /** True when this JVM hashes the reference input to the reference bucket, as every build of the scheme must. */
    public static boolean matchesReference() {
        return bucket(REFERENCE_WORKSPACE, REFERENCE_EXPERIMENT, REFERENCE_VISITOR) == REFERENCE_BUCKET;
    }

    /** One digest per thread: looking the algorithm up costs more than hashing a short key. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    });

    private static MessageDigest sha256() {
        MessageDigest digest = SHA_256.get();
        digest.reset();
        return digest;
    }
}
