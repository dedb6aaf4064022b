package io.github.cxmetrics.report;

/**
 * What a report's response times measure: minutes read from a column, or the time between two
 * timestamp columns, elapsed or in business hours. The {@link #key()} is the {@code basis} of the
 * JSON report.
 *
 * @since 0.1.0
 */
public enum ResponseTimeBasis {
    /** Minutes read from a column, as the export computed them ({@code "column"}). */
    COLUMN("column"),
    /** The elapsed (physical) time from the start to the end timestamp ({@code "elapsed"}). */
    ELAPSED("elapsed"),
    /**
     * The elapsed time from the start to the end timestamp that falls within the opening hours
     * ({@code "business-hours"}; see {@link io.github.cxmetrics.ops.BusinessHours#between}).
     */
    BUSINESS_HOURS("business-hours");

    private final String key;

    ResponseTimeBasis(String key) {
        this.key = key;
    }

    /** The name in the JSON report: {@code column}, {@code elapsed} or {@code business-hours}. */
    public String key() {
        return key;
    }
}
