package com.frontline.insights;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Questions that are spam (links, ads) or abuse (insults): a cluster made mostly of them gets no article. */
public final class SpamRules {

    private static final Pattern SPAM = Pattern.compile(
            "(https?://|www\\.|\\b(buy now|click here|free money|casino|viagra|crypto|bitcoin|loan offer|seo services"
                    + "|earn \\$|work from home|promo code|backlinks?|telegram|whatsapp me)\\b)");
    private static final Pattern ABUSE = Pattern.compile(
            "\\b(idiot|stupid|moron|shut up|fuck\\w*|shit\\w*|bitch\\w*|bastard|asshole|dumb ?ass|retard\\w*|kill you"
                    + "|piece of crap)\\b");

    private SpamRules() {
    }

    /** The reason a text looks like spam or abuse, or null. */
    public static @org.jspecify.annotations.Nullable String reason(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        if (SPAM.matcher(t).find()) {
            return "spam";
        }
        if (ABUSE.matcher(t).find()) {
            return "abuse";
        }
        return null;
    }

    /** At least half of the questions are spam or abuse. */
    public static boolean mostly(List<String> questions) {
        long bad = questions.stream().filter(q -> reason(q) != null).count();
        return !questions.isEmpty() && bad * 2 >= questions.size();
    }
}
