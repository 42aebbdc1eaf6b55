package com.frontline.chat;

import com.frontline.shared.PortalProperties;
import com.frontline.shared.TenantId;
import com.frontline.shared.outbound.OutboundErrors;
import com.frontline.shared.outbound.OutboundGuard;
import com.frontline.shared.outbound.OutboundHttp;
import com.frontline.tenants.TenantService;
import com.frontline.tenants.Workspace;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Announces handoffs to the workspace's webhook: an HMAC-SHA256-signed JSON POST, sent by a db-scheduler task (so it
 * survives restarts and runs once across nodes) and retried with exponential back-off; every attempt is recorded and
 * shown on the Handoff settings page.
 *
 * <p>Signature header: {@code X-Frontline-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + body)>},
 * the scheme Stripe made familiar; receivers should also reject old timestamps.
 */
@Configuration(proxyBeanMethods = false)
class HandoffWebhooks {

    private static final Logger log = LoggerFactory.getLogger(HandoffWebhooks.class);
    static final int MAX_RETRIES = 6;
    static final String SIGNATURE_HEADER = "X-Frontline-Signature";

    record Delivery(UUID tenant, UUID deliveryId) implements Serializable {
    }

    @Bean
    OneTimeTask<Delivery> webhookTask(Sender sender, WebhookDeliveryRepository deliveries, ChatProperties properties) {
        return Tasks.oneTime("chat-webhook", Delivery.class)
                .onFailure(new FailureHandler.MaxRetriesFailureHandler<>(MAX_RETRIES,
                        new FailureHandler.ExponentialBackoffFailureHandler<>(properties.webhookBackoff()),
                        (complete, operations) -> {
                            Delivery d = (Delivery) complete.getExecution().taskInstance.getData();
                            TenantId tenant = TenantId.of(d.tenant());
                            deliveries.giveUp(tenant, d.deliveryId());
                            log.warn("Gave up on handoff webhook {} after {} attempts", d.deliveryId(), MAX_RETRIES + 1);
                            operations.stop();
                        }))
                .execute((instance, context) -> sender.send(TenantId.of(instance.getData().tenant()),
                        instance.getData().deliveryId()));
    }

    /** Queues a delivery for each handoff of a workspace that has a webhook; runs after the handoff commits. */
    @Component
    static class OnHandoff {

        private final ChatSettingsRepository settings;
        private final WebhookDeliveryRepository deliveries;
        private final SchedulerClient scheduler;
        private final OneTimeTask<Delivery> task;

        OnHandoff(ChatSettingsRepository settings, WebhookDeliveryRepository deliveries, @Lazy SchedulerClient scheduler,
                  OneTimeTask<Delivery> task) {
            this.settings = settings;
            this.deliveries = deliveries;
            this.scheduler = scheduler;
            this.task = task;
        }

        @ApplicationModuleListener
        void on(ChatEvents.HandoffRequested e) {
            String url = settings.get(e.tenant()).webhookUrl();
            if (url == null) {
                return;
            }
            WebhookDelivery delivery = deliveries.create(e.tenant(), e.conversationId(), url);
            scheduler.scheduleIfNotExists(task.instance(e.tenant() + ":" + delivery.id(),
                    new Delivery(e.tenant().value(), delivery.id())), Instant.now());
        }
    }

    @Component
    static class Sender {

        private final WebhookDeliveryRepository deliveries;
        private final ChatSettingsRepository settings;
        private final ConversationRepository conversations;
        private final TenantService tenants;
        private final PortalProperties portal;
        private final ChatProperties properties;
        private final JsonMapper json;
        private final OutboundGuard guard;
        private final CloseableHttpClient http;

