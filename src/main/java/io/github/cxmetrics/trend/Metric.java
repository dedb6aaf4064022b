package io.github.cxmetrics.trend;

import io.github.cxmetrics.internal.Checks;
import io.github.cxmetrics.internal.PercentValues;
import io.github.cxmetrics.scale.CesScale;
import io.github.cxmetrics.scale.CsatScale;
import io.github.cxmetrics.scale.Direction;
import io.github.cxmetrics.scale.NpsScale;
import io.github.cxmetrics.scale.Scale;
import io.github.cxmetrics.score.Ces;
import io.github.cxmetrics.score.Comparisons;
import io.github.cxmetrics.score.Csat;
import io.github.cxmetrics.score.Mean;
import io.github.cxmetrics.score.Nps;
import io.github.cxmetrics.score.Proportion;
import io.github.cxmetrics.stats.Comparison;
import io.github.cxmetrics.stats.Interval;
import io.github.cxmetrics.stats.Normal;
import io.github.cxmetrics.stats.ProportionInterval;
import io.github.cxmetrics.stats.StudentT;
import io.github.cxmetrics.tally.Tally;
import io.github.cxmetrics.tally.WeightedTally;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The headline score of each survey kind, so that series, segments and targets work the same way
 * for NPS, CSAT and CES. Every value is in the metric's display unit.
 *
 * <table>
 *   <caption>Metrics, units and methods</caption>
 *   <tr><th>metric</th><th>score (unit)</th><th>interval</th><th>two groups</th><th>against a value</th></tr>
 *   <tr><td>{@link #NPS}</td><td>NPS points, −100…100</td><td>adjusted Wald, clipped</td>
 *       <td>adjusted-Wald z</td><td>adjusted-Wald z</td></tr>
 *   <tr><td>{@link #CSAT}</td><td>% satisfied (top box), 0…100</td><td>Wilson</td>
 *       <td>pooled z, Newcombe interval</td><td>score z, Wilson interval</td></tr>
 *   <tr><td>{@link #CES}</td><td>mean on the scale</td><td>Student t</td><td>Welch t</td>
 *       <td>one-sample t</td></tr>
 * </table>
 *
 * <p>Data requirements: the score needs n ≥ 1; the interval and comparisons need n ≥ 1 for NPS and
 * CSAT and n ≥ 2 for CES (a mean of one response has no spread). Methods that compute throw
 * {@link IllegalStateException} when the data fall short ({@link #hasScore(Tally)} and
 * {@link #hasInterval(Tally)} tell in advance), and {@link IllegalArgumentException} when the
 * tally's scale belongs to another metric.
 *
 * @since 0.1.0
 */
public enum Metric {
    /** Net Promoter Score on an {@link NpsScale}. */
    NPS(NpsScale.class),
    /** CSAT, percentage satisfied (top box) on a {@link CsatScale}. */
    CSAT(CsatScale.class),
    /** CES, the mean on a {@link CesScale}. */
    CES(CesScale.class);

    private final Class<? extends Scale> scaleType;

    Metric(Class<? extends Scale> scaleType) {
        this.scaleType = scaleType;
    }

    /**
     * The metric named {@code nps}, {@code csat} or {@code ces}, ignoring case and spaces.
     *
     * @throws IllegalArgumentException for any other text
     */
    public static Metric parse(String text) {
        Objects.requireNonNull(text, "text");
        switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "nps": return NPS;
            case "csat": return CSAT;
            case "ces": return CES;
            default:
                throw new IllegalArgumentException("Invalid value for metric (valid values nps, csat, ces): " + text);
        }
    }

    /** The metric's name in lower case, as in JSON and target expressions: {@code nps}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the scale belongs to this metric. */
    public boolean accepts(Scale scale) {
        return scaleType.isInstance(Objects.requireNonNull(scale, "scale"));
    }

    /**
     * Checks that the scale belongs to this metric.
     *
     * @throws IllegalArgumentException {@code Scale mismatch: an NPS scale / CSAT[1..5]}
     */
    public void requireScale(Scale scale) {
        if (!accepts(scale)) {
            throw Checks.scaleKindMismatch(name(), scale);
        }
    }

    /** Whether a higher score is better on this scale (NPS and CSAT always; CES per its direction). */
    public boolean isHigherBetter(Scale scale) {
        requireScale(scale);
        return this != CES || scale.direction() == Direction.HIGHER_IS_BETTER;
    }

    /** The lowest possible score on the scale in display units (−100, 0, or the scale's minimum). */
    public double minScore(Scale scale) {
        requireScale(scale);
        return this == NPS ? -100 : this == CSAT ? 0 : scale.min();
    }

    /** The highest possible score on the scale in display units (100, 100, or the scale's maximum). */
    public double maxScore(Scale scale) {
        requireScale(scale);
        return this == CES ? scale.max() : 100;
    }

    /** Whether the tally has a score: n ≥ 1. */
    public boolean hasScore(Tally tally) {
        requireScale(tally.scale());
        return !tally.isEmpty();
    }

    /** Whether the tally has an interval and can be compared: n ≥ 1 (NPS, CSAT) or n ≥ 2 (CES). */
    public boolean hasInterval(Tally tally) {
        requireScale(tally.scale());
        return tally.n() >= (this == CES ? 2 : 1);
    }

    /** Whether the weighted tally has a score: n ≥ 1 and a positive total weight. */
    public boolean hasScore(WeightedTally tally) {
        requireScale(tally.scale());
        return !tally.isEmpty() && tally.sumOfWeights() > 0;
    }

    /**
     * Whether the weighted tally has an interval and can be compared: a positive total weight, and
     * for CES Kish's effective n above 1 (the weighted counterpart of n ≥ 2).
     */
    public boolean hasInterval(WeightedTally tally) {
        if (!hasScore(tally)) {
            return false;
        }
        return this != CES || tally.effectiveN() > 1;
    }

    /**
     * The score in display units.
     *
     * @throws IllegalStateException if the tally is empty
     */
    public double score(Tally tally) {
        requireScale(tally.scale());
        switch (this) {
            case NPS: return Nps.of(tally).score();
            case CSAT: return Csat.of(tally).score();
            default: return Ces.of(tally).score();
        }
    }

    /** The weighted score in display units. */
    public double score(WeightedTally tally) {
        requireScale(tally.scale());
        switch (this) {
            case NPS: return Nps.of(tally).score();
            case CSAT: return Csat.of(tally).score();
            default: return Ces.of(tally).score();
        }
    }

    /**
     * The default interval of the score in display units.
     *
     * @throws IllegalStateException if the tally has too few responses
     */
    public Interval interval(Tally tally, double confidence) {
        requireScale(tally.scale());
        switch (this) {
            case NPS: return Nps.of(tally).interval(confidence);
            case CSAT: return Csat.of(tally).interval(confidence);
            default: return Ces.of(tally).interval(confidence);
        }
    }

    /** The default interval of the weighted score (Kish's effective n). */
    public Interval interval(WeightedTally tally, double confidence) {
        requireScale(tally.scale());
        switch (this) {
            case NPS: return Nps.of(tally).interval(confidence);
            case CSAT: return Csat.of(tally).interval(confidence);
            default: return Ces.of(tally).interval(confidence);
        }
    }

    /**
     * The standard error of the score in display units: NPS 100·√(var/n), CSAT 100·√(p(1 − p)/n),
     * CES s/√n.
     *
     * @throws IllegalStateException if the tally has too few responses
     */
    public double standardError(Tally tally) {
        requireScale(tally.scale());
        switch (this) {
            case NPS: return Nps.of(tally).standardError();
            case CSAT: return 100 * Csat.of(tally).satisfiedShare().standardError();
            default: return Ces.of(tally).mean().standardError();
        }
    }

    /**
     * The difference {@code a − b} with the default two-group test.
     *
     * @throws IllegalArgumentException if the scales differ or the confidence is not in (0, 1)
     * @throws IllegalStateException if a group has too few responses, or the test is undefined
     *     (CES: both groups constant at different values)
     */
    public Comparison compare(Tally a, Tally b, double confidence) {
        requireScale(a.scale());
        requireScale(b.scale());
        switch (this) {
            case NPS: return Comparisons.nps(Nps.of(a), Nps.of(b), confidence);
            case CSAT: return Comparisons.csat(Csat.of(a), Csat.of(b), confidence);
            default: return Comparisons.ces(Ces.of(a), Ces.of(b), confidence);
        }
    }

    /** The weighted difference {@code a − b} with the default test on effective counts. */
    public Comparison compare(WeightedTally a, WeightedTally b, double confidence) {
        requireScale(a.scale());
        requireScale(b.scale());
        switch (this) {
            case NPS: return Comparisons.nps(Nps.of(a), Nps.of(b), confidence);
            case CSAT: return Comparisons.csat(Csat.of(a), Csat.of(b), confidence);
            default: return Comparisons.ces(Ces.of(a), Ces.of(b), confidence);
        }
    }

    /**
     * As {@link #compare(Tally, Tally, double)}, but empty instead of throwing when a group has too
     * few responses ({@link #hasInterval(Tally)}) or the test is undefined.
     *
     * @throws IllegalArgumentException if the scales differ or the confidence is not in (0, 1)
     */
    public Optional<Comparison> compareIfDefined(Tally a, Tally b, double confidence) {
        Checks.confidence(confidence);
        if (!a.scale().equals(b.scale())) {
            throw Checks.scaleMismatch(a.scale(), b.scale());
        }
        if (!hasInterval(a) || !hasInterval(b)) {
            return Optional.empty();
        }
        try {
            return Optional.of(compare(a, b, confidence));
        } catch (IllegalStateException undefined) {
            return Optional.empty();
        }
    }

    /**
     * As {@link #compare(WeightedTally, WeightedTally, double)}, but empty instead of throwing when a
     * group has no interval ({@link #hasInterval(WeightedTally)}) or the test is undefined.
     *
     * @throws IllegalArgumentException if the scales differ or the confidence is not in (0, 1)
     */
    public Optional<Comparison> compareIfDefined(WeightedTally a, WeightedTally b, double confidence) {
        Checks.confidence(confidence);
        if (!a.scale().equals(b.scale())) {
            throw Checks.scaleMismatch(a.scale(), b.scale());
        }
        if (!hasInterval(a) || !hasInterval(b)) {
            return Optional.empty();
        }
        try {
            return Optional.of(compare(a, b, confidence));
        } catch (IllegalStateException undefined) {
            return Optional.empty();
        }
    }

    /**
     * The score against a fixed value such as an industry benchmark: difference score − value in
     * display units, with a one-sample test.
     *
     * <ul>
     *   <li>NPS: the adjusted-Wald z-test ({@link Nps#versusBenchmark(double, double)}).</li>
     *   <li>CSAT: the score test for one proportion, z = (p̂ − p₀)/√(p₀(1 − p₀)/n), whose
     *       inversion is the Wilson interval; the interval of the difference is the Wilson
     *       interval minus p₀. The value is in percent and must lie strictly inside (0, 100); a
     *       value that looks like a fraction, 0 &lt; v ≤ 1, is refused (65 % is 65, not 0.65).</li>
     *   <li>CES: the one-sample t-test, t = (mean − μ₀)/(s/√n) on n − 1 df, with the Student t
     *       interval minus μ₀.</li>
     * </ul>
     *
     * @throws IllegalArgumentException if the value lies outside the metric's range on the scale
     *     (CSAT: not strictly between 0 and 100, or looks like a fraction, 0 &lt; v ≤ 1), or the
     *     confidence is not in (0, 1)
     * @throws IllegalStateException if the tally has too few responses, or (CES) every response
     *     is the same and differs from the value
     */
    public Comparison versus(Tally tally, double value, double confidence) {
        return versus(tally.scale(), () -> Nps.of(tally), () -> Csat.of(tally).satisfiedShare(),
                () -> Ces.of(tally).mean(), value, confidence);
    }

    /**
     * As {@link #versus(Tally, double, double)} for a weighted tally: the weighted score against the
     * value, with Kish's effective n wherever the test needs an n (the NPS adjusted-Wald test on the
     * effective counts, the CSAT score z with the null variance p₀(1 − p₀)/n<sub>eff</sub> and the
     * weighted Wilson interval, the CES t-test on n<sub>eff</sub> − 1 degrees of freedom); with
     * every weight 1 it is exactly the unweighted test.
     *
     * @throws IllegalArgumentException as {@link #versus(Tally, double, double)}
     * @throws IllegalStateException as {@link #versus(Tally, double, double)}
     */
    public Comparison versus(WeightedTally tally, double value, double confidence) {
        return versus(tally.scale(), () -> Nps.of(tally), () -> Csat.of(tally).satisfiedShare(),
                () -> Ces.of(tally).mean(), value, confidence);
    }

    /** The benchmark test of this metric on the score its tally gives (only the metric's own is built). */
    private Comparison versus(Scale scale, java.util.function.Supplier<Nps> nps,
            java.util.function.Supplier<Proportion> satisfied, java.util.function.Supplier<Mean> mean, double value,
            double confidence) {
        checkBenchmark(scale, value, confidence);
        switch (this) {
            case NPS:
                return nps.get().versusBenchmark(value, confidence);
            case CSAT:
                return shareVersus(satisfied.get(), value, confidence);
            default:
                return meanVersus(mean.get(), value, confidence);
        }
    }

    /** Checks the scale, the confidence and the benchmark value against the metric's range. */
    private void checkBenchmark(Scale scale, double value, double confidence) {
        requireScale(scale);
        Checks.confidence(confidence);
        double min = minScore(scale);
        double max = maxScore(scale);
        boolean open = this == CSAT;
        if (!(open ? value > min && value < max : value >= min && value <= max)) {
            throw new IllegalArgumentException("Invalid value for " + key() + " benchmark (valid values " + min
                    + (open ? " < v < " : " - ") + max + "): " + value);
        }
        if (this == CSAT) {
            PercentValues.requirePercent("csat benchmark", value);
        }
    }

    /** The satisfied share against p₀ = value/100: score z with the null variance, Wilson interval − p₀. */
    private static Comparison shareVersus(Proportion p, double value, double confidence) {
        double p0 = value / 100;
        double diff = p.estimate() - p0;
        Interval wilson = p.interval(confidence, ProportionInterval.WILSON);
        double se0 = Math.sqrt(p0 * (1 - p0) / p.effectiveN());
        double z = diff / se0;
        return new Comparison(100 * diff, 100 * p.standardError(), 100 * (wilson.lower() - p0),
                100 * (wilson.upper() - p0), 100 * diff, 100 * se0, z, Double.POSITIVE_INFINITY,
                Normal.twoSidedPValue(z), confidence);
    }

    /** The one-sample t-test of a mean against the value, on n<sub>eff</sub> − 1 degrees of freedom. */
    private static Comparison meanVersus(Mean m, double value, double confidence) {
        double diff = m.value() - value;
        double se = m.standardError();
        double df = m.effectiveN() - 1;
        if (se == 0) {
            if (diff != 0) {
                throw new IllegalStateException("Test undefined: every response is " + m.value()
                        + " (standard error 0) while the benchmark is " + value);
            }
            return new Comparison(0, 0, 0, 0, 0, 0, 0, df, 1, confidence);
        }
        double t = diff / se;
        double crit = StudentT.criticalValue(confidence, df);
        return new Comparison(diff, se, diff - crit * se, diff + crit * se, diff, se, t, df,
                StudentT.twoSidedPValue(t, df), confidence);
    }

    /**
     * The per-response variance in display units squared, of the distribution in the tally: NPS
     * 100²·(p<sub>P</sub> + p<sub>D</sub> − (p<sub>P</sub> − p<sub>D</sub>)²), CSAT 100²·p(1 − p),
     * CES the sample variance (n − 1). Needs {@link #hasInterval(Tally)}.
     */
    double unitVariance(Tally tally) {
        switch (this) {
            case NPS: return 10_000 * Nps.of(tally).variance();
            case CSAT: {
                double p = Csat.of(tally).satisfiedShare().estimate();
                return 10_000 * p * (1 - p);
            }
            default: return Ces.of(tally).mean().variance();
        }
    }

    /**
     * The weighted per-response variance in display units squared: the same formulas as
     * {@link #unitVariance(Tally)} on weight shares (NPS, CSAT), and for CES the weighted sample
     * variance with denominator n<sub>eff</sub> − 1 ({@link Mean#variance()}). Needs
     * {@link #hasInterval(WeightedTally)}.
     */
    double unitVariance(WeightedTally tally) {
        switch (this) {
            case NPS: return 10_000 * Nps.of(tally).variance();
            case CSAT: {
                double p = Csat.of(tally).satisfiedShare().estimate();
                return 10_000 * p * (1 - p);
            }
            default: return Ces.of(tally).mean().variance();
        }
    }
}
