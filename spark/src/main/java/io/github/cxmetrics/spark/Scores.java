package io.github.cxmetrics.spark;

import io.github.cxmetrics.scale.Scale;
import io.github.cxmetrics.tally.WeightedTallyAccumulator;

/** Score and weight checks shared by the aggregators: the core decides, and its messages are kept. */
final class Scores {
    private Scores() {
    }

    /** The index of a score on the scale, or −1 if it is not a whole number on the scale. */
    static int indexOf(int min, int max, double score) {
        if (score >= min && score <= max && score == Math.rint(score)) {
            return (int) score - min;
        }
        return -1;
    }

    /**
     * The core's exception for a score that is not on the scale: an integer-valued score is checked
     * as an {@code int} (message {@code …: 11}), any other value as a double ({@code …: 4.5}).
     */
    static IllegalArgumentException invalidScore(Scale scale, double score) {
        try {
            if (score == Math.rint(score) && Math.abs(score) <= Integer.MAX_VALUE) {
                scale.requireValid((int) score);
            } else {
                scale.scoreOf(score);
            }
        } catch (IllegalArgumentException e) {
            return e;
        }
        throw new IllegalStateException("Score " + score + " is on " + scale + " but was reported invalid");
    }

    /** Whether a weight is accepted by the core's weighted accumulator (null is not). */
    static boolean isValidWeight(Double weight) {
        if (weight == null) {
            return false;
        }
        double w = weight;
        return w == 0 || (w >= WeightedTallyAccumulator.MIN_POSITIVE_WEIGHT && w <= WeightedTallyAccumulator.MAX_WEIGHT);
    }

    /** The core's exception for an invalid weight, and a message in the same form for a missing one. */
    static IllegalArgumentException invalidWeight(Double weight) {
        if (weight == null) {
            return new IllegalArgumentException("Missing value for weight (valid values 0 or 2^-64 - 2^64): null");
        }
        try {
            WeightedTallyAccumulator.requireValidWeight(weight);
        } catch (IllegalArgumentException e) {
            return e;
        }
        throw new IllegalStateException("Weight " + weight + " is valid but was reported invalid");
    }
}
