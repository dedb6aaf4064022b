package io.github.cxmetrics.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.cxmetrics.score.Nps;
import io.github.cxmetrics.score.Proportion;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/**
 * Empirical-Bayes rankings against R 4.2: the beta-binomial and Dirichlet-multinomial priors fitted
 * by {@code optim} (BFGS then Nelder-Mead) on the marginal likelihood written with {@code lbeta} and
 * {@code lgamma}; credible bounds by {@code qbeta}; the probabilities from 200,000 joint
 * {@code rbeta} draws (script: the comments of each test).
 */
class GroupRankingTest {
    private static final String[] TEAMS = {"A", "B", "C", "D", "E", "F", "G", "H"};
    private static final long[] SATISFIED = {12, 180, 150, 95, 260, 40, 70, 33};
    private static final long[] N = {12, 200, 190, 120, 300, 55, 80, 45};

    private static Map<String, Proportion> teams() {
        Map<String, Proportion> m = new LinkedHashMap<>();
        for (int i = 0; i < TEAMS.length; i++) {
            m.put(TEAMS[i], Proportion.of(SATISFIED[i], N[i]));
        }
        return m;
    }

    @Test
    void aSmallPerfectTeamIsNotFirst() {
        // R: a = 46.6663656229, b = 9.6876939440; shrunk A 85.827, B 88.419, E 86.057
        GroupRanking r = GroupRanking.ofShares(teams(), 0.95, 200_000, 5);
        assertThat(r.prior()[0]).isCloseTo(46.6663656229, within(46.67 * 1e-4));
        assertThat(r.prior()[1]).isCloseTo(9.6876939440, within(9.69 * 1e-4));
        double[] shrunk = {85.8271856780, 88.4192612381, 79.8307793136, 80.3306518551, 86.0566499497, 77.8295519355,
            85.5613437499, 78.6020470846};
        double[] lower = {76.6987343468, 84.2371041840, 74.6091506816, 74.1687272794, 82.2795665873, 69.7010021544,
            79.2146072556, 70.1528164459};
        double[] best = {0.248180, 0.516015, 0.000315, 0.001805, 0.092530, 0.001120, 0.137180, 0.002855};
        double[] low = {0.061465, 0.000200, 0.389220, 0.330390, 0.001865, 0.640730, 0.026140, 0.549990};
        Map<String, GroupRanking.RankedGroup> by = new LinkedHashMap<>();
        r.groups().forEach(g -> by.put(g.group(), g));
        for (int i = 0; i < TEAMS.length; i++) {
            GroupRanking.RankedGroup g = by.get(TEAMS[i]);
            assertThat(g.shrunk()).as(TEAMS[i]).isCloseTo(shrunk[i], within(2e-3));
            assertThat(g.lower()).as(TEAMS[i]).isCloseTo(lower[i], within(5e-3));
            assertThat(g.score()).isCloseTo(100.0 * SATISFIED[i] / N[i], within(1e-12));
            double se = Math.sqrt(best[i] * (1 - best[i]) / 200_000) * Math.sqrt(2) + 1e-4;
            assertThat(g.probabilityBest()).as(TEAMS[i] + " best").isCloseTo(best[i], within(4 * se + 2e-3));
            double seLow = Math.sqrt(low[i] * (1 - low[i]) / 200_000) * Math.sqrt(2) + 1e-4;
            assertThat(g.probabilityBottomQuartile()).as(TEAMS[i] + " low").isCloseTo(low[i], within(4 * seLow + 2e-3));
        }
        // A has the best raw score (100 %) but ranks third after shrinkage
        assertThat(r.groups()).extracting(GroupRanking.RankedGroup::group).startsWith("B", "E", "A");
        assertThat(by.get("A").rank()).isEqualTo(3);
        assertThat(r.priorMean()).isCloseTo(100 * 46.6663656229 / (46.6663656229 + 9.6876939440), within(0.01));
    }

