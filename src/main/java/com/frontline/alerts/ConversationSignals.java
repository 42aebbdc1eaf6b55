package com.frontline.alerts;

import com.frontline.shared.TenantId;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Conversation figures the alert checks need, provided by the module that holds the conversations (chat): answers,
 * their ratings and handoffs. Evaluation runs are left out.
 */
public interface ConversationSignals {

    /** Workspaces with assistant answers at or after {@code since}. */
    List<TenantId> workspacesWithAnswers(OffsetDateTime since);

    /** The workspace's answers in [from, to). */
    Answers answers(TenantId tenant, OffsetDateTime from, OffsetDateTime to);

    /**
     * @param rated    answers rated 👍 or 👎
     * @param helpful  of which 👍
     * @param handoffs answers after which the conversation went to a person
     */
    record Answers(long answers, long rated, long helpful, long handoffs) {

        /** 👍 among rated answers, 0–1; 0 without ratings. */
        public double helpfulRate() {
            return rated == 0 ? 0 : (double) helpful / rated;
        }
    }
}
