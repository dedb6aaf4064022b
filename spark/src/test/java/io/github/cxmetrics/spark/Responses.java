package io.github.cxmetrics.spark;

import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Deterministic synthetic survey responses: response {@code id} is a pure function of the id, so
 * Spark (generating rows inside tasks) and the in-process reference (looping over ids) see the
 * same data. Scores are NULL about 5 % of the time; weights are non-dyadic decimals (0.5–1.499),
 * whose double sums would depend on the order of additions.
 */
final class Responses {
    static final List<String> CHANNELS = List.of("chat", "email", "phone", "web");

    static final StructType SCHEMA = new StructType()
            .add("id", DataTypes.LongType, false)
            .add("channel", DataTypes.StringType, false)
            .add("nps", DataTypes.IntegerType, true)
            .add("csat", DataTypes.IntegerType, true)
            .add("ces", DataTypes.IntegerType, true)
            .add("weight", DataTypes.DoubleType, false);

    private Responses() {
    }

    /** SplitMix64's finalizer (Steele, Lea &amp; Flood 2014). */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private static int uniform(long h, int bound) {
        return (int) Long.remainderUnsigned(h, bound);
    }

    /** A score in 0..points-1, skewed towards the top for higher channel numbers, or null (5 %). */
    private static Integer score(long h, int points, int channel, int min) {
        if (uniform(h, 20) == 0) {
            return null;
        }
        int a = uniform(mix(h + 1), points);
        int b = uniform(mix(h + 2), points);
        int s = channel % 2 == 0 ? a : Math.max(a, b);
        return min + s;
    }

    static String channel(long id) {
        return CHANNELS.get(uniform(mix(id * 0x9E3779B97F4A7C15L), CHANNELS.size()));
    }

    static int channelIndex(long id) {
        return uniform(mix(id * 0x9E3779B97F4A7C15L), CHANNELS.size());
    }

    static Integer nps(long id) {
        return score(mix(id ^ 0x1111L), 11, channelIndex(id), 0);
    }

    static Integer csat(long id) {
        return score(mix(id ^ 0x2222L), 5, channelIndex(id), 1);
    }

    static Integer ces(long id) {
        return score(mix(id ^ 0x3333L), 7, channelIndex(id), 1);
    }

    static double weight(long id) {
        return 0.5 + uniform(mix(id ^ 0x4444L), 1000) / 1000.0;
    }

    static Row row(long id) {
        return RowFactory.create(id, channel(id), nps(id), csat(id), ces(id), weight(id));
    }
}
