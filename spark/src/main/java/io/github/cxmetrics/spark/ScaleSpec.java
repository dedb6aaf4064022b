package io.github.cxmetrics.spark;

import io.github.cxmetrics.scale.CesScale;
import io.github.cxmetrics.scale.CsatScale;
import io.github.cxmetrics.scale.Direction;
import io.github.cxmetrics.scale.NpsScale;
import io.github.cxmetrics.scale.Scale;
import java.io.Serializable;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scale as plain serializable numbers, so that an aggregator can travel to Spark executors
 * (the core's scales are values, but not {@link Serializable}). {@code a} and {@code b} are the
 * NPS breaks (detractors up to, passives up to), the CSAT top-box size, or the CES direction
 * (1 higher is better, 0 lower is better).
 */
record ScaleSpec(String kind, int min, int max, int a, int b) implements Serializable {

    private static final Pattern NPS_CUSTOM =
            Pattern.compile("NPS\\[(-?\\d+)\\.\\.(-?\\d+); (-?\\d+)-(-?\\d+)/(-?\\d+)-(-?\\d+)/(-?\\d+)-(-?\\d+)\\]");

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

    /**
     * Reads back what a core scale's {@code toString()} prints: {@code NPS[0..10]},
     * {@code NPS[1..5; 1-3/4-4/5-5]}, {@code CSAT[1..5]}, {@code CSAT[1..5; top-1]}, {@code CES[1..7]},
     * {@code CES[1..5 effort]}.
     *
     * @throws IllegalArgumentException if the text is none of these
     */
    static Scale parse(String text) {
        Objects.requireNonNull(text, "scale");
        if (text.equals(NpsScale.STANDARD.toString())) {
            return NpsScale.STANDARD;
        }
        Matcher nps = NPS_CUSTOM.matcher(text);
        if (nps.matches()) {
            Scale scale = NpsScale.of(Integer.parseInt(nps.group(1)), Integer.parseInt(nps.group(2)),
                    Integer.parseInt(nps.group(4)), Integer.parseInt(nps.group(6)));
            if (scale.toString().equals(text)) {
                return scale;
            }
        } else if (text.startsWith("CSAT[")) {
            return CsatScale.parse(text);
        } else if (text.startsWith("CES[")) {
            return CesScale.parse(text);
        }
        throw new IllegalArgumentException("Invalid value for scale (valid values as printed by a scale, e.g. "
                + "NPS[0..10], CSAT[1..5], CES[1..7], CES[1..5 effort]): " + text);
    }
}