        Sender(WebhookDeliveryRepository deliveries, ChatSettingsRepository settings,
               ConversationRepository conversations, TenantService tenants, PortalProperties portal,
               ChatProperties properties, JsonMapper json, OutboundHttp outbound) {
            this.deliveries = deliveries;
            this.settings = settings;
            this.conversations = conversations;
            this.tenants = tenants;
            this.portal = portal;
            this.properties = properties;
            this.json = json;
            this.guard = outbound.guard();
            // connects only to addresses the guard checked at that moment: no DNS rebinding after the check below
            this.http = outbound.client(properties.webhookTimeout(), properties.webhookTimeout());
        }

        void send(TenantId tenant, UUID deliveryId) {
            WebhookDelivery delivery = deliveries.find(tenant, deliveryId).orElse(null);
            if (delivery == null || "DELIVERED".equals(delivery.status())) {
                return; // deleted with its workspace, or already sent by an earlier run
            }
            Workspace workspace = tenants.workspace(tenant);
            MDC.put("tenant", workspace.slug());
            try {
                String problem = WebhookUrls.problem(delivery.url(), guard);
                if (problem != null) {
                    fail(tenant, deliveryId, problem);
                }
                ChatSettings chat = settings.get(tenant);
                String body = json.writeValueAsString(payload(tenant, workspace, delivery));
                long timestamp = Instant.now().getEpochSecond();
                HttpPost request = new HttpPost(delivery.url());
                request.setHeader("User-Agent", "Frontline-Webhooks/1");
                request.setHeader("X-Frontline-Event", "handoff.requested");
                request.setHeader("X-Frontline-Delivery", deliveryId.toString());
                request.setHeader(SIGNATURE_HEADER, "t=" + timestamp + ",v1=" + sign(chat.webhookSecret(), timestamp,
                        body));
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
                    fail(tenant, deliveryId, reason == null ? "Could not reach the webhook." : reason);
                    return;
                }
                if (status / 100 == 3) {
                    fail(tenant, deliveryId, "The webhook answered with a redirect (HTTP " + status + "), which is "
                            + "not followed: enter the final address.");
                }
                if (status / 100 != 2) {
                    fail(tenant, deliveryId, "The webhook answered HTTP " + status + ".");
                }
                deliveries.attempted(tenant, deliveryId, "DELIVERED", null);
                log.info("Handoff webhook {} delivered", deliveryId);
            } finally {
                MDC.remove("tenant");
            }
        }

        /** Records the failed attempt and fails the task, which db-scheduler retries with back-off. */
        private void fail(TenantId tenant, UUID deliveryId, String reason) {
            deliveries.attempted(tenant, deliveryId, "PENDING", reason);
            throw new WebhookFailedException(reason);
        }

        private Map<String, Object> payload(TenantId tenant, Workspace workspace, WebhookDelivery delivery) {
            Conversation c = conversations.find(tenant, delivery.conversationId()).orElseThrow();
            List<Map<String, Object>> transcript = conversations.lastMessages(tenant, c.id(), 20).stream()
                    .map(m -> Map.<String, Object>of("author", m.author().name(), "text", m.text(),
                            "at", m.createdAt().toString()))
                    .toList();
            Map<String, Object> conversation = new LinkedHashMap<>();
            conversation.put("id", c.id());
            conversation.put("channel", c.channel().name());
            conversation.put("reason", c.handoffReason());
            conversation.put("requested_at", c.handoffAt() == null ? null : c.handoffAt().toString());
            if (portal.publicUrl() != null) {
                conversation.put("inbox_url", portal.publicUrl().replaceAll("/+$", "") + "/w/" + workspace.slug()
                        + "/inbox/" + c.id());
            }
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("event", "handoff.requested");
            payload.put("delivery_id", delivery.id());
            payload.put("workspace", Map.of("id", tenant.value(), "slug", workspace.slug(), "name", workspace.name()));
            payload.put("conversation", conversation);
            payload.put("messages", transcript);
            return payload;
        }
    }

    static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    static class WebhookFailedException extends RuntimeException {
        WebhookFailedException(String message) {
            super(message);
        }
    }
}
