package io.github.cxmetrics.spark;

import io.github.cxmetrics.scale.Scale;
import io.github.cxmetrics.stats.Confidence;
import io.github.cxmetrics.tally.Tally;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Aggregator;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;

/**
 * A Spark {@link Aggregator} of scores into the core's exact {@link Tally}, finished as NPS, CSAT or
 * CES (chosen by the scale's type) with n, standard error and interval: the struct described in
 * {@link ScoreRows}.
 *
 * <p>Get one with {@link #of(Scale)}; {@link #withConfidence(double)} and
 * {@link #withInvalidScores(InvalidScores)} return changed copies. Use it as a column with
 * {@link #apply(Column)}, register it for SQL with {@link #toUdaf()}
 * ({@code spark.udf().register("nps", ScoreAggregator.of(NpsScale.STANDARD).toUdaf())}), or on a
 * {@code Dataset<Double>} with {@link #toColumn()}. {@link CxMetricsFunctions} has the common ones.
 *
 * <p>Input: one numeric score column (any numeric type; Spark casts it to double). A {@code NULL}
 * score is skipped. A score that is not a whole number on the scale fails the job with the core's
 * message, or is counted in {@code rejected} under {@link InvalidScores#REJECT}.
 *
 * <p>The buffer is the tally's counts, one {@code long} per scale point, followed by the rejected
 * count. {@link #merge(long[], long[])} adds them point by point (exact, associative, commutative),
 * so the result does not depend on partitioning or on the order in which Spark merges partial
 * results, and equals what the core computes on the same scores in one process. Spark serializes
 * the buffer with Java serialization between the partial and the final aggregation.
 *
 * <p>Immutable; Spark gives each task its own deserialized copy.
 */
public final class ScoreAggregator extends Aggregator<Double, long[], Row> {
    private static final long serialVersionUID = 1L;

    private final ScaleSpec spec;
    private final int min;
    private final int max;
    private final double confidence;
    private final InvalidScores invalidScores;
    private transient Scale scale;

    private ScoreAggregator(Scale scale, double confidence, InvalidScores invalidScores) {
        this.spec = ScaleSpec.of(scale);
        this.scale = scale;
        this.min = scale.min();
        this.max = scale.max();
        this.confidence = requireConfidence(confidence);
        this.invalidScores = Objects.requireNonNull(invalidScores, "invalidScores");
    }

    /**
     * Returns the level if it lies strictly between 0 and 1 (the core checks it the same way, in a
     * package it does not export).
     *
     * @throws IllegalArgumentException {@code Invalid value for confidence (valid values 0 < c < 1): 1.5}
     */
    static double requireConfidence(double confidence) {
        if (confidence > 0 && confidence < 1) {
            return confidence;
        }
        throw new IllegalArgumentException("Invalid value for confidence (valid values 0 < c < 1): " + confidence);
    }

    /**
     * An aggregator for the scale's metric (NPS for an {@code NpsScale}, CSAT for a
     * {@code CsatScale}, CES for a {@code CesScale}), with 95 % intervals and
     * {@link InvalidScores#FAIL}.
     *
     * @throws NullPointerException if scale is null
     */
    public static ScoreAggregator of(Scale scale) {
        return new ScoreAggregator(Objects.requireNonNull(scale, "scale"), Confidence.DEFAULT, InvalidScores.FAIL);
    }

    /**
     * A copy with intervals at the given level.
     *
     * @throws IllegalArgumentException if the level is not in (0, 1)
     */
    public ScoreAggregator withConfidence(double confidence) {
        return new ScoreAggregator(scale(), confidence, invalidScores);
    }

    /** A copy that treats scores off the scale as given. */
    public ScoreAggregator withInvalidScores(InvalidScores invalidScores) {
        return new ScoreAggregator(scale(), confidence, Objects.requireNonNull(invalidScores, "invalidScores"));
    }

    /** The scale. */
    public Scale scale() {
        if (scale == null) {
            scale = spec.toScale();
        }
        return scale;
    }

    /** The confidence level of the intervals. */
    public double confidence() {
        return confidence;
    }

    /** What happens to a score off the scale. */
    public InvalidScores invalidScores() {
        return invalidScores;
    }

    /**
     * This aggregator as an untyped function of one score column, for SQL registration; named
     * {@code nps}, {@code csat} or {@code ces} in column names until registered under another name.
     */
    public UserDefinedFunction toUdaf() {
        return functions.udaf(this, Encoders.DOUBLE()).withName(scale().kind().toLowerCase(Locale.ROOT));
    }

    /** The result struct of the given score column, e.g. {@code agg.apply(col("nps"))}. */
    public Column apply(Column score) {
        return toUdaf().apply(Objects.requireNonNull(score, "score"));
    }

    /** An empty buffer: a zero count per scale point and zero rejected. */
    @Override
    public long[] zero() {
        return new long[max - min + 2];
    }

    /**
     * Counts one score into the buffer (in place) and returns it; skips {@code null}.
     *
     * @throws IllegalArgumentException (the core's) for a score off the scale under
     *     {@link InvalidScores#FAIL}
     */
    @Override
    public long[] reduce(long[] buffer, Double score) {
        if (score == null) {
            return buffer;
        }
        int i = Scores.indexOf(min, max, score);
        if (i < 0) {
            if (invalidScores == InvalidScores.FAIL) {
                throw Scores.invalidScore(scale(), score);
            }
            i = buffer.length - 1;
        }
        buffer[i] = Math.incrementExact(buffer[i]);
        return buffer;
    }

    /**
     * Adds the second buffer to the first point by point (in place) and returns the first.
     *
     * @throws ArithmeticException if a count would overflow
     */
    @Override
    public long[] merge(long[] buffer, long[] other) {
        for (int i = 0; i < buffer.length; i++) {
            buffer[i] = Math.addExact(buffer[i], other[i]);
        }
        return buffer;
    }

    /** The result struct of the counts in the buffer (see {@link ScoreRows}). */
    @Override
    public Row finish(long[] buffer) {
        Tally tally = Tally.of(scale(), Arrays.copyOf(buffer, buffer.length - 1));
        return ScoreRows.of(tally, confidence, buffer[buffer.length - 1]);
    }

    @Override
    public Encoder<long[]> bufferEncoder() {
        return Encoders.javaSerialization(long[].class);
    }

    @Override
    public Encoder<Row> outputEncoder() {
        return Encoders.row(ScoreRows.schema());
    }

    /**
     * Equal when the scale, confidence and invalid-score handling are: Spark then computes two
     * equal aggregations of the same column in one query only once.
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof ScoreAggregator other && spec.equals(other.spec)
                && Double.compare(confidence, other.confidence) == 0 && invalidScores == other.invalidScores;
    }

    @Override
    public int hashCode() {
        return Objects.hash(spec, confidence, invalidScores);
    }

    @Override
    public String toString() {
        return "ScoreAggregator[" + scale() + ", confidence=" + confidence + ", invalidScores=" + invalidScores + "]";
    }
}
