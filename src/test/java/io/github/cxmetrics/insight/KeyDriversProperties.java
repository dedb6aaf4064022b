package io.github.cxmetrics.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** The invariants of LMG and relative weights, on generated answers 1..10 with correlated drivers. */
class KeyDriversProperties {

    /** Rows of (outcome, drivers…): each driver a noisy copy of a shared level, the outcome their sum plus noise. */
    private static List<double[]> rows(long seed, int p, int n) {
        Random random = new Random(seed);
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double[] row = new double[p + 1];
            int level = 1 + random.nextInt(10);
            double y = 0;
            for (int j = 1; j <= p; j++) {
                row[j] = Math.max(1, Math.min(10, level + random.nextInt(7) - 3));
                y += row[j] * (j % 3);
            }
            row[0] = Math.max(1, Math.min(10, Math.round(y / p + random.nextGaussian() * 2)));
            out.add(row);
        }
        return out;
    }

    private static KeyDrivers analyse(List<double[]> rows, int p) {
        List<String> names = new ArrayList<>();
        for (int j = 1; j <= p; j++) {
            names.add("q" + j);
        }
        DriverTallyAccumulator acc = new DriverTallyAccumulator("overall", names);
        for (double[] row : rows) {
            acc.add(row[0], java.util.Arrays.copyOfRange(row, 1, row.length));
        }
        try {
            return KeyDrivers.of(acc.snapshot());
        } catch (IllegalArgumentException degenerate) {
            Assume.that(false);
            throw degenerate;
        }
    }

    @Property(tries = 200)
    void lmgAndRelativeWeightsAreNonNegativeSharesThatSumToR2(@ForAll @LongRange(max = 1_000_000) long seed,
            @ForAll @IntRange(min = 1, max = 7) int p, @ForAll @IntRange(min = 10, max = 80) int n) {
        KeyDrivers k = analyse(rows(seed, p, n), p);
        assertThat(k.r2()).isBetween(0.0, 1.0 + 1e-12);
        double lmg = 0;
        double rw = 0;
        for (Driver d : k.drivers()) {
            assertThat(d.lmg()).isGreaterThanOrEqualTo(-1e-12);
            assertThat(d.relativeWeight()).isGreaterThanOrEqualTo(-1e-12);
            lmg += d.lmg();
            rw += d.relativeWeight();
        }
        assertThat(lmg).isCloseTo(k.r2(), within(1e-9));
        assertThat(rw).isCloseTo(k.r2(), within(1e-9));
    }

    @Property(tries = 100)
    void orderOfTheDriversDoesNotMatter(@ForAll @LongRange(max = 1_000_000) long seed,
            @ForAll @IntRange(min = 2, max = 6) int p, @ForAll @IntRange(min = 12, max = 60) int n) {
        List<double[]> rows = rows(seed, p, n);
        KeyDrivers k = analyse(rows, p);
        List<double[]> reversed = new ArrayList<>();
        for (double[] row : rows) {
            double[] r = new double[p + 1];
            r[0] = row[0];
            for (int j = 1; j <= p; j++) {
                r[j] = row[p + 1 - j];
            }
            reversed.add(r);
        }
        KeyDrivers back = analyse(reversed, p);
        for (int j = 0; j < p; j++) {
            Driver a = k.drivers().get(j);
            Driver b = back.drivers().get(p - 1 - j);
            assertThat(b.lmg()).isCloseTo(a.lmg(), within(1e-9));
            assertThat(b.relativeWeight()).isCloseTo(a.relativeWeight(), within(1e-9));
            assertThat(b.beta()).isCloseTo(a.beta(), within(1e-9));
        }
    }

    @Property(tries = 100)
    void rescalingADriverChangesNoImportance(@ForAll @LongRange(max = 1_000_000) long seed,
            @ForAll @IntRange(min = 1, max = 5) int p, @ForAll @IntRange(min = 12, max = 60) int n) {
        List<double[]> rows = rows(seed, p, n);
        KeyDrivers k = analyse(rows, p);
        List<double[]> rescaled = new ArrayList<>();
        for (double[] row : rows) {
            double[] r = row.clone();
            r[1] = 10 * r[1] - 3; // a 1..10 answer recoded to another scale
            rescaled.add(r);
        }
        KeyDrivers other = analyse(rescaled, p);
        for (int j = 0; j < p; j++) {
            assertThat(other.drivers().get(j).lmg()).isCloseTo(k.drivers().get(j).lmg(), within(1e-9));
            assertThat(other.drivers().get(j).relativeWeight())
                    .isCloseTo(k.drivers().get(j).relativeWeight(), within(1e-9));
        }
    }

    @Property(tries = 100)
    void splitAndMergeEqualsOnePass(@ForAll @LongRange(max = 1_000_000) long seed,
            @ForAll @IntRange(min = 1, max = 5) int p, @ForAll @IntRange(min = 0, max = 60) int n,
            @ForAll @IntRange(min = 0, max = 60) int cut) {
        List<double[]> rows = rows(seed, p, n);
        List<String> names = new ArrayList<>();
        for (int j = 1; j <= p; j++) {
            names.add("q" + j);
        }
        DriverTallyAccumulator all = new DriverTallyAccumulator("y", names);
        DriverTallyAccumulator a = new DriverTallyAccumulator("y", names);
        DriverTallyAccumulator b = new DriverTallyAccumulator("y", names);
        for (int i = 0; i < rows.size(); i++) {
            double[] row = rows.get(i);
            double[] x = java.util.Arrays.copyOfRange(row, 1, row.length);
            x[0] += 0.1; // a non-integer value takes the exact BigDecimal path
            all.add(row[0], x);
            (i < cut ? a : b).add(row[0], x);
        }
        assertThat(b.addAll(a).snapshot()).isEqualTo(all.snapshot());
    }
}
