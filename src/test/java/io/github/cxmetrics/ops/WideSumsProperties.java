package io.github.cxmetrics.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/** The mean in minutes is the correctly rounded quotient of the exact sum, on the fast path and off it. */
class WideSumsProperties {

    /** The quotient rounded once to a double: 60 significant digits, far more than a double's ties need. */
    private static double exactMean(BigInteger sum, long n) {
        return new BigDecimal(sum).divide(BigDecimal.valueOf(60_000_000_000L).multiply(BigDecimal.valueOf(n)),
                new MathContext(60)).doubleValue();
    }

    @Property(tries = 2000)
    void meanOfSmallSumsIsTheCorrectlyRoundedQuotient(@ForAll @LongRange(min = 0, max = 1L << 53) long sum,
            @ForAll @LongRange(min = 1, max = 200_000) long n) {
        WideSums w = new WideSums();
        w.set(n, BigInteger.valueOf(sum), BigInteger.ZERO);
        assertThat(w.meanMinutes()).isEqualTo(exactMean(BigInteger.valueOf(sum), n));
    }

    @Property(tries = 300)
    void meanOfWideSumsIsTheCorrectlyRoundedQuotient(@ForAll @LongRange(min = 0) long high,
            @ForAll long low, @ForAll @LongRange(min = 1, max = Long.MAX_VALUE) long n) {
        BigInteger sum = BigInteger.valueOf(high >>> 1).shiftLeft(64).add(new BigInteger(Long.toUnsignedString(low)));
        WideSums w = new WideSums();
        w.set(n, sum, BigInteger.ZERO);
        assertThat(w.meanMinutes()).isEqualTo(exactMean(sum, n));
    }
}
