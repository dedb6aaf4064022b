package io.github.cxmetrics.report;

import java.util.Locale;

/** The score columns a report knows: NPS, CSAT and CES, with their default column names. */
public enum ReportMetric {
    /** Net Promoter Score, column {@code nps}. */
    NPS,
    /** Customer satisfaction, column {@code csat}. */
    CSAT,
    /** Customer effort, column {@code ces}. */
    CES;

    /** The JSON key and default column name: {@code nps}, {@code csat}, {@code ces}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The metric named {@code nps}, {@code csat} or {@code ces} (any case).
     *
     * @throws IllegalArgumentException for any other name
     */
    public static ReportMetric parse(String name) {
        for (ReportMetric m : values()) {
            if (m.key().equalsIgnoreCase(name.strip())) {
                return m;
            }
        }
        throw new IllegalArgumentException("Unknown metric (valid values nps, csat, ces): \"" + name + "\"");
    }
}
