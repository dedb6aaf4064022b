package io.github.cxmetrics.report;

import io.github.cxmetrics.segment.AdjustedComparison;
import io.github.cxmetrics.trend.Metric;
import io.github.cxmetrics.stats.Comparison;
import io.github.cxmetrics.trend.ControlLimits;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The numbers of one metric in one group of a report (overall, a period, a segment): n, the score in
 * display units (NPS points, CSAT % satisfied, CES mean), its standard error and interval, the
 * metric's own counts, and, where they apply, the change against the previous period and the
 * comparison against the rest of the segments.
 *
 * <p>Quantities that are undefined for the group (everything for n = 0; the SE and interval of a
 * CES mean of one response) are empty optionals, never NaN. Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class MetricSummary {
    // the optional numbers are primitives with a bit each in 'present' (a report of many groups
    // keeps one summary per metric and group: boxed values would triple its size)
    private static final int EFFECTIVE_N = 1;
    private static final int SCORE = 1 << 1;
    private static final int STANDARD_ERROR = 1 << 2;
    private static final int LOWER = 1 << 3;
    private static final int UPPER = 1 << 4;
    private static final int PROMOTERS = 1 << 5;
    private static final int PASSIVES = 1 << 6;
    private static final int DETRACTORS = 1 << 7;
    private static final int SATISFIED = 1 << 8;
    private static final int MEAN = 1 << 9;
    private static final int EASY = 1 << 10;
    private final Metric metric;
    private final long n;
    private final int present;
    private final double effectiveN;
    private final double score;
    private final double standardError;
    private final double lower;
    private final double upper;
    private final long promoters;
    private final long passives;
    private final long detractors;
    private final long satisfied;
    private final double mean;
    private final double easy;
    private final boolean small;
    private final Comparison change;
    private final AdjustedComparison vsRest;
    private final ControlLimits controlLimits;
    private final boolean outOfControl;

    MetricSummary(Builder b) {
        this.metric = b.metric;
        this.n = b.n;
        this.present = bit(b.effectiveN, EFFECTIVE_N) | bit(b.score, SCORE) | bit(b.standardError, STANDARD_ERROR)
                | bit(b.lower, LOWER) | bit(b.upper, UPPER) | bit(b.promoters, PROMOTERS) | bit(b.passives, PASSIVES)
                | bit(b.detractors, DETRACTORS) | bit(b.satisfied, SATISFIED) | bit(b.mean, MEAN) | bit(b.easy, EASY);
        this.effectiveN = b.effectiveN == null ? 0 : b.effectiveN;
        this.score = b.score == null ? 0 : b.score;
        this.standardError = b.standardError == null ? 0 : b.standardError;
        this.lower = b.lower == null ? 0 : b.lower;
        this.upper = b.upper == null ? 0 : b.upper;
        this.promoters = b.promoters == null ? 0 : b.promoters;
        this.passives = b.passives == null ? 0 : b.passives;
        this.detractors = b.detractors == null ? 0 : b.detractors;
        this.satisfied = b.satisfied == null ? 0 : b.satisfied;
        this.mean = b.mean == null ? 0 : b.mean;
        this.easy = b.easy == null ? 0 : b.easy;
        this.small = b.small;
        this.change = b.change;
        this.vsRest = b.vsRest;
        this.controlLimits = b.controlLimits;
        this.outOfControl = b.outOfControl;
    }

    private static int bit(Object value, int bit) {
        return value == null ? 0 : bit;
    }

    private boolean has(int bit) {
        return (present & bit) != 0;
    }

    static final class Builder {
        Metric metric;
        long n;
        Double effectiveN;
        Double score;
        Double standardError;
        Double lower;
        Double upper;
        Long promoters;
        Long passives;
        Long detractors;
        Long satisfied;
        Double mean;
        Double easy;
        boolean small;
        Comparison change;
        AdjustedComparison vsRest;
        ControlLimits controlLimits;
        boolean outOfControl;

        Builder(MetricSummary from) {
            if (from != null) {
                metric = from.metric;
                n = from.n;
                effectiveN = from.has(EFFECTIVE_N) ? from.effectiveN : null;
                score = from.has(SCORE) ? from.score : null;
                standardError = from.has(STANDARD_ERROR) ? from.standardError : null;
                lower = from.has(LOWER) ? from.lower : null;
                upper = from.has(UPPER) ? from.upper : null;
                promoters = from.has(PROMOTERS) ? from.promoters : null;
                passives = from.has(PASSIVES) ? from.passives : null;
                detractors = from.has(DETRACTORS) ? from.detractors : null;
                satisfied = from.has(SATISFIED) ? from.satisfied : null;
                mean = from.has(MEAN) ? from.mean : null;
                easy = from.has(EASY) ? from.easy : null;
                small = from.small;
                change = from.change;
                vsRest = from.vsRest;
                controlLimits = from.controlLimits;
                outOfControl = from.outOfControl;
            }
        }

        MetricSummary build() {
            return new MetricSummary(this);
        }
    }

    MetricSummary withChange(Comparison value) {
        Builder b = new Builder(this);
        b.change = value;
        return b.build();
    }

    /** With a change (or none) and control limits, in one copy. */
    MetricSummary withChangeAndControl(Comparison value, ControlLimits limits, boolean outside) {
        Builder b = new Builder(this);
        b.change = value;
        b.controlLimits = limits;
        b.outOfControl = outside;
        return b.build();
    }

    /** The metric. */
    public Metric metric() {
        return metric;
    }

    /** The number of responses that answered this question (empty cells are not counted). */
    public long n() {
        return n;
    }

    /** Kish's effective n, when the report is weighted. */
    public OptionalDouble effectiveN() {
        return opt(EFFECTIVE_N, effectiveN);
    }

    /** The score in display units: NPS points, CSAT % satisfied, CES mean. */
    public OptionalDouble score() {
        return opt(SCORE, score);
    }

    /** The standard error of the score, in the same units. */
    public OptionalDouble standardError() {
        return opt(STANDARD_ERROR, standardError);
    }

    /** The lower confidence limit. */
    public OptionalDouble lower() {
        return opt(LOWER, lower);
    }

    /** The upper confidence limit. */
    public OptionalDouble upper() {
        return opt(UPPER, upper);
    }

    /** NPS: promoters (unweighted count). */
    public OptionalLong promoters() {
        return optLong(PROMOTERS, promoters);
    }

    /** NPS: passives. */
    public OptionalLong passives() {
        return optLong(PASSIVES, passives);
    }

    /** NPS: detractors. */
    public OptionalLong detractors() {
        return optLong(DETRACTORS, detractors);
    }

    /** CSAT: satisfied (top-box) responses. */
    public OptionalLong satisfied() {
        return optLong(SATISFIED, satisfied);
    }

    /** CSAT: the mean rating. */
    public OptionalDouble mean() {
        return opt(MEAN, mean);
    }

    /** CES: the percentage of easy (or low-effort) responses. */
    public OptionalDouble easy() {
        return opt(EASY, easy);
    }

    /** Whether n is below the report's minimum n: shown, but to be read with care. */
    public boolean isSmall() {
        return small;
    }

    /** The change against the previous period (trend entries only). */
    public Optional<Comparison> change() {
        return Optional.ofNullable(change);
    }

    /**
     * This segment against the rest: the raw test, its p-value adjusted (Holm) across the segment
     * column's values, and the family-wise interval that agrees with the adjusted verdict.
     */
    public Optional<AdjustedComparison> vsRest() {
        return Optional.ofNullable(vsRest);
    }

    /**
     * The control limits of a trend period: the long-run level of the whole series ± 3 standard
     * errors at this period's n (see {@code docs/trends.md}); empty outside trends, for empty periods
     * and for weighted reports.
     */
    public Optional<ControlLimits> controlLimits() {
        return Optional.ofNullable(controlLimits);
    }

    /** Whether this trend period's score lies outside its control limits. */
    public boolean isOutOfControl() {
        return outOfControl;
    }

    private OptionalDouble opt(int bit, double value) {
        return has(bit) ? OptionalDouble.of(value) : OptionalDouble.empty();
    }

    private OptionalLong optLong(int bit, long value) {
        return has(bit) ? OptionalLong.of(value) : OptionalLong.empty();
    }
}
