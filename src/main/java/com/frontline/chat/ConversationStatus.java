package com.frontline.chat;

/** Who answers a conversation now. */
public enum ConversationStatus {
    /** The assistant answers. */
    BOT,
    /** The customer asked for a human (or the assistant was unsure); waiting in the agents' inbox. */
    WAITING,
    /** An agent has taken the conversation over; the assistant stays quiet. */
    AGENT,
    /** Closed by an agent; a new customer message hands it back to the assistant. */
    RESOLVED
}
