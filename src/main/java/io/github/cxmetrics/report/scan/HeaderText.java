package io.github.cxmetrics.report.scan;

import io.github.cxmetrics.io.CsvHeader;
import java.util.List;

/**
 * The header as error messages show it: {@code in header [id, nps, channel]}, each name cut to 40
 * characters and the list to its first 20 names, so that a message stays one readable line. When
 * the header is a single column that contains another likely delimiter ({@code ;}, {@code ,}, tab
 * or {@code |}), the message says so: the file was most likely read with the wrong
 * {@code --delimiter}.
 */
final class HeaderText {
    static final int MAX_NAMES = 20;
    static final int MAX_NAME_LENGTH = 40;
    private static final char[] LIKELY_DELIMITERS = {';', ',', '\t', '|'};

    private HeaderText() {
    }

    /** {@code in header [id, nps]}, plus a delimiter hint when the header looks wrongly split. */
    static String of(CsvHeader header, char delimiter) {
        List<String> names = header.names();
        StringBuilder sb = new StringBuilder("in header [");
        for (int i = 0; i < Math.min(names.size(), MAX_NAMES); i++) {
            sb.append(i == 0 ? "" : ", ").append(shorten(names.get(i)));
        }
        if (names.size() > MAX_NAMES) {
            sb.append(", ... (").append(names.size()).append(" columns)");
        }
        sb.append(']');
        if (names.size() == 1) {
            for (char d : LIKELY_DELIMITERS) {
                if (d != delimiter && names.get(0).indexOf(d) >= 0) {
                    sb.append(": the header is a single column containing '").append(d == '\t' ? "\\t" : d)
                            .append("'; is the file delimited by it? (use --delimiter ")
                            .append(d == '\t' ? "tab" : "'" + d + "'").append(')');
                    break;
                }
            }
        }
        return sb.toString();
    }

    private static String shorten(String name) {
        String visible = name.replace("\t", "\\t");
        return visible.length() <= MAX_NAME_LENGTH ? visible : visible.substring(0, MAX_NAME_LENGTH - 3) + "...";
    }
}
