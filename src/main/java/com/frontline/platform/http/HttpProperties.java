package com.frontline.platform.http;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;

/**
 * @param trustedProxies addresses (CIDR blocks such as {@code 10.0.0.0/8}, or single addresses) of the reverse proxies
 *                       in front of the app. Only a request that arrives from one of them may set the visitor's address
 *                       ({@code X-Forwarded-For}), scheme ({@code X-Forwarded-Proto}), host ({@code X-Forwarded-Host})
 *                       and port ({@code X-Forwarded-Port}); from anyone else these headers are ignored. Empty (the
 *                       default): no proxy is trusted
 */
@ConfigurationProperties("frontline.http")
record HttpProperties(@DefaultValue List<String> trustedProxies) {
}
