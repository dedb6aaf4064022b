package io.github.cxmetrics.design;

import io.github.cxmetrics.scale.Scale;
import java.util.Objects;

/**
 * The expected spread of one response, as a standard deviation σ in the metric's display units: the
 * input of every sample-size calculation in {@link SampleSize} and {@link GroupSampleSize}.
 *
 * <p>Get one from what you expect, or from the worst case when you do not know:
 * <ul>
 *   <li>{@link #ofNps(double, double)}: an NPS with the expected promoter and detractor shares.
 *       One response scores +1 (promoter), 0 (passive) or −1 (detractor); its variance on that
 *       scale is var = p<sub>P</sub> + p<sub>D</sub> − (p<sub>P</sub> − p<sub>D</sub>)² (Rocks
 *       2016, The American Statistician 70(4):365–372), so σ = 100·√var NPS points.
 *       {@link #npsWorstCase()}: p<sub>P</sub> = p<sub>D</sub> = ½ gives the largest variance, 1,
 *       so σ = 100 points.</li>
 *   <li>{@link #ofShare(double)}: a share such as the CSAT top-box share, expected p;
 *       σ = 100·√(p(1 − p)) percentage points. {@link #shareWorstCase()}: p = ½, σ = 50.</li>
 *   <li>{@link #ofStandardDeviation(double)}: a mean (CSAT or CES mean) with the expected standard
 *       deviation in scale points. {@link #worstCase(Scale)}: no distribution on [min, max] has a
 *       larger standard deviation than half the range, (max − min)/2 (half the responses at each
 *       end).</li>
 * </ul>
 *
 * <p>Immutable and thread-safe; two spreads are {@code equals} when they were made from the same
 * inputs.
 *
 * @since 0.1.0
 */
public final class Spread {

    /** What a spread describes; decides the formula of a two-group comparison. */
    enum Kind {
        NPS, SHARE, MEAN
    }

    private final Kind kind;
    private final double standardDeviation;
    private final double promotersShare;
    private final double detractorsShare;
    private final double share;
    private final boolean worstCase;
    private final String description;

    private Spread(Kind kind, double standardDeviation, double promotersShare, double detractorsShare, double share,
            boolean worstCase, String description) {
        this.kind = kind;
        this.standardDeviation = standardDeviation;
        this.promotersShare = promotersShare;
        this.detractorsShare = detractorsShare;
        this.share = share;
        this.worstCase = worstCase;
        this.description = description;
    }

    /**
     * The spread of an NPS response when the promoter and detractor shares are expected to be
     * {@code promotersShare} and {@code detractorsShare}: σ = 100·√(p<sub>P</sub> + p<sub>D</sub> −
     * (p<sub>P</sub> − p<sub>D</sub>)²) NPS points.
     *
     * @throws IllegalArgumentException if a share lies outside [0, 1] or is NaN, or if the shares
     *     add up to more than 1
     */
    public static Spread ofNps(double promotersShare, double detractorsShare) {
        requireShare("promotersShare", promotersShare);
        requireShare("detractorsShare", detractorsShare);
        if (!(promotersShare + detractorsShare <= 1)) {
            throw new IllegalArgumentException("Invalid value for promotersShare + detractorsShare (valid values 0 - 1): "
                    + promotersShare + " + " + detractorsShare);
        }
        double difference = promotersShare - detractorsShare;
        double variance = Math.max(0, promotersShare + detractorsShare - difference * difference);
        return new Spread(Kind.NPS, 100 * Math.sqrt(variance), promotersShare, detractorsShare, Double.NaN, false,
                "NPS(promoters " + promotersShare + ", detractors " + detractorsShare + ")");
    }

    /** The largest spread an NPS response can have: promoters and detractors half each, σ = 100 points. */
    public static Spread npsWorstCase() {
        return new Spread(Kind.NPS, 100, 0.5, 0.5, Double.NaN, true, "NPS(worst case)");
    }

    /**
     * The spread of a yes/no response (such as CSAT top-box: satisfied or not) when the share of
     * yes is expected to be {@code expectedShare}: σ = 100·√(p(1 − p)) percentage points.
     *
     * @throws IllegalArgumentException if the share lies outside [0, 1] or is NaN
     */
    public static Spread ofShare(double expectedShare) {
        requireShare("expectedShare", expectedShare);
        return new Spread(Kind.SHARE, 100 * Math.sqrt(expectedShare * (1 - expectedShare)), Double.NaN, Double.NaN,
                expectedShare, false, "share(" + expectedShare + ")");
    }

    /** The largest spread a yes/no response can have: p = ½, σ = 50 percentage points. */
    public static Spread shareWorstCase() {
        return new Spread(Kind.SHARE, 50, Double.NaN, Double.NaN, 0.5, true, "share(worst case)");
    }

    /**
     * The spread of a response whose mean is estimated, with the expected standard deviation in
     * scale points.
     *
     * @throws IllegalArgumentException if the standard deviation is negative, NaN or infinite
     */
    public static Spread ofStandardDeviation(double standardDeviation) {
        if (!(standardDeviation >= 0 && standardDeviation < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("Invalid value for standardDeviation (valid values 0 <= sd < infinity): "
                    + standardDeviation);
        }
        return new Spread(Kind.MEAN, standardDeviation, Double.NaN, Double.NaN, Double.NaN, false,
                "mean(sd " + standardDeviation + ")");
    }

    /**
     * The largest spread a response on the scale can have, for its mean: σ = (max − min)/2, e.g. 2
     * on 1–5 and 3 on 1–7.
     *
     * @throws NullPointerException if scale is null
     */
    public static Spread worstCase(Scale scale) {
        Objects.requireNonNull(scale, "scale");
        return new Spread(Kind.MEAN, (scale.max() - scale.min()) / 2.0, Double.NaN, Double.NaN, Double.NaN, true,
                "mean(worst case on " + scale + ")");
    }

    private static void requireShare(String name, double share) {
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException("Invalid value for " + name + " (valid values 0 - 1): " + share);
        }
    }

    /** The standard deviation σ of one response, in display units (NPS points, percentage points, scale points). */
    public double standardDeviation() {
        return standardDeviation;
    }

    /** The variance σ² of one response, in squared display units. */
    public double variance() {
        return standardDeviation * standardDeviation;
    }

    /** Whether this is a worst case rather than an expectation. */
    public boolean isWorstCase() {
        return worstCase;
    }

    Kind kind() {
        return kind;
    }

    /** The expected share of a {@link Kind#SHARE} spread (½ for the worst case). */
    double share() {
        return share;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Spread s && s.kind == kind && s.worstCase == worstCase
                && Double.compare(s.standardDeviation, standardDeviation) == 0
                && Double.compare(s.promotersShare, promotersShare) == 0
                && Double.compare(s.detractorsShare, detractorsShare) == 0
                && Double.compare(s.share, share) == 0
                && s.description.equals(description);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, worstCase, standardDeviation, promotersShare, detractorsShare, share, description);
    }

    /** A short description, e.g. {@code NPS(promoters 0.5, detractors 0.2)} or {@code share(worst case)}. */
    @Override
    public String toString() {
        return description;
    }
}
