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
        return guesses.getFirst().getLocale().toString();
    }

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
