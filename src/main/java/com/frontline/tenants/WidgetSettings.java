package com.frontline.tenants;

import java.util.List;

public record WidgetSettings(String publicKey, List<String> allowedOrigins) {
}
