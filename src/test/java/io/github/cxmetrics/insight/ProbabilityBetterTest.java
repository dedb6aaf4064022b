package io.github.cxmetrics.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.cxmetrics.scale.CesScale;
import io.github.cxmetrics.scale.CsatScale;
import io.github.cxmetrics.scale.Direction;
import io.github.cxmetrics.score.Ces;
import io.github.cxmetrics.score.Csat;
import io.github.cxmetrics.score.Nps;
import io.github.cxmetrics.stats.Beta;
import io.github.cxmetrics.tally.Tally;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Posterior probabilities against independent computations in R 4.2 (script in the comments):
 * {@code integrate(function(y) dbeta(y, aY, bY) * pbeta(y, aX, bX, lower.tail = FALSE), 0, 1)} for
 * the beta inequality, and 4 million {@code rgamma}/{@code rt} draws for the Monte Carlo ones.
 */
class ProbabilityBetterTest {

    @Test
    void evanMillersExample() {
        // 40 of 50 against 45 of 50, uniform priors: P(p_B > p_A) = 0.9139 (evanmiller.org)
        assertThat(Beta.probabilityGreater(46, 6, 41, 11)).isCloseTo(0.913912137645, within(1e-10));
        Csat a = Csat.of(Tally.of(CsatScale.FIVE_POINT, 5, 5, 0, 20, 20)); // 40 of 50 satisfied
        Csat b = Csat.of(Tally.of(CsatScale.FIVE_POINT, 2, 3, 0, 25, 20)); // 45 of 50
        ProbabilityBetter.Probability p = ProbabilityBetter.csat(b, a);
        assertThat(p.value()).isCloseTo(0.913912137645, within(1e-10));
        assertThat(p.isExact()).isTrue();
        assertThat(p.standardError()).isZero();
        assertThat(ProbabilityBetter.csat(a, b).value()).isCloseTo(1 - 0.913912137645, within(1e-10));
    }

    @Test
    void betaInequalityAgainstNumericalIntegration() {
        assertThat(Beta.probabilityGreater(4101, 901, 4001, 1001)).isCloseTo(0.994596819443, within(1e-9));
        assertThat(Beta.probabilityGreater(2.5, 7, 3, 4.5)).isCloseTo(0.265716737855, within(1e-9));
        assertThat(Beta.probabilityGreater(1, 1, 1, 1)).isCloseTo(0.5, within(1e-15));
        assertThat(Beta.probabilityGreater(3, 120, 1, 50)).isCloseTo(0.645714834281, within(1e-9));
        assertThatThrownBy(() -> Beta.probabilityGreater(2.5, 7.5, 3.5, 4.5)).hasMessageContaining("an integer");
        assertThatThrownBy(() -> Beta.probabilityGreater(0, 1, 1, 1)).hasMessageContaining("aX");
    }

    @Test
    void npsAgainstRMonteCarlo() {
        // R: Dirichlet(51, 31, 21) against Dirichlet(41, 36, 26), 4e6 draws: 0.908060 (se 0.000144)
        Nps a = Nps.of(50, 30, 20);
        Nps b = Nps.of(40, 35, 25);
        ProbabilityBetter.Probability p = ProbabilityBetter.nps(a, b, 1_000_000, 7);
        assertThat(p.value()).isCloseTo(0.908060, within(4 * Math.hypot(p.standardError(), 0.000144)));
        assertThat(p.draws()).isEqualTo(1_000_000);
        assertThat(p.method()).isEqualTo("monte-carlo");
        assertThat(ProbabilityBetter.nps(a, b, 1_000_000, 7)).isEqualTo(p);
    }

    @Test
    void cesAgainstRMonteCarloInTheScalesDirection() {
        // R: t posteriors of rep(1:7, c(1,2,3,5,10,12,7)) and rep(1:7, c(2,3,5,6,8,6,5)), 4e6 draws:
        // P(mu_a > mu_b) = 0.941403 (se 0.000117)
        long[] ca = {1, 2, 3, 5, 10, 12, 7};
        long[] cb = {2, 3, 5, 6, 8, 6, 5};
        ProbabilityBetter.Probability up = ProbabilityBetter.ces(Ces.of(Tally.of(CesScale.AGREEMENT_7, ca)),
                Ces.of(Tally.of(CesScale.AGREEMENT_7, cb)), 1_000_000, 3);
        assertThat(up.value()).isCloseTo(0.941403, within(4 * Math.hypot(up.standardError(), 0.000117)));
        CesScale effort = CesScale.of(1, 7, Direction.LOWER_IS_BETTER);
        ProbabilityBetter.Probability down = ProbabilityBetter.ces(Ces.of(Tally.of(effort, ca)),
                Ces.of(Tally.of(effort, cb)), 1_000_000, 3);
        assertThat(down.value()).isCloseTo(0.058597, within(4 * Math.hypot(down.standardError(), 0.000117)));
    }

