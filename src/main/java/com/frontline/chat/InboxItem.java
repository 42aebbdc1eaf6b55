package com.frontline.chat;

import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One conversation as the inbox lists it.
 *
 * @param lastMessages  the customer's and the team's last few messages, oldest first (waiting and active ones)
 * @param firstQuestion the customer's first message (resolved ones), null if they never wrote
 */
public record InboxItem(Conversation conversation, Customer customer, List<ChatMessage> lastMessages,
                        @Nullable String firstQuestion) {

    public InboxItem {
        lastMessages = List.copyOf(lastMessages);
    }

    /** How long the customer has waited since the handoff, e.g. "4 min", "2 h 5 min", "3 days"; null if not handed off. */
    public @Nullable String waited(OffsetDateTime now) {
        OffsetDateTime since = conversation.handoffAt();
        return since == null ? null : shortDuration(Duration.between(since, now));
    }

    // A three-unit label; a library (PrettyTime) would add a dependency and phrases such as "moments ago" that do
    // not read as a waiting time.
    static String shortDuration(Duration d) {
        long minutes = Math.max(0, d.toMinutes());
        if (minutes < 1) {
            return "less than a minute";
        }
        if (minutes < 60) {
            return minutes + " min";
        }
        long hours = minutes / 60;
        if (hours < 24) {
            return minutes % 60 == 0 ? hours + " h" : hours + " h " + minutes % 60 + " min";
        }
        long days = hours / 24;
        return days == 1 ? "1 day" : days + " days";
    }
}
