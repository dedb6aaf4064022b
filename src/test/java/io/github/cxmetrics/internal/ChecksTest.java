package io.github.cxmetrics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cxmetrics.scale.CesScale;
import io.github.cxmetrics.scale.CsatScale;
import io.github.cxmetrics.scale.NpsScale;
import org.junit.jupiter.api.Test;

class ChecksTest {

    @Test
    void confidenceAcceptsOnlyTheOpenUnitInterval() {
        assertThat(Checks.confidence(0.9)).isEqualTo(0.9);
        assertThat(Checks.confidence(Double.MIN_VALUE)).isEqualTo(Double.MIN_VALUE);
        assertThat(Checks.confidence(Math.nextDown(1.0))).isEqualTo(Math.nextDown(1.0));
        for (double bad : new double[] {0, -0.0, 1, 1.5, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> Checks.confidence(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Invalid value for confidence (valid values 0 < c < 1): " + bad);
        }
    }

    @Test
    void scaleMismatchHasOneWording() {
        assertThat(Checks.scaleMismatch(CsatScale.FIVE_POINT, CsatScale.of(1, 7)))
                .hasMessage("Scale mismatch: CSAT[1..5] / CSAT[1..7]");
        assertThat(Checks.scaleKindMismatch("NPS", CsatScale.FIVE_POINT))
                .hasMessage("Scale mismatch: an NPS scale / CSAT[1..5]");
        assertThat(Checks.scaleKindMismatch("CSAT", NpsScale.STANDARD))
                .hasMessage("Scale mismatch: a CSAT scale / NPS[0..10]");
        assertThat(Checks.scaleKindMismatch("CES", NpsScale.STANDARD))
                .hasMessage("Scale mismatch: a CES scale / NPS[0..10]");
        Checks.sameScale(CesScale.EFFORT_5, CesScale.of(1, 5, CesScale.EFFORT_5.direction()));
        assertThatThrownBy(() -> Checks.sameScale(CesScale.EFFORT_5, CesScale.AGREEMENT_7))
                .hasMessage("Scale mismatch: CES[1..5 effort] / CES[1..7]");
    }
}
