package com.frontline.insights;

import com.frontline.shared.Sentences;
import com.frontline.shared.privacy.PersonalData;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Validates an article draft into {@link ArticleDraft.Status#VALIDATED} or {@link ArticleDraft.Status#REJECTED}, with
 * a report of every check: not empty, grounded (each sentence is a sentence of a source), no personal data, not a
 * duplicate of existing knowledge, and not drafted from a cluster of spam or abuse.
 */
public final class DraftValidator {

    /** A draft this similar to an existing passage (cosine of embeddings) repeats it. */
    public static final double DUPLICATE_SIMILARITY = 0.9;
    static final int MIN_CHARS = 40;

    private DraftValidator() {
    }

    /** The existing knowledge most like a text: its title and similarity, or null when there is none. */
    public record Nearest(String title, double similarity) {
    }

    public record Result(ArticleDraft.Status status, List<ArticleDraft.Check> report) {
    }

    /**
     * @param grounding the sources' sentences ({@link DraftWriter#sentencesOf}); null: not checked (an admin's edit)
     * @param spam      the cluster is mostly spam or abuse
     */
    public static Result validate(String title, String body, @Nullable Set<String> grounding, boolean spam,
                                  @Nullable Nearest nearest) {
        List<ArticleDraft.Check> report = new ArrayList<>();
        List<String> sentences = Sentences.of(body);
        boolean empty = body.strip().length() < MIN_CHARS || sentences.isEmpty();
        report.add(new ArticleDraft.Check("Not empty", !empty, empty
                ? "The draft has no text to publish: no agent reply or approved correction answers these questions "
                        + "yet. Reply to one of them in the Inbox, or approve a correction, then draft again."
                : "%d sentences.".formatted(sentences.size())));
        if (grounding != null) {
            List<String> ungrounded = sentences.stream()
                    .filter(s -> !grounding.contains(DraftWriter.normalise(s))).toList();
            report.add(new ArticleDraft.Check("Grounded", !empty && ungrounded.isEmpty(), ungrounded.isEmpty()
                    ? "Every sentence comes from an agent's reply or an approved correction."
                    : "Not found in any source: “%s”.".formatted(ungrounded.getFirst())));
        }
        boolean personal = PersonalData.contains(title) || PersonalData.contains(body);
        report.add(new ArticleDraft.Check("No personal data", !personal, personal
                ? "It contains an e-mail address, phone number, card number or IBAN: "
                        + PersonalData.redact(firstWith(title, body))
                : "No e-mail addresses, phone numbers, card numbers or IBANs."));
        boolean duplicate = nearest != null && nearest.similarity() >= DUPLICATE_SIMILARITY;
        report.add(new ArticleDraft.Check("Not a duplicate", !duplicate, nearest == null
                ? "Nothing similar in the knowledge base."
                : duplicate
                        ? "The knowledge base already says this in “%s” (similarity %.2f).".formatted(nearest.title(),
                        nearest.similarity())
                        : "Closest existing article: “%s” (similarity %.2f).".formatted(nearest.title(),
                        nearest.similarity())));
        String bodySpam = SpamRules.reason(title + " " + body);
        boolean rejected = spam || bodySpam != null;
        report.add(new ArticleDraft.Check("Not spam or abuse", !rejected, spam
                ? "Most questions of this cluster are spam or abuse: they need no article."
                : bodySpam != null ? "The text looks like " + bodySpam + "." : "No spam or abuse."));
        boolean ok = report.stream().allMatch(ArticleDraft.Check::passed);
        return new Result(ok ? ArticleDraft.Status.VALIDATED : ArticleDraft.Status.REJECTED, report);
    }

    private static String firstWith(String title, String body) {
        for (String s : Sentences.of(title + ". " + body)) {
            if (PersonalData.contains(s)) {
                return "“" + s + "”";
            }
        }
        return "";
    }
}
