package io.github.cxmetrics.spark;

import io.github.cxmetrics.scale.Scale;
import io.github.cxmetrics.score.Ces;
import io.github.cxmetrics.score.Csat;
import io.github.cxmetrics.score.Mean;
import io.github.cxmetrics.score.Nps;
import io.github.cxmetrics.stats.Interval;
import io.github.cxmetrics.tally.Tally;
import io.github.cxmetrics.tally.WeightedTally;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The result struct of the cxmetrics Spark aggregators, and the way back from a collected result
 * to the core's exact tallies.
 *
 * <p>Every aggregator returns one struct per group with these fields:
 *
 * <table>
 *   <caption>Result fields</caption>
 *   <tr><th>field</th><th>type</th><th>meaning</th></tr>
 *   <tr><td>{@code score}</td><td>double</td><td>NPS in points (−100…100), CSAT % satisfied (0…100),
 *       CES the mean on its scale: {@code Nps.score()}, {@code Csat.score()}, {@code Ces.score()}</td></tr>
 *   <tr><td>{@code n}</td><td>bigint</td><td>responses counted (NULL and rejected scores excluded)</td></tr>
 *   <tr><td>{@code standardError}</td><td>double</td><td>in the score's units: {@code Nps.standardError()},
 *       100 × the satisfied share's standard error, {@code Mean.standardError()}</td></tr>
 *   <tr><td>{@code lower}, {@code upper}</td><td>double</td><td>the core's default interval at
 *       {@code confidence}: NPS adjusted Wald, CSAT Wilson (in %), CES Student t</td></tr>
 *   <tr><td>{@code confidence}</td><td>double</td><td>the level of the interval</td></tr>
 *   <tr><td>{@code rejected}</td><td>bigint</td><td>invalid scores left out ({@link InvalidScores#REJECT}); 0 otherwise</td></tr>
 *   <tr><td>{@code scale}</td><td>string</td><td>the scale as printed by the core, e.g. {@code NPS[0..10]}</td></tr>
 *   <tr><td>{@code counts}</td><td>array&lt;bigint&gt;</td><td>the exact tally: responses per scale point, min to max</td></tr>
 * </table>
 *
 * <p>The weighted aggregators add {@code effectiveN} (Kish's n<sub>eff</sub>), and
 * {@code sumOfWeights} and {@code sumOfSquaredWeights} per point as exact decimal strings, so that
 * {@link #toWeightedTally(Row)} rebuilds the core's exact {@link WeightedTally}.
 *
 * <p>An estimate that the core leaves undefined is SQL {@code NULL}, never NaN: every estimate of
 * a group with no responses (or no weight), and the CES standard error and interval of a group
 * whose effective n is 1 or less.
 */
public final class ScoreRows {
    private static final StructType SCHEMA = new StructType(new StructField[] {
        DataTypes.createStructField("score", DataTypes.DoubleType, true),
        DataTypes.createStructField("n", DataTypes.LongType, false),
        DataTypes.createStructField("standardError", DataTypes.DoubleType, true),
        DataTypes.createStructField("lower", DataTypes.DoubleType, true),
        DataTypes.createStructField("upper", DataTypes.DoubleType, true),
        DataTypes.createStructField("confidence", DataTypes.DoubleType, false),
        DataTypes.createStructField("rejected", DataTypes.LongType, false),
        DataTypes.createStructField("scale", DataTypes.StringType, false),
        DataTypes.createStructField("counts", DataTypes.createArrayType(DataTypes.LongType, false), false),
    });

    private static final StructType WEIGHTED_SCHEMA = SCHEMA
            .add(DataTypes.createStructField("effectiveN", DataTypes.DoubleType, false))
            .add(DataTypes.createStructField("sumOfWeights",
                    DataTypes.createArrayType(DataTypes.StringType, false), false))
            .add(DataTypes.createStructField("sumOfSquaredWeights",
                    DataTypes.createArrayType(DataTypes.StringType, false), false));

    private ScoreRows() {
    }

    /** The struct type of the unweighted aggregators' results. */
    public static StructType schema() {
        return SCHEMA;
    }

    /** The struct type of the weighted aggregators' results: {@link #schema()} plus three fields. */
    public static StructType weightedSchema() {
        return WEIGHTED_SCHEMA;
    }

    /**
     * The exact tally of a result struct (weighted or not: the unweighted counts).
     *
     * @throws IllegalArgumentException if the row has no {@code scale} or {@code counts} field, or
     *     they do not form a tally
     */
    public static Tally toTally(Row result) {
        Objects.requireNonNull(result, "result");
        return Tally.of(scaleOf(result), counts(result));
    }

    /**
     * The exact weighted tally of a weighted result struct.
     *
     * @throws IllegalArgumentException if the row is not a weighted result or its fields do not form
     *     a weighted tally
     */
    public static WeightedTally toWeightedTally(Row result) {
        Objects.requireNonNull(result, "result");
        BigDecimal[] sumW = decimals(result, "sumOfWeights");
        BigDecimal[] sumW2 = decimals(result, "sumOfSquaredWeights");
        return WeightedTally.of(scaleOf(result), counts(result), sumW, sumW2);
    }

    private static Scale scaleOf(Row result) {
        return Scale.parse(result.getAs(field(result, "scale")));
    }

    private static long[] counts(Row result) {
        int index = field(result, "counts");
        if (result.get(index) instanceof long[] array) {
            return array.clone();
        }
        List<Long> list = result.getList(index);
        long[] counts = new long[list.size()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = list.get(i);
        }
        return counts;
    }

    private static BigDecimal[] decimals(Row result, String name) {
        int index = field(result, name);
        List<String> list = result.get(index) instanceof String[] array ? List.of(array) : result.getList(index);
        BigDecimal[] values = new BigDecimal[list.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = new BigDecimal(list.get(i));
        }
        return values;
    }

    private static int field(Row result, String name) {
        StructType schema = result.schema();
        if (schema == null || !List.of(schema.fieldNames()).contains(name)) {
            throw new IllegalArgumentException("Invalid result row (valid rows are cxmetrics result structs "
                    + "with a field " + name + "): " + result);
        }
        return schema.fieldIndex(name);
    }

    /** The result struct of an unweighted tally. */
    static Row of(Tally tally, double confidence, long rejected) {
        Object[] estimates = estimates(tally.scale(), tally, null, confidence);
        return new GenericRowWithSchema(new Object[] {estimates[0], tally.n(), estimates[1], estimates[2],
            estimates[3], confidence, rejected, tally.scale().toString(), tally.counts()}, SCHEMA);
    }

    /** The result struct of a weighted tally. */
    static Row of(WeightedTally tally, double confidence, long rejected) {
        Object[] estimates = estimates(tally.scale(), null, tally, confidence);
        Scale scale = tally.scale();
        String[] sumW = new String[scale.points()];
        String[] sumW2 = new String[scale.points()];
        for (int i = 0; i < sumW.length; i++) {
            sumW[i] = tally.sumOfWeightsExact(scale.min() + i).toPlainString();
            sumW2[i] = tally.sumOfSquaredWeightsExact(scale.min() + i).toPlainString();
        }
        return new GenericRowWithSchema(new Object[] {estimates[0], tally.n(), estimates[1], estimates[2],
            estimates[3], confidence, rejected, scale.toString(), tally.counts(), estimates[4], sumW, sumW2},
                WEIGHTED_SCHEMA);
    }

    /** Score, standard error, lower, upper, effective n; NULL where the core leaves them undefined. */
    private static Object[] estimates(Scale scale, Tally tally, WeightedTally weighted, double confidence) {
        Object[] out = new Object[5];
        switch (scale.kind()) {
            case "NPS" -> {
                Nps nps = tally != null ? Nps.of(tally) : Nps.of(weighted);
                out[4] = nps.effectiveN();
                if (nps.effectiveN() > 0) {
                    Interval interval = nps.interval(confidence);
                    set(out, nps.score(), nps.standardError(), interval);
                }
            }
            case "CSAT" -> {
                Csat csat = tally != null ? Csat.of(tally) : Csat.of(weighted);
                out[4] = csat.effectiveN();
                if (csat.effectiveN() > 0) {
                    Interval interval = csat.interval(confidence);
                    set(out, csat.score(), 100 * csat.satisfiedShare().standardError(), interval);
                }
            }
            default -> {
                Ces ces = tally != null ? Ces.of(tally) : Ces.of(weighted);
                out[4] = ces.effectiveN();
                if (ces.effectiveN() > 0) {
                    Mean mean = ces.mean();
                    out[0] = ces.score();
                    if (mean.hasSpread()) {
                        set(out, ces.score(), mean.standardError(), ces.interval(confidence));
                    }
                }
            }
        }
        return out;
    }

    private static void set(Object[] out, double score, double standardError, Interval interval) {
        out[0] = score;
        out[1] = standardError;
        out[2] = interval.lower();
        out[3] = interval.upper();
    }
}
