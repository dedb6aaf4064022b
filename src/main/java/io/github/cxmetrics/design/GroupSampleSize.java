package io.github.cxmetrics.design;

import io.github.cxmetrics.internal.Checks;
import io.github.cxmetrics.stats.Normal;
import java.util.Objects;

/**
 * How many responses each of two equal groups needs so that a two-sided test at level α detects a
 * given difference with a given power: "how many answers per channel to see NPS +10?".
 *
 * <p>Get one with {@link #forDifference(Spread, double, double, double)} (both groups with the same
 * expected spread), {@link #forDifference(Spread, Spread, double, double, double)} (NPS or means
 * with a spread per group) or {@link #forShares(double, double, double, double)} (two shares).
 * Differences are in display units: NPS points, percentage points, scale points; the sign only
 * matters for shares.
 *
 * <p>Formulas, with z<sub>α</sub> = Φ⁻¹(1 − α/2) (α = 1 − confidence) and z<sub>β</sub> = Φ⁻¹(power):
 * <ul>
 *   <li>NPS and means, the z-test of two independent means with known variances, equal allocation
 *       (Chow, Shao &amp; Wang 2008, Sample Size Calculations in Clinical Research, 2nd ed., §3.2.1;
 *       for NPS the variances are Rocks's, see {@link Spread#ofNps(double, double)}):
 *       <pre>  n = (z_α + z_β)²·(σ₁² + σ₂²)/Δ²</pre>
 *       With one spread for both groups, σ₁ = σ₂ = σ (the common-variance assumption).</li>
 *   <li>Two shares p₁ and p₂, the pooled z-test (the test {@code Comparisons.csat} uses; Fleiss,
 *       Levin &amp; Paik 2003, Statistical Methods for Rates and Proportions, 3rd ed., ch. 4, n′
 *       without continuity correction), with p̄ = (p₁ + p₂)/2:
 *       <pre>  n = [z_α·√(2·p̄(1 − p̄)) + z_β·√(p₁(1 − p₁) + p₂(1 − p₂))]²/(p₂ − p₁)²</pre>
 *       From an expected share p and a difference Δ: p₁ = p, p₂ = p + Δ/100. In the worst case
 *       (share unknown) p₁ = ½ − Δ/200 and p₂ = ½ + Δ/200, which maximises both variance terms for
 *       a given Δ.</li>
 * </ul>
 * n is rounded up as in {@link SampleSize}.
 *
 * <p>Worked example, NPS +10 points, worst case σ₁ = σ₂ = 100, 95 % and power 0.8:
 * z<sub>α</sub> + z<sub>β</sub> = 1.959964 + 0.841621 = 2.801585, squared 7.848880;
 * n = 7.848880·20000/100 = 1569.78, so 1570 per group.
 *
 * @param nPerGroup the number of responses in each group (a count)
 * @param difference the difference to detect, in display units (NPS points, percentage points, scale
 *     points)
 * @param confidence the confidence level 1 − α of the two-sided test, a probability in (0, 1)
 * @param power the probability of detecting the difference, 1 − β, a probability in (0, 1)
 * @param group1 the expected spread in the first group (for shares: its share p₁)
 * @param group2 the expected spread in the second group (for shares: its share p₂)
 *
 * @since 0.1.0
 */
