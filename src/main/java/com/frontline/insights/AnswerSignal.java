package com.frontline.insights;

/** Why a customer's question counts as answered or not, from the reply it got. */
public enum AnswerSignal {
    /** the assistant answered, confidently, and nobody objected */
    ANSWERED("Answered", true),
    /** the assistant gave its fallback ("I'm not sure…") */
    FALLBACK("Fallback", false),
    /** the customer rated the answer 👎 */
    THUMBS_DOWN("Rated 👎", false),
    /** the conversation went to a person right after the answer */
    HANDOFF("Handed off", false),
    /** the answer's confidence was under the low-confidence bar */
    LOW_CONFIDENCE("Low confidence", false),
    /** no answer from the assistant followed (an agent had the conversation, or the answer failed) */
    NO_ANSWER("No answer", false),
    /** a teammate corrected the assistant's answer (an approved correction of it) */
    CORRECTED("Corrected", false),
    /** a greeting, thanks or other message that asks nothing */
    NOT_A_QUESTION("Not a question", true);

    private final String label;
    private final boolean answered;

    AnswerSignal(String label, boolean answered) {
        this.label = label;
        this.answered = answered;
    }

    public String label() {
        return label;
    }

    public boolean answered() {
        return answered;
    }
}
