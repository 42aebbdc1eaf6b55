package com.frontline.alerts;

import com.frontline.shared.PortalProperties;
import com.frontline.shared.Role;
import com.frontline.shared.TenantId;
import com.frontline.shared.outbound.OutboundErrors;
import com.frontline.shared.outbound.OutboundGuard;
import com.frontline.shared.outbound.OutboundHttp;
import com.frontline.shared.outbound.WebhookAddresses;
import com.frontline.tenants.Member;
import com.frontline.tenants.TeamService;
import com.frontline.tenants.TenantService;
import com.frontline.tenants.Workspace;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.Serializable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The alerts module's background work, as db-scheduler tasks (state in PostgreSQL: once per cluster, survives
 * restarts): the recurring threshold check, and each delivery of a new alert by e-mail (when this server has a mail
 * host) and to the workspace's webhook (through the outbound-address guard, like the handoff webhook), retried with
 * exponential back-off and shown on the alert with its outcome.
 */
@Configuration(proxyBeanMethods = false)
class AlertJobs {

    private static final Logger log = LoggerFactory.getLogger(AlertJobs.class);
    static final String MAIL_NOT_CONFIGURED = "Mail is not configured on this server, so no e-mail was sent.";

    record Delivery(UUID tenant, UUID deliveryId) implements Serializable {
    }

    @Bean
    RecurringTask<Void> alertEvaluationTask(AlertEvaluation evaluation, AlertsProperties properties) {
        return Tasks.recurring("alerts-evaluate", FixedDelay.of(properties.evaluateEvery()))
                .execute((instance, context) -> evaluation.evaluateAll(OffsetDateTime.now(ZoneOffset.UTC)));
    }

    @Bean
    OneTimeTask<Delivery> alertDeliveryTask(Sender sender, DeliveryRepository deliveries, AlertsProperties properties) {
        return Tasks.oneTime("alerts-delivery", Delivery.class)
                .onFailure(new FailureHandler.MaxRetriesFailureHandler<>(properties.deliveryRetries(),
                        new FailureHandler.ExponentialBackoffFailureHandler<>(properties.deliveryBackoff()),
                        (complete, operations) -> {
                            Delivery d = (Delivery) complete.getExecution().taskInstance.getData();
                            deliveries.giveUp(TenantId.of(d.tenant()), d.deliveryId());
                            log.warn("Workspace {}: gave up on alert delivery {} after {} attempts", d.tenant(),
                                    d.deliveryId(), properties.deliveryRetries() + 1);
                            operations.stop();
                        }))
                .execute((instance, context) -> sender.send(TenantId.of(instance.getData().tenant()),
                        instance.getData().deliveryId()));
    }

    /** Queues the deliveries of a new alert once it is committed; a repeated event queues nothing twice. */
    @Component
    static class OnRaised {

        private final AlertSettingsRepository settings;
        private final DeliveryRepository deliveries;
        private final TeamService team;
        private final ObjectProvider<JavaMailSender> mail;
        private final SchedulerClient scheduler;
        private final OneTimeTask<Delivery> task;

        OnRaised(AlertSettingsRepository settings, DeliveryRepository deliveries, TeamService team,
                 ObjectProvider<JavaMailSender> mail, @Lazy SchedulerClient scheduler, OneTimeTask<Delivery> task) {
            this.settings = settings;
            this.deliveries = deliveries;
            this.team = team;
            this.mail = mail;
            this.scheduler = scheduler;
            this.task = task;
        }

        @ApplicationModuleListener
        void on(AlertEvents.AlertRaised e) {
            TenantId tenant = e.tenant();
            if (!deliveries.of(tenant, List.of(e.alertId())).isEmpty()) {
                return; // the event came again (a restart before it was marked done): queued already
            }
            AlertSettings s = settings.find(tenant);
            if (s.emailEnabled()) {
                List<String> recipients = team.members(tenant).stream()
                        .filter(m -> m.role().atLeast(Role.ADMIN))
                        .map(Member::email)
                        .sorted()
                        .toList();
                String target = String.join(", ", recipients);
                if (mail.getIfAvailable() == null) {
                    deliveries.create(tenant, e.alertId(), AlertDelivery.Channel.EMAIL, target, "SKIPPED",
                            MAIL_NOT_CONFIGURED);
                } else if (recipients.isEmpty()) {
                    deliveries.create(tenant, e.alertId(), AlertDelivery.Channel.EMAIL, "", "SKIPPED",
                            "The workspace has no owner or admin to write to.");
                } else {
                    schedule(tenant, deliveries.create(tenant, e.alertId(), AlertDelivery.Channel.EMAIL, target,
                            "PENDING", null));
                }
            }
            if (s.webhookUrl() != null) {
                schedule(tenant, deliveries.create(tenant, e.alertId(), AlertDelivery.Channel.WEBHOOK, s.webhookUrl(),
                        "PENDING", null));
            }
        }

        private void schedule(TenantId tenant, AlertDelivery d) {
            scheduler.scheduleIfNotExists(task.instance(tenant + ":" + d.id(), new Delivery(tenant.value(), d.id())),
                    Instant.now());
        }
    }

    /** Sends one delivery; a failure is recorded on it and thrown, so db-scheduler tries again later. */
    @Component
    static class Sender {

        private final DeliveryRepository deliveries;
        private final Alerts alerts;
        private final TenantService tenants;
        private final PortalProperties portal;
        private final ObjectProvider<JavaMailSender> mail;
        private final JsonMapper json;
        private final OutboundGuard guard;
        private final CloseableHttpClient http;

