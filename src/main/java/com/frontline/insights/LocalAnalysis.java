package com.frontline.insights;

import com.frontline.shared.Terms;
import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The analysis of one customer message without a language model ("local"): intent by rules, sentiment by a small
 * word list, language by {@link LanguageGuess}, and whether it was answered from the reply it got.
 */
public final class LocalAnalysis {

    public static final String METHOD = "local";

    private static final Pattern GREETING = Pattern.compile(
            "^(hi|hello|hey|hiya|good (morning|afternoon|evening)|thanks?|thank you( so much| very much)?|thx|cheers|"
                    + "bye|goodbye|ok(ay)?|great|cool|perfect)[\\s!.,:)]*$");
    private static final Pattern COMPLAINT = Pattern.compile(
            "\\b(not working|doesn'?t work|does not work|broken|still (haven'?t|not|no)|never (arrived|received|came)"
                    + "|complain\\w*|unacceptable|terrible|awful|worst|disappointed|frustrat\\w*|angry|ridiculous"
                    + "|charged twice|overcharged|wrong (item|order|size|amount)|damaged|refund now|scam)\\b");
    private static final Pattern REQUEST = Pattern.compile(
            "^(please\\b|pls\\b|i (want|need|would like|'d like) to\\b|i want\\b|i need\\b|can you\\b|could you\\b"
                    + "|would you\\b|cancel\\b|change\\b|update\\b|send\\b|reset\\b|help me\\b)");
    private static final Pattern QUESTION_START = Pattern.compile(
            "^(what|how|why|when|where|which|who|whom|whose|is|are|am|do|does|did|can|could|should|would|will|may"
                    + "|have|has|was|were)\\b");

    private static final Set<String> POSITIVE = Set.of("good", "great", "thanks", "thank", "love", "excellent",
            "perfect", "awesome", "happy", "helpful", "nice", "amazing", "wonderful", "appreciate", "fantastic",
            "glad", "brilliant", "pleased", "works", "solved", "fast", "easy");
    private static final Set<String> NEGATIVE = Set.of("bad", "terrible", "awful", "worst", "hate", "angry",
            "broken", "disappointed", "disappointing", "frustrated", "frustrating", "annoyed", "annoying", "useless",
            "unacceptable", "ridiculous", "poor", "slow", "wrong", "problem", "issue", "never", "late", "damaged",
            "missing", "scam", "refund", "complaint", "rude", "fail", "failed", "error", "stuck", "confusing");
    private static final Set<String> NEGATORS = Set.of("not", "no", "never", "don't", "doesn't", "isn't", "wasn't",
            "didn't", "can't", "cannot", "won't");

    private LocalAnalysis() {
    }

    /** The reply a question got, as far as it tells whether it was answered. */
    public record Reply(@Nullable Double confidence, boolean fallback, @Nullable Integer feedback, boolean handedOff,
                        boolean smallTalk) {
    }

    public static Intent intent(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.isEmpty()) {
            return Intent.OTHER;
        }
        if (GREETING.matcher(t).matches()) {
            return Intent.GREETING;
        }
        if (COMPLAINT.matcher(t).find()) {
            return Intent.COMPLAINT;
        }
        if (t.endsWith("?") || QUESTION_START.matcher(t).find()) {
            return Intent.QUESTION;
        }
        if (REQUEST.matcher(t).find()) {
            return Intent.REQUEST;
        }
        // a statement with content words ("refund policy", "my parcel is late") is asked of the assistant all the same
        return Terms.contentStems(t).size() >= 2 ? Intent.QUESTION : Intent.OTHER;
    }

    /** A score in [-1, 1]: (positive − negative words) over the words counted; a negator flips the next word. */
    public static double sentimentScore(String text) {
        List<String> words = Terms.words(text);
        int pos = 0;
        int neg = 0;
        boolean negated = false;
        for (String w : words) {
            if (NEGATORS.contains(w)) {
                negated = true;
                continue;
            }
            int sign = POSITIVE.contains(w) ? 1 : NEGATIVE.contains(w) ? -1 : 0;
            if (sign != 0) {
                if (negated) {
                    sign = -sign;
                }
                if (sign > 0) {
                    pos++;
                } else {
                    neg++;
                }
            }
            negated = false;
        }
        return pos + neg == 0 ? 0 : (double) (pos - neg) / (pos + neg);
    }

    public static Sentiment sentiment(double score) {
        return score > 0.2 ? Sentiment.POSITIVE : score < -0.2 ? Sentiment.NEGATIVE : Sentiment.NEUTRAL;
    }

    /**
     * Whether a message was answered. A message that asks nothing is {@link AnswerSignal#NOT_A_QUESTION}; one with no
     * assistant reply is {@link AnswerSignal#NO_ANSWER}; otherwise the strongest bad sign wins: handoff, 👎, fallback,
     * then a confidence under {@code lowConfidence}.
     */
    public static AnswerSignal answered(Intent intent, @Nullable Reply reply, double lowConfidence) {
        if (!intent.asks() || (reply != null && reply.smallTalk())) {
            return AnswerSignal.NOT_A_QUESTION;
        }
        if (reply == null) {
            return AnswerSignal.NO_ANSWER;
        }
        if (reply.handedOff()) {
            return AnswerSignal.HANDOFF;
        }
        if (reply.feedback() != null && reply.feedback() < 0) {
            return AnswerSignal.THUMBS_DOWN;
        }
        if (reply.fallback()) {
            return AnswerSignal.FALLBACK;
        }
        if (reply.confidence() != null && reply.confidence() < lowConfidence) {
            return AnswerSignal.LOW_CONFIDENCE;
        }
        return AnswerSignal.ANSWERED;
    }
}
