package io.github.cxmetrics.score;

import io.github.cxmetrics.internal.Checks;
import io.github.cxmetrics.scale.Scale;
import io.github.cxmetrics.tally.Tally;
import io.github.cxmetrics.tally.WeightedTally;

/**
 * The view of a tally that every score is computed from: the raw counts, and "effective counts"
 * per point that sum to the effective sample size. Unweighted, effective counts are the counts.
 * Weighted, they are the weight shares times Kish's n_eff = (Σw)²/Σw², so that every formula
 * written for counts gives the weighted estimate with a variance based on n_eff.
 */
final class Sample {
    final Scale scale;
    final long n;
    final long[] counts;
    final double effectiveN;
    final double[] mass;
    final boolean weighted;

    private Sample(Scale scale, long n, long[] counts, double effectiveN, double[] mass, boolean weighted) {
        this.scale = scale;
        this.n = n;
        this.counts = counts;
        this.effectiveN = effectiveN;
        this.mass = mass;
        this.weighted = weighted;
    }

    static Sample of(Tally tally) {
        long[] counts = tally.counts();
        double[] mass = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            mass[i] = counts[i];
        }
        return new Sample(tally.scale(), tally.n(), counts, tally.n(), mass, false);
    }

    static Sample of(WeightedTally tally) {
        long[] counts = tally.counts();
        double[] mass = new double[counts.length];
        double neff = 0;
        if (tally.sumOfWeights() > 0) {
            neff = tally.effectiveN();
            double total = tally.sumOfWeights();
            for (int i = 0; i < counts.length; i++) {
                mass[i] = tally.sumOfWeights(tally.scale().min() + i) / total * neff;
            }
        }
        return new Sample(tally.scale(), tally.n(), counts, neff, mass, true);
    }

    boolean isEmpty() {
        return n == 0;
    }

    /** Throws unless there is data (and, for weighted data, some weight). */
    void requireData(String what) {
        if (n == 0) {
            throw new IllegalStateException(what + " of no responses is undefined (n = 0)");
        }
        if (effectiveN == 0) {
            throw new IllegalStateException(what + " is undefined: the total weight is zero (n = " + n + ")");
        }
    }

    double massWhere(java.util.function.IntPredicate scorePredicate) {
        double sum = 0;
        for (int i = 0; i < mass.length; i++) {
            if (scorePredicate.test(scale.min() + i)) {
                sum += mass[i];
            }
        }
        return sum;
    }

    long countWhere(java.util.function.IntPredicate scorePredicate) {
        long sum = 0;
        for (int i = 0; i < counts.length; i++) {
            if (scorePredicate.test(scale.min() + i)) {
                sum += counts[i];
            }
        }
        return sum;
    }

    static <S extends Scale> S requireScale(Scale scale, Class<S> type, String kind) {
        if (!type.isInstance(scale)) {
            throw Checks.scaleKindMismatch(kind, scale);
        }
        return type.cast(scale);
    }
}