    @Test
    void npsPosteriorClosedFormAndItsDraws() {
        Nps nps = Nps.of(50, 30, 20);
        ProbabilityBetter.NpsPosterior post = ProbabilityBetter.NpsPosterior.of(nps);
        // alpha = (51, 31, 21), alpha0 = 103: mean 100 * 30 / 103; variance from the Dirichlet moments
        double a0 = 103;
        assertThat(post.mean()).isCloseTo(100 * 30 / a0, within(1e-12));
        double var = (51 * (a0 - 51) + 21 * (a0 - 21) + 2 * 51 * 21) / (a0 * a0 * (a0 + 1));
        assertThat(post.standardDeviation()).isCloseTo(100 * Math.sqrt(var), within(1e-12));
        // the sampler's draws have that mean and standard deviation
        SplittableRandom random = new SplittableRandom(11);
        int n = 400_000;
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < n; i++) {
            double g1 = ProbabilityBetter.gamma(51, random);
            double g2 = ProbabilityBetter.gamma(31, random);
            double g3 = ProbabilityBetter.gamma(21, random);
            double x = 100 * (g1 - g3) / (g1 + g2 + g3);
            sum += x;
            sumSq += x * x;
        }
        double mean = sum / n;
        double sd = Math.sqrt(sumSq / n - mean * mean);
        assertThat(mean).isCloseTo(post.mean(), within(4 * post.standardDeviation() / Math.sqrt(n)));
        assertThat(sd).isCloseTo(post.standardDeviation(), within(0.01 * post.standardDeviation()));
    }

    @Test
    void badInput() {
        Csat empty = Csat.of(Tally.empty(CsatScale.FIVE_POINT));
        Csat one = Csat.of(Tally.of(CsatScale.FIVE_POINT, 0, 0, 0, 1, 0));
        assertThatThrownBy(() -> ProbabilityBetter.csat(empty, one)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("group a");
        assertThatThrownBy(() -> ProbabilityBetter.nps(Nps.of(1, 1, 1), Nps.of(1, 1, 1), 10, 1))
                .hasMessageContaining("valid values 1000 - 100000000").hasMessageContaining(": 10");
        Ces single = Ces.of(Tally.of(CesScale.AGREEMENT_7, 0, 0, 0, 1, 0, 0, 0));
        assertThatThrownBy(() -> ProbabilityBetter.ces(single, single)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("n = 1");
    }

    @Property(tries = 200)
    void theTwoOrdersSumToOneAndASuccessHelps(@ForAll @IntRange(max = 300) int xa, @ForAll @IntRange(max = 300) int fa,
            @ForAll @IntRange(max = 300) int xb, @ForAll @IntRange(max = 300) int fb) {
        double ab = Beta.probabilityGreater(1 + xa, 1 + fa, 1 + xb, 1 + fb);
        double ba = Beta.probabilityGreater(1 + xb, 1 + fb, 1 + xa, 1 + fa);
        assertThat(ab + ba).isCloseTo(1, within(1e-9));
        assertThat(ab).isBetween(0.0, 1.0);
        assertThat(Beta.probabilityGreater(2 + xa, 1 + fa, 1 + xb, 1 + fb)).isGreaterThanOrEqualTo(ab - 1e-12);
    }

    @Property(tries = 30)
    void monteCarloProbabilitiesOfTheTwoOrdersSumToOne(@ForAll @IntRange(min = 1, max = 60) int pa,
            @ForAll @IntRange(max = 60) int aa, @ForAll @IntRange(max = 60) int da,
            @ForAll @IntRange(min = 1, max = 60) int pb, @ForAll @IntRange(max = 60) int ab,
            @ForAll @IntRange(max = 60) int db) {
        Nps a = Nps.of(pa, aa, da);
        Nps b = Nps.of(pb, ab, db);
        ProbabilityBetter.Probability ab1 = ProbabilityBetter.nps(a, b, 20_000, 3);
        ProbabilityBetter.Probability ba = ProbabilityBetter.nps(b, a, 20_000, 4);
        double se = Math.hypot(ab1.standardError(), ba.standardError());
        assertThat(ab1.value() + ba.value()).isCloseTo(1, within(4 * se + 1e-3));
    }
}
