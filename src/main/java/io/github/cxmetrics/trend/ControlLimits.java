package io.github.cxmetrics.trend;

/**
 * The control limits of one period of a {@link Series}: the band in which the period's score is
 * expected to fall, given the series' long-run level and the period's own n, if nothing but
 * sampling noise were at work.
 *
 * <p>Rule (a Shewhart p-chart with varying n, generalised to NPS and means): centre = the score of
 * all responses of the series pooled; σ₀ = the per-response standard deviation of that pooled
 * distribution in display units (NPS: 100·√(p<sub>P</sub> + p<sub>D</sub> − (p<sub>P</sub> −
 * p<sub>D</sub>)²); CSAT: 100·√(p(1 − p)); CES: the pooled sample standard deviation); limits =
 * centre ± z·σ₀/√n<sub>t</sub>, clipped to the metric's range. A period is out of control when its
 * score lies strictly outside. Montgomery, <i>Introduction to Statistical Quality Control</i>, §7.2
 * (p-chart with variable sample size).
 *
 * <p>Weighted series ({@link Series#ofWeighted}): centre and σ₀ are the weighted score and
 * per-response spread of all responses pooled (weight shares in the formulas above; CES the
 * weighted variance with denominator n<sub>eff</sub> − 1), and n<sub>t</sub> is the period's Kish
 * effective n, (Σw)²/Σw², since the variance of a weighted mean is about σ²/n<sub>eff</sub> (Kish
 * 1965, <i>Survey Sampling</i>, §11.7; Kish 1992, J. Official Statistics 8(2):183–200). This is an
 * approximation: it treats the weights as fixed, as the report's weighted intervals do.
 *
 * <p>An immutable value type.
 *
 * @param center the long-run level (pooled score), in display units
 * @param lower the lower limit for this period's n, in display units
 * @param upper the upper limit for this period's n, in display units
 * @param z the multiple of the standard error, a plain number (3 for classic Shewhart limits)
 *
 * @since 0.1.0
 */
public record ControlLimits(double center, double lower, double upper, double z) {

    /** Whether the score lies strictly below the lower or above the upper limit. */
    public boolean isOutside(double score) {
        return score < lower || score > upper;
    }
}
