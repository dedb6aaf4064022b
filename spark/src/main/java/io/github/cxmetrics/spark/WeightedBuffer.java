package io.github.cxmetrics.spark;

import io.github.cxmetrics.scale.Scale;
import io.github.cxmetrics.tally.WeightedTally;
import io.github.cxmetrics.tally.WeightedTallyAccumulator;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.math.BigDecimal;

/**
 * The opaque aggregation buffer of {@link WeightedScoreAggregator}: the core's
 * {@link WeightedTallyAccumulator} (counts, exact Σw and Σw² per point) and a count of rejected
 * responses. Only Spark creates and reads it.
 *
 * <p>Its Java serial form is the scale, the counts, and each exact weight sum as a decimal string
 * ({@link WeightedTally#sumOfWeightsExact(int)}), read back with
 * {@link WeightedTally#of(Scale, long[], BigDecimal[], BigDecimal[])}: nothing is rounded when Spark
 * ships a partial aggregate between executors. Mutable and not thread-safe, like the accumulator.
 */
public final class WeightedBuffer implements Serializable {
    private static final long serialVersionUID = 1L;

    private final ScaleSpec spec;
    private long rejected;
    private transient WeightedTallyAccumulator accumulator;

    WeightedBuffer(ScaleSpec spec, Scale scale) {
        this.spec = spec;
        this.accumulator = new WeightedTallyAccumulator(scale);
    }

    WeightedTallyAccumulator accumulator() {
        return accumulator;
    }

    long rejected() {
        return rejected;
    }

    void reject() {
        rejected = Math.incrementExact(rejected);
    }

    /** Adds the other buffer's responses and rejected count; the other buffer is unchanged. */
    void combine(WeightedBuffer other) {
        long total = Math.addExact(rejected, other.rejected);
        accumulator.combine(other.accumulator);
        rejected = total;
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
        out.defaultWriteObject();
        WeightedTally tally = accumulator.snapshot();
        Scale scale = tally.scale();
        String[] sumW = new String[scale.points()];
        String[] sumW2 = new String[scale.points()];
        for (int i = 0; i < sumW.length; i++) {
            sumW[i] = tally.sumOfWeightsExact(scale.min() + i).toPlainString();
            sumW2[i] = tally.sumOfSquaredWeightsExact(scale.min() + i).toPlainString();
        }
        out.writeObject(tally.counts());
        out.writeObject(sumW);
        out.writeObject(sumW2);
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        long[] counts = (long[]) in.readObject();
        String[] sumW = (String[]) in.readObject();
        String[] sumW2 = (String[]) in.readObject();
        Scale scale = spec.toScale();
        WeightedTally tally = WeightedTally.of(scale, counts, decimals(sumW), decimals(sumW2));
        accumulator = new WeightedTallyAccumulator(scale).addAll(tally);
    }

    private static BigDecimal[] decimals(String[] values) {
        BigDecimal[] out = new BigDecimal[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = new BigDecimal(values[i]);
        }
        return out;
    }

    @Override
    public String toString() {
        return "WeightedBuffer[" + accumulator.snapshot() + ", rejected=" + rejected + "]";
    }
}
