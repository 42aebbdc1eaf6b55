package com.frontline.insights;

import com.frontline.shared.privacy.ConversationsErased;
import com.frontline.shared.privacy.WorkspaceErased;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Deletes the rows derived from erased conversations and workspaces. A plain {@link EventListener}: it runs in the
 * publisher's transaction, so the erasure and the derived rows go together or not at all.
 */
@Component
public class InsightsErasure {

    private final InsightsService insights;

    InsightsErasure(InsightsService insights) {
        this.insights = insights;
    }

    @EventListener
    void on(ConversationsErased e) {
        insights.eraseConversations(e.tenantId(), e.conversationIds());
    }

    @EventListener
    void on(WorkspaceErased e) {
        insights.eraseWorkspace(e.tenantId());
    }
}
