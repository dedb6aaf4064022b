package io.github.cxmetrics.insight;

import io.github.cxmetrics.internal.Checks;
import io.github.cxmetrics.score.Nps;
import io.github.cxmetrics.score.Proportion;
import io.github.cxmetrics.stats.Beta;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A fair ranking of groups (teams, agents, stores) by empirical-Bayes shrinkage: a team with 12
 * responses and a perfect score is pulled towards the groups' common level by as much as its
 * small n warrants, so it does not top the ranking by luck.
 *
 * <p>The model: each group's true shares of the answer categories (satisfied / not, for CSAT and
 * FCR; promoters / passives / detractors, for NPS) are drawn from a common prior, Beta(α₁, α₂)
 * or Dirichlet(α_P, α_A, α_D), and its responses are multinomial given its shares: the
 * beta-binomial and Dirichlet-multinomial models (Minka 2000, "Estimating a Dirichlet
 * distribution"; Efron &amp; Morris 1975 for the empirical-Bayes idea). The prior is fitted to all
 * groups by maximum likelihood of the marginal (Dirichlet-multinomial) likelihood
 * <pre>
 * log L(α) = Σ_groups [ log B(A, n_g) − Σ_{k: x_gk ≥ 1} log B(α_k, x_gk) ] + constant,   A = Σ α_k
 * </pre>
 * maximised over the prior mean and the log of its strength A by Nelder–Mead, from the pooled
 * shares and a method-of-moments strength. The strength is kept in [0.01, 10^7]: at the upper
 * bound the groups show no variation beyond chance and every group shrinks to the pooled score.
 *
 * <p>Each group's posterior is Dirichlet(α + its counts), giving its shrunk score (the posterior
 * mean), a credible interval (exact beta quantiles for shares; Monte Carlo quantiles for NPS), and,
 * from joint draws of every group's posterior ({@link #draws()}, seeded), the probability that it is
 * the best group and that it is in the bottom quarter (among the ⌈G/4⌉ lowest of G groups).
 * Monte Carlo probabilities have a standard error of at most 0.5/√draws.
 *
 * <p>Get one with {@link #ofShares} or {@link #ofNps}. Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class GroupRanking {
    /** The default Monte Carlo draws: 10,000 (standard error of a probability ≤ 0.005). */
    public static final int DEFAULT_DRAWS = 10_000;
    private static final double MIN_STRENGTH = 0.01;
    private static final double MAX_STRENGTH = 1e7;

    private final List<RankedGroup> groups;
    private final double[] prior;
    private final double[] values;
    private final int draws;
    private final long seed;
    private final double confidence;

    private GroupRanking(List<RankedGroup> groups, double[] prior, double[] values, int draws, long seed,
            double confidence) {
        this.groups = List.copyOf(groups);
        this.prior = prior;
        this.values = values;
        this.draws = draws;
        this.seed = seed;
        this.confidence = confidence;
    }

    /**
     * One group in a ranking; scores in percent (shares) or NPS points.
     *
     * @param group the group's name
     * @param n its responses
     * @param score its raw score (NaN without responses)
     * @param shrunk its posterior mean: the score pulled towards the common level
     * @param lower the lower bound of its credible interval
     * @param upper the upper bound of its credible interval
     * @param probabilityBest the posterior probability that it is the best group
     * @param probabilityBottomQuartile the posterior probability that it is among the ⌈G/4⌉ lowest
     * @param rank its rank by shrunk score, 1 the best
     * @since 0.1.0
     */
    public record RankedGroup(String group, long n, double score, double shrunk, double lower, double upper,
            double probabilityBest, double probabilityBottomQuartile, int rank) {
    }

    /**
     * Ranks groups by a share (CSAT % satisfied, FCR %) with a beta-binomial prior, at 95 %, with
     * {@link #DEFAULT_DRAWS} draws and seed 1.
     */
    public static GroupRanking ofShares(Map<String, Proportion> groups) {
        return ofShares(groups, 0.95, DEFAULT_DRAWS, 1);
    }

    /**
     * Ranks groups by a share with a beta-binomial prior.
     *
     * @throws IllegalArgumentException if there are fewer than 3 groups with responses, the
     *     confidence is not in (0, 1), or draws is not in 1,000..1,000,000
     */
    public static GroupRanking ofShares(Map<String, Proportion> groups, double confidence, int draws, long seed) {
        List<String> names = new ArrayList<>(groups.keySet());
        long[][] counts = new long[names.size()][];
        for (int g = 0; g < names.size(); g++) {
            Proportion p = Objects.requireNonNull(groups.get(names.get(g)), names.get(g));
            counts[g] = new long[] {p.successes(), p.n() - p.successes()};
        }
        return rank(names, counts, new double[] {100, 0}, confidence, draws, seed);
    }

    /** Ranks groups by NPS with a Dirichlet-multinomial prior, at 95 %, with {@link #DEFAULT_DRAWS} draws and seed 1. */
    public static GroupRanking ofNps(Map<String, Nps> groups) {
        return ofNps(groups, 0.95, DEFAULT_DRAWS, 1);
    }

    /**
     * Ranks groups by NPS with a Dirichlet-multinomial prior.
     *
     * @throws IllegalArgumentException if a score is weighted, there are fewer than 3 groups with
     *     responses, the confidence is not in (0, 1), or draws is not in 1,000..1,000,000
     */
    public static GroupRanking ofNps(Map<String, Nps> groups, double confidence, int draws, long seed) {
        List<String> names = new ArrayList<>(groups.keySet());
        long[][] counts = new long[names.size()][];
        for (int g = 0; g < names.size(); g++) {
            Nps s = Objects.requireNonNull(groups.get(names.get(g)), names.get(g));
            if (s.isWeighted()) {
                throw new IllegalArgumentException("Weighted scores are not supported: the ranking's model is for "
                        + "counts of responses (group " + names.get(g) + ")");
            }
            counts[g] = new long[] {s.promoters(), s.passives(), s.detractors()};
        }
        return rank(names, counts, new double[] {100, 0, -100}, confidence, draws, seed);
    }

    private static GroupRanking rank(List<String> names, long[][] counts, double[] weights, double confidence,
            int draws, long seed) {
        Checks.confidence(confidence);
        if (draws < 1_000 || draws > 1_000_000) {
            throw new IllegalArgumentException("Invalid value for draws (valid values 1000 - 1000000): " + draws);
        }
        long answered = Arrays.stream(counts).filter(c -> Arrays.stream(c).sum() > 0).count();
        if (answered < 3) {
            throw new IllegalArgumentException("Invalid number of groups with responses for a ranking (valid values "
                    + ">= 3: the prior is fitted across the groups): " + answered);
        }
        double[] alpha = fitPrior(counts);
        int groupCount = names.size();
        double[] score = new double[groupCount];
        double[] shrunk = new double[groupCount];
        double[][] interval = new double[groupCount][];
        long[] n = new long[groupCount];
        // each group's posterior Dirichlet(alpha + counts), formed once for every draw below
        double[][] posterior = new double[groupCount][alpha.length];
        for (int g = 0; g < groupCount; g++) {
            n[g] = Arrays.stream(counts[g]).sum();
            double total = n[g];
            double post = total;
            for (double a : alpha) {
                post += a;
            }
            double raw = 0;
            double mean = 0;
            for (int k = 0; k < alpha.length; k++) {
                posterior[g][k] = alpha[k] + counts[g][k];
                raw += weights[k] * counts[g][k] / total;
                mean += weights[k] * posterior[g][k] / post;
            }
            score[g] = n[g] == 0 ? Double.NaN : raw;
            shrunk[g] = mean;
            interval[g] = alpha.length == 2
                    ? new double[] {100 * Beta.quantile((1 - confidence) / 2, posterior[g][0], posterior[g][1]),
                        100 * Beta.quantile((1 + confidence) / 2, posterior[g][0], posterior[g][1])}
                    : monteCarloInterval(posterior[g], weights, confidence, draws, new SplittableRandom(seed + 1 + g));
        }
        double[][] probabilities = jointProbabilities(posterior, weights, draws, new SplittableRandom(seed));
        Integer[] order = new Integer[groupCount];
        for (int g = 0; g < groupCount; g++) {
            order[g] = g;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer g) -> -shrunk[g]).thenComparing(names::get));
        List<RankedGroup> out = new ArrayList<>();
        for (int r = 0; r < groupCount; r++) {
            int g = order[r];
            out.add(new RankedGroup(names.get(g), n[g], score[g], shrunk[g], interval[g][0], interval[g][1],
                    probabilities[0][g], probabilities[1][g], r + 1));
        }
        return new GroupRanking(out, alpha, weights, draws, seed, confidence);
    }

    /**
     * The maximum-likelihood Dirichlet prior of the groups' counts, over θ = (log(μ_k/μ_K) for
     * k &lt; K, log A), with A kept in [0.01, 10^7].
     */
    static double[] fitPrior(long[][] counts) {
        int k = counts[0].length;
        double[] pooled = new double[k];
        double total = 0;
        for (long[] c : counts) {
            for (int j = 0; j < k; j++) {
                pooled[j] += c[j] + 0.5;
                total += c[j] + 0.5;
            }
        }
        double[] start = new double[k];
        for (int j = 0; j < k - 1; j++) {
            start[j] = Math.log(pooled[j] / pooled[k - 1]);
        }
        start[k - 1] = Math.log(momentStrength(counts, pooled[0] / total));
        double[] theta = NelderMead.minimize(t -> -logLikelihood(counts, alpha(t)), start, 0.5);
        return alpha(theta);
    }

    /** The method-of-moments strength of the first category's share, as the start of the fit. */
    private static double momentStrength(long[][] counts, double p) {
        double sum = 0;
        double chance = 0;
        int groups = 0;
        for (long[] c : counts) {
            long n = Arrays.stream(c).sum();
            if (n > 0) {
                double d = (double) c[0] / n - p;
                sum += d * d;
                chance += p * (1 - p) / n;
                groups++;
            }
        }
        double between = (sum - chance) / groups;
        double strength = between > 0 ? p * (1 - p) / between - 1 : 1e3;
        return Math.max(1, Math.min(1e6, strength));
    }

    private static double[] alpha(double[] theta) {
        int k = theta.length;
        double strength = Math.exp(Math.max(Math.log(MIN_STRENGTH), Math.min(Math.log(MAX_STRENGTH), theta[k - 1])));
        double[] mu = new double[k];
        double sum = 1;
        for (int j = 0; j < k - 1; j++) {
            mu[j] = Math.exp(Math.max(-700, Math.min(700, theta[j])));
            sum += mu[j];
        }
        mu[k - 1] = 1;
        double[] alpha = new double[k];
        for (int j = 0; j < k; j++) {
            alpha[j] = Math.max(1e-300, strength * mu[j] / sum);
        }
        return alpha;
    }

    /** The Dirichlet-multinomial log-likelihood without the terms that do not depend on α. */
    static double logLikelihood(long[][] counts, double[] alpha) {
        double a = 0;
        for (double x : alpha) {
            a += x;
        }
        double ll = 0;
        for (long[] c : counts) {
            long n = Arrays.stream(c).sum();
            if (n == 0) {
                continue;
            }
            ll += Beta.logBeta(a, n);
            for (int j = 0; j < c.length; j++) {
                if (c[j] > 0) {
                    ll -= Beta.logBeta(alpha[j], c[j]);
                }
            }
        }
        return ll;
    }

    private static double[] monteCarloInterval(double[] posterior, double[] weights, double confidence, int draws,
            SplittableRandom random) {
        double[] v = new double[draws];
        for (int d = 0; d < draws; d++) {
            v[d] = ProbabilityBetter.dirichletDraw(posterior, weights, random);
        }
        Arrays.sort(v);
        return new double[] {DriverBootstrap.quantile(v, (1 - confidence) / 2),
            DriverBootstrap.quantile(v, (1 + confidence) / 2)};
    }

    /** [0][g]: P(group g is the best); [1][g]: P(group g is among the ⌈G/4⌉ lowest), from joint draws. */
    private static double[][] jointProbabilities(double[][] posterior, double[] weights, int draws,
            SplittableRandom random) {
        int groups = posterior.length;
        int bottom = (groups + 3) / 4;
        long[] best = new long[groups];
        long[] low = new long[groups];
        double[] v = new double[groups];
        double[] sorted = new double[groups];
        for (int d = 0; d < draws; d++) {
            int top = 0;
            for (int g = 0; g < groups; g++) {
                v[g] = ProbabilityBetter.dirichletDraw(posterior[g], weights, random);
                if (v[g] > v[top]) {
                    top = g;
                }
            }
            best[top]++;
            System.arraycopy(v, 0, sorted, 0, groups);
            Arrays.sort(sorted);
            double threshold = sorted[bottom - 1];
            for (int g = 0; g < groups; g++) {
                if (v[g] <= threshold) {
                    low[g]++;
                }
            }
        }
        double[][] out = new double[2][groups];
        for (int g = 0; g < groups; g++) {
            out[0][g] = (double) best[g] / draws;
            out[1][g] = (double) low[g] / draws;
        }
        return out;
    }

    /** The groups, best first (by shrunk score; ties by name). */
    public List<RankedGroup> groups() {
        return groups;
    }

    /** The fitted prior's parameters: (α_satisfied, α_not) for shares, (α_P, α_A, α_D) for NPS. */
    public double[] prior() {
        return prior.clone();
    }

    /** The prior's strength A = Σα: how many responses' worth of pull towards the common level. */
    public double priorStrength() {
        return Arrays.stream(prior).sum();
    }

    /** The prior's mean score (percent, or NPS points): the common level groups are pulled towards. */
    public double priorMean() {
        double a = priorStrength();
        double m = 0;
        for (int j = 0; j < prior.length; j++) {
            m += values[j] * prior[j] / a;
        }
        return m;
    }

    /** The Monte Carlo draws of the probabilities (and of NPS intervals). */
    public int draws() {
        return draws;
    }

    /** The seed of the draws. */
    public long seed() {
        return seed;
    }

    /** The level of the credible intervals. */
    public double confidence() {
        return confidence;
    }
}
