package io.github.cxmetrics.report.format;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Set;

/**
 * A small writer of markup that is both HTML5 and well-formed XML: every element closed, attributes
 * quoted, text and attribute values escaped, and every character outside ASCII written as a numeric
 * character reference, so the output means the same in any encoding that extends ASCII.
 *
 * <p>Empty elements are written as {@code <name/>} only where HTML5 reads that as closed (its void
 * elements, and anything inside {@code <svg>}); other empty HTML elements get an end tag. Characters
 * that XML 1.0 does not allow (most C0 controls, lone surrogates, U+FFFE, U+FFFF) become U+FFFD.
 * Mutable, not thread-safe.
 */
final class Markup {
    private static final Set<String> VOID = Set.of("meta", "br", "hr", "img", "link", "input", "wbr");

    private final StringBuilder out;
    private final Deque<String> open = new ArrayDeque<>();
    private boolean inStartTag;
    private int svgDepth;

    Markup(StringBuilder out) {
        this.out = out;
    }

    /** Starts an element; add attributes with {@link #attr}, then content, then {@link #end()}. */
    Markup start(String name) {
        finishStartTag();
        out.append('<').append(name);
        open.push(name);
        inStartTag = true;
        if (name.equals("svg")) {
            svgDepth++;
        }
        return this;
    }

    /** Adds an attribute to the element just started. */
    Markup attr(String name, String value) {
        if (!inStartTag) {
            throw new IllegalStateException("Attribute " + name + " outside a start tag");
        }
        out.append(' ').append(name).append("=\"");
        escape(value);
        out.append('"');
        return this;
    }

    /** Adds a numeric attribute (a coordinate or length), with at most two decimals. */
    Markup attr(String name, double value) {
        return attr(name, number(value));
    }

    /** Appends escaped text to the current element. */
    Markup text(String value) {
        finishStartTag();
        escape(value);
        return this;
    }

    /** Appends a line break between elements, for the reader of the source. */
    Markup newline() {
        finishStartTag();
        out.append('\n');
        return this;
    }

    /**
     * Appends markup written by this class's caller as is. Only for constant text (a style sheet)
     * that contains none of {@code < & >} and no character outside ASCII.
     */
    Markup raw(String constant) {
        for (int i = 0; i < constant.length(); i++) {
            char c = constant.charAt(i);
            if (c == '<' || c == '&' || c == '>' || c > 0x7e) {
                throw new IllegalArgumentException("Raw markup must not contain '" + c + "' (index " + i + ")");
            }
        }
        finishStartTag();
        out.append(constant);
        return this;
    }

    /** An element with only text: {@code <name>text</name>}. */
    Markup element(String name, String text) {
        return start(name).text(text).end();
    }

    /** Ends the innermost open element. */
    Markup end() {
        String name = open.pop();
        if (inStartTag) {
            inStartTag = false;
            if (svgDepth > 0 || VOID.contains(name)) {
                out.append("/>");
            } else {
                out.append("></").append(name).append('>');
            }
        } else {
            out.append("</").append(name).append('>');
        }
        if (name.equals("svg")) {
            svgDepth--;
        }
        return this;
    }

    /** Whether every element started has been ended. */
    boolean isBalanced() {
        return open.isEmpty();
    }

    private void finishStartTag() {
        if (inStartTag) {
            out.append('>');
            inStartTag = false;
        }
    }

    private void escape(String value) {
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            int len = Character.charCount(cp);
            switch (cp) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (!isXmlChar(cp)) {
                        out.append("&#65533;");
                    } else if (cp > 0x7e || cp == '\r') {
                        out.append("&#").append(cp).append(';');
                    } else {
                        out.append((char) cp);
                    }
                }
            }
            i += len;
        }
    }

    /** XML 1.0 Char, with the DEL and C1 controls left out as HTML does. */
    private static boolean isXmlChar(int cp) {
        if (cp == '\t' || cp == '\n' || cp == '\r') {
            return true;
        }
        if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f)) {
            return false;
        }
        if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) {
            return false; // a lone surrogate: codePointAt returned it alone
        }
        return cp != 0xfffe && cp != 0xffff;
    }

    /** A coordinate: at most two decimals, no negative zero, no exponent. */
    static String number(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("Invalid coordinate (must be finite): " + value);
        }
        double rounded = Math.round(value * 100) / 100.0;
        if (rounded == Math.rint(rounded)) {
            return Long.toString((long) rounded);
        }
        String s = String.format(Locale.ROOT, "%.2f", rounded);
        return s.endsWith("0") ? s.substring(0, s.length() - 1) : s;
    }
}
