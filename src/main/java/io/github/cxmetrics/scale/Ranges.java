package io.github.cxmetrics.scale;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the range notations {@code 1-5}, {@code 1..5} and {@code KIND[1..5]}. */
final class Ranges {
    private static final Pattern RANGE = Pattern.compile("(-?\\d{1,9})\\s*(?:-|\\.\\.)\\s*(-?\\d{1,9})");

    private Ranges() {
    }

    static int[] parse(String what, String text, String kind) {
        String t = Objects.requireNonNull(text, "text").strip();
        if (t.startsWith(kind + "[") && t.endsWith("]")) {
            t = t.substring(kind.length() + 1, t.length() - 1);
        }
        Matcher m = RANGE.matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException("Invalid " + what + " (expected min-max, e.g. 1-5): \"" + text + "\"");
        }
        return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
    }
}
