package com.frontline.chat;

import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a customer did after an answer, read by the signals job once the conversation went quiet
 * ({@code chat.messages.implicit_signals}), and the satisfaction score they add up to ({@link #score()}, formula in
 * {@link #FORMULA}).
 *
 * @param continued      the customer wrote again after the answer
 * @param rephrased      their next message asks the same question in other words (the two questions' embeddings have
 *                       a cosine of at least {@value #REPHRASE_SIMILARITY})
 * @param askedForPerson their next message asks for a person
 * @param leftQuickly    they closed the chat or left the page within {@link #LEFT_QUICKLY} of the answer, without
 *                       writing again
 * @param thanked        their next message is a thanks ("thanks!", "great, thank you")
 */
public record ImplicitSignals(boolean continued, boolean rephrased, boolean askedForPerson, boolean leftQuickly,
                              boolean thanked) {

    /** Cosine of two questions' embeddings from which the second counts as the first reworded. */
    public static final double REPHRASE_SIMILARITY = 0.8;
    public static final Duration LEFT_QUICKLY = Duration.ofSeconds(15);

    static final double START = 0.5;
    static final double THANKED = 0.4;
    static final double CONTINUED = 0.1;
    static final double REPHRASED = -0.3;
    static final double ASKED_FOR_PERSON = -0.4;
    static final double LEFT = -0.2;

    /** The score's formula, as the feedback review page explains it. */
    public static final String FORMULA = "Implicit satisfaction starts at 0.5 for every answer: +0.4 when the "
            + "customer thanked, +0.1 when they went on with another question (not a rewording, not a request for a "
            + "person), −0.3 when they asked the same question again in other words, −0.4 when they asked for a "
            + "person, −0.2 when they left within 15 seconds without writing again; the result is kept between 0 "
            + "and 1.";

    /** The implicit satisfaction, from 0 (clearly unhappy) to 1 (clearly happy); 0.5 when nothing is known. */
    public double score() {
        double score = START;
        if (thanked) {
            score += THANKED;
        }
        if (continued && !rephrased && !askedForPerson) {
            score += CONTINUED;
        }
        if (rephrased) {
            score += REPHRASED;
        }
        if (askedForPerson) {
            score += ASKED_FOR_PERSON;
        }
        if (leftQuickly) {
            score += LEFT;
        }
        return Math.round(Math.clamp(score, 0, 1) * 100) / 100.0;
    }

    /** How alike two customer messages are: the cosine of their embeddings. */
    @FunctionalInterface
    interface Similarity {
        double cosine(String a, String b);
    }

    /**
     * The signals of each answer a customer can rate (see {@link ChatMessage#ratable()}), by message id.
     *
     * @param messages      the conversation's messages, oldest first
     * @param visitorLeftAt when the widget said the visitor closed the chat or left the page, if it did
     */
    static Map<UUID, ImplicitSignals> read(List<ChatMessage> messages, @Nullable OffsetDateTime visitorLeftAt,
                                           Similarity similarity) {
        Map<UUID, ImplicitSignals> signals = new LinkedHashMap<>();
        for (int i = 0; i < messages.size(); i++) {
            ChatMessage answer = messages.get(i);
            if (!answer.ratable()) {
                continue;
            }
            ChatMessage next = null;
            for (int j = i + 1; j < messages.size() && next == null; j++) {
                if (messages.get(j).author() == Author.CUSTOMER) {
                    next = messages.get(j);
                }
            }
            boolean continued = next != null;
            boolean askedForPerson = next != null && ChatService.wantsHuman(next.text());
            boolean thanked = next != null && SmallTalk.kinds(next.text(), answer.authorName() == null ? ""
                    : answer.authorName()).contains(SmallTalk.Kind.THANKS);
            String question = answer.question();
            boolean rephrased = next != null && !thanked && !askedForPerson && question != null
                    && !question.isBlank() && similarity.cosine(question, next.text()) >= REPHRASE_SIMILARITY;
            boolean leftQuickly = next == null && visitorLeftAt != null
                    && !visitorLeftAt.isBefore(answer.createdAt())
                    && Duration.between(answer.createdAt(), visitorLeftAt).compareTo(LEFT_QUICKLY) <= 0;
            signals.put(answer.id(), new ImplicitSignals(continued, rephrased, askedForPerson, leftQuickly, thanked));
        }
        return signals;
    }
}
