package com.frontline.shared.outbound;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;

/**
 * @param allowPrivateAddresses  lets workspaces call loopback, private (10/8, 172.16/12, 192.168/16), shared (CGNAT
 *                               100.64/10) and unique-local IPv6 addresses: for development, or a portal whose every
 *                               workspace is trusted. Link-local (cloud metadata), multicast, documentation and other
 *                               special-purpose ranges stay refused.
 * @param allowedPrivateNetworks only these private addresses or networks (CIDR, e.g. {@code 127.0.0.1/32} for an
 *                               Ollama on the portal's own host, {@code 10.20.0.0/16}); the narrower choice
 */
@ConfigurationProperties("frontline.outbound")
record OutboundProperties(@DefaultValue("false") boolean allowPrivateAddresses,
                          @DefaultValue List<String> allowedPrivateNetworks) {
}
