package io.github.cxmetrics.spark;

import io.github.cxmetrics.scale.CesScale;
import io.github.cxmetrics.scale.CsatScale;
import io.github.cxmetrics.scale.Direction;
import io.github.cxmetrics.scale.NpsScale;
import io.github.cxmetrics.scale.Scale;
import java.io.Serializable;
import java.util.Objects;

/**
 * A scale as plain serializable numbers, so that an aggregator can travel to Spark executors
 * (the core's scales are values, but not {@link Serializable}). {@code a} and {@code b} are the
 * NPS breaks (detractors up to, passives up to), the CSAT top-box size, or the CES direction
 * (1 higher is better, 0 lower is better).
 */
record ScaleSpec(String kind, int min, int max, int a, int b) implements Serializable {

    static ScaleSpec of(Scale scale) {
        Objects.requireNonNull(scale, "scale");
        if (scale instanceof NpsScale nps) {
            return new ScaleSpec("NPS", nps.min(), nps.max(), nps.detractorsUpTo(), nps.passivesUpTo());
        }
        if (scale instanceof CsatScale csat) {
            return new ScaleSpec("CSAT", csat.min(), csat.max(), csat.topBox(), 0);
        }
        CesScale ces = (CesScale) scale;
        return new ScaleSpec("CES", ces.min(), ces.max(), ces.direction() == Direction.HIGHER_IS_BETTER ? 1 : 0, 0);
    }

    Scale toScale() {
        return switch (kind) {
            case "NPS" -> NpsScale.of(min, max, a, b);
            case "CSAT" -> CsatScale.of(min, max).withTopBox(a);
            default -> CesScale.of(min, max, a == 1 ? Direction.HIGHER_IS_BETTER : Direction.LOWER_IS_BETTER);
        };
    }
}
