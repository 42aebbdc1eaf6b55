package com.frontline.tenants;

import com.frontline.shared.TenantId;
import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Set;

/**
 * What the public website widget needs of a workspace, found by its public key: who it is, how the assistant greets
 * visitors, how it looks, and where it may be shown.
 *
 * @param allowedOrigins the websites allowed to embed it, as {@link Origins#parse} normalised them
 */
public record PublicWidget(TenantId tenant, String publicKey, String workspaceName, String assistantName,
                           String greeting, Branding branding, List<String> allowedOrigins) {

    public PublicWidget {
        allowedOrigins = List.copyOf(allowedOrigins);
    }

    /** Whether a browser's {@code Origin} header names one of the allowed websites. */
    public boolean allows(@Nullable String origin) {
        return Origins.matches(Set.copyOf(allowedOrigins), origin);
    }
}
