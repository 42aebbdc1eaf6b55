package com.frontline.tenants.web;

import com.frontline.shared.CurrentTenant;
import com.frontline.shared.NotFoundException;
import com.frontline.shared.Role;
import com.frontline.shared.web.RequiresRole;
import com.frontline.tenants.Logo;
import com.frontline.tenants.TenantService;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import java.time.Duration;

@Controller
class LogoController {

    private final TenantService tenants;

    LogoController(TenantService tenants) {
        this.tenants = tenants;
    }

    /**
     * Serves the logo with a sandboxing CSP: even an SVG that slipped past validation could not run script when
     * opened directly.
     */
    @GetMapping("/w/{slug}/logo")
    @RequiresRole(Role.VIEWER)
    ResponseEntity<byte[]> logo(CurrentTenant tenant) {
        Logo logo = tenants.logo(tenant.id()).orElseThrow(() -> new NotFoundException("No logo"));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(logo.contentType()))
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePrivate())
                .eTag(logo.version())
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox")
                .header("X-Content-Type-Options", "nosniff")
                .body(logo.bytes());
    }
}
