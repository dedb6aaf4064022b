package io.github.cxmetrics.survey;

import io.github.cxmetrics.internal.Checks;
import io.github.cxmetrics.stats.Confidence;
import io.github.cxmetrics.stats.Interval;
import io.github.cxmetrics.stats.StudentT;

/**
 * A survey index with its sample size, standard error and Student t interval: one of the indices
 * of a {@link SurveyResult}. The estimate is in index points on the index's range (0–100, or
 * −100…100 for the net index).
 *
 * <p>The interval is estimate ± t<sub>1−α/2, df</sub>·SE, cut to the index's range (an index
 * cannot leave it; a cut limit is the range bound). How SE and df are derived is described where
 * the index is made ({@link SurveyResult}).
 *
 * <p>Empty data: the estimate of no respondents throws {@link IllegalStateException}; so do the
 * standard error and interval when fewer than two respondents define it ({@link #hasSpread()}).
 * Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class IndexScore {
    private final long n;
    private final double estimate;
    private final double standardError;
    private final double degreesOfFreedom;
    private final double min;
    private final double max;

    IndexScore(long n, double estimate, double standardError, double degreesOfFreedom, double min, double max) {
        this.n = n;
        this.estimate = estimate;
        this.standardError = standardError;
        this.degreesOfFreedom = degreesOfFreedom;
        this.min = min;
        this.max = max;
    }

    /** The number of respondents the index is computed from. */
    public long n() {
        return n;
    }

    /** Whether there are no respondents. */
    public boolean isEmpty() {
        return n == 0;
    }

    /** Whether the standard error and interval are defined. */
    public boolean hasSpread() {
        return n > 0 && !Double.isNaN(standardError);
    }

    /**
     * The index.
     *
     * @throws IllegalStateException if there are no respondents
     */
    public double estimate() {
        if (n == 0) {
            throw new IllegalStateException("The index of no respondents is undefined (n = 0)");
        }
        return estimate;
    }

    /**
     * The standard error of the index.
     *
     * @throws IllegalStateException if there are fewer than two respondents for some part of it
     */
    public double standardError() {
        estimate();
        if (Double.isNaN(standardError)) {
            throw new IllegalStateException("The standard error of the index needs at least two respondents per "
                    + "question (n = " + n + ")");
        }
        return standardError;
    }

    /**
     * The degrees of freedom of the t interval.
     *
     * @throws IllegalStateException as {@link #standardError()}
     */
    public double degreesOfFreedom() {
        standardError();
        return degreesOfFreedom;
    }

    /** The 95 % interval. */
    public Interval interval() {
        return interval(Confidence.DEFAULT);
    }

    /**
     * The Student t interval at the given level, cut to the index's range.
     *
     * @throws IllegalArgumentException if the confidence is not in (0, 1)
     * @throws IllegalStateException as {@link #standardError()}
     */
    public Interval interval(double confidence) {
        Checks.confidence(confidence);
        double se = standardError();
        double half = StudentT.criticalValue(confidence, degreesOfFreedom) * se;
        return new Interval(estimate, Math.max(min, estimate - half), Math.min(max, estimate + half), confidence);
    }

    @Override
    public String toString() {
        return n == 0 ? "IndexScore[n=0]" : "IndexScore[n=" + n + ", estimate=" + estimate + "]";
    }
}
