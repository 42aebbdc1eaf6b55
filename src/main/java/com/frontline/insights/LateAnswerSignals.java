package com.frontline.insights;

import com.frontline.chat.ChatEvents;
import com.frontline.corrections.Correction;
import com.frontline.corrections.CorrectionEvents;
import com.frontline.corrections.CorrectionService;
import com.frontline.shared.NotFoundException;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Whether a question was answered is not settled when its batch runs: a 👎, a handoff or an approved correction of
 * the answer can come later. Each of these judges the conversation's analysed questions again
 * ({@link InsightsService#rejudge}), so a question can become a knowledge gap after its batch. Idempotent: an event
 * delivered twice changes nothing the second time.
 */
@Component
class LateAnswerSignals {

    private final InsightsService insights;
    private final CorrectionService corrections;

    LateAnswerSignals(InsightsService insights, CorrectionService corrections) {
        this.insights = insights;
        this.corrections = corrections;
    }

    @ApplicationModuleListener
    void on(ChatEvents.AnswerRated e) {
        insights.rejudge(e.tenant(), e.conversationId(), null);
    }

    @ApplicationModuleListener
    void on(ChatEvents.HandoffRequested e) {
        insights.rejudge(e.tenant(), e.conversationId(), null);
    }

    @ApplicationModuleListener
    void on(CorrectionEvents.CorrectionApproved e) {
        Correction c;
        try {
            c = corrections.get(e.tenant(), e.correctionId());
        } catch (NotFoundException gone) {
            return; // erased since it was approved
        }
        if (c.conversationId() != null && c.answerMessageId() != null) {
            insights.rejudge(e.tenant(), c.conversationId(), c.answerMessageId());
        }
    }
}
