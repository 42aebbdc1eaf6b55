package com.frontline.platform.http;

import org.apache.catalina.valves.RemoteIpValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Honours {@code X-Forwarded-*} only from the configured proxies, with Tomcat's {@link RemoteIpValve}: it walks
 * {@code X-Forwarded-For} from the right and stops at the first address that is not a trusted proxy, so a value the
 * client wrote itself (the left end) is never taken for its address, and from an untrusted peer it changes nothing.
 * A request that a trusted proxy received over HTTPS ({@code X-Forwarded-Proto: https}) is secure, so Tomcat marks the
 * session cookie {@code Secure}. Spring's {@code ForwardedHeaderFilter} (strategy {@code framework}) is not used: it
 * trusts every client and takes the left-most {@code X-Forwarded-For} value.
 */
@Component
class TrustedProxies implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private static final Pattern ADDRESS = Pattern.compile("[0-9A-Fa-f:.]+");

    private final String cidrs;

    TrustedProxies(HttpProperties properties) {
        this.cidrs = cidrs(properties.trustedProxies());
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        if (cidrs.isEmpty()) {
            return; // nobody is trusted: the headers stay plain headers that nothing reads
        }
        factory.addEngineValves(valve(cidrs));
    }

    static RemoteIpValve valve(String cidrs) {
        RemoteIpValve valve = new RemoteIpValve();
        // A value with a '/' is read by Tomcat as a list of CIDR blocks (NetMaskSet), not as a regular expression.
        valve.setInternalProxies(cidrs);
        valve.setTrustedProxies("");
        valve.setRemoteIpHeader("X-Forwarded-For");
        valve.setProxiesHeader("X-Forwarded-By");
        valve.setProtocolHeader("X-Forwarded-Proto");
        valve.setHostHeader("X-Forwarded-Host");
        valve.setPortHeader("X-Forwarded-Port");
        return valve;
    }

    /** The configured proxies as Tomcat's comma-separated CIDR list; a bare address becomes a /32 or /128 block. */
    static String cidrs(List<String> configured) {
        List<String> blocks = new ArrayList<>();
        for (String raw : configured) {
            for (String entry : raw.split(",")) {
                String value = entry.strip();
                if (value.isEmpty()) {
                    continue;
                }
                int slash = value.indexOf('/');
                String address = slash < 0 ? value : value.substring(0, slash);
                InetAddress parsed = parse(address, value);
                int maxBits = parsed.getAddress().length * 8;
                int bits = maxBits;
                if (slash >= 0) {
                    try {
                        bits = Integer.parseInt(value.substring(slash + 1));
                    } catch (NumberFormatException e) {
                        bits = -1;
                    }
                    if (bits < 0 || bits > maxBits) {
                        throw invalid(value);
                    }
                }
                blocks.add(address + "/" + bits);
            }
        }
        return String.join(", ", blocks);
    }

    private static InetAddress parse(String address, String entry) {
        // only literal addresses: InetAddress.getByName would resolve a host name over DNS
        if (!ADDRESS.matcher(address).matches() || (!address.contains(":") && address.split("\\.", -1).length != 4)) {
            throw invalid(entry);
        }
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw invalid(entry);
        }
    }

    private static IllegalStateException invalid(String entry) {
        return new IllegalStateException("frontline.http.trusted-proxies: '" + entry + "' is not an IP address or "
                + "CIDR block (write e.g. 10.0.0.0/8, 192.168.1.10 or fd00::/8)");
    }
}
