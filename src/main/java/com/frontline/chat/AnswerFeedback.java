package com.frontline.chat;

import com.frontline.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A rating of one assistant answer: 👍 (1) or 👎 (-1), and for a 👎 the optional reasons and comment. A 👍 carries
 * neither, so changing 👎 to 👍 clears them.
 *
 * @param comment stripped, null when blank; at most {@value #MAX_COMMENT} characters
 */
public record AnswerFeedback(int value, List<FeedbackReason> reasons, @Nullable String comment) {

    public static final int MAX_COMMENT = 2000;

    public AnswerFeedback {
        if (value != 1 && value != -1) {
            throw new IllegalArgumentException("A rating is 1 or -1");
        }
        reasons = value == 1 ? List.of() : List.copyOf(reasons);
        comment = value == 1 || comment == null || comment.isBlank() ? null : comment.strip();
        if (comment != null && comment.length() > MAX_COMMENT) {
            throw new IllegalArgumentException("Comment too long");
        }
    }

    /**
     * Reads a rating as a browser sends it.
     *
     * @param value   "1" or "-1"
     * @param reasons reason names ({@link FeedbackReason}), any case; repeats count once
     * @throws InvalidInputException field {@code feedback}, with a message for the person who rated
     */
    public static AnswerFeedback parse(@Nullable String value, @Nullable List<String> reasons,
                                       @Nullable String comment) {
        String v = value == null ? "" : value.strip();
        if (!v.equals("1") && !v.equals("-1")) {
            throw InvalidInputException.of("feedback", "A rating is 👍 (1) or 👎 (-1).");
        }
        Set<FeedbackReason> picked = EnumSet.noneOf(FeedbackReason.class);
        for (String raw : reasons == null ? List.<String>of() : reasons) {
            if (raw == null || raw.isBlank()) {
                continue;
            }
            if (picked.size() >= FeedbackReason.values().length) {
                break;
            }
            try {
                picked.add(FeedbackReason.valueOf(raw.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw InvalidInputException.of("feedback", "Unknown reason \"" + abbreviate(raw.strip())
                        + "\". Pick from: Incorrect, Incomplete, Not what I asked, Tone, Other.");
            }
        }
        String c = comment == null ? null : comment.strip();
        if (c != null && c.length() > MAX_COMMENT) {
            throw InvalidInputException.of("feedback", "Comments are limited to %,d characters; this one has %,d."
                    .formatted(MAX_COMMENT, c.length()));
        }
        return new AnswerFeedback(Integer.parseInt(v), new ArrayList<>(picked), c);
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
