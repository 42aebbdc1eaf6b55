package com.frontline.chat;

import java.time.LocalDate;

/**
 * One day's answers (UTC) for the review page's cards.
 *
 * @param answers      assistant answers (small talk and clarifying questions left out)
 * @param rated        of which rated 👍 or 👎
 * @param helpful      of which rated 👍
 * @param implicitSum  sum of the implicit scores of the {@code implicitCount} answers that have one
 */
public record FeedbackReviewDay(LocalDate day, int answers, int rated, int helpful, int fallbacks, int handoffs,
                                int implicitCount, double implicitSum) {
}
