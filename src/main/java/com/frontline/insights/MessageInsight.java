package com.frontline.insights;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * What the analysis read from one customer message.
 *
 * @param question    the message, with personal data redacted
 * @param topic       the nearest knowledge title, or {@code other}
 * @param topicMethod how the topic was found
 * @param language    an ISO 639-1 code or {@link LanguageGuess#UNKNOWN}
 * @param method      {@link LocalAnalysis#METHOD}: rules, a word list and embeddings, no language model
 */
public record MessageInsight(UUID messageId, UUID conversationId, long seq, String question, OffsetDateTime askedAt,
                             String topic, String topicMethod, Intent intent, Sentiment sentiment,
                             double sentimentScore, String language, AnswerSignal answerSignal, String method) {

    public boolean answered() {
        return answerSignal.answered();
    }
}
