package io.github.cxmetrics.report.format;

import io.github.cxmetrics.report.Report;
import io.github.cxmetrics.report.ReportOptions;
import io.github.cxmetrics.trend.Metric;
import io.github.cxmetrics.scale.CesScale;
import io.github.cxmetrics.scale.Direction;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * Rounding for display in the HTML report, and the facts about each metric that a chart needs
 * (name, unit, bounds). Rounding happens here and only here: the model keeps full precision.
 * Negative numbers get a real minus sign (U+2212). Stateless.
 */
final class DisplayFormat {
    static final String MINUS = "\u2212";
    static final String EN_DASH = "\u2013";
    static final String DOT = "\u00b7";

    private final CesScale cesScale;

    DisplayFormat(ReportOptions options) {
        this.cesScale = options.grouping().cesScale();
    }

    /** The short name: NPS, CSAT, CES. */
    static String name(Metric metric) {
        return metric.name();
    }

    /** What the score means, e.g. "% satisfied". */
    String meaning(Metric metric) {
        return switch (metric) {
            case NPS -> "Net Promoter Score: % promoters " + MINUS + " % detractors";
            case CSAT -> "Customer satisfaction: % satisfied";
            case CES -> "Customer effort: mean on " + cesScale.min() + EN_DASH + cesScale.max() + " ("
                    + (cesScale.direction() == Direction.HIGHER_IS_BETTER ? "higher" : "lower") + " is better)";
        };
    }

    /** The smallest possible score. */
    double lowerBound(Metric metric) {
        return switch (metric) {
            case NPS -> -100;
            case CSAT -> 0;
            case CES -> cesScale.min();
        };
    }

    /** The largest possible score. */
    double upperBound(Metric metric) {
        return switch (metric) {
            case NPS, CSAT -> 100;
            case CES -> cesScale.max();
        };
    }

    /** Where bars start: 0 for NPS and CSAT, the bottom of the scale for CES. */
    double baseline(Metric metric) {
        return metric == Metric.CES ? cesScale.min() : 0;
    }

    /** The smallest span of a chart's value axis, so that noise is not blown up. */
    static double minimumSpan(Metric metric) {
        return metric == Metric.CES ? 1 : 10;
    }

    /** A score rounded for display: NPS and CSAT to one decimal, CES to two; CSAT with " %". */
    static String score(Metric metric, double value) {
        return switch (metric) {
            case NPS -> decimals(value, 1);
            case CSAT -> decimals(value, 1) + " %";
            case CES -> decimals(value, 2);
        };
    }

    /** A difference in the metric's units, always signed: "+4.2", "−1.0". */
    static String difference(Metric metric, double value) {
        String s = decimals(value, metric == Metric.CES ? 2 : 1);
        String signed = s.startsWith(MINUS) ? s : "+" + s;
        return metric == Metric.CSAT ? signed + " pp" : signed;
    }

    /** An interval "lower – upper" without unit. */
    static String interval(Metric metric, double lower, double upper) {
        int d = metric == Metric.CES ? 2 : 1;
        return decimals(lower, d) + " " + EN_DASH + " " + decimals(upper, d);
    }

    /** A p-value: {@code p = 0.012}, or {@code p < 0.001}. */
    static String pValue(double p) {
        return p < 0.001 ? "p < 0.001" : "p = " + decimals(p, 3);
    }

    /**
     * A confidence level (or its complement) as a percentage to six significant digits: 0.95 as
     * "95 %", 0.995 as "99.5 %", and 1 − 0.95 as "5 %" (not 5.000000000000044 %).
     */
    static String percent(double confidence) {
        return new BigDecimal(confidence * 100).round(new java.math.MathContext(6)).stripTrailingZeros()
                .toPlainString() + " %";
    }

    /** A target in minutes without needless decimals: "120", "90.5". */
    static String target(double minutes) {
        return new BigDecimal(minutes).setScale(2, java.math.RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString();
    }

    /**
     * A label cut to a column's width for the table, ending in {@code ~} when cut; an empty value
     * reads {@code (empty)}.
     */
    static String clip(String s, int width) {
        String shown = s.isEmpty() ? "(empty)" : s;
        return shown.length() <= width ? shown : shown.substring(0, width - 1) + "~";
    }

    /** A count with thousands separators: "12,345". */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** An axis tick value, with no more decimals than its step needs. */
    static String tick(double value, double step) {
        int d = 0;
        while (d < 6 && Math.abs(step * Math.pow(10, d) - Math.rint(step * Math.pow(10, d))) > 1e-9) {
            d++;
        }
        return decimals(value, d);
    }

    /** Rounded half-up to {@code d} decimals; never "−0.0". */
    static String decimals(double value, int d) {
        String s = new BigDecimal(value).setScale(d, java.math.RoundingMode.HALF_UP).toPlainString();
        if (s.startsWith("-")) {
            boolean zero = s.chars().noneMatch(c -> c >= '1' && c <= '9');
            return zero ? s.substring(1) : MINUS + s.substring(1);
        }
        return s;
    }
}
