package io.github.cxmetrics.scale;

import java.util.Locale;
import java.util.Objects;

/** Validation, parsing and labelling shared by the scale implementations. */
final class Scales {
    private Scales() {
    }

    static IllegalArgumentException outOfRange(Scale scale, String value) {
        return new IllegalArgumentException("Invalid value for " + scale + " (valid values "
                + scale.min() + " - " + scale.max() + "): " + value);
    }

    static int parse(Scale scale, CharSequence text) {
        Objects.requireNonNull(text, "text");
        String s = text.toString().strip();
        if (s.isEmpty()) {
            throw new IllegalArgumentException("Missing value for " + scale + " (valid values "
                    + scale.min() + " - " + scale.max() + "): empty");
        }
        int value;
        try {
            value = Integer.parseInt(s);
        } catch (NumberFormatException notAnInt) {
            double d;
            try {
                d = Double.parseDouble(s);
            } catch (NumberFormatException notANumber) {
                throw outOfRange(scale, '"' + s + '"');
            }
            if (d != Math.rint(d) || d < scale.min() || d > scale.max() || s.matches(".*[^0-9.+-].*")) {
                throw outOfRange(scale, '"' + s + '"');
            }
            value = (int) d;
        }
        if (value < scale.min() || value > scale.max()) {
            throw outOfRange(scale, s);
        }
        return value;
    }

    static Scale parseScale(String text) {
        Objects.requireNonNull(text, "text");
        Scale scale;
        if (text.startsWith("NPS[")) {
            scale = NpsScale.parse(text);
        } else if (text.startsWith("CSAT[")) {
            scale = CsatScale.parse(text);
        } else if (text.startsWith("CES[")) {
            scale = CesScale.parse(text);
        } else {
            String shown = text.length() <= 80 ? '"' + text + '"'
                    : '"' + text.substring(0, 77) + "...\" (" + text.length() + " characters)";
            throw new IllegalArgumentException("Invalid scale (expected NPS[..], CSAT[..] or CES[..]): " + shown);
        }
        if (!scale.toString().equals(text)) {
            throw new IllegalArgumentException("Invalid scale (expected its canonical form " + scale + "): " + text);
        }
        return scale;
    }

    static void checkRange(String what, int min, int max) {
        if (min >= max) {
            throw new IllegalArgumentException("Invalid range for " + what + " (min must be below max): "
                    + min + ".." + max);
        }
        if ((long) max - min > 1000) {
            throw new IllegalArgumentException("Invalid range for " + what
                    + " (at most 1001 points): " + min + ".." + max);
        }
    }

    static boolean isDutch(Locale locale) {
        return "nl".equals(Objects.requireNonNull(locale, "locale").getLanguage());
    }

    /** Labels anchored at both ends, numbers in between, or a full table when the length fits. */
    static String label(Scale scale, int score, Locale locale, String[] en, String[] nl) {
        scale.requireValid(score);
        String[] table = isDutch(locale) ? nl : en;
        if (table.length == scale.points()) {
            return table[score - scale.min()];
        }
        if (score == scale.min()) {
            return score + " (" + table[0] + ")";
        }
        if (score == scale.max()) {
            return score + " (" + table[table.length - 1] + ")";
        }
        return Integer.toString(score);
    }
}
