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
    private final Metric metric;
    private final long n;
    private final Double effectiveN;
    private final Double score;
    private final Double standardError;
    private final Double lower;
    private final Double upper;
    private final Long promoters;
    private final Long passives;
    private final Long detractors;
    private final Long satisfied;
    private final Double mean;
    private final Double easy;
    private final boolean small;
    private final Comparison change;
    private final AdjustedComparison vsRest;
    private final ControlLimits controlLimits;
    private final boolean outOfControl;

    MetricSummary(Builder b) {
        this.metric = b.metric;
        this.n = b.n;
        this.effectiveN = b.effectiveN;
        this.score = b.score;
        this.standardError = b.standardError;
        this.lower = b.lower;
        this.upper = b.upper;
        this.promoters = b.promoters;
        this.passives = b.passives;
        this.detractors = b.detractors;
        this.satisfied = b.satisfied;
        this.mean = b.mean;
        this.easy = b.easy;
        this.small = b.small;
        this.change = b.change;
        this.vsRest = b.vsRest;
        this.controlLimits = b.controlLimits;
        this.outOfControl = b.outOfControl;
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
                effectiveN = from.effectiveN;
                score = from.score;
                standardError = from.standardError;
                lower = from.lower;
                upper = from.upper;
                promoters = from.promoters;
                passives = from.passives;
                detractors = from.detractors;
                satisfied = from.satisfied;
                mean = from.mean;
                easy = from.easy;
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

    MetricSummary withVsRest(AdjustedComparison value) {
        Builder b = new Builder(this);
        b.vsRest = value;
        return b.build();
    }

    MetricSummary withControl(ControlLimits limits, boolean outside) {
        Builder b = new Builder(this);
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
        return effectiveN == null ? OptionalDouble.empty() : OptionalDouble.of(effectiveN);
    }

    /** The score in display units: NPS points, CSAT % satisfied, CES mean. */
    public OptionalDouble score() {
        return opt(score);
    }

    /** The standard error of the score, in the same units. */
    public OptionalDouble standardError() {
        return opt(standardError);
    }

    /** The lower confidence limit. */
    public OptionalDouble lower() {
        return opt(lower);
    }

    /** The upper confidence limit. */
    public OptionalDouble upper() {
        return opt(upper);
    }

    /** NPS: promoters (unweighted count). */
    public OptionalLong promoters() {
        return optLong(promoters);
    }

    /** NPS: passives. */
    public OptionalLong passives() {
        return optLong(passives);
    }

    /** NPS: detractors. */
    public OptionalLong detractors() {
        return optLong(detractors);
    }

    /** CSAT: satisfied (top-box) responses. */
    public OptionalLong satisfied() {
        return optLong(satisfied);
    }

    /** CSAT: the mean rating. */
    public OptionalDouble mean() {
        return opt(mean);
    }

    /** CES: the percentage of easy (or low-effort) responses. */
    public OptionalDouble easy() {
        return opt(easy);
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

    private static OptionalDouble opt(Double d) {
        return d == null ? OptionalDouble.empty() : OptionalDouble.of(d);
    }

    private static OptionalLong optLong(Long l) {
        return l == null ? OptionalLong.empty() : OptionalLong.of(l);
    }
}
