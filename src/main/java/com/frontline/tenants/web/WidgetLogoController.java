package com.frontline.tenants.web;

import com.frontline.shared.NotFoundException;
import com.frontline.tenants.Logo;
import com.frontline.tenants.PublicWidget;
import com.frontline.tenants.TenantService;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Duration;

/**
 * The workspace logo for the public website widget, found by the widget's public key (no sign-in). Same bytes and
 * the same sandboxing CSP as {@link LogoController}; publicly cacheable, as the widget asks for it with the logo
 * version in the URL.
 */
@Controller
class WidgetLogoController {

    private final TenantService tenants;

    WidgetLogoController(TenantService tenants) {
        this.tenants = tenants;
    }

    @GetMapping("/widget/logo")
    ResponseEntity<byte[]> logo(@RequestParam(required = false) @Nullable String key) {
        PublicWidget widget = tenants.byWidgetKey(key).orElseThrow(() -> new NotFoundException("No such widget"));
        Logo logo = tenants.logo(widget.tenant()).orElseThrow(() -> new NotFoundException("No logo"));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(logo.contentType()))
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
                .eTag(logo.version())
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox")
                .header("X-Content-Type-Options", "nosniff")
                // the widget panel is on the portal's origin, but a host page may show the logo too
                .header("Cross-Origin-Resource-Policy", "cross-origin")
                .body(logo.bytes());
    }
}
