package io.github.cxmetrics.trend;

import io.github.cxmetrics.calendar.CalendarPeriod;
import io.github.cxmetrics.stats.Interval;
import io.github.cxmetrics.stats.StudentT;
import io.github.cxmetrics.internal.Checks;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The linear trend of a {@link Series}: the slope of the score per period with its standard
 * error, interval and test, and projections of the level to later periods.
 *
 * <p>Get one from {@link Series#trend()}.
 *
 * <p>Method: a weighted least-squares line through the non-empty periods' scores y<sub>t</sub>
 * against their period index x<sub>t</sub> (0 for the series' first period; gaps keep their
 * place), with weights n<sub>t</sub>. Under a stable process Var(y<sub>t</sub>) =
 * σ₀²/n<sub>t</sub>, with σ₀² the per-response variance of all responses pooled (as for the
 * {@link ControlLimits}); this is the Cochran–Armitage test for trend (Cochran 1954, Biometrics
 * 10:417–451; Armitage 1955, Biometrics 11:375–386) generalised from proportions to NPS and means.
 *
 * <ul>
 *   <li>slope b = Σ n<sub>t</sub>(x<sub>t</sub> − x̄)(y<sub>t</sub> − ȳ)/S<sub>xx</sub>, with
 *       x̄, ȳ the n-weighted means and S<sub>xx</sub> = Σ n<sub>t</sub>(x<sub>t</sub> − x̄)²;</li>
 *   <li>dispersion φ = max(1, X²/(k − 2)), X² = Σ n<sub>t</sub>(y<sub>t</sub> − a −
 *       b·x<sub>t</sub>)²/σ₀² over the k periods: real period-to-period variation beyond sampling
 *       noise widens the standard error instead of producing false trends (quasi-likelihood
 *       over-dispersion; McCullagh &amp; Nelder 1989, §4.5);</li>
 *   <li>SE(b) = √(φ·σ₀²/S<sub>xx</sub>), t = b/SE(b) on k − 2 degrees of freedom, interval b ±
 *       t<sub>1−α/2, k−2</sub>·SE(b).</li>
 * </ul>
 *
 * <p>Why not weights 1/SE<sub>t</sub>² from each period's own standard error: a small period's
 * SE is itself noisy, and it is 0 for a period whose responses all fall in one category (one
 * promoter), which would give that period infinite weight. The pooled σ₀² avoids both. Limitations:
 * the line is straight (no seasonality), periods are assumed independent, and at fewer than about
 * 6 periods the test has little power.
 *
 * <p>Weighted series ({@link Series#ofWeighted}): y<sub>t</sub> are the weighted period scores
 * and n<sub>t</sub> each period's Kish effective n, (Σw)²/Σw², with σ₀² the weighted
 * per-response variance of all responses pooled: Var(y<sub>t</sub>) ≈ σ₀²/n<sub>eff,t</sub> (Kish
 * 1965, <i>Survey Sampling</i>, §11.7). Periods whose weight is 0 count as empty.
 *
 * <p>Needs at least 3 non-empty periods (k − 2 ≥ 1) and a pooled variance; otherwise
 * {@link Series#trend()} is empty. When σ₀ = 0 (every response identical) the slope is 0 with
 * standard error 0 and p-value 1.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class Trend {
    private final CalendarPeriod origin;
    private final int periods;
    private final double slope;
    private final double intercept;
    private final double standardError;
    private final double dispersion;
    private final double degreesOfFreedom;
    private final double statistic;
    private final double pValue;
    private final double confidence;
    private final double critical;
    private final double meanX;
    private final double sumN;
    private final double sxx;
    private final double unitVariance;

    private Trend(CalendarPeriod origin, int periods, double slope, double intercept, double dispersion, double meanX,
            double sumN, double sxx, double unitVariance, double confidence) {
        this.origin = origin;
        this.periods = periods;
        this.slope = slope;
        this.intercept = intercept;
        this.dispersion = dispersion;
        this.meanX = meanX;
        this.sumN = sumN;
        this.sxx = sxx;
        this.unitVariance = unitVariance;
        this.confidence = confidence;
        this.degreesOfFreedom = periods - 2;
        this.standardError = Math.sqrt(dispersion * unitVariance / sxx);
        this.critical = StudentT.criticalValue(confidence, degreesOfFreedom);
        if (standardError == 0) {
            this.statistic = 0;
            this.pValue = 1;
        } else {
            this.statistic = slope / standardError;
            this.pValue = StudentT.twoSidedPValue(statistic, degreesOfFreedom);
        }
    }

    /**
     * Fits the line; null when fewer than 3 periods have data.
     *
     * @param x period indexes (from the origin) of the non-empty periods
     * @param n their response counts
     * @param y their scores
     */
    static Trend fit(CalendarPeriod origin, double[] x, double[] n, double[] y, double unitVariance, double confidence) {
        int k = x.length;
        if (k < 3) {
            return null;
        }
        double sumN = 0;
        double sx = 0;
        double sy = 0;
        for (int i = 0; i < k; i++) {
            sumN += n[i];
            sx += n[i] * x[i];
            sy += n[i] * y[i];
        }
        double mx = sx / sumN;
        double my = sy / sumN;
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < k; i++) {
            sxx += n[i] * (x[i] - mx) * (x[i] - mx);
            sxy += n[i] * (x[i] - mx) * (y[i] - my);
        }
        double b = sxy / sxx;
        double a = my - b * mx;
        double dispersion = 1;
        if (unitVariance > 0) {
            double chi2 = 0;
            for (int i = 0; i < k; i++) {
                double r = y[i] - a - b * x[i];
                chi2 += n[i] * r * r;
            }
            dispersion = Math.max(1, chi2 / unitVariance / (k - 2));
        } else {
            b = 0;
            a = my;
        }
        return new Trend(origin, k, b, a, dispersion, mx, sumN, sxx, unitVariance, confidence);
    }

    /**
     * The trend line of per-period estimates of any measure (a weighted score, a mean response
     * time, a share), fitted exactly as {@link Series#trend()} fits scores: weighted least squares
     * with weights w<sub>t</sub> (the periods' response counts, or Kish's effective n with
     * weights), Var(y<sub>t</sub>) = σ₀²/w<sub>t</sub>, and the dispersion φ that widens the
     * standard error when periods scatter more than that (see the class comment). The period
     * index of each estimate is its distance from the first period given.
     *
     * @param periods the periods, ascending, all of one granularity and zone
     * @param weights the weight of each period's estimate, &gt; 0
     * @param estimates the estimates, in the measure's display unit
     * @param unitVariance σ₀², the variance of one response in the display unit squared (for
     *     example n·SE² of the estimate over all periods pooled), ≥ 0
     * @param confidence the confidence level of the slope's and projections' intervals
     * @return the trend, or empty with fewer than 3 periods
     * @throws IllegalArgumentException if the lengths differ, the periods are not ascending or of
     *     different granularities or zones, a weight is not positive and finite, an estimate is not
     *     finite, the unit variance is negative or not finite, or the confidence is not in (0, 1)
     */
    public static Optional<Trend> ofEstimates(List<CalendarPeriod> periods, double[] weights, double[] estimates,
            double unitVariance, double confidence) {
        Objects.requireNonNull(periods, "periods");
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(estimates, "estimates");
        Checks.confidence(confidence);
        int k = periods.size();
        if (weights.length != k || estimates.length != k) {
            throw new IllegalArgumentException("Invalid trend input (valid: one weight and one estimate per period): "
                    + k + " periods, " + weights.length + " weights, " + estimates.length + " estimates");
        }
        if (!(unitVariance >= 0 && Double.isFinite(unitVariance))) {
            throw new IllegalArgumentException("Invalid value for unit variance (valid values >= 0, finite): "
                    + unitVariance);
        }
        if (k == 0) {
            return Optional.empty();
        }
        CalendarPeriod origin = periods.get(0);
        double[] x = new double[k];
        for (int i = 0; i < k; i++) {
            CalendarPeriod p = Objects.requireNonNull(periods.get(i), "period");
            if (!(weights[i] > 0 && Double.isFinite(weights[i]))) {
                throw new IllegalArgumentException("Invalid weight for " + p.label() + " (valid values > 0, finite): "
                        + weights[i]);
            }
            if (!Double.isFinite(estimates[i])) {
                throw new IllegalArgumentException("Invalid estimate for " + p.label() + " (valid values finite): "
                        + estimates[i]);
            }
            x[i] = origin.until(p);
            if (i > 0 && !(x[i] > x[i - 1])) {
                throw new IllegalArgumentException("Invalid trend input (valid: periods ascending): " + periods.get(i - 1)
                        .label() + ", " + p.label());
            }
        }
        return Optional.ofNullable(fit(origin, x, weights.clone(), estimates.clone(), unitVariance, confidence));
    }

    /** The period with index 0, from which projections count periods. */
    public CalendarPeriod origin() {
        return origin;
    }

    /** The change of the score per period, in display units. */
    public double slope() {
        return slope;
    }

    /** The fitted level at the series' first period, in display units. */
    public double intercept() {
        return intercept;
    }

    /** The standard error of the slope. */
    public double standardError() {
        return standardError;
    }

    /** The lower confidence limit of the slope. */
    public double lower() {
        return slope - critical * standardError;
    }

    /** The upper confidence limit of the slope. */
    public double upper() {
        return slope + critical * standardError;
    }

    /** The t statistic of the slope. */
    public double statistic() {
        return statistic;
    }

    /** The degrees of freedom, k − 2. */
    public double degreesOfFreedom() {
        return degreesOfFreedom;
    }

    /** The two-sided p-value of the slope against 0. */
    public double pValue() {
        return pValue;
    }

    /** The confidence level of the intervals. */
    public double confidence() {
        return confidence;
    }

    /** The number of non-empty periods the line was fitted to. */
    public int periods() {
        return periods;
    }

    /** The dispersion factor φ ≥ 1 that widened the standard error (1: sampling noise explains the scatter). */
    public double dispersion() {
        return dispersion;
    }

    /** RISING or FALLING when p &lt; 1 − confidence, FLAT otherwise. */
    public TrendDirection direction() {
        if (pValue < 1 - confidence) {
            return slope > 0 ? TrendDirection.RISING : TrendDirection.FALLING;
        }
        return TrendDirection.FLAT;
    }

    /**
     * The fitted level at a period (usually a later one), with the interval of that level: a +
     * b·x ± t<sub>1−α/2, k−2</sub>·√(φσ₀²(1/Σn + (x − x̄)²/S<sub>xx</sub>)). This is the
     * uncertainty of the line's level, not of one future period's observed score (which adds that
     * period's own sampling noise).
     *
     * @throws IllegalArgumentException if the period's granularity or zone differs from the series'
     */
    public Interval projectedAt(CalendarPeriod period) {
        Objects.requireNonNull(period, "period");
        double x = origin.until(period);
        double centre = intercept + slope * x;
        double se = Math.sqrt(dispersion * unitVariance * (1 / sumN + (x - meanX) * (x - meanX) / sxx));
        return new Interval(centre, centre - critical * se, centre + critical * se, confidence);
    }

    /**
     * The prediction interval of the score that one future period will show, with {@code n}
     * responses: a + b·x ± t<sub>1−α/2, k−2</sub>·√(φσ₀²(1/n + 1/Σn + (x − x̄)²/S<sub>xx</sub>)),
     * the level's uncertainty ({@link #projectedAt}) plus that period's own sampling noise
     * (Draper &amp; Smith 1998, Applied Regression Analysis, 3rd ed., §3.1, with the weights and
     * the dispersion of this line).
     *
     * @param n the responses expected in that period, positive (e.g. {@link #meanResponsesPerPeriod()})
     * @throws IllegalArgumentException if n is not positive, or the period's granularity or zone
     *     differs from the series'
     */
    public Interval predictedAt(CalendarPeriod period, double n) {
        Objects.requireNonNull(period, "period");
        if (!(n > 0) || Double.isInfinite(n)) {
            throw new IllegalArgumentException("Invalid value for n (valid values > 0): " + n);
        }
        double x = origin.until(period);
        double centre = intercept + slope * x;
        double se = predictionStandardError(x, n);
        return new Interval(centre, centre - critical * se, centre + critical * se, confidence);
    }

    /**
     * The probability that the score one future period shows, with {@code n} responses, is at
     * least {@code value}: 1 − T<sub>k−2</sub>((value − (a + b·x)) / s<sub>pred</sub>), with the
     * prediction standard error of {@link #predictedAt}. When σ₀ = 0 it is 1 or 0.
     *
     * @throws IllegalArgumentException as {@link #predictedAt}, or if the value is NaN
     */
    public double probabilityAtLeast(CalendarPeriod period, double n, double value) {
        Objects.requireNonNull(period, "period");
        if (Double.isNaN(value)) {
            throw new IllegalArgumentException("Invalid value (valid values: a number): NaN");
        }
        if (!(n > 0) || Double.isInfinite(n)) {
            throw new IllegalArgumentException("Invalid value for n (valid values > 0): " + n);
        }
        double x = origin.until(period);
        double centre = intercept + slope * x;
        double se = predictionStandardError(x, n);
        if (se == 0) {
            return centre >= value ? 1 : 0;
        }
        return StudentT.upperTail((value - centre) / se, degreesOfFreedom);
    }

    private double predictionStandardError(double x, double n) {
        return Math.sqrt(dispersion * unitVariance * (1 / n + 1 / sumN + (x - meanX) * (x - meanX) / sxx));
    }

    /** The mean number of responses of the periods the line was fitted to, Σn / k. */
    public double meanResponsesPerPeriod() {
        return sumN / periods;
    }

    @Override
    public String toString() {
        return "Trend[slope=" + slope + " per period, se=" + standardError + ", p=" + pValue + ", periods=" + periods
                + "]";
    }
}
