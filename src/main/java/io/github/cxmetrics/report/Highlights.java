package io.github.cxmetrics.report;

import io.github.cxmetrics.scale.CesScale;
import io.github.cxmetrics.scale.Direction;
import io.github.cxmetrics.segment.AdjustedComparison;
import io.github.cxmetrics.stats.Comparison;
import io.github.cxmetrics.stats.PValueAdjustment;
import io.github.cxmetrics.target.Assessment;
import io.github.cxmetrics.target.TargetStatus;
import io.github.cxmetrics.trend.ControlLimits;
import io.github.cxmetrics.trend.Metric;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds the {@link Highlight}s of a finished report from its model alone (targets, the trend's last
 * period with its changes and control limits, the segments against the rest), and orders them by
 * how much they matter:
 *
 * <ol>
 *   <li>targets: {@code MISSED}, then {@code NOT_MET}, then {@code AT_RISK}; within a status in the
 *       order the targets were given;</li>
 *   <li>then the changes for the worse (changes, control limits, segments below the rest), by
 *       {@link Highlight#affected()} descending: n × |difference| / the score's full range;</li>
 *   <li>then the changes for the better, the same way.</li>
 * </ol>
 * Ties keep the order kind (change, control limits, segment), metric (NPS, CSAT, CES), group (the
 * whole input, then the segment columns as asked and their values ascending). Only what is
 * significant at the report's confidence counts: a change's own test for the whole input; for the
 * values of a segment column, their last-period changes and their differences from the rest, each
 * Holm-adjusted across the column's values (per metric). Control limits are checked for the whole
 * input only: the 3-sigma rule is a per-chart rule, and nothing would adjust it across many segment
 * charts; a segment's sharp move is caught by its Holm-adjusted change. Stateless.
 */
final class Highlights {
    private static final List<TargetStatus> SHORT = List.of(TargetStatus.MISSED, TargetStatus.NOT_MET,
            TargetStatus.AT_RISK);

    private final Report report;
    private final double alpha;
    private final CesScale ces;

    private Highlights(Report report) {
        this.report = report;
        this.alpha = 1 - report.confidence();
        this.ces = report.options().grouping().cesScale();
    }

    /** Every highlight of the report, in order; empty when {@code --highlights 0}. */
    static List<Highlight> find(Report report) {
        if (report.options().highlights() == 0) {
            return List.of();
        }
        return new Highlights(report).all();
    }

    private List<Highlight> all() {
        List<Highlight> targets = new ArrayList<>();
        for (TargetStatus status : SHORT) {
            for (Assessment a : report.targets()) {
                if (a.status() == status) {
                    targets.add(target(a));
                }
            }
        }
        List<Highlight> signals = new ArrayList<>();
        changes(signals);
        control(signals);
        belowRest(signals);
        // stable: ties keep the order in which they were found
        signals.sort(Comparator.comparing((Highlight h) -> !h.isWorse())
                .thenComparing(Comparator.comparingDouble((Highlight h) -> h.affected().orElse(0)).reversed()));
        List<Highlight> out = new ArrayList<>(targets);
        out.addAll(signals);
        return out;
    }

    private Highlight target(Assessment a) {
        Highlight.Builder b = new Highlight.Builder(Highlight.Kind.TARGET, a.target().measure().key());
        b.period = report.trend().isEmpty() ? null : report.trend().get(report.trend().size() - 1).period();
        b.n = a.n();
        b.score = box(a.estimate());
        b.reference = a.target().value();
        b.difference = b.score == null ? null : b.score - b.reference;
        b.lower = box(a.lower());
        b.upper = box(a.upper());
        b.worse = true;
        b.status = a.status();
        b.target = a.target().toString();
        return new Highlight(b, "Target " + a.target() + " " + a.status() + ": " + a.reason());
    }

    /** The last period's significant changes: the whole input's, then each segment column's (Holm). */
    private void changes(List<Highlight> out) {
        List<PeriodSummary> trend = report.trend();
        if (trend.size() < 2) {
            return;
        }
        PeriodSummary last = trend.get(trend.size() - 1);
        PeriodSummary previous = trend.get(trend.size() - 2);
        for (Metric m : report.metrics()) {
            MetricSummary s = last.metrics().get(m);
            if (s.change().isPresent() && s.change().get().isSignificant()) {
                out.add(change(m, null, null, last, previous, s.change().get(), null));
            }
            for (Map.Entry<String, List<SegmentSummary>> column : report.segments().entrySet()) {
                segmentChanges(m, column.getKey(), column.getValue(), out);
            }
        }
    }

    /** The last-period changes of one column's values, Holm-adjusted across the values that have one. */
    private void segmentChanges(Metric m, String column, List<SegmentSummary> values, List<Highlight> out) {
        List<SegmentSummary> tested = new ArrayList<>();
        List<Comparison> changes = new ArrayList<>();
        for (SegmentSummary v : values) {
            if (v.trend().size() < 2) {
                continue;
            }
            v.trend().get(v.trend().size() - 1).metrics().get(m).change().ifPresent(c -> {
                tested.add(v);
                changes.add(c);
            });
        }
        if (changes.isEmpty()) {
            return;
        }
        double[] raw = new double[changes.size()];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = changes.get(i).pValue();
        }
        double[] adjusted = PValueAdjustment.HOLM.adjust(raw);
        for (int i = 0; i < raw.length; i++) {
            if (adjusted[i] < alpha) {
                List<PeriodSummary> t = tested.get(i).trend();
                out.add(change(m, column, tested.get(i).segment(), t.get(t.size() - 1), t.get(t.size() - 2),
                        changes.get(i), adjusted[i]));
            }
        }
    }

    private Highlight change(Metric m, String column, String value, PeriodSummary last, PeriodSummary previous,
            Comparison c, Double adjusted) {
        MetricSummary s = last.metrics().get(m);
        Highlight.Builder b = new Highlight.Builder(Highlight.Kind.CHANGE, m.key()).segment(column, value);
        b.period = last.period();
        b.n = s.n();
        b.score = s.score().getAsDouble();
        b.reference = previous.metrics().get(m).score().getAsDouble();
        b.difference = c.difference();
        b.lower = c.lower();
        b.upper = c.upper();
        b.pValue = c.pValue();
        b.adjustedPValue = adjusted;
        b.affected = affected(m, s.n(), c.difference());
        b.worse = isWorse(m, c.difference());
        String text = head(m, column, value, last.period()) + score(m, b.score) + ", " + signed(m, b.difference)
                + " points vs " + previous.period() + " (" + score(m, b.reference) + ")" + direction(m) + ", "
                + p(c.pValue()) + (adjusted == null ? "" : ", Holm-adjusted " + p(adjusted)) + ", n = " + s.n();
        return new Highlight(b, text);
    }

    /** The whole input's last period outside its control limits. */
    private void control(List<Highlight> out) {
        if (report.trend().isEmpty()) {
            return;
        }
        PeriodSummary last = report.trend().get(report.trend().size() - 1);
        for (Metric m : report.metrics()) {
            MetricSummary s = last.metrics().get(m);
            if (!s.isOutOfControl() || s.controlLimits().isEmpty() || s.score().isEmpty()) {
                continue;
            }
            ControlLimits limits = s.controlLimits().get();
            double score = s.score().getAsDouble();
            Highlight.Builder b = new Highlight.Builder(Highlight.Kind.OUT_OF_CONTROL, m.key());
            b.period = last.period();
            b.n = s.n();
            b.score = score;
            b.reference = limits.center();
            b.difference = score - limits.center();
            b.lower = limits.lower();
            b.upper = limits.upper();
            b.affected = affected(m, s.n(), b.difference);
            b.worse = isWorse(m, b.difference);
            String text = head(m, null, null, last.period()) + score(m, score) + ", "
                    + (score < limits.lower() ? "below" : "above") + " the control limits " + num(m, limits.lower())
                    + " to " + num(m, limits.upper()) + " (long-run level " + score(m, limits.center()) + ")"
                    + direction(m) + ", n = " + s.n();
            out.add(new Highlight(b, text));
        }
    }

    /** The segment values significantly worse than the rest of their column (Holm, as the report has it). */
    private void belowRest(List<Highlight> out) {
        for (Metric m : report.metrics()) {
            for (Map.Entry<String, List<SegmentSummary>> column : report.segments().entrySet()) {
                for (SegmentSummary v : column.getValue()) {
                    MetricSummary s = v.metrics().get(m);
                    if (s.vsRest().isEmpty() || !s.vsRest().get().isSignificant()
                            || !isWorse(m, s.vsRest().get().difference())) {
                        continue;
                    }
                    out.add(belowRest(m, column.getKey(), v.segment(), s, s.vsRest().get()));
                }
            }
        }
    }

    private Highlight belowRest(Metric m, String column, String value, MetricSummary s, AdjustedComparison a) {
        Highlight.Builder b = new Highlight.Builder(Highlight.Kind.BELOW_REST, m.key()).segment(column, value);
        b.n = s.n();
        b.score = s.score().getAsDouble();
        b.difference = a.difference();
        b.reference = b.score - b.difference;
        b.lower = a.familywiseLower();
        b.upper = a.familywiseUpper();
        b.pValue = a.pValue();
        b.adjustedPValue = a.adjustedPValue();
        b.affected = affected(m, s.n(), a.difference());
        b.worse = true;
        String text = head(m, column, value, null) + score(m, b.score) + ", " + signed(m, b.difference)
                + " points vs the rest (" + score(m, b.reference) + ")" + direction(m) + ", " + p(a.pValue())
                + ", Holm-adjusted " + p(a.adjustedPValue()) + ", n = " + s.n();
        return new Highlight(b, text);
    }

    /** n × |difference| / the score's full range: responses moved from one end of the scale to the other. */
    private double affected(Metric m, long n, double difference) {
        double range = switch (m) {
            case NPS -> 200;
            case CSAT -> 100;
            case CES -> ces.max() - ces.min();
        };
        return n * Math.abs(difference) / range;
    }

    private boolean isWorse(Metric m, double difference) {
        return higherIsBetter(m) ? difference < 0 : difference > 0;
    }

    private boolean higherIsBetter(Metric m) {
        return m != Metric.CES || ces.direction() == Direction.HIGHER_IS_BETTER;
    }

    /** {@code ", lower is better"} for a lower-is-better CES scale, else nothing. */
    private String direction(Metric m) {
        return higherIsBetter(m) ? "" : ", lower is better";
    }

    /** {@code CSAT channel=chat, 2025-W03: }, {@code NPS 2025-W03: }, {@code CES channel=chat: }. */
    private static String head(Metric m, String column, String value, String period) {
        StringBuilder sb = new StringBuilder(m.name());
        if (column != null) {
            sb.append(' ').append(printable(column)).append('=').append(value.isEmpty() ? "\"\"" : printable(value));
            if (period != null) {
                sb.append(',');
            }
        }
        if (period != null) {
            sb.append(' ').append(period);
        }
        return sb.append(": ").toString();
    }

    /** Text from the data on one line: control characters as {@code \n}, {@code \r}, {@code \t}, {@code \}{@code uXXXX}. */
    static String printable(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029') {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    /** NPS and CSAT to one decimal, CES to two; never {@code -0.0}. */
    static String num(Metric m, double v) {
        String s = String.format(Locale.ROOT, m == Metric.CES ? "%.2f" : "%.1f", v);
        return s.equals("-0.0") || s.equals("-0.00") ? s.substring(1) : s;
    }

    private static String score(Metric m, double v) {
        return num(m, v) + (m == Metric.CSAT ? " %" : "");
    }

    private static String signed(Metric m, double v) {
        String s = num(m, v);
        return s.startsWith("-") ? s : "+" + s;
    }

    /** {@code p = 0.00312} (three significant digits), or {@code p < 0.0001}. */
    static String p(double p) {
        if (p < 0.0001) {
            return "p < 0.0001";
        }
        return "p = " + new BigDecimal(p).round(new MathContext(3, RoundingMode.HALF_UP)).stripTrailingZeros()
                .toPlainString();
    }

    private static Double box(java.util.OptionalDouble v) {
        return v.isPresent() ? v.getAsDouble() : null;
    }
}
