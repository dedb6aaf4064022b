package io.github.cxmetrics.report.format;

import io.github.cxmetrics.report.Report;
import java.io.IOException;
import java.util.Locale;
import java.util.Objects;

/**
 * The renderings of a {@link Report}: a plain-text table, JSON (the stable contract of
 * {@code docs/report-json.md}), CSV (one row per group and metric) and a self-contained HTML page
 * with charts. {@code --format table|json|csv|html} on the command line.
 *
 * <pre>{@code
 * ReportFormat.HTML.write(report, writer);
 * String json = ReportFormat.parse("json").format(report);
 * }</pre>
 *
 * <p>Each rendering is a pure function of the report: the same report gives the same text, byte
 * for byte. Thread-safe.
 *
 * @since 0.1
 */
public enum ReportFormat {
    /** A plain-text table for a terminal. */
    TABLE {
        @Override
        void render(Report report, Appendable out) throws IOException {
            TableReportWriter.write(report, out);
        }
    },
    /** Pretty-printed JSON, documented in {@code docs/report-json.md}. */
    JSON {
        @Override
        void render(Report report, Appendable out) throws IOException {
            JsonReportWriter.write(report, out, true);
        }
    },
    /** CSV, one row per group and metric, documented in {@code docs/report-formats.md}. */
    CSV {
        @Override
        void render(Report report, Appendable out) throws IOException {
            CsvReportWriter.write(report, out);
        }
    },
    /** A self-contained HTML page with inline SVG charts and no scripts. */
    HTML {
        @Override
        void render(Report report, Appendable out) throws IOException {
            HtmlReportWriter.write(report, out);
        }
    };

    abstract void render(Report report, Appendable out) throws IOException;

    /**
     * Writes the report to {@code out} (a {@link java.io.Writer}, a {@link StringBuilder}, …),
     * which is neither flushed nor closed.
     *
     * @throws IOException if writing fails
     */
    public void write(Report report, Appendable out) throws IOException {
        render(Objects.requireNonNull(report, "report"), Objects.requireNonNull(out, "out"));
    }

    /** The rendering as a string. */
    public String format(Report report) {
        StringBuilder sb = new StringBuilder();
        try {
            write(report, sb);
        } catch (IOException e) {
            throw new AssertionError("a StringBuilder does not throw", e);
        }
        return sb.toString();
    }

    /** The command-line name: {@code table}, {@code json}, {@code csv} or {@code html}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The format of a command-line name, {@code table}, {@code json}, {@code csv} or {@code html}
     * (any case).
     *
     * @throws IllegalArgumentException for any other name:
     *     {@code Invalid report format (valid values table, json, csv, html): pdf}
     */
    public static ReportFormat parse(String name) {
        Objects.requireNonNull(name, "name");
        for (ReportFormat f : values()) {
            if (f.key().equals(name.strip().toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        throw new IllegalArgumentException("Invalid report format (valid values table, json, csv, html): " + name);
    }
}
