package io.github.cxmetrics.stats;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

/** The exact messages of the argument checks: parameter, valid range, value. */
class DistributionArgumentsTest {

    @Test
    void messagesNameTheParameterTheRangeAndTheValue() {
        assertThatIllegalArgumentException().isThrownBy(() -> Normal.quantile(1.5))
            .withMessage("Invalid value for p (valid values 0 - 1): 1.5");
        assertThatIllegalArgumentException().isThrownBy(() -> StudentT.cdf(1, -1))
            .withMessage("Invalid value for df (valid values > 0): -1.0");
        assertThatIllegalArgumentException().isThrownBy(() -> Normal.criticalValue(Double.NaN))
            .withMessage("Invalid value for confidence (valid values 0 < c < 1): NaN");
        assertThatIllegalArgumentException().isThrownBy(() -> Normal.cdf(Double.NaN))
            .withMessage("Invalid value for x (valid values any number except NaN): NaN");
        assertThatIllegalArgumentException().isThrownBy(() -> StudentT.twoSidedPValue(Double.NaN, 3))
            .withMessage("Invalid value for t (valid values any number except NaN): NaN");
        assertThatIllegalArgumentException().isThrownBy(() -> Normal.twoSidedPValue(Double.NaN))
            .withMessage("Invalid value for z (valid values any number except NaN): NaN");
        assertThatIllegalArgumentException().isThrownBy(() -> Beta.cdf(0.5, 0, 1))
            .withMessage("Invalid value for a (valid values 0 < a < Infinity): 0.0");
        assertThatIllegalArgumentException().isThrownBy(() -> Beta.quantile(0.5, 1, Double.POSITIVE_INFINITY))
            .withMessage("Invalid value for b (valid values 0 < b < Infinity): Infinity");
        assertThatIllegalArgumentException().isThrownBy(() -> StudentT.criticalValue(1, 5))
            .withMessage("Invalid value for confidence (valid values 0 < c < 1): 1.0");
    }
}
