package com.frontline.shared.outbound;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The outbound guard over every special-purpose address in the IANA registries, written every way a resolver accepts
 * (dotted, decimal, octal, hex, short, IPv4-mapped, NAT64, trailing-dot names), plus the review's exact strings. Names
 * resolve through a fixed table, so nothing here touches the network.
 */
class OutboundGuardTest {

    /** A fixed DNS: public names, names that point inside, and one that answers both. */
    static final Map<String, List<String>> DNS = Map.of(
            "api.example.com", List.of("93.184.216.34"),
            "v6.example.com", List.of("2606:2800:220:1:248:1893:25c8:1946"),
            "metadata.google.internal", List.of("169.254.169.254"),
            "localhost", List.of("127.0.0.1", "::1"),
            "intranet.example.com", List.of("10.0.0.5"),
            "cgnat.example.com", List.of("100.64.0.1"),
            "mixed.example.com", List.of("93.184.216.34", "192.168.1.10"),
            "mapped.example.com", List.of("::ffff:127.0.0.1"));

    static InetAddress[] resolve(String host) throws UnknownHostException {
        List<String> answers = DNS.get(host);
        if (answers == null) {
            throw new UnknownHostException(host);
        }
        InetAddress[] out = new InetAddress[answers.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = InetAddress.getByName(answers.get(i)); // literals only: no lookup
        }
        return out;
    }

    final OutboundGuard strict = OutboundGuard.of(false, List.of(), OutboundGuardTest::resolve);

