package com.frontline.chat;

import com.frontline.alerts.ConversationSignals;
import com.frontline.shared.TenantId;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.OffsetDateTime;
import java.util.List;

/** The conversation figures the alert thresholds are checked against: ratings (helpful rate) and handoffs. */
@Component
class ChatAlertSignals implements ConversationSignals {

    private final AnswerStatsRepository stats;

    ChatAlertSignals(AnswerStatsRepository stats) {
        this.stats = stats;
    }

    @Override
    @Transactional(readOnly = true)
    public List<TenantId> workspacesWithAnswers(OffsetDateTime since) {
        return stats.workspacesWithAnswers().stream().filter(t -> stats.hasAnswersSince(t, since)).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Answers answers(TenantId tenant, OffsetDateTime from, OffsetDateTime to) {
        return stats.answers(tenant, from, to);
    }
}
