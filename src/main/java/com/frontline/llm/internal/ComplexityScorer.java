package com.frontline.llm.internal;

import com.frontline.shared.Terms;
import com.frontline.llm.Source;
import com.frontline.llm.Turn;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Scores a request's complexity from the conversation's length, the message's length, the kind of question and
 * keywords that signal trouble. Each part is capped so that no single signal decides the route alone.
 */
public final class ComplexityScorer {

    private static final Pattern REASONING = Pattern.compile(
            "^(why|how come|explain|compare|what(?:'s| is) the difference|difference between|troubleshoot"
                    + "|walk me through|step by step|what happens if|should i|which (?:one|plan|option) is better)\\b");
    private static final Pattern HOW_TO = Pattern.compile("^(how (?:do|can|to|should|would|does)|can (?:i|you|we))\\b");
    private static final Pattern FACTUAL = Pattern.compile(
            "^(what|when|where|who|which|is|are|do|does|did|how much|how many|how long|price|cost|hours)\\b");
    private static final List<String> TROUBLE = List.of("error", "bug", "crash", "broken", "not working",
            "doesn't work", "does not work", "fail", "failed", "failing", "integration", "api", "webhook", "migrate",
            "migration", "contract", "legal", "gdpr", "lawyer", "dispute", "chargeback", "complaint", "escalate",
            "urgent", "cancel my", "security", "outage", "data loss", "invoice wrong", "overcharged");
    private static final Pattern CODE = Pattern.compile("[{};]|exception|stack ?trace|\\bat [a-z]+\\.[a-z]+\\(|http \\d{3}");

    public Complexity score(List<Turn> history, String question, List<Source> sources) {
        String q = question.strip().toLowerCase(Locale.ROOT).replace('’', '\'');
        List<String> signals = new ArrayList<>();
        double score = 0;

        int words = Terms.words(q).size();
        double lengthPart = Math.min(25, Math.max(0, words - 6) * 1.2);
        if (lengthPart > 0) {
            signals.add(words + " words");
        }
        score += lengthPart;

        int turns = history.size();
        double turnsPart = Math.min(20, turns * 2.5);
        if (turnsPart > 0) {
            signals.add(turns + " earlier messages");
        }
        score += turnsPart;

        if (REASONING.matcher(q).find()) {
            score += 25;
            signals.add("reasoning question");
        } else if (HOW_TO.matcher(q).find()) {
            score += 10;
            signals.add("how-to question");
        } else if (FACTUAL.matcher(q).find()) {
            signals.add("factual question");
        }

        List<String> found = TROUBLE.stream().filter(k -> containsWord(q, k)).toList();
        if (!found.isEmpty()) {
            score += Math.min(24, 8 * found.size());
            signals.add("keywords " + String.join(", ", found.stream().limit(3).toList()));
        }

        long questions = q.chars().filter(c -> c == '?').count();
        if (questions > 1) {
            score += 10;
            signals.add(questions + " questions in one");
        }
        if (CODE.matcher(q).find() || q.lines().count() > 3) {
            score += 10;
            signals.add("code or logs");
        }

        int contextChars = question.length() + history.stream().mapToInt(t -> t.text().length()).sum()
                + sources.stream().mapToInt(s -> s.title().length() + s.text().length()).sum();
        return new Complexity((int) Math.round(Math.min(100, score)), signals, contextChars);
    }

    private static boolean containsWord(String text, String keyword) {
        int i = text.indexOf(keyword);
        while (i >= 0) {
            boolean startOk = i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1));
            int end = i + keyword.length();
            // "fail" also matches "fails"; "api" must not match "rapid"
            boolean endOk = end == text.length() || !Character.isLetter(text.charAt(end)) || keyword.length() > 3;
            if (startOk && endOk) {
                return true;
            }
            i = text.indexOf(keyword, i + 1);
        }
        return false;
    }
}
