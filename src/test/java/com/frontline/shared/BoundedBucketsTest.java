package com.frontline.shared;

import io.github.bucket4j.Bucket;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class BoundedBucketsTest {

    @Test
    void anIpv6ClientCountsByItsSlash64() {
        assertThat(BoundedBuckets.addressKey("2001:db8:1:2:aaaa::1"))
                .isEqualTo(BoundedBuckets.addressKey("2001:db8:1:2:ffff:ffff:ffff:fffe"))
                .isEqualTo("2001:db8:1:2::/64");
        assertThat(BoundedBuckets.addressKey("2001:db8:1:3::1")).isNotEqualTo(BoundedBuckets.addressKey("2001:db8:1:2::1"));
        assertThat(BoundedBuckets.addressKey("203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(BoundedBuckets.addressKey("not an address")).isEqualTo("not an address");
    }

    @Test
    void theLeastRecentlyUsedBucketGoesFirst() {
        BoundedBuckets buckets = new BoundedBuckets(2);
        Bucket a = buckets.get("a", BoundedBucketsTest::bucket);
        buckets.get("b", BoundedBucketsTest::bucket);
        buckets.get("a", BoundedBucketsTest::bucket);
        buckets.get("c", BoundedBucketsTest::bucket);
        assertThat(buckets.peek("a")).isSameAs(a);
        assertThat(buckets.peek("b")).isNull();
        buckets.forget("a");
        assertThat(buckets.peek("a")).isNull();
    }

    private static Bucket bucket() {
        return Bucket.builder().addLimit(l -> l.capacity(1).refillGreedy(1, Duration.ofMinutes(1))).build();
    }
}