    @Test
    void npsWithADirichletPrior() {
        // R: alpha = (36.3666342606, 18.3483812842, 13.2241553498)
        long[][] counts = {{10, 2, 0}, {120, 60, 40}, {90, 70, 50}, {150, 50, 30}, {60, 40, 45}, {200, 90, 60}};
        double[] shrunk = {41.4596230357, 35.8209265486, 22.7180928502, 48.0441958944, 17.9123825600, 39.0349817084};
        Map<String, Nps> groups = new LinkedHashMap<>();
        for (int i = 0; i < counts.length; i++) {
            groups.put("s" + (i + 1), Nps.of(counts[i][0], counts[i][1], counts[i][2]));
        }
        GroupRanking r = GroupRanking.ofNps(groups);
        assertThat(r.prior()).containsExactly(new double[] {36.3666342606, 18.3483812842, 13.2241553498},
                within(0.02));
        for (GroupRanking.RankedGroup g : r.groups()) {
            int i = Integer.parseInt(g.group().substring(1)) - 1;
            assertThat(g.shrunk()).as(g.group()).isCloseTo(shrunk[i], within(2e-3));
            assertThat(g.lower()).isLessThan(g.shrunk());
            assertThat(g.upper()).isGreaterThan(g.shrunk());
        }
        // s1 (10 promoters of 12: NPS 83) is pulled to 41.5 and ranks behind s4 (NPS 52 on 230)
        assertThat(r.groups().get(0).group()).isEqualTo("s4");
        assertThat(r.groups().get(1).group()).isEqualTo("s1");
    }

    @Test
    void identicalGroupsShrinkToThePooledScore() {
        Map<String, Proportion> m = new LinkedHashMap<>();
        for (int i = 0; i < 5; i++) {
            m.put("t" + i, Proportion.of(80, 100));
        }
        GroupRanking r = GroupRanking.ofShares(m);
        assertThat(r.priorStrength()).isGreaterThan(1e5);
        r.groups().forEach(g -> assertThat(g.shrunk()).isCloseTo(80, within(0.01)));
    }

    @Test
    void badInput() {
        Map<String, Proportion> two = new LinkedHashMap<>();
        two.put("a", Proportion.of(1, 2));
        two.put("b", Proportion.of(2, 3));
        assertThatThrownBy(() -> GroupRanking.ofShares(two)).hasMessageContaining("valid values >= 3")
                .hasMessageContaining(": 2");
        assertThatThrownBy(() -> GroupRanking.ofShares(teams(), 0.95, 10, 1)).hasMessageContaining("draws");
        assertThatThrownBy(() -> GroupRanking.ofShares(teams(), 1.5, 1000, 1)).hasMessageContaining("1.5");
    }

    @Property(tries = 30)
    void shrunkScoresLieBetweenTheRawScoreAndThePriorMean(@ForAll @LongRange(max = 10_000) long seed,
            @ForAll @IntRange(min = 3, max = 12) int groups) {
        java.util.Random random = new java.util.Random(seed);
        Map<String, Proportion> m = new LinkedHashMap<>();
        for (int g = 0; g < groups; g++) {
            int n = 1 + random.nextInt(200);
            double p = 0.5 + 0.45 * random.nextDouble();
            int x = 0;
            for (int i = 0; i < n; i++) {
                x += random.nextDouble() < p ? 1 : 0;
            }
            m.put("g" + g, Proportion.of(x, n));
        }
        GroupRanking r = GroupRanking.ofShares(m, 0.9, 1000, seed);
        double prior = r.priorMean();
        double best = 0;
        double low = 0;
        for (GroupRanking.RankedGroup g : r.groups()) {
            double lo = Math.min(g.score(), prior) - 1e-9;
            double hi = Math.max(g.score(), prior) + 1e-9;
            assertThat(g.shrunk()).isBetween(lo, hi);
            assertThat(g.lower()).isLessThanOrEqualTo(g.shrunk());
            assertThat(g.upper()).isGreaterThanOrEqualTo(g.shrunk());
            best += g.probabilityBest();
            low += g.probabilityBottomQuartile();
        }
        assertThat(best).isCloseTo(1, within(1e-9));
        assertThat(low).isCloseTo((groups + 3) / 4, within(1e-9));
        List<GroupRanking.RankedGroup> list = r.groups();
        for (int i = 1; i < list.size(); i++) {
            assertThat(list.get(i).shrunk()).isLessThanOrEqualTo(list.get(i - 1).shrunk());
        }
    }
}
