package com.frontline.tenants;

import com.frontline.shared.PortalProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

import java.time.format.DateTimeFormatter;

/**
 * Sends invitation links by SMTP when {@code spring.mail.host} is configured. Without it (local runs) the link is
 * shown to the admin, who can pass it on. The link is never logged: it grants access to the workspace, and logs are
 * read by more people (and kept longer) than the Team page.
 */
@Component
class InvitationMailer {

    private static final Logger log = LoggerFactory.getLogger(InvitationMailer.class);

    private final ObjectProvider<JavaMailSender> mail;
    private final PortalProperties portal;

    InvitationMailer(ObjectProvider<JavaMailSender> mail, PortalProperties portal) {
        this.mail = mail;
        this.portal = portal;
    }

    /** Returns whether an e-mail went out. */
    boolean send(String workspaceName, String inviterEmail, Invitation invitation, String link) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            log.info("Mail is not configured: invitation {} was created and its link shown to the admin only",
                    invitation.id());
            return false;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(portal.mailFrom());
        message.setTo(invitation.email());
        message.setSubject("You're invited to " + workspaceName + " on Frontline");
        message.setText("""
                %s invited you to join %s on Frontline as %s.

                Accept the invitation: %s

                The link works once and expires on %s (UTC).
                """.formatted(inviterEmail, workspaceName, invitation.role().label(), link,
                invitation.expiresAt().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"))));
        try {
            sender.send(message);
            return true;
        } catch (MailException e) {
            log.warn("Could not e-mail the invitation for {}: {}", workspaceName, e.getMessage());
            return false;
        }
    }
}
