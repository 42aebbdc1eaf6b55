package com.frontline.chat;

import com.frontline.shared.PortalProperties;
import com.frontline.shared.TenantId;
import com.frontline.tenants.TenantService;
import com.frontline.tenants.Workspace;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
        private final HttpClient http;

        Sender(WebhookDeliveryRepository deliveries, ChatSettingsRepository settings,
               ConversationRepository conversations, TenantService tenants, PortalProperties portal,
               ChatProperties properties, JsonMapper json) {
            this.deliveries = deliveries;
            this.settings = settings;
            this.conversations = conversations;
            this.tenants = tenants;
            this.portal = portal;
            this.properties = properties;
            this.json = json;
            this.http = HttpClient.newBuilder().connectTimeout(properties.webhookTimeout())
                    .followRedirects(HttpClient.Redirect.NEVER).build();
        }

        void send(TenantId tenant, UUID deliveryId) {
            WebhookDelivery delivery = deliveries.find(tenant, deliveryId).orElse(null);
            if (delivery == null || "DELIVERED".equals(delivery.status())) {
                return; // deleted with its workspace, or already sent by an earlier run
            }
            Workspace workspace = tenants.workspace(tenant);
            MDC.put("tenant", workspace.slug());
            try {
                String problem = WebhookUrls.problem(delivery.url(), properties.allowPrivateWebhookHosts());
                if (problem != null) {
                    fail(tenant, deliveryId, problem);
                }
                ChatSettings chat = settings.get(tenant);
                String body = json.writeValueAsString(payload(tenant, workspace, delivery));
                long timestamp = Instant.now().getEpochSecond();
                HttpRequest request = HttpRequest.newBuilder(URI.create(delivery.url()))
                        .timeout(properties.webhookTimeout())
                        .header("Content-Type", "application/json")
                        .header("User-Agent", "Frontline-Webhooks/1")
                        .header("X-Frontline-Event", "handoff.requested")
                        .header("X-Frontline-Delivery", deliveryId.toString())
                        .header(SIGNATURE_HEADER, "t=" + timestamp + ",v1=" + sign(chat.webhookSecret(), timestamp, body))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build();
                HttpResponse<Void> response;
                try {
                    response = http.send(request, HttpResponse.BodyHandlers.discarding());
                } catch (IOException e) {
                    fail(tenant, deliveryId, "Could not reach the webhook: " + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : " " + e.getMessage()));
                    return;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    fail(tenant, deliveryId, "Interrupted while calling the webhook.");
                    return;
                }
                if (response.statusCode() / 100 != 2) {
                    fail(tenant, deliveryId, "The webhook answered HTTP " + response.statusCode() + ".");
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
