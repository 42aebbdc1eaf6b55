package com.frontline.corrections;

import java.time.Duration;

/** How long ago, in the words the queue and its messages use. */
final class Ages {

    private Ages() {
    }

    /** "just now", "5 min", "3 h", "2 days". */
    static String short_(Duration d) {
        long minutes = Math.max(0, d.toMinutes());
        if (minutes < 1) {
            return "just now";
        }
        if (minutes < 60) {
            return minutes + " min";
        }
        if (minutes < 48 * 60) {
            return (minutes / 60) + " h";
        }
        return (minutes / (24 * 60)) + " days";
    }

    /** "less than a minute", "1 minute", "4 minutes", "2 hours", "3 days". */
    static String words(Duration d) {
        long minutes = Math.max(0, d.toMinutes());
        if (minutes < 1) {
            return "less than a minute";
        }
        if (minutes < 60) {
            return minutes == 1 ? "1 minute" : minutes + " minutes";
        }
        long hours = minutes / 60;
        if (hours < 48) {
            return hours == 1 ? "1 hour" : hours + " hours";
        }
        return (hours / 24) + " days";
    }
}
