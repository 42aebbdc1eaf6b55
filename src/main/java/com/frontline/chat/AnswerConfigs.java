package com.frontline.chat;

import com.frontline.assistants.AssistantConfig;
import com.frontline.assistants.AssistantVersions;
import com.frontline.shared.NotFoundException;
import com.frontline.shared.TenantId;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Which assistant configuration writes an answer: the playground tries the draft (the settings as saved, published or
 * not); a website visitor gets the version a {@link com.frontline.assistants.VersionSelector} assigns, or the live
 * one; an evaluation run the live one. A version given explicitly answers in any channel.
 */
@Component
class AnswerConfigs {

    /** The configuration and its version (null: the draft). */
    record Chosen(AssistantConfig config, @Nullable Integer version) {
    }

    private final AssistantVersions versions;

    AnswerConfigs(AssistantVersions versions) {
        this.versions = versions;
    }

    /** @throws NotFoundException a forced version the workspace does not have */
    Chosen choose(TenantId tenant, Conversation conversation, @Nullable Integer forced) {
        if (forced != null) {
            return published(tenant, forced);
        }
        return switch (conversation.channel()) {
            case PLAYGROUND -> new Chosen(versions.draft(tenant), null);
            case WIDGET -> published(tenant, versions.versionFor(tenant, conversation.visitorId()));
            case EVALUATION -> published(tenant, versions.liveVersion(tenant));
        };
    }

    boolean exists(TenantId tenant, int version) {
        return versions.config(tenant, version).isPresent();
    }

    private Chosen published(TenantId tenant, int version) {
        return new Chosen(versions.config(tenant, version)
                .orElseThrow(() -> NotFoundException.of("Assistant version", version)), version);
    }
}
