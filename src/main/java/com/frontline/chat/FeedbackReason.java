package com.frontline.chat;

/** Why a customer (or an agent) rated an answer 👎; stored by name in {@code chat.messages.feedback_reasons}. */
public enum FeedbackReason {
    INCORRECT("Incorrect"),
    INCOMPLETE("Incomplete"),
    NOT_WHAT_I_ASKED("Not what I asked"),
    TONE("Tone"),
    OTHER("Other");

    private final String label;

    FeedbackReason(String label) {
        this.label = label;
    }

    /** How the reason reads on a button or in a list. */
    public String label() {
        return label;
    }
}
