package com.frontline.platform.http;

import org.jspecify.annotations.Nullable;

/**
 * Which characters no input may carry: the C0 control characters except tab, line feed and carriage return (which
 * multi-line text needs), DEL, and the C1 controls. NUL in particular cannot be stored in a PostgreSQL text column.
 */
public final class ControlCharacters {

    private ControlCharacters() {
    }

    public static boolean isRefused(int c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F);
    }

    public static boolean containsRefused(@Nullable CharSequence text) {
        if (text == null) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (isRefused(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