    @ParameterizedTest
    @ValueSource(strings = {
            // the review's exact strings
            "http://127.0.0.1:9200/", "http://2852039166/", "http://[::ffff:169.254.169.254]/",
            "http://[fd00:ec2:0::254]/", "http://metadata.google.internal./", "https://100.64.0.1/hook",
            "https://198.18.0.1/hook",
            // IPv4 special-purpose registry
            "http://0.0.0.0/", "http://0.1.2.3/", "http://10.0.0.1/", "http://10.255.255.255/", "http://100.64.0.1/",
            "http://100.127.255.254/", "http://100.100.100.200/", "http://127.0.0.1/", "http://127.5.5.5/",
            "http://169.254.169.254/latest/meta-data/", "http://169.254.0.1/", "http://172.16.0.1/",
            "http://172.31.255.255/", "http://192.0.0.1/", "http://192.0.0.170/", "http://192.0.2.1/",
            "http://192.88.99.1/", "http://192.168.0.1/", "http://192.168.255.255/", "http://198.18.0.1/",
            "http://198.19.255.255/", "http://198.51.100.7/", "http://203.0.113.9/", "http://224.0.0.1/",
            "http://239.255.255.250/", "http://240.0.0.1/", "http://255.255.255.255/",
            // the same hosts written as resolvers also read them
            "http://2130706433/", "http://0x7f000001/", "http://0x7f.1/", "http://0177.0.0.1/",
            "http://017700000001/", "http://127.1/", "http://127.0.1/", "http://0/", "http://10.1/",
            "http://0xa9.0xfe.0xa9.0xfe/", "http://0251.0376.0251.0376/", "http://0xA9FEA9FE/",
            "http://169.254.43518/", "http://127.000.000.001/",
            // IPv6 special-purpose registry
            "http://[::]/", "http://[::1]/", "http://[0:0:0:0:0:0:0:1]/", "http://[::ffff:127.0.0.1]/",
            "http://[::ffff:7f00:1]/", "http://[::ffff:a9fe:a9fe]/", "http://[::ffff:10.0.0.1]/",
            "http://[::127.0.0.1]/", "http://[::a9fe:a9fe]/", "http://[64:ff9b::7f00:1]/",
            "http://[64:ff9b::169.254.169.254]/", "http://[64:ff9b:1::1]/", "http://[100::1]/",
            "http://[2001::1]/", "http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/", "http://[2001:2::1]/",
            "http://[2001:10::1]/", "http://[2001:db8::1]/", "http://[2002:7f00:1::1]/", "http://[2002:c000:0204::1]/",
            "http://[3fff::1]/", "http://[5f00::1]/", "http://[fc00::1]/", "http://[fd12:3456::1]/",
            "http://[fd00:ec2::254]/", "http://[fe80::1]/", "http://[fe80::1%25eth0]/", "http://[fec0::1]/",
            "http://[ff02::1]/", "http://[ff05::1:3]/", "http://[4000::1]/", "http://[::ffff:0:7f00:1]/",
            // names that resolve inside, with and without the trailing dot; one inside answer is enough
            "http://metadata.google.internal/computeMetadata/v1/", "http://localhost:11434/", "http://localhost./",
            "http://intranet.example.com/", "http://intranet.example.com./", "http://cgnat.example.com/",
            "http://mixed.example.com/", "http://mapped.example.com/", "http://LOCALHOST/",
    })
    void refusesEverySpecialPurposeAddressHoweverItIsWritten(String url) {
        assertThat(strict.problem(url)).as(url).isNotNull().doesNotContain("cannot be found");
        assertThatThrownBy(() -> strict.check(url)).isInstanceOf(OutboundRefusedException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://api.example.com/v1", "http://api.example.com:8080/", "https://api.example.com./v1",
            "http://93.184.216.34/", "https://[2606:2800:220:1:248:1893:25c8:1946]/", "https://v6.example.com/",
            "http://[::ffff:93.184.216.34]/", "http://[64:ff9b::5db8:d822]/"})
    void acceptsOrdinaryPublicAddresses(String url) throws Exception {
        assertThat(strict.problem(url)).as(url).isNull();
        assertThat(strict.check(url).addresses()).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://api.example.com/", "file:///etc/passwd", "gopher://127.0.0.1:6379/_INFO",
            "jar:http://api.example.com!/x", "api.example.com/v1", "//api.example.com/", "http:///v1",
            "http://user:secret@api.example.com/", "http://api.example.com@127.0.0.1/", "http://exa mple.com/",
            "http://nowhere.invalid/", "http://under_score-.example..com/"})
    void refusesOtherSchemesCredentialsAndBadHosts(String url) {
        assertThat(strict.problem(url)).as(url).isNotNull();
    }

    @Test
    void explainsTheRefusalWithoutNamingTheResolvedAddress() {
        assertThat(strict.problem("http://127.0.0.1:9200/"))
                .startsWith("That address is in the loopback range (this server itself)")
                .contains("does not call", "Ollama on the same host");
        assertThat(strict.problem("http://intranet.example.com/v1"))
                .startsWith("intranet.example.com resolves to an address that is in a private network")
                .doesNotContain("10.0.0.5");
        assertThat(strict.problem("http://metadata.google.internal./"))
                .contains("link-local", "cloud metadata", "never calls").doesNotContain("169.254");
        assertThat(strict.problem("http://nowhere.invalid/")).contains("cannot be found");
        assertThat(strict.problem("http://1572395042/")).as("93.184.216.34, written as one number")
                .contains("Write the IP address the usual way");
    }

    @Test
    void theOperatorMayAllowPrivateNetworksButNeverMetadataOrReservedRanges() {
        OutboundGuard open = OutboundGuard.of(true, List.of(), OutboundGuardTest::resolve);
        for (String url : List.of("http://127.0.0.1:11434/", "http://localhost:11434/", "http://10.0.0.1/",
                "http://172.16.5.4/", "http://192.168.1.20/", "http://100.64.0.1/", "http://[::1]/",
                "http://[fd12:3456::1]/", "http://intranet.example.com/")) {
            assertThat(open.problem(url)).as(url).isNull();
        }
        for (String url : List.of("http://169.254.169.254/", "http://2852039166/", "http://[fd00:ec2::254]/",
                "http://100.100.100.200/", "http://metadata.google.internal./", "http://198.18.0.1/",
                "http://0.0.0.0/", "http://[::]/", "http://224.0.0.1/", "http://[fe80::1]/",
                "http://[::ffff:169.254.169.254]/")) {
            assertThat(open.problem(url)).as(url).isNotNull();
        }
    }

    @Test
    void aListOfAllowedNetworksAllowsOnlyThose() throws Exception {
        OutboundGuard ollama = OutboundGuard.of(false, List.of("127.0.0.1/32", "10.20.0.0/16"),
                OutboundGuardTest::resolve);
        assertThat(ollama.problem("http://127.0.0.1:11434/")).isNull();
        assertThat(ollama.problem("http://10.20.3.4/")).isNull();
        assertThat(ollama.check("http://127.0.0.1:11434/").privateEndpoint()).isTrue();
        assertThat(ollama.problem("http://127.0.0.2:11434/")).isNotNull();
        assertThat(ollama.problem("http://10.21.0.1/")).isNotNull();
        assertThat(ollama.problem("http://localhost:11434/")).as("::1 is not on the list").isNotNull();
        assertThat(ollama.problem("http://169.254.169.254/")).isNotNull();
        assertThat(ollama.check("https://api.example.com/").privateEndpoint()).isFalse();
    }

    @Test
    void theResolverAnHttpClientUsesRefusesTheSameAddresses() throws Exception {
        assertThat(strict.resolve("api.example.com")).extracting(InetAddress::getHostAddress)
                .containsExactly("93.184.216.34");
        for (String host : List.of("localhost", "127.0.0.1", "2852039166", "0x7f.1", "[::1]", "::ffff:a9fe:a9fe",
                "metadata.google.internal.", "mixed.example.com")) {
            assertThatThrownBy(() -> strict.resolve(host)).as(host).isInstanceOf(OutboundRefusedException.class);
        }
    }
}
