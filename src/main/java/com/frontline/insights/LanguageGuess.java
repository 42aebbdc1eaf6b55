package com.frontline.insights;

import com.optimaize.langdetect.DetectedLanguage;
import com.optimaize.langdetect.LanguageDetector;
import com.optimaize.langdetect.LanguageDetectorBuilder;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import com.optimaize.langdetect.text.CommonTextObjectFactories;
import com.optimaize.langdetect.text.TextObjectFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The language of a message, by the Optimaize language detector (n-gram profiles of 70 languages, the detector
 * Apache Tika wraps). It says {@value #UNKNOWN} rather than guess: for text under {@value #MIN_LETTERS} letters or
 * {@value #MIN_WORDS} words, for text that does not look like words (too few vowels, long consonant runs, mostly
 * digits or symbols), and when the detector's best language is under {@value #MIN_PROBABILITY}.
 * <p>
 * The detector is overconfident on short sentences ("Do you ship to Norway?" came out Haitian Creole at 0.99999), so
 * its guess is checked against the function words of seven common languages: a guess among them needs at least one
 * of its own function words and no other language with more; a guess outside them is refused when the text has two
 * or more function words of one of them. A refused guess becomes the function-word vote when that vote is clear (two
 * or more words, more than any other language), and {@value #UNKNOWN} otherwise.
 */
public final class LanguageGuess {

    public static final String UNKNOWN = "unknown";
    static final int MIN_LETTERS = 12;
    static final int MIN_WORDS = 3;
    static final double MIN_PROBABILITY = 0.90;

    private static final Pattern WORD = Pattern.compile("\\p{L}+");
    /** Five or more consonants in a row (Latin letters): keyboard mashing, rarely a word. */
    private static final Pattern CONSONANT_RUN = Pattern.compile("[bcdfghjklmnpqrstvwxz]{5,}");

    private static volatile LanguageDetector detector;
    private static final TextObjectFactory TEXT = CommonTextObjectFactories.forDetectingShortCleanText();

    private LanguageGuess() {
    }

    /** An ISO 639-1 code (with a region for a few, e.g. {@code zh-CN}), or {@value #UNKNOWN}. */
    public static String of(String text) {
        String clean = text.strip();
        List<String> words = WORD.matcher(clean).results().map(r -> r.group().toLowerCase(java.util.Locale.ROOT))
                .toList();
        int letters = words.stream().mapToInt(String::length).sum();
        if (letters < MIN_LETTERS || words.size() < MIN_WORDS || letters * 2 < clean.length()) {
            return UNKNOWN;
        }
        if (looksLikeGibberish(words)) {
            return UNKNOWN;
        }
        List<DetectedLanguage> guesses = detector().getProbabilities(TEXT.forText(clean));
        if (guesses.isEmpty() || guesses.getFirst().getProbability() < MIN_PROBABILITY) {
            return UNKNOWN;
        }
        String guess = guesses.getFirst().getLocale().toString();
        java.util.Map<String, Integer> votes = new java.util.HashMap<>();
        for (var e : FUNCTION_WORDS.entrySet()) {
            int hits = (int) words.stream().filter(e.getValue()::contains).count();
            if (hits > 0) {
                votes.put(e.getKey(), hits);
            }
        }
        int own = votes.getOrDefault(guess, 0);
        int best = votes.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        boolean confirmed = FUNCTION_WORDS.containsKey(guess) ? own >= 1 && own >= best : best < 2;
        if (confirmed) {
            return guess;
        }
        List<String> leaders = votes.entrySet().stream().filter(e -> e.getValue() == best).map(
                java.util.Map.Entry::getKey).toList();
        return best >= 2 && leaders.size() == 1 ? leaders.getFirst() : UNKNOWN;
    }

    /** Frequent function words that rarely occur in the other languages listed. */
    private static final java.util.Map<String, java.util.Set<String>> FUNCTION_WORDS = java.util.Map.of(
            "en", java.util.Set.of("the", "and", "is", "are", "you", "your", "to", "of", "do", "does", "what", "how",
                    "can", "my", "with", "for", "it", "this", "that", "have", "i", "we", "where", "when", "why"),
            "fr", java.util.Set.of("le", "la", "les", "et", "est", "vous", "je", "ma", "mon", "mes", "de", "du", "des",
                    "pour", "avec", "une", "un", "pas", "comment", "puis", "où", "quand", "que", "qui"),
            "de", java.util.Set.of("der", "die", "das", "und", "ist", "sie", "ich", "mein", "meine", "meiner", "wie",
                    "kann", "nicht", "mit", "für", "ein", "eine", "wo", "wann", "warum", "ihr", "zu"),
            "es", java.util.Set.of("el", "los", "las", "y", "es", "usted", "yo", "mi", "mis", "cómo", "puedo", "para",
                    "con", "una", "un", "del", "por", "qué", "dónde", "cuándo", "no"),
            "it", java.util.Set.of("il", "gli", "lo", "è", "sono", "io", "mio", "mia", "come", "posso", "per", "con",
                    "una", "non", "che", "dove", "quando", "perché", "della", "del"),
            "pt", java.util.Set.of("o", "os", "as", "é", "você", "eu", "meu", "minha", "como", "posso", "para", "com",
                    "uma", "um", "não", "onde", "quando", "porque", "do", "da"),
            "nl", java.util.Set.of("de", "het", "een", "en", "is", "ik", "mijn", "hoe", "kan", "niet", "met", "voor",
                    "waar", "wanneer", "waarom", "jij", "u", "uw", "van"));

    /** Latin-script words without vowels, or with long consonant runs, in at least half of the words. */
    static boolean looksLikeGibberish(List<String> words) {
        int latin = 0;
        int odd = 0;
        for (String w : words) {
            if (!w.chars().allMatch(c -> c < 0x250)) {
                continue; // other scripts: the detector judges them
            }
            latin++;
            boolean vowel = w.chars().anyMatch(c -> "aeiouyàáâäèéêëìíîïòóôöùúûüåæøœ".indexOf(c) >= 0);
            if ((!vowel && w.length() > 1) || CONSONANT_RUN.matcher(w).find()) {
                odd++;
            }
        }
        return latin > 0 && odd * 2 >= latin;
    }

    private static LanguageDetector detector() {
        LanguageDetector d = detector;
        if (d == null) {
            synchronized (LanguageGuess.class) {
                d = detector;
                if (d == null) {
                    try {
                        d = LanguageDetectorBuilder.create(NgramExtractors.standard())
                                .withProfiles(new LanguageProfileReader().readAllBuiltIn())
                                .build();
                    } catch (IOException e) {
                        throw new UncheckedIOException("The language profiles could not be read", e);
                    }
                    detector = d;
                }
            }
        }
        return d;
    }
}
