package com.calcomalt.platform.web;

import java.nio.CharBuffer;

/**
 * Text PostgreSQL can keep in a text or jsonb column: no NUL character, which it refuses outright,
 * and no lone UTF-16 surrogate, which is not Unicode at all and has no UTF-8 form.
 */
public final class StorableText {

    private StorableText() {
    }

    /** Why this text cannot be stored, or null when it can. */
    public static String flaw(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                return "contains the NUL character (U+0000), which cannot be stored";
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "contains a lone UTF-16 surrogate, which is not Unicode text";
            }
        }
        return null;
    }

    /** The same check over a parser's buffer, which it does not copy. */
    static String flaw(char[] chars, int offset, int length) {
        return flaw(CharBuffer.wrap(chars, offset, length));
    }
}
