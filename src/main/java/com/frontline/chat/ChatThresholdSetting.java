package com.frontline.chat;

import com.frontline.assistants.ConfidenceThresholdSetting;
import com.frontline.audit.AuditLog;
import com.frontline.shared.CurrentTenant;
import com.frontline.shared.TenantId;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.Map;

/** The confidence threshold saved under Settings → Handoff, as the draft of an assistant version. */
@Component
class ChatThresholdSetting implements ConfidenceThresholdSetting {

    private final ChatSettingsRepository settings;
    private final AuditLog audit;

    ChatThresholdSetting(ChatSettingsRepository settings, AuditLog audit) {
        this.settings = settings;
        this.audit = audit;
    }

    @Override
    public double confidenceThreshold(TenantId tenant) {
        return settings.get(tenant).confidenceThreshold();
    }

    /** Only the threshold: whether an unsure answer hands over at once, and the webhook, are not versioned. */
    @Override
    @Transactional
    public void restoreConfidenceThreshold(CurrentTenant admin, double threshold) {
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("A confidence threshold is a share from 0 to 1, was " + threshold);
        }
        ChatSettings before = settings.get(admin.id());
        if (before.confidenceThreshold() == threshold) {
            return;
        }
        settings.update(admin.id(), threshold, before.handoffOnLowConfidence(), before.webhookUrl());
        audit.record(admin.id(), admin.actor(), "chat.settings_updated", null,
                Map.of("confidenceThreshold", before.confidenceThreshold()),
                Map.of("confidenceThreshold", threshold));
    }
}
