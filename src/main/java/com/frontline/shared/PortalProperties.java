package com.frontline.shared;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param publicUrl  the portal's address as customers' browsers reach it (for invite links and the widget snippet);
 *                   when unset, the address of the current request
 * @param mailFrom   sender of invitation e-mails (sent only when {@code spring.mail.host} is configured)
 * @param inviteTtl  how long an invitation link stays valid
 */
@ConfigurationProperties("frontline.portal")
public record PortalProperties(@Nullable String publicUrl,
                               @DefaultValue("Frontline <no-reply@frontline.local>") String mailFrom,
                               @DefaultValue("7d") Duration inviteTtl) {
}
