package io.github.cxmetrics.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cxmetrics.scale.CesScale;
import io.github.cxmetrics.scale.CsatScale;
import io.github.cxmetrics.scale.NpsScale;
import io.github.cxmetrics.scale.Scale;
import io.github.cxmetrics.tally.Tally;
import io.github.cxmetrics.tally.WeightedTally;
import io.github.cxmetrics.tally.WeightedTallyAccumulator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * The one empty-data rule (docs/methods.md, "Empty data"): a statistic of no data throws
 * {@link IllegalStateException} with one message shape, for every score type, unweighted and
 * weighted; counts and {@code n} of no data are 0, and {@code isEmpty()} says so in advance.
 */
class EmptyDataTest {
    private static final String NO_RESPONSES = "(The|A) [a-zA-Z ]+ of no responses is undefined \\(n = 0\\)";
    private static final String NO_WEIGHT = "(The|A) [a-zA-Z ]+ is undefined: the total weight is zero \\(n = 2\\)";

    private static Map<String, ThrowingCallable> statistics(Nps nps, Csat csat, Ces ces, Mean mean, Proportion share) {
        Map<String, ThrowingCallable> all = new LinkedHashMap<>();
        all.put("Nps.score", nps::score);
        all.put("Nps.share", () -> nps.share(io.github.cxmetrics.scale.NpsCategory.PROMOTER));
        all.put("Nps.variance", nps::variance);
        all.put("Nps.standardError", nps::standardError);
        all.put("Nps.interval", nps::interval);
        all.put("Nps.versusBenchmark", () -> nps.versusBenchmark(0, 0.95));
        all.put("Csat.score", csat::score);
        all.put("Csat.interval", csat::interval);
        all.put("Csat.distribution", csat::distribution);
        all.put("Csat.mean().value", () -> csat.mean().value());
        all.put("Csat.satisfiedShare().estimate", () -> csat.satisfiedShare().estimate());
        all.put("Ces.score", ces::score);
        all.put("Ces.interval", ces::interval);
        all.put("Ces.easyShare().interval", () -> ces.easyShare().interval());
        all.put("Mean.value", mean::value);
        all.put("Mean.variance", mean::variance);
        all.put("Mean.standardDeviation", mean::standardDeviation);
        all.put("Mean.standardError", mean::standardError);
        all.put("Mean.interval", mean::interval);
        all.put("Proportion.estimate", share::estimate);
        all.put("Proportion.standardError", share::standardError);
        all.put("Proportion.interval", share::interval);
        all.put("Comparisons.nps", () -> Comparisons.nps(nps, nps, 0.95));
        all.put("Comparisons.csat", () -> Comparisons.csat(csat, csat, 0.95));
        all.put("Comparisons.ces", () -> Comparisons.ces(ces, ces, 0.95));
        all.put("Comparisons.proportions", () -> Comparisons.proportions(share, share, 0.95));
        return all;
    }

    @Test
    void everyStatisticOfNoResponsesThrowsIllegalStateException() {
        Nps nps = Nps.of(Tally.empty(NpsScale.STANDARD));
        Csat csat = Csat.of(Tally.empty(CsatScale.FIVE_POINT));
        Ces ces = Ces.of(Tally.empty(CesScale.AGREEMENT_7));
        Mean mean = Mean.of(Tally.empty(CsatScale.FIVE_POINT));
        Proportion share = Proportion.of(0, 0);
        assertThat(nps.isEmpty() && csat.isEmpty() && ces.isEmpty() && mean.isEmpty() && share.isEmpty()).isTrue();
        assertThat(nps.n() + csat.n() + ces.n() + mean.n() + share.n() + nps.promoters() + csat.satisfied() + ces.easy())
                .isZero();
        statistics(nps, csat, ces, mean, share).forEach((name, call) -> assertThatThrownBy(call).as(name)
                .isExactlyInstanceOf(IllegalStateException.class).hasMessageMatching(NO_RESPONSES));
    }

    @Test
    void everyStatisticOfWeightlessResponsesThrowsIllegalStateException() {
        Nps nps = Nps.of(zeroWeight(NpsScale.STANDARD));
        Csat csat = Csat.of(zeroWeight(CsatScale.FIVE_POINT));
        Ces ces = Ces.of(zeroWeight(CesScale.AGREEMENT_7));
        Mean mean = Mean.of(zeroWeight(CsatScale.FIVE_POINT));
        Proportion share = Proportion.favorable(zeroWeight(CsatScale.FIVE_POINT));
        assertThat(nps.n()).isEqualTo(2);
        statistics(nps, csat, ces, mean, share).forEach((name, call) -> assertThatThrownBy(call).as(name)
                .isExactlyInstanceOf(IllegalStateException.class).hasMessageMatching(NO_WEIGHT));
    }

    private static WeightedTally zeroWeight(Scale scale) {
        return new WeightedTallyAccumulator(scale).add(scale.max(), 0).add(scale.min(), 0).snapshot();
    }
}