public record GroupSampleSize(long nPerGroup, double difference, double confidence, double power, Spread group1,
        Spread group2) {

    /**
     * Checks the ranges of the components (not that they are consistent with each other: use the
     * factories for that).
     *
     * @throws IllegalArgumentException if nPerGroup &lt; 1, the difference is 0 or not finite, the
     *     confidence is outside (0, 1) or the power outside [0.5, 1)
     * @throws NullPointerException if a spread is null
     */
    public GroupSampleSize {
        Objects.requireNonNull(group1, "group1");
        Objects.requireNonNull(group2, "group2");
        if (nPerGroup < 1) {
            throw new IllegalArgumentException("Invalid value for nPerGroup (valid values n >= 1): " + nPerGroup);
        }
        requireDifference(difference);
        Checks.confidence(confidence);
        requirePower(power);
    }

    /**
     * The n per group to detect a difference when both groups have the expected spread: for NPS
     * and means n = (z<sub>α</sub> + z<sub>β</sub>)²·2σ²/Δ²; for a share spread the pooled
     * two-proportion form with p₁ the expected share and p₂ = p₁ + Δ/100 (or p₁,₂ = ½ ∓ Δ/200 for
     * {@link Spread#shareWorstCase()}).
     *
     * @param spread the expected spread of one response in either group
     * @param difference the difference to detect, non-zero, in display units
     * @param confidence the confidence level of the two-sided test, e.g. 0.95
     * @param power the power, e.g. 0.8
     * @throws IllegalArgumentException if the difference is 0 or not finite, the confidence is
     *     outside (0, 1), the power outside [0.5, 1), for a share if p₂ falls outside [0, 1], or
     *     if n would exceed 2^53
     */
    public static GroupSampleSize forDifference(Spread spread, double difference, double confidence, double power) {
        Objects.requireNonNull(spread, "spread");
        requireDifference(difference);
        Checks.confidence(confidence);
        requirePower(power);
        if (spread.kind() == Spread.Kind.SHARE) {
            double p1;
            double p2;
            if (spread.isWorstCase()) {
                if (!(Math.abs(difference) <= 100)) {
                    throw new IllegalArgumentException("Invalid value for difference (valid values -100 - 100 "
                            + "percentage points): " + difference);
                }
                p1 = 0.5 - difference / 200;
                p2 = 0.5 + difference / 200;
            } else {
                p1 = spread.share();
                p2 = p1 + difference / 100;
                if (!(p2 >= 0 && p2 <= 1)) {
                    throw new IllegalArgumentException("Invalid value for difference (valid values with expected share "
                            + p1 + ": " + (-100 * p1) + " - " + (100 * (1 - p1)) + " percentage points): "
                            + difference);
                }
            }
            return shares(p1, p2, difference, confidence, power);
        }
        return unpooled(spread, spread, difference, confidence, power);
    }

    /**
     * The n per group to detect a difference of NPS or of means when each group has its own
     * expected spread: n = (z<sub>α</sub> + z<sub>β</sub>)²·(σ₁² + σ₂²)/Δ².
     *
     * @throws IllegalArgumentException if the spreads are of different kinds or are shares (use
     *     {@link #forShares(double, double, double, double)}), or as
     *     {@link #forDifference(Spread, double, double, double)}
     */
    public static GroupSampleSize forDifference(Spread group1, Spread group2, double difference, double confidence,
            double power) {
        Objects.requireNonNull(group1, "group1");
        Objects.requireNonNull(group2, "group2");
        if (group1.kind() != group2.kind()) {
            throw new IllegalArgumentException("Spread mismatch: " + group1 + " / " + group2);
        }
        if (group1.kind() == Spread.Kind.SHARE) {
            throw new IllegalArgumentException("Two shares are compared with forShares(share1, share2, confidence, "
                    + "power): " + group1 + " / " + group2);
        }
        requireDifference(difference);
        Checks.confidence(confidence);
        requirePower(power);
        return unpooled(group1, group2, difference, confidence, power);
    }

    /**
     * The n per group for the pooled two-proportion z-test to detect share {@code share2} against
     * {@code share1} (Fleiss, Levin &amp; Paik 2003, ch. 4, without continuity correction). The
     * difference recorded is 100·(share2 − share1) percentage points.
     *
     * @throws IllegalArgumentException if a share lies outside [0, 1], the shares are equal, the
     *     confidence is outside (0, 1) or the power outside [0.5, 1)
     */
    public static GroupSampleSize forShares(double share1, double share2, double confidence, double power) {
        Spread.ofShare(share1);
        Spread.ofShare(share2);
        if (share1 == share2) {
            throw new IllegalArgumentException("Invalid value for share2 (valid values any share other than share1 "
                    + share1 + "): " + share2);
        }
        Checks.confidence(confidence);
        requirePower(power);
        return shares(share1, share2, 100 * (share2 - share1), confidence, power);
    }

    private static GroupSampleSize shares(double p1, double p2, double difference, double confidence, double power) {
        double zAlpha = Normal.criticalValue(confidence);
        double zBeta = Normal.quantile(power);
        double mean = (p1 + p2) / 2;
        double root = zAlpha * Math.sqrt(2 * mean * (1 - mean)) + zBeta * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2));
        double delta = p2 - p1;
        double n = root * root / (delta * delta);
        return new GroupSampleSize(checkedRoundUp(n, difference), difference, confidence, power, Spread.ofShare(p1),
                Spread.ofShare(p2));
    }

    private static GroupSampleSize unpooled(Spread group1, Spread group2, double difference, double confidence,
            double power) {
        double z = Normal.criticalValue(confidence) + Normal.quantile(power);
        double n = z * z * (group1.variance() + group2.variance()) / (difference * difference);
        return new GroupSampleSize(checkedRoundUp(n, difference), difference, confidence, power, group1, group2);
    }

    private static long checkedRoundUp(double n, double difference) {
        if (!(n <= SampleSize.MAX_N)) {
            throw new IllegalArgumentException("Invalid value for difference (too small: n would exceed 2^53): "
                    + difference);
        }
        return SampleSize.roundUp(n);
    }

    private static void requireDifference(double difference) {
        if (!(difference != 0 && Math.abs(difference) < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("Invalid value for difference (valid values finite, not 0): "
                    + difference);
        }
    }

    private static void requirePower(double power) {
        if (!(power >= 0.5 && power < 1)) {
            throw new IllegalArgumentException("Invalid value for power (valid values 0.5 <= power < 1): " + power);
        }
    }
}
