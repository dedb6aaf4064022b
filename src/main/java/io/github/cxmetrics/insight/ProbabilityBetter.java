package io.github.cxmetrics.insight;

import io.github.cxmetrics.scale.Direction;
import io.github.cxmetrics.score.Ces;
import io.github.cxmetrics.score.Csat;
import io.github.cxmetrics.score.Mean;
import io.github.cxmetrics.score.Nps;
import io.github.cxmetrics.stats.Beta;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The posterior probability that group a is better than group b, in the metric's good direction:
 * what a manager asks ("how sure are we that chat beats phone?") in place of a p-value.
 *
 * <ul>
 *   <li><b>CSAT</b> (% satisfied): each share has the uniform prior Beta(1, 1) and the posterior
 *       Beta(1 + satisfied, 1 + n − satisfied); {@code P(p_a > p_b)} is exact
 *       ({@link Beta#probabilityGreater}).</li>
 *   <li><b>NPS</b>: the shares of promoters, passives and detractors have the uniform prior
 *       Dirichlet(1, 1, 1) and the posterior Dirichlet(1 + promoters, 1 + passives,
 *       1 + detractors) (Gelman et al. 2013, Bayesian Data Analysis, 3rd ed., §3.4);
 *       {@code P(NPS_a > NPS_b)} by a seeded Monte Carlo of both posteriors (Dirichlet draws
 *       from gamma draws, Marsaglia &amp; Tsang 2000), with its standard error
 *       √(p (1 − p) / draws). The posterior mean and standard deviation of NPS have a closed
 *       form ({@link NpsPosterior}).</li>
 *   <li><b>CES</b> (mean): with the non-informative prior p(μ, σ²) ∝ 1/σ², the posterior of the
 *       mean is Student t with n − 1 degrees of freedom around the sample mean, scale s/√n
 *       (Gelman et al. 2013, §3.2); {@code P(μ_a > μ_b)} (or {@code <} on a lower-is-better
 *       effort scale) by a seeded Monte Carlo with its standard error.</li>
 * </ul>
 *
 * <p>Static methods only; thread-safe. Weighted scores are refused: the posteriors above are for
 * counts of independent responses.
 *
 * @since 0.1.0
 */
public final class ProbabilityBetter {
    /** The Monte Carlo draws of {@link #nps(Nps, Nps)} and {@link #ces(Ces, Ces)}: 200,000 (standard error ≤ 0.0012). */
    public static final int DEFAULT_DRAWS = 200_000;
    /** The seed of {@link #nps(Nps, Nps)} and {@link #ces(Ces, Ces)}. */
    public static final long DEFAULT_SEED = 1;

    private ProbabilityBetter() {
    }

    /**
     * A probability and how it was computed.
     *
     * @param value the probability that a is better than b
     * @param standardError the Monte Carlo standard error, 0 when exact
     * @param draws the Monte Carlo draws, 0 when exact
     * @param method {@code exact-beta} or {@code monte-carlo}
     * @since 0.1.0
     */
    public record Probability(double value, double standardError, long draws, String method) {
        /** Whether the value is exact (no Monte Carlo error). */
        public boolean isExact() {
            return draws == 0;
        }
    }

    /**
     * P(CSAT a &gt; CSAT b), exactly, with uniform priors on both satisfied shares.
     *
     * @throws IllegalArgumentException if a score is weighted or the scales differ
     * @throws IllegalStateException if a group has no responses
     */
    public static Probability csat(Csat a, Csat b) {
        requireCounts(a.isEmpty(), b.isEmpty(), "CSAT");
        if (!a.scale().equals(b.scale())) {
            throw new IllegalArgumentException("Scale mismatch: " + a.scale() + " / " + b.scale());
        }
        requireUnweighted(a.effectiveN() != a.n() || b.effectiveN() != b.n());
        return shares(a.satisfied(), a.n(), b.satisfied(), b.n());
    }

    /**
     * P(share a &gt; share b) for x of n successes in each group, exactly, with uniform priors: the
     * CSAT case for any share (first-contact resolution, % within a response target).
     *
     * @throws IllegalArgumentException if a count is negative or x &gt; n
     * @throws IllegalStateException if a group has no responses
     */
    public static Probability shares(long xA, long nA, long xB, long nB) {
        if (xA < 0 || xB < 0 || xA > nA || xB > nB) {
            throw new IllegalArgumentException("Invalid counts (valid values 0 <= x <= n): " + xA + " of " + nA + ", "
                    + xB + " of " + nB);
        }
        requireCounts(nA == 0, nB == 0, "the share");
        double p = Beta.probabilityGreater(1.0 + xA, 1.0 + nA - xA, 1.0 + xB, 1.0 + nB - xB);
        return new Probability(p, 0, 0, "exact-beta");
    }

    /** P(NPS a &gt; NPS b) by Monte Carlo with {@link #DEFAULT_DRAWS} draws and {@link #DEFAULT_SEED}. */
    public static Probability nps(Nps a, Nps b) {
        return nps(a, b, DEFAULT_DRAWS, DEFAULT_SEED);
    }

    /**
     * P(NPS a &gt; NPS b) by Monte Carlo from the Dirichlet posteriors (uniform priors).
     *
     * @throws IllegalArgumentException if a score is weighted, or draws is not in 1,000..100,000,000
     * @throws IllegalStateException if a group has no responses
     */
    public static Probability nps(Nps a, Nps b, int draws, long seed) {
        requireCounts(a.isEmpty(), b.isEmpty(), "NPS");
        requireUnweighted(a.isWeighted() || b.isWeighted());
        checkDraws(draws);
        double[] shapeA = posterior(a);
        double[] shapeB = posterior(b);
        SplittableRandom random = new SplittableRandom(seed);
        long wins = 0;
        for (int i = 0; i < draws; i++) {
            if (dirichletDraw(shapeA, NPS_VALUES, random) > dirichletDraw(shapeB, NPS_VALUES, random)) {
                wins++;
            }
        }
        return monteCarlo(wins, draws);
    }

    /** The posterior Dirichlet(1 + P, 1 + A, 1 + D) of an NPS's category shares under the uniform prior. */
    private static double[] posterior(Nps s) {
        return new double[] {1.0 + s.promoters(), 1.0 + s.passives(), 1.0 + s.detractors()};
    }

    /** The value of each NPS category, promoters, passives, detractors, in shares. */
    private static final double[] NPS_VALUES = {1, 0, -1};

    /**
     * One draw of Σ values_k · p_k for shares p ~ Dirichlet(shape), from one gamma draw per category
     * in order, normalised by their sum.
     */
    static double dirichletDraw(double[] shape, double[] values, SplittableRandom random) {
        double total = 0;
        double value = 0;
        for (int k = 0; k < shape.length; k++) {
            double g = gamma(shape[k], random);
            total += g;
            value += values[k] * g;
        }
        return value / total;
    }

    /** P(CES a better than CES b) by Monte Carlo with {@link #DEFAULT_DRAWS} draws and {@link #DEFAULT_SEED}. */
    public static Probability ces(Ces a, Ces b) {
        return ces(a, b, DEFAULT_DRAWS, DEFAULT_SEED);
    }

    /**
     * P(CES a better than CES b): P(μ_a &gt; μ_b) on a higher-is-better scale, P(μ_a &lt; μ_b) on a
     * lower-is-better (effort) scale, by Monte Carlo from the Student t posteriors.
     *
     * @throws IllegalArgumentException if a score is weighted, the scales differ, or draws is not
     *     in 1,000..100,000,000
     * @throws IllegalStateException if a group has fewer than 2 responses or no spread
     */
    public static Probability ces(Ces a, Ces b, int draws, long seed) {
        if (!a.scale().equals(b.scale())) {
            throw new IllegalArgumentException("Scale mismatch: " + a.scale() + " / " + b.scale());
        }
        requireUnweighted(a.effectiveN() != a.n() || b.effectiveN() != b.n());
        checkDraws(draws);
        Mean ma = a.mean();
        Mean mb = b.mean();
        for (Mean m : new Mean[] {ma, mb}) {
            if (m.n() < 2 || !m.hasSpread()) {
                throw new IllegalStateException("Not enough responses for a posterior of the CES mean (valid values: "
                        + "n >= 2 with some spread): n = " + m.n());
            }
        }
        return means(ma.value(), ma.standardError(), ma.n(), mb.value(), mb.standardError(), mb.n(),
                a.scale().direction() == Direction.HIGHER_IS_BETTER, draws, seed);
    }

    /**
     * P(mean a better than mean b) from two groups' means, standard errors and counts, by Monte
     * Carlo from the Student t posteriors t_{n−1}(mean, se) (as {@link #ces(Ces, Ces, int, long)},
     * for callers that hold summaries instead of tallies).
     *
     * @param higherIsBetter whether a higher mean is better (false on an effort scale)
     * @throws IllegalArgumentException if a mean or standard error is not finite, a standard error
     *     is not positive, an n is below 2, or draws is not in 1,000..100,000,000
     */
    public static Probability means(double meanA, double seA, long nA, double meanB, double seB, long nB,
            boolean higherIsBetter, int draws, long seed) {
        checkDraws(draws);
        for (double v : new double[] {meanA, seA, meanB, seB}) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("Invalid mean or standard error (valid values: finite): " + v);
            }
        }
        if (!(seA > 0) || !(seB > 0) || nA < 2 || nB < 2) {
            throw new IllegalArgumentException("Invalid posterior of a mean (valid values: n >= 2 and a positive "
                    + "standard error): n = " + nA + ", " + nB + ", se = " + seA + ", " + seB);
        }
        int sign = higherIsBetter ? 1 : -1;
        SplittableRandom random = new SplittableRandom(seed);
        long wins = 0;
        for (int i = 0; i < draws; i++) {
            double da = meanA + seA * studentT(nA - 1, random);
            double db = meanB + seB * studentT(nB - 1, random);
            if (sign * (da - db) > 0) {
                wins++;
            }
        }
        return monteCarlo(wins, draws);
    }

    private static Probability monteCarlo(long wins, int draws) {
        double p = (double) wins / draws;
        return new Probability(p, Math.sqrt(p * (1 - p) / draws), draws, "monte-carlo");
    }

    /** A Student t draw: Z / √(V / ν) with V a chi-square draw, 2 × Gamma(ν/2). */
    private static double studentT(double df, SplittableRandom random) {
        double z = random.nextGaussian();
        double v = 2 * gamma(df / 2, random);
        return z / Math.sqrt(v / df);
    }

    /**
     * A Gamma(shape, 1) draw by Marsaglia &amp; Tsang (2000), "A simple method for generating gamma
     * variables", ACM TOMS 26(3), doi:10.1145/358407.358414; for shape &lt; 1 the draw for
     * shape + 1 times U^(1/shape).
     */
    static double gamma(double shape, SplittableRandom random) {
        if (shape < 1) {
            return gamma(shape + 1, random) * Math.pow(random.nextDouble(), 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x;
            double v;
            do {
                x = random.nextGaussian();
                v = 1 + c * x;
            } while (v <= 0);
            v = v * v * v;
            double u = random.nextDouble();
            if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) {
                return d * v;
            }
        }
    }

    private static void checkDraws(int draws) {
        if (draws < 1_000 || draws > 100_000_000) {
            throw new IllegalArgumentException("Invalid value for draws (valid values 1000 - 100000000): " + draws);
        }
    }

    private static void requireCounts(boolean aEmpty, boolean bEmpty, String metric) {
        if (aEmpty || bEmpty) {
            throw new IllegalStateException("No responses in group " + (aEmpty ? "a" : "b") + ": the probability that "
                    + metric + " a is better than b needs responses in both");
        }
    }

    private static void requireUnweighted(boolean weighted) {
        if (weighted) {
            throw new IllegalArgumentException("Weighted scores are not supported: the posteriors are for counts of "
                    + "independent responses");
        }
    }

    /**
     * The posterior of NPS under the uniform Dirichlet(1, 1, 1) prior, in closed form: with
     * α = (1 + promoters, 1 + passives, 1 + detractors) and α₀ = Σα, the mean is
     * 100 (α_P − α_D) / α₀ and the variance 100² [α_P (α₀ − α_P) + α_D (α₀ − α_D) + 2 α_P α_D]
     * / (α₀² (α₀ + 1)) (the Dirichlet's moments; Gelman et al. 2013, appendix A).
     *
     * @param mean the posterior mean, NPS points
     * @param standardDeviation the posterior standard deviation, NPS points
     * @since 0.1.0
     */
    public record NpsPosterior(double mean, double standardDeviation) {
        /** The posterior of a (possibly empty) unweighted NPS. */
        public static NpsPosterior of(Nps nps) {
            requireUnweighted(nps.isWeighted());
            double p = 1.0 + nps.promoters();
            double d = 1.0 + nps.detractors();
            double a0 = p + d + 1.0 + nps.passives();
            double variance = (p * (a0 - p) + d * (a0 - d) + 2 * p * d) / (a0 * a0 * (a0 + 1));
            return new NpsPosterior(100 * (p - d) / a0, 100 * Math.sqrt(variance));
        }
    }
}
