package io.github.cxmetrics.target;

import io.github.cxmetrics.internal.Checks;
import io.github.cxmetrics.internal.PercentValues;
import io.github.cxmetrics.stats.Comparison;
import io.github.cxmetrics.stats.Confidence;
import io.github.cxmetrics.stats.Interval;
import io.github.cxmetrics.stats.Normal;
import io.github.cxmetrics.tally.Tally;
import io.github.cxmetrics.trend.Metric;
import io.github.cxmetrics.calendar.CalendarPeriod;
import io.github.cxmetrics.trend.Series;
import io.github.cxmetrics.trend.Trend;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A goal for a metric: a level ({@code CSAT ≥ 90 %}) or a change against a baseline
 * ({@code NPS +15 points vs 2025}), optionally with a floor not to cross and a deadline.
 *
 * <p>Get one with {@link #parse(String)}, {@link #level(Metric, Operator, double)} or
 * {@link #change(Metric, double)}, then {@link #withFloor(double)} and {@link #withDeadline(LocalDate)}.
 * Judge it with {@link #evaluation(Tally)}: the result is an {@link Assessment} with a
 * {@link TargetStatus} and the reason.
 *
 * <p>Grammar of {@link #parse(String)} (spaces allowed between the parts, case ignored):
 *
 * <pre>
 * target   = metric ( operator value | sign amount ) [ "by" date ] [ "floor" value ]
 * metric   = "nps" | "csat" | "ces"
 * operator = "&gt;=" | "&gt;" | "&lt;=" | "&lt;" | "≥" | "≤"
 * sign     = "+" | "-"                 (a change: +15 means "rise by at least 15", -0.5 "fall by at least 0.5")
 * value    = number [ "%" ]            ("%" only for CSAT; CSAT is always in percent)
 * date     = yyyy-mm-dd                (the deadline, inclusive)
 * </pre>
 *
 * <p>Examples: {@code nps>=40}, {@code csat>=90%}, {@code ces>=5.5}, {@code ces<=2.5},
 * {@code nps+15}, {@code nps>=40 by 2025-12-31 floor 30}. Units are display units: NPS points
 * (−100…100), CSAT percent (0…100), CES scale points. A CSAT level or floor that looks like a
 * fraction, 0 &lt; v ≤ 1, is refused ({@code csat>=0.9} was probably meant as 90 %), by the parser
 * unless written with {@code %} ({@code csat>=0.9%}), and always by {@link #level} and
 * {@link #withFloor}; {@link Benchmark} refuses it with the same message. A CSAT change is in
 * percentage points and may be small ({@code csat+0.5}).
 *
 * <p>The floor is a level in display units: for {@code >=}/{@code >} targets the level not to fall
 * below, for {@code <=}/{@code <} the level not to rise above (for change targets, a level of the
 * current score). {@link #toString()} writes the canonical expression, which {@link #parse} reads
 * back.
 *
 * <p>Immutable and thread-safe, a value type.
 *
 * @since 0.1.0
 */
public final class Target {
    private static final Pattern HEAD = Pattern.compile("([a-z]+)\\s*(>=|<=|≥|≤|>|<|\\+|-)?\\s*(.*)");
    private static final Pattern VALUE = Pattern.compile("([+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+))\\s*(%?)(.*)");

    /** Whether a target is on the level of the score or on its change from a baseline. */
    public enum Kind {
        /** The score itself, e.g. {@code nps>=40}. */
        LEVEL,
        /** The change from a baseline, e.g. {@code nps+15}. */
        CHANGE
    }

    /** The comparison of a target. */
    public enum Operator {
        /** {@code >=}. */
        AT_LEAST(">=", 1, false),
        /** {@code >}. */
        ABOVE(">", 1, true),
        /** {@code <=}. */
        AT_MOST("<=", -1, false),
        /** {@code <}. */
        BELOW("<", -1, true);

        private final String symbol;
        private final int sign;
        private final boolean strict;

        Operator(String symbol, int sign, boolean strict) {
            this.symbol = symbol;
            this.sign = sign;
            this.strict = strict;
        }

        /** The symbol: {@code >=}, {@code >}, {@code <=} or {@code <}. */
        public String symbol() {
            return symbol;
        }

        /** Whether larger values are the target's side ({@code >=}, {@code >}). */
        public boolean isUpward() {
            return sign > 0;
        }

        /** Whether x satisfies "x operator value". */
        public boolean test(double x, double value) {
            return strict ? sign * x > sign * value : sign * x >= sign * value;
        }

        static Operator of(String symbol) {
            switch (symbol) {
                case ">=": case "≥": return AT_LEAST;
                case ">": return ABOVE;
                case "<=": case "≤": return AT_MOST;
                default: return BELOW;
            }
        }
    }

    private final Metric metric;
    private final Kind kind;
    private final Operator operator;
    private final double value;
    private final Double floor;
    private final LocalDate deadline;

    private Target(Metric metric, Kind kind, Operator operator, double value, Double floor, LocalDate deadline) {
        this.metric = metric;
        this.kind = kind;
        this.operator = operator;
        this.value = value;
        this.floor = floor;
        this.deadline = deadline;
    }

    /**
     * A level target such as CSAT ≥ 90.
     *
     * @throws IllegalArgumentException if the value is not finite or outside the metric's range
     *     (NPS −100…100, CSAT 0…100, CES checked against the scale when evaluated), or for CSAT
     *     looks like a fraction (0 &lt; v ≤ 1: CSAT is in percent, write 90 for 90 %; the message is
     *     the one {@link Benchmark} gives)
     */
    public static Target level(Metric metric, Operator operator, double value) {
        return level(metric, operator, value, false);
    }

    /** A level target; {@code percentSign}: the value was written with "%", so it is percent as given. */
    private static Target level(Metric metric, Operator operator, double value, boolean percentSign) {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(operator, "operator");
        checkLevel(metric, value, "target", percentSign);
        return new Target(metric, Kind.LEVEL, operator, value, null, null);
    }

    /**
     * A change target: a positive change means "rise by at least", a negative one "fall by at least".
     *
     * @throws IllegalArgumentException if the change is 0, not finite, or larger than the metric's
     *     range allows (NPS ±200, CSAT ±100)
     */
    public static Target change(Metric metric, double change) {
        Objects.requireNonNull(metric, "metric");
        double limit = metric == Metric.NPS ? 200 : metric == Metric.CSAT ? 100 : Double.MAX_VALUE;
        if (!(change != 0 && Math.abs(change) <= limit)) {
            throw new IllegalArgumentException("Invalid value for " + metric.key() + " change (valid values non-zero, "
                    + (limit == Double.MAX_VALUE ? "finite" : "-" + fmt(limit) + " - " + fmt(limit)) + "): " + change);
        }
        return new Target(metric, Kind.CHANGE, change > 0 ? Operator.AT_LEAST : Operator.AT_MOST, change, null, null);
    }

    private static void checkLevel(Metric metric, double v, String what, boolean percentSign) {
        boolean ok;
        String range;
        if (metric == Metric.NPS) {
            ok = v >= -100 && v <= 100;
            range = "-100 - 100";
        } else if (metric == Metric.CSAT) {
            ok = v >= 0 && v <= 100;
            range = "0 - 100 (percent)";
        } else {
            ok = Double.isFinite(v);
            range = "finite";
        }
        if (!ok) {
            throw new IllegalArgumentException("Invalid " + (what.equals("target") ? "value" : what) + " for "
                    + metric.key() + " target (valid values " + range + "): " + v);
        }
        if (metric == Metric.CSAT && !percentSign) {
            PercentValues.requirePercent("csat " + what, v);
        }
    }

    /**
     * Parses a target expression (see the class comment for the grammar).
     *
     * @throws IllegalArgumentException naming the problem and the text, e.g. {@code Invalid target
     *     metric in "xps>=40" (valid values nps, csat, ces): xps}
     */
    public static Target parse(String text) {
        Objects.requireNonNull(text, "text");
        String src = text.strip().toLowerCase(Locale.ROOT);
        String quoted = "\"" + text + "\"";
        if (src.isEmpty()) {
            throw new IllegalArgumentException("Invalid target (expected e.g. nps>=40, csat>=90%, ces>=5.5, nps+15): "
                    + quoted);
        }
        Matcher head = HEAD.matcher(src);
        if (!head.matches()) {
            throw new IllegalArgumentException("Invalid target " + quoted
                    + ": expected a metric first (nps, csat, ces), e.g. nps>=40");
        }
        Metric metric;
        try {
            metric = Metric.parse(head.group(1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid target metric in " + quoted + " (valid values nps, csat, ces): "
                    + head.group(1), e);
        }
        String op = head.group(2);
        if (op == null) {
            throw new IllegalArgumentException("Invalid target " + quoted + ": expected an operator (>=, >, <=, <) "
                    + "or a change (+15, -5) after " + metric.key());
        }
        boolean change = op.equals("+") || op.equals("-");
        Matcher v = VALUE.matcher(head.group(3));
        if (!v.matches() || (change && (v.group(1).startsWith("+") || v.group(1).startsWith("-")))) {
            throw new IllegalArgumentException("Invalid target " + quoted + ": expected a number after "
                    + metric.key() + op + ", got \"" + head.group(3) + "\"");
        }
        double number = Double.parseDouble(v.group(1));
        boolean percent = !v.group(2).isEmpty();
        checkPercentSign(metric, percent, quoted);
        Target t;
        try {
            t = change ? change(metric, op.equals("+") ? number : -number)
                    : level(metric, Operator.of(op), number, percent);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + " in " + quoted, e);
        }
        String rest = v.group(3).strip();
        boolean seenBy = false;
        boolean seenFloor = false;
        while (!rest.isEmpty()) {
            String[] kw = rest.split("\\s+", 2);
            String arg = kw.length > 1 ? kw[1] : "";
            if (kw[0].equals("by") && !seenBy) {
                String[] d = arg.split("\\s+", 2);
                try {
                    t = t.withDeadline(LocalDate.parse(d[0]));
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("Invalid deadline in " + quoted + " (valid format yyyy-mm-dd): \""
                            + d[0] + "\"", e);
                }
                seenBy = true;
                rest = d.length > 1 ? d[1] : "";
            } else if (kw[0].equals("floor") && !seenFloor) {
                Matcher f = VALUE.matcher(arg);
                if (!f.matches()) {
                    throw new IllegalArgumentException("Invalid floor in " + quoted + ": expected a number, got \""
                            + arg + "\"");
                }
                double fv = Double.parseDouble(f.group(1));
                boolean floorPercent = !f.group(2).isEmpty();
                checkPercentSign(metric, floorPercent, quoted);
                try {
                    t = t.withFloor(fv, floorPercent);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(e.getMessage() + " in " + quoted, e);
                }
                seenFloor = true;
                rest = f.group(3).strip();
            } else {
                throw new IllegalArgumentException("Invalid target " + quoted + ": unexpected \"" + rest
                        + "\" (valid clauses: by yyyy-mm-dd, floor <value>, each at most once)");
            }
        }
        return t;
    }

    private static void checkPercentSign(Metric metric, boolean percent, String quoted) {
        if (percent && metric != Metric.CSAT) {
            throw new IllegalArgumentException("Invalid target " + quoted + ": " + metric.name() + " is in "
                    + (metric == Metric.NPS ? "points (-100 to 100)" : "scale points") + ", not percent");
        }
    }

    /**
     * This target with a floor (see the class comment).
     *
     * @throws IllegalArgumentException if the floor is outside the metric's range, for CSAT looks
     *     like a fraction (0 &lt; v ≤ 1), or for a level target is not strictly on the far side of
     *     the target value (below it for {@code >=})
     */
    public Target withFloor(double floor) {
        return withFloor(floor, false);
    }

    private Target withFloor(double floor, boolean percentSign) {
        checkLevel(metric, floor, "floor", percentSign);
        if (kind == Kind.LEVEL && !(operator.isUpward() ? floor < value : floor > value)) {
            throw new IllegalArgumentException("Invalid floor for " + this + " (valid values "
                    + (operator.isUpward() ? "< " : "> ") + fmt(value) + "): " + fmt(floor));
        }
        return new Target(metric, kind, operator, value, floor, deadline);
    }

    /** This target with a deadline (inclusive: the target must be met on that day). */
    public Target withDeadline(LocalDate deadline) {
        return new Target(metric, kind, operator, value, floor, Objects.requireNonNull(deadline, "deadline"));
    }

    /** The metric. */
    public Metric metric() {
        return metric;
    }

    /** Level or change. */
    public Kind kind() {
        return kind;
    }

    /** The operator (for a change: AT_LEAST for a rise, AT_MOST for a fall). */
    public Operator operator() {
        return operator;
    }

    /** The target level, or the signed change, in display units. */
    public double value() {
        return value;
    }

    /** The floor, if any. */
    public OptionalDouble floor() {
        return floor == null ? OptionalDouble.empty() : OptionalDouble.of(floor);
    }

    /** The deadline, if any. */
    public Optional<LocalDate> deadline() {
        return Optional.ofNullable(deadline);
    }

    /**
     * Starts an evaluation on the responses the target is judged on (for example the last quarter,
     * or the period that ends at the deadline).
     */
    public Evaluation evaluation(Tally current) {
        return new Evaluation(this, Objects.requireNonNull(current, "current"));
    }

    /**
     * The mutable set of inputs of an {@link Assessment}: the current responses, and optionally the
     * baseline (required for change targets), a series whose trend is projected to the deadline,
     * the date of evaluation (required when the target has a deadline) and the confidence level.
     * Not thread-safe.
     */
    public static final class Evaluation {
        private final Target target;
        private final Tally current;
        private Tally baseline;
        private Series series;
        private LocalDate asOf;
        private double confidence = Confidence.DEFAULT;

        private Evaluation(Target target, Tally current) {
            this.target = target;
            this.current = current;
        }

        /** The baseline responses of a change target (for example all of 2025). */
        public Evaluation baseline(Tally baseline) {
            this.baseline = Objects.requireNonNull(baseline, "baseline");
            return this;
        }

        /** The series whose trend is projected to the deadline. */
        public Evaluation trend(Series series) {
            this.series = Objects.requireNonNull(series, "series");
            return this;
        }

        /** The date of the evaluation, compared with the deadline. */
        public Evaluation asOf(LocalDate date) {
            this.asOf = Objects.requireNonNull(date, "date");
            return this;
        }

        /** The confidence level (default 0.95). */
        public Evaluation confidence(double confidence) {
            this.confidence = Checks.confidence(confidence);
            return this;
        }

        /**
         * The assessment (see {@link TargetStatus} for the rules).
         *
         * @throws IllegalArgumentException if a tally's scale does not fit the metric, the baseline's
         *     scale differs, the series has another metric, or a CES target value or floor lies
         *     outside the scale
         * @throws IllegalStateException if the caller left out an input the target needs, naming it
         *     and how to give it: a target with a deadline and no {@link #asOf(LocalDate)}, a change
         *     target and no {@link #baseline(Tally)}. Data too thin to judge are not an error: they
         *     give {@link TargetStatus#INSUFFICIENT_DATA} with the reason.
         */
        public Assessment evaluate() {
            return target.assess(current, baseline, series, asOf, confidence);
        }
    }

    private Assessment assess(Tally current, Tally baseline, Series series, LocalDate asOf, double confidence) {
        checkInputs(current, baseline, series, asOf);
        Assessment.Builder r = new Assessment.Builder(this, current.n(), confidence, asOf);
        Estimate e;
        if (kind == Kind.LEVEL) {
            if (!metric.hasInterval(current)) {
                return r.status(TargetStatus.INSUFFICIENT_DATA, "Not enough responses to judge " + this + ": n = "
                        + current.n() + (metric == Metric.CES ? " (an interval needs at least 2)" : ""));
            }
            Interval ci = metric.interval(current, confidence);
            double score = metric.score(current);
            e = new Estimate(score, ci.lower(), ci.upper(), metric.name() + " " + num(score));
        } else {
            if (!metric.hasInterval(current) || !metric.hasInterval(baseline)) {
                return r.status(TargetStatus.INSUFFICIENT_DATA, "Not enough responses to judge " + this + ": n = "
                        + current.n() + ", baseline n = " + baseline.n());
            }
            Optional<Comparison> c = metric.compareIfDefined(current, baseline, confidence);
            if (c.isEmpty()) {
                return r.status(TargetStatus.INSUFFICIENT_DATA, "The change for " + this
                        + " is undefined: every response is the same in both periods");
            }
            r.comparison(c.get());
            e = new Estimate(c.get().difference(), c.get().lower(), c.get().upper(), "The " + metric.name()
                    + " change " + signed(c.get().difference()) + " (from " + num(metric.score(baseline)) + " to "
                    + num(metric.score(current)) + ")");
        }
        r.estimate(e.value(), e.lower(), e.upper());
        return judge(r, e, current, baseline, series, asOf, confidence);
    }

    /** The estimate a target is judged on, its interval, and the words that describe it. */
    private record Estimate(double value, double lower, double upper, String what) {
    }

    /**
     * Checks the inputs: scales, the series' metric, the values against the scale, and what the
     * caller must give (an as-of date with a deadline, a baseline for a change target).
     */
    private void checkInputs(Tally current, Tally baseline, Series series, LocalDate asOf) {
        metric.requireScale(current.scale());
        if (baseline != null && !baseline.scale().equals(current.scale())) {
            throw Checks.scaleMismatch(current.scale(), baseline.scale());
        }
        if (series != null && series.metric() != metric) {
            throw new IllegalArgumentException("Metric mismatch: target " + metric.key() + " / series "
                    + series.metric().key());
        }
        double min = metric.minScore(current.scale());
        double max = metric.maxScore(current.scale());
        if (kind == Kind.LEVEL && !(value >= min && value <= max)) {
            throw new IllegalArgumentException("Invalid value for " + metric.key() + " target on " + current.scale()
                    + " (valid values " + fmt(min) + " - " + fmt(max) + "): " + fmt(value));
        }
        if (floor != null && !(floor >= min && floor <= max)) {
            throw new IllegalArgumentException("Invalid floor for " + metric.key() + " target on " + current.scale()
                    + " (valid values " + fmt(min) + " - " + fmt(max) + "): " + fmt(floor));
        }
        if (deadline != null && asOf == null) {
            throw new IllegalStateException("Missing evaluation date: the target " + this
                    + " has a deadline, so asOf(date) is required (the day it is judged on, e.g. the last day of the data)");
        }
        if (kind == Kind.CHANGE && baseline == null) {
            throw new IllegalStateException("Missing baseline: the target " + this
                    + " is a change, so baseline(tally) is required (the responses the change is measured from)");
        }
    }

    /** The status from the estimate's interval, the deadline, the floor and the trend. */
    private Assessment judge(Assessment.Builder r, Estimate e, Tally current, Tally baseline, Series series,
            LocalDate asOf, double confidence) {
        String evidence = e.what() + " (" + pct(confidence) + " interval " + num(e.lower()) + " to " + num(e.upper())
                + ", n = " + current.n() + ")";
        int s = operator.isUpward() ? 1 : -1;
        double near = s > 0 ? e.lower() : e.upper();
        double far = s > 0 ? e.upper() : e.lower();
        String goal = targetText();
        if (operator.test(near, value)) {
            return r.status(TargetStatus.MET, evidence + " is " + goal + ": the whole interval is.");
        }
        boolean clearlyShort = !operator.test(far, value);
        if (deadline == null) {
            return clearlyShort
                    ? r.status(TargetStatus.NOT_MET, evidence + " is not " + goal + ": the whole interval is short.")
                    : r.status(TargetStatus.INSUFFICIENT_DATA, evidence + " cannot be told apart from the target "
                            + num(value) + ": the interval contains it.");
        }
        if (asOf.isAfter(deadline)) {
            return clearlyShort
                    ? r.status(TargetStatus.MISSED, "Deadline " + deadline + " passed: " + lowerFirst(evidence)
                            + " is not " + goal + ": the whole interval is short.")
                    : r.status(TargetStatus.INSUFFICIENT_DATA, "Deadline " + deadline + " passed: " + lowerFirst(evidence)
                            + " cannot be told apart from the target " + num(value) + ": the interval contains it.");
        }
        // before the deadline
        if (floor != null) {
            double level = metric.score(current);
            double levelFar = kind == Kind.LEVEL ? far : (s > 0 ? metric.interval(current, confidence).upper()
                    : metric.interval(current, confidence).lower());
            if (s > 0 ? levelFar < floor : levelFar > floor) {
                return r.status(TargetStatus.AT_RISK, metric.name() + " " + num(level) + " is "
                        + (s > 0 ? "below" : "above") + " the floor " + num(floor)
                        + " (the whole interval is), before the deadline " + deadline + ".");
            }
        }
        return project(r, evidence, clearlyShort, baseline, series, confidence);
    }

    /** Before the deadline: the series' trend projected to the deadline's period decides. */
    private Assessment project(Assessment.Builder r, String evidence, boolean clearlyShort, Tally baseline,
            Series series, double confidence) {
        String name = metric.name();
        String goal = targetText();
        Trend trend = series == null ? null : series.trend().orElse(null);
        if (trend == null) {
            String why = series == null ? "no series given" : "fewer than 3 periods with data";
            return clearlyShort
                    ? r.status(TargetStatus.AT_RISK, evidence + " is short of the target "
                            + (kind == Kind.LEVEL ? num(value) : signed(value)) + ", and there is no trend to project to " + deadline + " (" + why + ").")
                    : r.status(TargetStatus.INSUFFICIENT_DATA, evidence + " cannot be told apart from the target "
                            + num(value) + ", and there is no trend to project to " + deadline + " (" + why + ").");
        }
        CalendarPeriod at = series.granularity().periodOf(deadline, series.zone());
        Interval level = trend.projectedAt(at);
        double projected;
        double pLow;
        double pHigh;
        if (kind == Kind.LEVEL) {
            projected = level.center();
            pLow = level.lower();
            pHigh = level.upper();
        } else {
            double base = metric.score(baseline);
            double half = Math.hypot(level.upper() - level.center(),
                    Normal.criticalValue(confidence) * metric.standardError(baseline));
            projected = level.center() - base;
            pLow = projected - half;
            pHigh = projected + half;
        }
        r.projection(at, projected, pLow, pHigh);
        String proj = "the trend (" + signed(trend.slope()) + " per " + series.granularity().name().toLowerCase(Locale.ROOT)
                + ", " + trend.periods() + " periods) projects " + (kind == Kind.LEVEL ? name + " " : "a change of ")
                + (kind == Kind.LEVEL ? num(projected) : signed(projected)) + " for " + at.label() + " ("
                + pct(confidence) + " interval " + num(pLow) + " to " + num(pHigh) + ")";
        if (operator.test(projected, value)) {
            return r.status(TargetStatus.ON_TRACK, evidence + " is not yet " + goal + ", but " + proj + ", "
                    + goal + " by " + deadline + ".");
        }
        return r.status(TargetStatus.AT_RISK, evidence + " is not " + goal + ", and " + proj + ", short of the target "
                + (kind == Kind.LEVEL ? num(value) : signed(value)) + " by " + deadline + ".");
    }

    private String targetText() {
        String v = kind == Kind.LEVEL ? num(value) : signed(value);
        switch (operator) {
            case AT_LEAST: return "at or above the target " + v;
            case ABOVE: return "above the target " + v;
            case AT_MOST: return "at or below the target " + v;
            default: return "below the target " + v;
        }
    }

    private String num(double x) {
        String s = String.format(Locale.ROOT, metric == Metric.CES ? "%.2f" : "%.1f", x);
        return s.equals("-0.0") || s.equals("-0.00") ? s.substring(1) : s;
    }

    private String signed(double x) {
        String s = num(x);
        return s.startsWith("-") ? s : "+" + s;
    }

    private static String pct(double confidence) {
        return fmt(100 * confidence) + " %";
    }

    private static String lowerFirst(String s) {
        return s.startsWith("The ") ? "the " + s.substring(4) : s;
    }

    static String fmt(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /** The canonical expression, e.g. {@code csat>=90% by 2025-12-31 floor 85%}, which {@link #parse} reads back. */
    @Override
    public String toString() {
        String unit = metric == Metric.CSAT ? "%" : "";
        StringBuilder sb = new StringBuilder(metric.key());
        if (kind == Kind.LEVEL) {
            sb.append(operator.symbol()).append(fmt(value)).append(unit);
        } else {
            sb.append(value > 0 ? "+" : "-").append(fmt(Math.abs(value))).append(unit);
        }
        if (deadline != null) {
            sb.append(" by ").append(deadline);
        }
        if (floor != null) {
            sb.append(" floor ").append(fmt(floor)).append(unit);
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Target t && metric == t.metric && kind == t.kind && operator == t.operator
                && Double.compare(value, t.value) == 0 && Objects.equals(floor, t.floor)
                && Objects.equals(deadline, t.deadline);
    }

    @Override
    public int hashCode() {
        return Objects.hash(metric, kind, operator, value, floor, deadline);
    }
}
