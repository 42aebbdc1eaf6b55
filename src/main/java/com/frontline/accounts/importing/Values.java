package com.frontline.accounts.importing;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Parses cell text the way people type it: "1 234,5 €", "85%", "(12)", "31.01.2024". */
final class Values {

    /** A parsed number; {@code percentage} means the text carried a % sign and {@code value} is already ÷100. */
    record Number(BigDecimal value, boolean percentage) {
    }

    private static final Pattern PLAIN = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern CURRENCY = Pattern.compile(
            "^(usd|eur|gbp|chf|jpy|inr|aud|cad|sek|nok|dkk|pln)\\s*|\\s*(usd|eur|gbp|chf|jpy|inr|aud|cad|sek|nok|dkk|pln)$"
                    + "|[$€£¥₹₩₽¢]", Pattern.CASE_INSENSITIVE);
    private static final Pattern DECIMAL_COMMA_HINT = Pattern.compile(
            "^[+-]?\\d+,(\\d{1,2}|\\d{4,})%?$|^[+-]?\\d{1,3}(\\.\\d{3})+,\\d+$|^[+-]?0,\\d+$");
    private static final Pattern DECIMAL_POINT_HINT = Pattern.compile(
            "^[+-]?\\d+\\.(\\d{1,2}|\\d{4,})%?$|^[+-]?\\d{1,3}(,\\d{3})+\\.\\d+$|^[+-]?0\\.\\d+$");

    private Values() {
    }

    /**
     * Decides from sample cells whether the file writes decimals with a comma. Only unambiguous samples vote ("12,5"
     * yes, "1,234" no vote); ties go to the delimiter's convention (";" files come from comma-decimal locales).
     */
    static boolean decimalComma(List<String> samples, boolean semicolonOrTabFile) {
        int comma = 0;
        int point = 0;
        for (String sample : samples) {
            String s = CURRENCY.matcher(sample.strip()).replaceAll("").replaceAll("[\\s\u00a0\u202f']", "");
            if (DECIMAL_COMMA_HINT.matcher(s).matches()) {
                comma++;
            } else if (DECIMAL_POINT_HINT.matcher(s).matches()) {
                point++;
            }
        }
        return comma == point ? semicolonOrTabFile : comma > point;
    }

    /** Returns null when the text is not a number in any spelling this class knows. */
    static @Nullable Number number(String text, boolean decimalComma) {
        String s = text.strip();
        if (s.isEmpty()) {
            return null;
        }
        // Fast path for the common case ("85", "0.85", "85%"): no regular expressions on large files.
        boolean percentSign = s.endsWith("%");
        String digits = percentSign ? s.substring(0, s.length() - 1) : s;
        if (isPlainDecimal(digits) && !(decimalComma && digits.indexOf('.') >= 0)) {
            BigDecimal value = new BigDecimal(digits);
            return new Number(plain(percentSign ? value.movePointLeft(2) : value), percentSign);
        }
        boolean negative = false;
        if (s.startsWith("(") && s.endsWith(")")) {
            negative = true;
            s = s.substring(1, s.length() - 1).strip();
        }
        boolean percent = false;
        if (s.endsWith("%")) {
            percent = true;
            s = s.substring(0, s.length() - 1).strip();
        } else if (s.startsWith("%")) {
            percent = true;
            s = s.substring(1).strip();
        }
        s = CURRENCY.matcher(s).replaceAll("").strip();
        if (s.endsWith("-") && s.length() > 1 && Character.isDigit(s.charAt(0))) {
            negative = !negative;
            s = s.substring(0, s.length() - 1);
        }
        // The unicode minus and spaces (incl. NBSP/narrow NBSP) and apostrophes as thousands separators.
        s = s.replace('\u2212', '-').replaceAll("(?<=\\d)[\\s\u00a0\u202f'’](?=\\d)", "");
        if (s.startsWith("-") || s.startsWith("+")) {
            negative ^= s.startsWith("-");
            s = s.substring(1).strip();
        }
        int commas = count(s, ',');
        int dots = count(s, '.');
        if (commas > 0 && dots > 0) {
            // The later separator is the decimal one: "1,234.5" vs "1.234,5".
            if (s.lastIndexOf(',') > s.lastIndexOf('.')) {
                if (dots > 0 && !groupsOfThree(s.substring(0, s.lastIndexOf(',')), '.')) {
                    return null;
                }
                s = s.replace(".", "").replace(',', '.');
            } else {
                if (!groupsOfThree(s.substring(0, s.lastIndexOf('.')), ',')) {
                    return null;
                }
                s = s.replace(",", "");
            }
        } else if (commas > 0) {
            if (commas > 1 || !decimalComma && groupsOfThree(s, ',')) {
                if (!groupsOfThree(s, ',')) {
                    return null;
                }
                s = s.replace(",", "");
            } else {
                s = s.replace(',', '.');
            }
        } else if (dots > 1 || dots == 1 && decimalComma && groupsOfThree(s, '.')) {
            if (!groupsOfThree(s, '.')) {
                return null;
            }
            s = s.replace(".", "");
        }
        if (!PLAIN.matcher(s).matches() || s.length() > 40) {
            return null;
        }
        BigDecimal value;
        try {
            value = new BigDecimal(s);
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
        if (value.scale() < -30 || value.scale() > 30) {
            return null;
        }
        if (negative) {
            value = value.negate();
        }
        if (percent) {
            value = value.movePointLeft(2);
        }
        return new Number(plain(value), percent);
    }

    /** 12.50 → 12.5 and 1200 stays 1200 (not 1.2E+3). */
    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** Digits with at most one decimal point and an optional leading minus, at most 18 characters. */
    private static boolean isPlainDecimal(String s) {
        int n = s.length();
        if (n == 0 || n > 18) {
            return false;
        }
        int start = s.charAt(0) == '-' ? 1 : 0;
        boolean dot = false;
        boolean digit = false;
        for (int i = start; i < n; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (c == '.' && !dot && i > start && i < n - 1) {
                dot = true;
            } else {
                return false;
            }
        }
        return digit;
    }

    /** "1,234,567" / "1.234" style: digits, then groups of exactly three after each separator. */
    private static boolean groupsOfThree(String s, char separator) {
        String[] parts = s.split(Pattern.quote(String.valueOf(separator)), -1);
        if (parts[0].isEmpty() || parts[0].length() > 3) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            if (parts[i].length() != 3) {
                return false;
            }
        }
        return true;
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }

    private static final List<DateTimeFormatter> DATE_FORMATS = List.of(
            DateTimeFormatter.ofPattern("uuuu-M-d"),
            DateTimeFormatter.ofPattern("uuuu/M/d"),
            DateTimeFormatter.ofPattern("uuuu.M.d"),
            DateTimeFormatter.ofPattern("d.M.uuuu"),
            DateTimeFormatter.ofPattern("d-MMM-uuuu", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("MMM d, uuuu", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("MMMM d, uuuu", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH));
    private static final List<DateTimeFormatter> MONTH_FORMATS = List.of(
            DateTimeFormatter.ofPattern("uuuu-M"),
            DateTimeFormatter.ofPattern("uuuu/M"),
            DateTimeFormatter.ofPattern("M/uuuu"),
            new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern("MMM uuuu").toFormatter(Locale.ENGLISH),
            new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern("MMMM uuuu").toFormatter(Locale.ENGLISH),
            new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern("MMM-uu").toFormatter(Locale.ENGLISH));
    private static final Pattern SLASHED = Pattern.compile("(\\d{1,2})[/-](\\d{1,2})[/-](\\d{4})");

    /**
     * Dates as written in exports. Months ("2024-03", "Mar 2024") become the first day. "03/04/2024" is read day
     * first (most tenants are European) unless only the month-first reading is a valid date.
     */
    static @Nullable LocalDate date(String text) {
        String s = text.strip();
        if (s.isEmpty() || s.length() > 40) {
            return null;
        }
        if (s.length() == 10 && s.charAt(4) == '-' && s.charAt(7) == '-') {
            try {
                return LocalDate.parse(s);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        // "2024-03-31T00:00:00" and "2024-03-31 00:00" from database exports.
        if (s.length() > 10 && s.charAt(4) == '-' && (s.charAt(10) == 'T' || s.charAt(10) == ' ')) {
            try {
                return LocalDateTime.parse(s.replace(' ', 'T').replaceAll("Z$", "")).toLocalDate();
            } catch (DateTimeParseException e) {
                s = s.substring(0, 10);
            }
        }
        var slashed = SLASHED.matcher(s);
        if (slashed.matches()) {
            int a = Integer.parseInt(slashed.group(1));
            int b = Integer.parseInt(slashed.group(2));
            int year = Integer.parseInt(slashed.group(3));
            try {
                return a > 12 || b <= 12 ? LocalDate.of(year, b, a) : LocalDate.of(year, a, b);
            } catch (DateTimeException e) {
                return null;
            }
        }
        for (DateTimeFormatter format : DATE_FORMATS) {
            try {
                return LocalDate.parse(s, format);
            } catch (DateTimeParseException e) {
                // next format
            }
        }
        for (DateTimeFormatter format : MONTH_FORMATS) {
            try {
                return YearMonth.parse(s, format).atDay(1);
            } catch (DateTimeParseException e) {
                // next format
            }
        }
        return null;
    }

    static @Nullable ImpactLevel impact(String text) {
        switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "high":
                return ImpactLevel.HIGH;
            case "medium":
                return ImpactLevel.MEDIUM;
            case "low":
                return ImpactLevel.LOW;
            default:
                break;
        }
        return switch (HeaderMatcher.normalize(text)) {
            case "high", "h", "3", "hi", "critical", "very high", "major", "p1", "top" -> ImpactLevel.HIGH;
            case "medium", "med", "m", "2", "mid", "moderate", "normal", "average", "p2" -> ImpactLevel.MEDIUM;
            case "low", "l", "1", "lo", "minor", "very low", "p3" -> ImpactLevel.LOW;
            default -> null;
        };
    }
}
