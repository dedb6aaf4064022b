package io.github.cxmetrics.report.format;

import java.util.ArrayList;
import java.util.List;

/**
 * A linear value axis of a chart: a domain with "nice" ends and ticks (steps of 1, 2, 2.5 or 5 times
 * a power of ten) mapped onto a pixel range. Immutable.
 */
final class ChartScale {
    private final double lo;
    private final double hi;
    private final double step;
    private final double from;
    private final double to;

    private ChartScale(double lo, double hi, double step, double from, double to) {
        this.lo = lo;
        this.hi = hi;
        this.step = step;
        this.from = from;
        this.to = to;
    }

    /**
     * A scale that shows every value in {@code [dataMin, dataMax]}, at least {@code minSpan} wide,
     * with its ends rounded out to a tick but not beyond the metric's bounds unless the data is.
     * Without data ({@code dataMin > dataMax}) the domain is the bounds.
     *
     * @param from the pixel of the domain's low end
     * @param to the pixel of the domain's high end (smaller than {@code from} for a y axis)
     */
    static ChartScale of(double dataMin, double dataMax, double boundLo, double boundHi, double minSpan,
            int targetTicks, double from, double to) {
        double min = dataMin;
        double max = dataMax;
        if (min > max) {
            min = boundLo;
            max = boundHi;
        }
        if (max - min < minSpan) {
            double center = (min + max) / 2;
            min = center - minSpan / 2;
            max = center + minSpan / 2;
            if (max > boundHi && dataMax <= boundHi) {
                min -= max - boundHi;
                max = boundHi;
            } else if (min < boundLo && dataMin >= boundLo) {
                max += boundLo - min;
                min = boundLo;
            }
        }
        double step = niceStep((max - min) / targetTicks);
        double niceLo = Math.floor(min / step) * step;
        double niceHi = Math.ceil(max / step) * step;
        double lo = Math.max(niceLo, Math.min(boundLo, min));
        double hi = Math.min(niceHi, Math.max(boundHi, max));
        return new ChartScale(lo, hi, step, from, to);
    }

    /** 1, 2, 2.5 or 5 times a power of ten, the smallest not below {@code raw}. */
    static double niceStep(double raw) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / magnitude;
        double nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10;
        return nice * magnitude;
    }

    /** The pixel of a value. */
    double map(double value) {
        return from + (value - lo) / (hi - lo) * (to - from);
    }

    /** The tick values: the multiples of the step inside the domain. */
    List<Double> ticks() {
        List<Double> ticks = new ArrayList<>();
        long first = (long) Math.ceil(lo / step - 1e-9);
        long last = (long) Math.floor(hi / step + 1e-9);
        for (long k = first; k <= last; k++) {
            ticks.add(k * step);
        }
        return ticks;
    }

    double step() {
        return step;
    }

    double lo() {
        return lo;
    }

    double hi() {
        return hi;
    }
}
