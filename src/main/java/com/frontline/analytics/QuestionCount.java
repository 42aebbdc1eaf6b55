package com.frontline.analytics;

/**
 * A question of a period, grouped by its normalised wording (lower case, punctuation and repeated white space
 * removed): one wording as typed, how often it was answered, and how often the answer fell back, was rated 👎 or
 * handed off.
 *
 * @param key the normalised wording, to list its conversations
 */
public record QuestionCount(String key, String question, int asked, int unanswered, int fallbacks, int unhelpful,
                            int handoffs) {

    QuestionCount plus(QuestionCount o) {
        return new QuestionCount(key, question.compareTo(o.question) <= 0 ? question : o.question, asked + o.asked,
                unanswered + o.unanswered, fallbacks + o.fallbacks, unhelpful + o.unhelpful, handoffs + o.handoffs);
    }
}
