package io.github.cxmetrics.stats;

import static io.github.cxmetrics.stats.Accuracy.assertRelative;
import static io.github.cxmetrics.stats.Accuracy.tailTolerance;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link Beta}, {@link StudentT} and their helpers {@link RegularizedBeta} and {@link SpecialFunctions}
 * against {@code distribution-reference.csv}: values computed independently with mpmath 1.3 at 50
 * digits by {@code src/test/python/distribution_reference.py}, a different method from the code's
 * continued fraction: the incomplete beta function by its positive hypergeometric series (DLMF 8.17.8)
 * on the side where its terms decrease, Student t tails by the same series in {@code x = ν/(ν + t²)}
 * or, with extra digits, in {@code 1 − x}, quantiles by Newton's method in mpmath; each value rounded
 * once to double. The regions are the ones the code switches between: shapes from 0.1
 * to 1e5 on both sides of the Stirling cut-off 10 and of the continued fraction's switch point, points
 * from 30 standard deviations below the mean to 30 above and out to 1e-200 from either end, df from 0.5
 * to 1e7 with t on both sides of √df and of the far-tail cut-off 1e10·√df, p from 1e-300 to 1 − 1e-5.
 * (Beta quantiles against mpmath are in {@link BetaTest}.)
 *
 * <p>Tolerances are the ones the class comments promise: {@code 1e-14 + 5e-16·|log P|} relative for a
 * probability {@code P} ({@link Accuracy#tailTolerance}), that divided by
 * {@code min(1, df)} for quantiles, and 2e-14 relative for {@code log Γ}, {@code log B} and
 * {@code log1p(x) − x}.
 */
class DistributionReferenceTest {

    private static final List<double[]> LOG_GAMMA = new ArrayList<>();
    private static final List<double[]> LOG_BETA = new ArrayList<>();
    private static final List<double[]> LOG1PMX = new ArrayList<>();
    private static final List<double[]> BETA = new ArrayList<>();
    private static final List<double[]> T_TAIL = new ArrayList<>();
    private static final List<double[]> T_QUANTILE = new ArrayList<>();

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = DistributionReferenceTest.class.getResourceAsStream("distribution-reference.csv");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("#") || line.startsWith("kind,")) {
                    continue;
                }
                String[] f = line.split(",", -1);
                double[] v = new double[6];
                for (int i = 1; i < f.length; i++) {
                    v[i - 1] = f[i].isEmpty() ? Double.NaN : Double.parseDouble(f[i].replace("inf", "Infinity"));
                }
                switch (f[0]) {
                    case "lgamma" -> LOG_GAMMA.add(v);
                    case "lbeta" -> LOG_BETA.add(v);
                    case "log1pmx" -> LOG1PMX.add(v);
                    case "ibeta" -> BETA.add(v);
                    case "ttail" -> T_TAIL.add(v);
                    case "tquant" -> T_QUANTILE.add(v);
                    default -> throw new IllegalStateException("unknown row " + line);
                }
            }
        }
    }

    @Test
    void everyKindIsPresent() {
        // a truncated or regenerated-empty file must not pass silently
        assertThat(LOG_GAMMA).hasSizeGreaterThan(20);
        assertThat(LOG_BETA).hasSizeGreaterThan(20);
        assertThat(LOG1PMX).hasSizeGreaterThan(10);
        assertThat(BETA).hasSizeGreaterThan(1000);
        assertThat(T_TAIL).hasSizeGreaterThan(200);
        assertThat(T_QUANTILE).hasSizeGreaterThan(200);
    }

    @Test
    void logGamma() {
        for (double[] r : LOG_GAMMA) {
            assertRelative(SpecialFunctions.logGamma(r[0]), r[4], 2e-14, "logGamma(" + r[0] + ")");
        }
    }

    @Test
    void logBeta() {
        for (double[] r : LOG_BETA) {
            assertRelative(SpecialFunctions.logBeta(r[0], r[1]), r[4], 2e-14, "logBeta(" + r[0] + ", " + r[1] + ")");
        }
    }

    @Test
    void logGammaRatioAgreesWithLogBeta() {
        // log B(a, b) = log Γ(a) + (log Γ(b) − log Γ(a + b)) for b ≥ 10
        for (double[] r : LOG_BETA) {
            double a = r[0];
            double b = r[1];
            if (b >= SpecialFunctions.STIRLING_MIN && a < 1e6) {
                double viaRatio = SpecialFunctions.logGamma(a) + SpecialFunctions.logGammaRatio(a, b);
                assertThat(Math.abs(viaRatio - r[4]))
                    .as("logGamma(%s) + logGammaRatio(%s, %s)", a, a, b)
                    .isLessThanOrEqualTo(2e-14 * Math.max(1, Math.abs(r[4])) + 1e-14 * Math.abs(SpecialFunctions.logGamma(a)));
            }
        }
    }

    @Test
    void log1pmx() {
        for (double[] r : LOG1PMX) {
            assertRelative(SpecialFunctions.log1pmx(r[0]), r[4], 2e-14, "log1pmx(" + r[0] + ")");
        }
    }

    @Test
    void regularizedBetaAndItsComplement() {
        for (double[] r : BETA) {
            double x = r[0];
            double y = r[1];
            double a = r[2];
            double b = r[3];
            String what = "I_x(a, b) at x = " + x + ", y = " + y + ", a = " + a + ", b = " + b;
            assertRelative(RegularizedBeta.value(x, y, a, b, false), r[4], complementTolerance(r[4]), what);
            assertRelative(RegularizedBeta.value(x, y, a, b, true), r[5], complementTolerance(r[5]), "1 − " + what);
            // the same through the symmetry I_x(a, b) = 1 − I_y(b, a)
            assertRelative(RegularizedBeta.value(y, x, b, a, true), r[4], complementTolerance(r[4]), "symmetric " + what);
            assertRelative(RegularizedBeta.value(y, x, b, a, false), r[5], complementTolerance(r[5]), "symmetric 1 − " + what);
            // the public entry point, wherever it sees the same pair of points
            if (1 - x == y) {
                assertRelative(Beta.cdf(x, a, b), r[4], complementTolerance(r[4]), "Beta.cdf, " + what);
            }
            if (1 - y == x) {
                // at the switch point this side may be 1 − I too (see complementTolerance)
                assertRelative(Beta.cdf(y, b, a), r[5], complementTolerance(r[5]), "Beta.cdf of the mirror, " + what);
            }
        }
    }

    @Test
    void studentTTails() {
        for (double[] r : T_TAIL) {
            double t = r[0];
            double df = r[1];
            String what = "t = " + t + ", df = " + df;
            assertRelative(StudentT.upperTail(t, df), r[4], tailTolerance(r[4]), "upper tail, " + what);
            assertRelative(StudentT.cdf(t, df), r[5], tailTolerance(r[5]), "cdf, " + what);
            double small = Math.min(r[4], r[5]);
            assertRelative(StudentT.twoSidedPValue(t, df), 2 * small, tailTolerance(small), "p-value, " + what);
        }
    }

    @Test
    void studentTQuantiles() {
        for (double[] r : T_QUANTILE) {
            double p = r[0];
            double df = r[1];
            double tolerance = Math.max(2e-15, tailTolerance(Math.min(p, 1 - p)) / Math.min(1, df));
            String what = "quantile(" + p + ", " + df + ")";
            double t = StudentT.quantile(p, df);
            if (Double.isInfinite(r[4])) {
                assertThat(t).as(what).isEqualTo(r[4]);
            } else {
                assertRelative(t, r[4], tolerance, what);
            }
        }
    }

    @Test
    void studentTCriticalValues() {
        // (1 − c)/2 is exact for these c, so the critical value is −quantile((1 − c)/2)
        for (double[] r : rows(T_QUANTILE, r -> r[0] >= 0.25 && r[0] < 0.5 && !Double.isInfinite(r[4]))) {
            double c = 1 - 2 * r[0];
            if ((1 - c) / 2 == r[0]) {
                assertRelative(StudentT.criticalValue(c, r[1]), -r[4], 2e-15, "criticalValue(" + c + ", " + r[1] + ")");
            }
        }
    }

    /**
     * Tolerance of the incomplete beta table: the bound of {@link Beta}'s class comment,
     * {@code 2e-14 + 1e-15·|log I|} (twice {@link Accuracy#tailTolerance}: this table found points
     * up to 1.2× over the tail tolerance, 2.1e-14 at I = 3.7e-7, x = 0.01, a = 30, b = 1000); and, for values above 1e-3, the
     * absolute error of a side taken as {@code 1 − I} with {@code I} near 1, which happens near the
     * switch point {@code x = (a + 1)/(a + b + 2)} (measured: 4.3e-14 relative at 0.023, a = 30,
     * b = 0.1). Smaller values are never formed as {@code 1 − I} and keep the doubled tolerance.
     */
    private static double complementTolerance(double v) {
        return 2 * tailTolerance(v) + (v >= 1e-3 && v < 1 ? (tailTolerance(1 - v) * (1 - v) + Math.ulp(1.0)) / v : 0);
    }

    @Test
    void studentTStartingPointIsCloseToTheQuantile() {
        // the Cornish–Fisher start (A&S 26.7.5) within 20 % of the quantile where z² ≤ df (measured 9.4 %
        // at p = 0.4999, df = 0.5), the power-law start within a factor e (measured a factor 2)
        for (double[] r : rows(T_QUANTILE, r -> r[0] < 0.5 && !Double.isInfinite(r[4]))) {
            double q = r[0];
            double df = r[1];
            double z = Normal.quantile(q);
            double error = Math.abs(Math.log(StudentT.initialGuess(q, df) / -r[4]));
            assertThat(error).as("start for q = %s, df = %s", q, df).isLessThanOrEqualTo(z * z <= df ? 0.2 : 1.0);
        }
    }

    private static List<double[]> rows(List<double[]> all, Predicate<double[]> keep) {
        List<double[]> kept = new ArrayList<>();
        for (double[] r : all) {
            if (keep.test(r)) {
                kept.add(r);
            }
        }
        return kept;
    }
}