        Sender(DeliveryRepository deliveries, Alerts alerts, TenantService tenants, PortalProperties portal,
               ObjectProvider<JavaMailSender> mail, JsonMapper json, OutboundHttp outbound,
               AlertsProperties properties) {
            this.deliveries = deliveries;
            this.alerts = alerts;
            this.tenants = tenants;
            this.portal = portal;
            this.mail = mail;
            this.json = json;
            this.guard = outbound.guard();
            // resolves names only through the guard: the address connected to is the address just checked
            this.http = outbound.client(properties.webhookTimeout(), properties.webhookTimeout());
        }

        void send(TenantId tenant, UUID deliveryId) {
            AlertDelivery delivery = deliveries.find(tenant, deliveryId).orElse(null);
            if (delivery == null || !"PENDING".equals(delivery.status())) {
                return; // deleted with its workspace, or done by an earlier run
            }
            Workspace workspace = tenants.workspace(tenant);
            MDC.put("tenant", workspace.slug());
            try {
                Alert alert = alerts.alert(tenant, delivery.alertId());
                if (delivery.channel() == AlertDelivery.Channel.EMAIL) {
                    email(tenant, workspace, alert, delivery);
                } else {
                    webhook(tenant, workspace, alert, delivery);
                }
            } finally {
                MDC.remove("tenant");
            }
        }

        private void email(TenantId tenant, Workspace workspace, Alert alert, AlertDelivery delivery) {
            JavaMailSender sender = mail.getIfAvailable();
            if (sender == null) {
                deliveries.attempted(tenant, delivery.id(), "SKIPPED", MAIL_NOT_CONFIGURED);
                return;
            }
            SimpleMailMessage message = mail(portal.mailFrom(), delivery.target(), workspace, alert,
                    absolute(alert.link()), absolute("/w/" + workspace.slug() + "/alerts/settings"));
            try {
                sender.send(message);
            } catch (MailException e) {
                fail(tenant, delivery.id(), "The mail server refused or could not be reached.");
            }
            deliveries.attempted(tenant, delivery.id(), "DELIVERED", null);
            log.info("Alert {} e-mailed", alert.id());
        }

        private void webhook(TenantId tenant, Workspace workspace, Alert alert, AlertDelivery delivery) {
            String problem = WebhookAddresses.problem(delivery.target(), guard, "the alerts");
            if (problem != null) {
                fail(tenant, delivery.id(), problem);
            }
            String body = json.writeValueAsString(Map.of("text", slackText(workspace, alert, absolute(alert.link()))));
            HttpPost request = new HttpPost(delivery.target());
            request.setHeader("User-Agent", "Frontline-Alerts/1");
            request.setEntity(new StringEntity(body, ContentType.APPLICATION_JSON));
            int status;
            try {
                // the receiver's reply is never read into the log or the page: it could be any internal text
                status = http.execute(request, response -> {
                    EntityUtils.consume(response.getEntity());
                    return response.getCode();
                });
            } catch (IOException e) {
                String host = request.getAuthority() == null ? "the webhook" : request.getAuthority().getHostName();
                String reason = OutboundErrors.network(e, host);
                fail(tenant, delivery.id(), reason == null ? "Could not reach the webhook." : reason);
                return;
            }
            if (status / 100 == 3) {
                fail(tenant, delivery.id(), "The webhook answered with a redirect (HTTP " + status + "), which is not "
                        + "followed: enter the final address.");
            }
            if (status / 100 != 2) {
                fail(tenant, delivery.id(), "The webhook answered HTTP " + status + ".");
            }
            deliveries.attempted(tenant, delivery.id(), "DELIVERED", null);
            log.info("Alert {} delivered to the webhook", alert.id());
        }

        /** The portal's address for a path, when the public address is configured. */
        private @Nullable String absolute(@Nullable String path) {
            if (path == null || portal.publicUrl() == null) {
                return null;
            }
            return portal.publicUrl().replaceAll("/+$", "") + path;
        }

        private void fail(TenantId tenant, UUID deliveryId, String reason) {
            deliveries.attempted(tenant, deliveryId, "PENDING", reason);
            throw new DeliveryFailedException(reason);
        }
    }

    /** The e-mail of a new alert: its summary, its numbers, and links when the portal's public address is known. */
    static SimpleMailMessage mail(String from, String recipients, Workspace workspace, Alert alert,
                                  @Nullable String link, @Nullable String settingsLink) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(recipients.split(",\\s*"));
        message.setSubject("[" + workspace.name() + "] " + alert.title());
        StringBuilder text = new StringBuilder(alert.summary()).append("\n\n");
        alert.figures().forEach(f -> text.append("  ").append(f.name()).append(": ").append(f.value()).append('\n'));
        if (link != null) {
            text.append("\nSee the numbers: ").append(link).append('\n');
        }
        text.append("\nYou receive this as an owner or admin of ").append(workspace.name()).append(" on Frontline.")
                .append(settingsLink == null ? " Change the alert settings under Alerts → Settings."
                        : " Change the alert settings: " + settingsLink).append('\n');
        message.setText(text.toString());
        return message;
    }

    /**
     * The message for a Slack-compatible incoming webhook: the title in bold, the summary, the figures, and the link
     * when the portal's public address is known. Slack's control characters in our text are escaped, so a provider's
     * name cannot mention {@code @channel} or make a link.
     */
    static String slackText(Workspace workspace, Alert alert, @Nullable String link) {
        StringBuilder text = new StringBuilder("*[").append(escape(workspace.name())).append("] ")
                .append(escape(alert.title())).append("*\n").append(escape(alert.summary()));
        for (Alert.Figure f : alert.figures()) {
            text.append("\n• ").append(escape(f.name())).append(": ").append(escape(f.value()));
        }
        if (link != null) {
            text.append("\n").append(link);
        }
        return text.toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static class DeliveryFailedException extends RuntimeException {
        DeliveryFailedException(String message) {
            super(message);
        }
    }
}
