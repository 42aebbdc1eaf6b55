package com.frontline.tenants;

public record Logo(byte[] bytes, String contentType, String version) {
}
