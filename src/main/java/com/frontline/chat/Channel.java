package com.frontline.chat;

import com.frontline.search.Audience;


/** Where a conversation takes place, and so who reads the passages its answers quote. */
public enum Channel {
    /** An admin or agent trying the assistant in the portal: it may quote internal knowledge. */
    PLAYGROUND(Audience.TEAM),
    /** An end customer on the workspace's website: public help content only. */
    WIDGET(Audience.VISITORS),
    /**
     * The workspace's evaluation set run through the assistant (Evaluation page): answered exactly as the widget
     * would, kept apart so that runs never count as customers' conversations (review page, inbox, analytics).
     */
    EVALUATION(Audience.VISITORS);

    private final Audience audience;

    Channel(Audience audience) {
        this.audience = audience;
    }

    /** Whom the answers in this channel are written for: what their knowledge search may return. */
    public Audience audience() {
        return audience;
    }
}
