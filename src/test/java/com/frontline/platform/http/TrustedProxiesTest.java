package com.frontline.platform.http;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The valve the app installs, in a real Tomcat: forwarded headers count only when the connection comes from a
 * configured proxy. Clients connect from 127.0.0.1 (a stranger) or 127.0.0.2 (the trusted proxy).
 */
class TrustedProxiesTest {

    static Tomcat tomcat;
    static int port;

    @BeforeAll
    static void tomcatBehindOneTrustedProxy(@TempDir Path dir) throws Exception {
        tomcat = new Tomcat();
        tomcat.setBaseDir(dir.toString());
        tomcat.setPort(0);
        tomcat.getConnector();
        Context context = tomcat.addContext("", null);
        Tomcat.addServlet(context, "echo", new HttpServlet() {
            @Override
            protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
                request.getSession(true);
                response.getWriter().write(request.getRemoteAddr() + "|" + request.getScheme() + "|"
                        + request.isSecure() + "|" + request.getServerName() + "|" + request.getServerPort());
            }
        });
        context.addServletMappingDecoded("/*", "echo");
        // what TrustedProxies adds for frontline.http.trusted-proxies=127.0.0.2
        tomcat.getEngine().getPipeline().addValve(TrustedProxies.valve(TrustedProxies.cidrs(List.of("127.0.0.2"))));
        tomcat.start();
        port = tomcat.getConnector().getLocalPort();
    }

    @AfterAll
    static void stop() throws Exception {
        tomcat.stop();
        tomcat.destroy();
    }

    @Test
    void aStrangersForwardedHeadersChangeNothing() throws Exception {
        var response = call("127.0.0.1", "203.0.113.9", "https", "evil.example");
        assertThat(response.body()).isEqualTo("127.0.0.1|http|false|127.0.0.1|" + port);
        assertThat(response.headers().firstValue("Set-Cookie").orElseThrow()).doesNotContainIgnoringCase("secure");
    }

    @Test
    void theTrustedProxyTellsTheVisitorsAddressSchemeAndHost() throws Exception {
        var response = call("127.0.0.2", "203.0.113.9", "https", "support.example.com");
        assertThat(response.body()).isEqualTo("203.0.113.9|https|true|support.example.com|443");
        // behind a trusted HTTPS proxy the session cookie is Secure
        assertThat(response.headers().firstValue("Set-Cookie").orElseThrow()).containsIgnoringCase("; Secure");
    }

    @Test
    void aValueTheClientWroteBeforeTheProxysIsNotTaken() throws Exception {
        // the client sent "X-Forwarded-For: 6.6.6.6"; the proxy appended the address it saw
        var response = call("127.0.0.2", "6.6.6.6, 203.0.113.9", "https", "support.example.com");
        assertThat(response.body()).startsWith("203.0.113.9|");
    }

    @Test
    void theAppAddsTheValveOnlyWhenProxiesAreConfigured() {
        var none = new TomcatServletWebServerFactory();
        new TrustedProxies(new HttpProperties(List.of())).customize(none);
        assertThat(none.getEngineValves()).isEmpty();
        var some = new TomcatServletWebServerFactory();
        new TrustedProxies(new HttpProperties(List.of("10.0.0.0/8, 192.168.1.10", "fd00::/8"))).customize(some);
        assertThat(some.getEngineValves()).singleElement().isInstanceOfSatisfying(
                org.apache.catalina.valves.RemoteIpValve.class,
                v -> assertThat(v.getInternalProxies()).contains("10.0.0.0/8").contains("192.168.1.10/32")
                        .contains("fd00::/8"));
    }

    @Test
    void proxiesMustBeAddressesOrBlocks() {
        assertThat(TrustedProxies.cidrs(List.of(" 10.1.2.3 ", "::1"))).isEqualTo("10.1.2.3/32, ::1/128");
        for (String bad : new String[]{"proxy.example.com", "10.0.0.0/33", "10.0.0", ".*", "10.0.0.1/x"}) {
            assertThatThrownBy(() -> TrustedProxies.cidrs(List.of(bad)))
                    .hasMessageContaining("frontline.http.trusted-proxies").hasMessageContaining(bad);
        }
    }

    private static HttpResponse<String> call(String from, String forwardedFor, String proto, String host)
            throws Exception {
        HttpClient client = HttpClient.newBuilder().localAddress(InetAddress.getByName(from)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                .header("X-Forwarded-For", forwardedFor)
                .header("X-Forwarded-Proto", proto)
                .header("X-Forwarded-Host", host)
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
