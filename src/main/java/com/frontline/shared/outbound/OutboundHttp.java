package com.frontline.shared.outbound;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;

/**
 * HTTP clients for calls to addresses workspaces chose. They resolve host names only through {@link OutboundGuard},
 * so every connection goes to an address that was just checked (a name that answers a public address to the check and
 * 127.0.0.1 to the connection cannot slip through); they follow no redirects, use no proxy and retry nothing.
 * One connection pool is shared by all clients.
 */
@Component
public class OutboundHttp implements DisposableBean {

    private final OutboundGuard guard;
    private final PoolingHttpClientConnectionManager connections;

    OutboundHttp(OutboundGuard guard) {
        this.guard = guard;
        this.connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(new GuardedResolver(guard))
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.ofSeconds(10))
                        .setTimeToLive(TimeValue.ofMinutes(5))
                        .build())
                .setMaxConnTotal(200)
                .setMaxConnPerRoute(50)
                .build();
    }

    /** Clients over a guard of their own (tests). */
    public static OutboundHttp of(OutboundGuard guard) {
        return new OutboundHttp(guard);
    }

    public OutboundGuard guard() {
        return guard;
    }

    /**
     * A client with these time limits; closing it leaves the shared pool open.
     *
     * @param readTimeout the longest wait for the response or for the next bytes of it
     */
    @SuppressWarnings("deprecation") // a per-client connect timeout; ConnectionConfig would be one for the whole pool
    public CloseableHttpClient client(Duration connectTimeout, Duration readTimeout) {
        return HttpClients.custom()
                .setConnectionManager(connections)
                .setConnectionManagerShared(true)
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectTimeout(Timeout.of(connectTimeout))
                        .setResponseTimeout(Timeout.of(readTimeout))
                        .setConnectionRequestTimeout(Timeout.of(connectTimeout))
                        .build())
                .build();
    }

    @Override
    public void destroy() {
        connections.close();
    }

    /** Name resolution through the guard: only checked addresses come back; no reverse lookups. */
    private record GuardedResolver(OutboundGuard guard) implements DnsResolver {

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            return guard.resolve(host);
        }

        @Override
        public String resolveCanonicalHostname(String host) {
            return host;
        }
    }
}
