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

    /** The label of a stored reason name, or the name itself if it is not one (never thrown on in a page). */
    public static String labelOf(String name) {
        for (FeedbackReason r : values()) {
            if (r.name().equals(name)) {
                return r.label;
            }
        }
        return name;
    }
}
