package io.github.cxmetrics.spark;

import io.github.cxmetrics.scale.Scale;
import io.github.cxmetrics.stats.Confidence;
import io.github.cxmetrics.tally.WeightedTally;
import io.github.cxmetrics.tally.WeightedTallyAccumulator;
import java.util.Locale;
import java.util.Objects;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Aggregator;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import scala.Tuple2;

/**
 * A Spark {@link Aggregator} of (score, weight) pairs into the core's exact {@link WeightedTally},
 * finished as weighted NPS, CSAT or CES (chosen by the scale's type): the struct of
 * {@link ScoreRows#weightedSchema()}, whose {@code n} is the unweighted count and whose
 * {@code effectiveN} is Kish's n<sub>eff</sub> that the standard error and interval use.
 *
 * <p>Get one with {@link #of(Scale)}; use it with {@link #apply(Column, Column)} or register
 * {@link #toUdaf()} for SQL ({@code weighted_nps(score, weight)} in {@link CxMetricsFunctions}).
 *
 * <p>Input: a numeric score and a numeric weight. A {@code NULL} score is skipped (whatever the
 * weight). A score off the scale, or a weight that the core rejects (missing, negative, NaN,
 * infinite, or outside {@code 0} or [2^-64, 2^64], see {@link WeightedTallyAccumulator}) fails the
 * job with the core's message, or is counted in {@code rejected} under {@link InvalidScores#REJECT}.
 *
 * <p>Exact across the cluster: the buffer is the core's accumulator, whose weight sums are exact,
 * and its serial form keeps them exact (see {@link WeightedBuffer}); so the result equals the core's
 * on the same responses in one process, for any partitioning and merge order. Spark serializes the
 * buffer with Java serialization between the partial and the final aggregation.
 *
 * <p>Immutable; Spark gives each task its own deserialized copy.
 */
public final class WeightedScoreAggregator extends Aggregator<Tuple2<Double, Double>, WeightedBuffer, Row> {
    private static final long serialVersionUID = 1L;

    private final ScaleSpec spec;
    private final int min;
    private final int max;
    private final double confidence;
    private final InvalidScores invalidScores;
    private transient Scale scale;

    private WeightedScoreAggregator(Scale scale, double confidence, InvalidScores invalidScores) {
        this.spec = ScaleSpec.of(scale);
        this.scale = scale;
        this.min = scale.min();
        this.max = scale.max();
        this.confidence = ScoreAggregator.requireConfidence(confidence);
        this.invalidScores = Objects.requireNonNull(invalidScores, "invalidScores");
    }

    /**
     * A weighted aggregator for the scale's metric, with 95 % intervals and {@link InvalidScores#FAIL}.
     *
     * @throws NullPointerException if scale is null
     */
    public static WeightedScoreAggregator of(Scale scale) {
        return new WeightedScoreAggregator(Objects.requireNonNull(scale, "scale"), Confidence.DEFAULT,
                InvalidScores.FAIL);
    }

    /**
     * A copy with intervals at the given level.
     *
     * @throws IllegalArgumentException if the level is not in (0, 1)
     */
    public WeightedScoreAggregator withConfidence(double confidence) {
        return new WeightedScoreAggregator(scale(), confidence, invalidScores);
    }

    /** A copy that treats invalid scores and weights as given. */
    public WeightedScoreAggregator withInvalidScores(InvalidScores invalidScores) {
        return new WeightedScoreAggregator(scale(), confidence, Objects.requireNonNull(invalidScores,
                "invalidScores"));
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

    /** What happens to an invalid score or weight. */
    public InvalidScores invalidScores() {
        return invalidScores;
    }

    /**
     * This aggregator as an untyped function of (score, weight) columns, for SQL registration; named
     * {@code weighted_nps}, {@code weighted_csat} or {@code weighted_ces} in column names until
     * registered under another name.
     */
    public UserDefinedFunction toUdaf() {
        return functions.udaf(this, Encoders.tuple(Encoders.DOUBLE(), Encoders.DOUBLE()))
                .withName("weighted_" + scale().kind().toLowerCase(Locale.ROOT));
    }

    /** The result struct of the given score and weight columns. */
    public Column apply(Column score, Column weight) {
        return toUdaf().apply(Objects.requireNonNull(score, "score"), Objects.requireNonNull(weight, "weight"));
    }

    /** An empty buffer. */
    @Override
    public WeightedBuffer zero() {
        return new WeightedBuffer(spec, scale());
    }

    /**
     * Adds one weighted response to the buffer (in place) and returns it; skips a {@code null} score.
     *
     * @throws IllegalArgumentException (the core's) for a score off the scale or an invalid weight
     *     under {@link InvalidScores#FAIL}
     */
    @Override
    public WeightedBuffer reduce(WeightedBuffer buffer, Tuple2<Double, Double> response) {
        Double score = response._1();
        if (score == null) {
            return buffer;
        }
        Double weight = response._2();
        int i = Scores.indexOf(min, max, score);
        if (i < 0 || !Scores.isValidWeight(weight)) {
            if (invalidScores == InvalidScores.FAIL) {
                throw i < 0 ? Scores.invalidScore(scale(), score) : Scores.invalidWeight(weight);
            }
            buffer.reject();
            return buffer;
        }
        buffer.accumulator().add(min + i, weight);
        return buffer;
    }

    /** Adds the second buffer's responses to the first (in place) and returns the first. */
    @Override
    public WeightedBuffer merge(WeightedBuffer buffer, WeightedBuffer other) {
        buffer.combine(other);
        return buffer;
    }

    /** The result struct of the buffer (see {@link ScoreRows#weightedSchema()}). */
    @Override
    public Row finish(WeightedBuffer buffer) {
        return ScoreRows.of(buffer.accumulator().snapshot(), confidence, buffer.rejected());
    }

    @Override
    public Encoder<WeightedBuffer> bufferEncoder() {
        return Encoders.javaSerialization(WeightedBuffer.class);
    }

    @Override
    public Encoder<Row> outputEncoder() {
        return Encoders.row(ScoreRows.weightedSchema());
    }

    /**
     * Equal when the scale, confidence and invalid-score handling are: Spark then computes two
     * equal aggregations of the same column in one query only once.
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof WeightedScoreAggregator other && spec.equals(other.spec)
                && Double.compare(confidence, other.confidence) == 0 && invalidScores == other.invalidScores;
    }

    @Override
    public int hashCode() {
        return Objects.hash(spec, confidence, invalidScores);
    }

    @Override
    public String toString() {
        return "WeightedScoreAggregator[" + scale() + ", confidence=" + confidence + ", invalidScores="
                + invalidScores + "]";
    }
}
