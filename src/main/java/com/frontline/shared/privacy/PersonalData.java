package com.frontline.shared.privacy;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import org.apache.commons.validator.routines.CodeValidator;
import org.apache.commons.validator.routines.CreditCardValidator;
import org.apache.commons.validator.routines.IBANValidator;
import org.apache.commons.validator.routines.checkdigit.LuhnCheckDigit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds personal data in free text and replaces it with placeholders, before the text leaves the conversation view
 * (exports, analysis prompts, aggregates). A regular expression finds candidates; a maintained library validates them:
 * Google's libphonenumber for phone numbers ({@code findNumbers}, leniency {@code VALID}), Apache Commons Validator for
 * payment cards (Luhn check digit and the issuers' number ranges) and IBANs (country length and mod-97).
 *
 * <p>Every pattern here is linear in the input: quantifiers are bounded or separated by a character they cannot
 * match, and candidates are validated outside the regular expression. Input longer than {@value #MAX_CHARS}
 * characters is cut first.
 *
 * <p>Phone numbers are recognised in international form ({@code +44 20 7946 0958}, {@code 0044 …}) and in the
 * national forms of {@link #PHONE_REGIONS}. A bare run of digits with no separator, no {@code +} and no trunk
 * {@code 0} (such as {@code 5551234567}) is left alone, because order and reference numbers look the same.
 */
public final class PersonalData {

    /** Input beyond this many characters is cut before redaction. */
    public static final int MAX_CHARS = 100_000;

    static final String EMAIL = "[email]";
    static final String PHONE = "[phone]";
    static final String CARD = "[card]";
    static final String IBAN = "[iban]";

    /** National formats recognised besides international ones; English-speaking and the largest EU markets. */
    static final List<String> PHONE_REGIONS = List.of("US", "GB", "IE", "AU", "DE", "FR", "NL", "ES", "IT");

    // local part and labels are bounded; the lookbehind lets a match start only at the beginning of a run
    private static final Pattern EMAIL_CANDIDATE = Pattern.compile(
            "(?<![A-Za-z0-9._%+\\-])[A-Za-z0-9._%+\\-]{1,64}@[A-Za-z0-9\\-]{1,63}(?:\\.[A-Za-z0-9\\-]{1,63}){1,8}");
    private static final Pattern TOP_LEVEL = Pattern.compile("[A-Za-z]{2,24}");

    // an IBAN starts with two letters and two check digits at a word start; the rest is read by hand
    private static final Pattern IBAN_START = Pattern.compile("(?<![A-Za-z0-9])[A-Za-z]{2}[0-9]{2}");

    private static final Pattern DATE_LIKE = Pattern.compile(
            "\\d{4}[-./]\\d{1,2}[-./]\\d{1,2}|\\d{1,2}[-./]\\d{1,2}[-./]\\d{2,4}|\\d{1,2}:\\d{2}");

    private static final CreditCardValidator CARDS = new CreditCardValidator(new CodeValidator[] {
            CreditCardValidator.VISA_VALIDATOR, CreditCardValidator.MASTERCARD_VALIDATOR,
            CreditCardValidator.AMEX_VALIDATOR, CreditCardValidator.DISCOVER_VALIDATOR,
            CreditCardValidator.DINERS_VALIDATOR, CreditCardValidator.VPAY_VALIDATOR});
    private static final IBANValidator IBANS = IBANValidator.getInstance();
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private PersonalData() {
    }

    /** Replaces e-mail addresses, phone numbers, payment card numbers (Luhn-valid) and IBANs (mod-97 valid)
     *  with the placeholders [email], [phone], [card], [iban]. Bounded: input longer than 100,000 chars is cut. */
    public static String redact(String text) {
        String bounded = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
        String result = replace(bounded, emails(bounded), EMAIL);
        result = replace(result, ibans(result), IBAN);
        result = replace(result, cards(result), CARD);
        return replace(result, phones(result), PHONE);
    }

    /** True when redact(text) would change text (by replacing personal data; cutting alone does not count). */
    public static boolean contains(String text) {
        String bounded = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
        return !redact(bounded).equals(bounded);
    }

    private record Span(int start, int end) {
    }

    private static String replace(String text, List<Span> spans, String placeholder) {
        if (spans.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int at = 0;
        for (Span span : spans) {
            if (span.start() < at) {
                continue; // overlapping: the same number found for two regions
            }
            out.append(text, at, span.start()).append(placeholder);
            at = span.end();
        }
        return out.append(text, at, text.length()).toString();
    }

    private static List<Span> emails(String text) {
        List<Span> spans = new ArrayList<>();
        Matcher m = EMAIL_CANDIDATE.matcher(text);
        while (m.find()) {
            String candidate = m.group();
            String domain = candidate.substring(candidate.indexOf('@') + 1);
            String topLevel = domain.substring(domain.lastIndexOf('.') + 1);
            if (TOP_LEVEL.matcher(topLevel).matches() && !domain.startsWith("-") && !candidate.startsWith(".")) {
                spans.add(new Span(m.start(), m.end()));
            }
        }
        return spans;
    }

    private static List<Span> ibans(String text) {
        List<Span> spans = new ArrayList<>();
        Matcher m = IBAN_START.matcher(text);
        int from = 0;
        while (from < text.length() && m.find(from)) {
            from = m.start() + 1;
            String country = text.substring(m.start(), m.start() + 2).toUpperCase(Locale.ROOT);
            IBANValidator.Validator validator = IBANS.getValidator(country);
            if (validator == null) {
                continue;
            }
            int needed = validator.getIbanLength();
            StringBuilder iban = new StringBuilder(needed);
            int i = m.start();
            while (i < text.length() && iban.length() < needed) {
                char c = text.charAt(i);
                if (isAsciiLetterOrDigit(c)) {
                    iban.append(Character.toUpperCase(c));
                    i++;
                } else if ((c == ' ' || c == '-') && i + 1 < text.length() && isAsciiLetterOrDigit(text.charAt(i + 1))
                        && iban.length() > 0) {
                    i++;
                } else {
                    break;
                }
            }
            boolean endsAtBoundary = i >= text.length() || !isAsciiLetterOrDigit(text.charAt(i));
            if (iban.length() == needed && endsAtBoundary && IBANS.isValid(iban.toString())) {
                spans.add(new Span(m.start(), i));
                from = i;
            }
        }
        return spans;
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    /**
     * A card number is 13 to 19 digits, either unbroken or written in groups of 3 to 6 digits (4-4-4-4, 4-6-5 …);
     * within a longer run of groups, each window of consecutive groups is tried.
     */
    private static List<Span> cards(String text) {
        List<Span> spans = new ArrayList<>();
        int at = 0;
        while (at < text.length()) {
            // a run of digit groups separated by single spaces or dashes, read by hand (a regular expression
            // with a repeated group recurses once per group and overflows the stack on long runs)
            if (!isDigit(text.charAt(at))) {
                at++;
                continue;
            }
            int runStart = at;
            while (at < text.length() && (isDigit(text.charAt(at)) || ((text.charAt(at) == ' ' || text.charAt(at) == '-')
                    && at + 1 < text.length() && isDigit(text.charAt(at + 1))))) {
                at++;
            }
            String run = text.substring(runStart, at);
            if (run.length() < 13) {
                continue;
            }
            List<Span> groups = new ArrayList<>();
            int groupStart = 0;
            for (int i = 0; i <= run.length(); i++) {
                if (i == run.length() || run.charAt(i) == ' ' || run.charAt(i) == '-') {
                    groups.add(new Span(groupStart, i));
                    groupStart = i + 1;
                }
            }
            if (groups.size() == 1) {
                if (run.length() <= 19 && isCard(run)) {
                    spans.add(new Span(runStart, at));
                }
                continue;
            }
            int first = 0;
            while (first < groups.size()) {
                int matchedLast = -1;
                StringBuilder digits = new StringBuilder(19);
                for (int last = first; last < groups.size(); last++) {
                    Span group = groups.get(last);
                    int length = group.end() - group.start();
                    if (length < 3 || length > 6 || digits.length() + length > 19) {
                        break;
                    }
                    digits.append(run, group.start(), group.end());
                    if (digits.length() >= 13 && isCard(digits.toString())) {
                        matchedLast = last;
                    }
                }
                if (matchedLast >= 0) {
                    spans.add(new Span(runStart + groups.get(first).start(), runStart + groups.get(matchedLast).end()));
                    first = matchedLast + 1;
                } else {
                    first++;
                }
            }
        }
        return spans;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isCard(String digits) {
        return LuhnCheckDigit.LUHN_CHECK_DIGIT.isValid(digits) && CARDS.isValid(digits);
    }

    /**
     * libphonenumber runs only on short stretches made of the characters a phone number is written with (digits,
     * spaces, {@code + ( ) - . /}) that hold at least six digits: that keeps it away from long digit runs, where its
     * inner-match search is slow, and from the prose around.
     */
    private static List<Span> phones(String text) {
        List<Span> spans = new ArrayList<>();
        int at = 0;
        while (at < text.length()) {
            if (!isPhoneChar(text.charAt(at))) {
                at++;
                continue;
            }
            int start = at;
            int digits = 0;
            while (at < text.length() && isPhoneChar(text.charAt(at))) {
                digits += isDigit(text.charAt(at)) ? 1 : 0;
                at++;
            }
            if (digits >= 6 && at - start <= MAX_PHONE_STRETCH) {
                phonesIn(text, start, at, spans);
            }
        }
        spans.sort((a, b) -> a.start() != b.start() ? Integer.compare(a.start(), b.start())
                : Integer.compare(b.end(), a.end()));
        return spans;
    }

    private static final int MAX_PHONE_STRETCH = 64;

    private static boolean isPhoneChar(char c) {
        return isDigit(c) || c == ' ' || c == '+' || c == '(' || c == ')' || c == '-' || c == '.' || c == '/';
    }

    private static void phonesIn(String text, int from, int to, List<Span> spans) {
        String stretch = text.substring(from, to);
        int found = spans.size();
        collectPhones(text, stretch, from, "ZZ", spans); // unknown region: international numbers (+…) only
        for (String region : PHONE_REGIONS) {
            if (allDigitsCovered(text, from, to, spans.subList(found, spans.size()))) {
                return;
            }
            collectPhones(text, stretch, from, region, spans);
        }
    }

    private static boolean allDigitsCovered(String text, int from, int to, List<Span> spans) {
        if (spans.isEmpty()) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (isDigit(text.charAt(i))) {
                boolean covered = false;
                for (Span span : spans) {
                    covered |= span.start() <= i && i < span.end();
                }
                if (!covered) {
                    return false;
                }
            }
        }
        return true;
    }

    private static void collectPhones(String text, String stretch, int offset, String region, List<Span> spans) {
        for (PhoneNumberMatch match : PHONES.findNumbers(stretch, region, PhoneNumberUtil.Leniency.VALID, Long.MAX_VALUE)) {
            String raw = match.rawString();
            int start = offset + match.start();
            int end = offset + match.end();
            if (looksLikePhone(raw) && !DATE_LIKE.matcher(raw).find() && !insideCode(text, start, end)) {
                spans.add(new Span(start, end));
            }
        }
    }

    /** Part of a code such as {@code INV-2023-000123} or {@code KX/0301 234 567}: glued to a letter, dash or slash. */
    private static boolean insideCode(String text, int start, int end) {
        if (start > 0) {
            char before = text.charAt(start - 1);
            if (Character.isLetterOrDigit(before) || before == '-' || before == '/' || before == '#' || before == '_') {
                return true;
            }
        }
        if (end < text.length()) {
            char after = text.charAt(end);
            return Character.isLetterOrDigit(after) || after == '-' || after == '/' || after == '_';
        }
        return false;
    }

    /** A bare digit run without a plus, a trunk zero or any separator is more often an order or reference number. */
    private static boolean looksLikePhone(String raw) {
        if (raw.startsWith("+") || raw.startsWith("(") || raw.startsWith("0")) {
            return true;
        }
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == ' ' || c == '-' || c == '.' || c == '(' || c == ')' || c == '/') {
                return true;
            }
        }
        return false;
    }
}
