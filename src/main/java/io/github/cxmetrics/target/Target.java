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
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A goal for a {@link Measure}: a level ({@code CSAT ≥ 90 %}, {@code mean response time < 2 h})
 * or a change of a score against a baseline ({@code NPS +15 points}), optionally with a floor not
 * to cross and a deadline.
 *
 * <p>Get one with {@link #parse(String)}, {@link #level(Metric, Operator, double)},
 * {@link #level(Measure, Operator, double)}, {@link #level(Measure, Operator, Duration)} or
 * {@link #change(Metric, double)}, then {@link #withFloor(double)} and {@link #withDeadline(LocalDate)}.
 * Judge a score target on its responses with {@link #evaluation(Tally)}, or any target on an
 * estimate with its interval with {@link #evaluation(Estimate)}: the result is an
 * {@link Assessment} with a {@link TargetStatus} and the reason.
 *
 * <p>Grammar of {@link #parse(String)} (spaces allowed between the parts, case ignored):
 *
 * <pre>
 * target   = measure ( operator value | sign amount ) [ "in" period ] [ "vs" period ] [ "by" date ] [ "floor" value ]
 * measure  = "nps" | "csat" | "ces"                              (survey scores)
 *          | "response.mean" | "response.median" | "response.p90"  (response time, a duration)
 *          | "response.within" | "fcr"                           (shares, in percent)
 * operator = "&gt;=" | "&gt;" | "&lt;=" | "&lt;" | "≥" | "≤"
 * sign     = "+" | "-"                 (a change, scores only: +15 means "rise by at least 15", -0.5 "fall by at least 0.5")
 * value    = number [ "%" ]            ("%" only for csat, response.within and fcr, which are always in percent)
 *          | number unit               (response.mean, response.median, response.p90: the unit is required)
 * unit     = "s" | "m" | "min" | "h"   (seconds, minutes, hours; 1.5h = 90min)
 * date     = yyyy-mm-dd                (the deadline, inclusive)
 * period   = yyyy | yyyy-Qn | yyyy-mm | yyyy-Www | yyyy-mm-dd   (a year, quarter, month, ISO week or day)
 * </pre>
 *
 * <p>{@code in P} judges the target on the responses of period P whatever grouping a report uses
 * ({@code csat>=90% in 2027-Q1}); {@code vs P}, for change targets only, measures the change from
 * period P ({@code nps+15 vs 2026 by 2026-12-31}) rather than from a report's first period.
 * Periods are calendar periods in the report's zone, half-open, with ISO weeks; the clauses may
 * come in any order, each at most once, and {@link #toString()} writes them in the order of the
 * grammar. The target itself does not pick data: {@link #evaluation(Tally)} judges what the
 * caller gives, and the report gives the responses of those periods (see docs/report.md).
 *
 * <p>Examples: {@code nps>=40}, {@code csat>=90%}, {@code ces>=5.5}, {@code ces<=2.5},
 * {@code nps+15}, {@code nps>=40 by 2025-12-31 floor 30}, {@code response.mean<2h by 2027-06-30},
 * {@code response.p90<=8h}, {@code response.within>=90%}, {@code fcr>=80%}. Units are display units:
 * NPS points (−100…100), CSAT, {@code response.within} and {@code fcr} percent (0…100), CES scale
 * points, response times durations (held in minutes). A percent level or floor that looks like a
 * fraction, 0 &lt; v ≤ 1, is refused ({@code csat>=0.9} was probably meant as 90 %), by the parser
 * unless written with {@code %} ({@code csat>=0.9%}), and always by {@link #level} and
 * {@link #withFloor}; {@link Benchmark} refuses it with the same message. A CSAT change is in
 * percentage points and may be small ({@code csat+0.5}). A duration without a unit ({@code
 * response.mean<2}) and any other unit ({@code 2 hours}, {@code 1d}) are refused, naming the units
 * allowed: durations are elapsed or business time as the report measures them, so a day has no
 * single length. {@code response.within} is the share answered within the report's
 * response-time target ({@code --response-target}), not a time.
 *
 * <p>The floor is a level in display units: for {@code >=}/{@code >} targets the level not to fall
 * below, for {@code <=}/{@code <} the level not to rise above (for change targets, a level of the
 * current score). {@link #toString()} writes the canonical expression, which {@link #parse} reads
 * back; durations are written in whole hours, else whole minutes, else seconds ({@code 1.5h}
 * becomes {@code 90min}).
 *
 * <p>Immutable and thread-safe, a value type.
 *
 * @since 0.1.0
 */
public final class Target {
    private static final Pattern HEAD = Pattern.compile(
            "([a-z]+(?:\\.[a-z0-9]+)?)\\s*(>=|<=|≥|≤|>|<|\\+|-)?\\s*(.*)");
    private static final Pattern VALUE = Pattern.compile("([+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+))\\s*(%?)(.*)");
    private static final Pattern DURATION = Pattern.compile(
            "([+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+))\\s*(min|h|m|s)(?![a-z0-9])(.*)");
    private static final String UNITS = "units s, m or min, h; e.g. 2h, 90min, 45s";
    private static final long NANOS_PER_MINUTE = 60_000_000_000L;
    private static final long NANOS_PER_HOUR = 60 * NANOS_PER_MINUTE;

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

    private final Measure measure;
    private final Metric metric;
    private final Kind kind;
    private final Operator operator;
    private final double value;
    private final Double floor;
    private final LocalDate deadline;
    /** For duration measures: the value and floor in nanoseconds, exact, for {@link #toString()}. */
    private final long valueNanos;
    private final Long floorNanos;
    /** The labels of the window ({@code in}) and the baseline period ({@code vs}), or null. */
    private final String window;
    private final String baselinePeriod;

    private Target(Measure measure, Kind kind, Operator operator, double value, Double floor, LocalDate deadline,
            long valueNanos, Long floorNanos) {
        this(measure, kind, operator, value, floor, deadline, valueNanos, floorNanos, null, null);
    }

    private Target(Measure measure, Kind kind, Operator operator, double value, Double floor, LocalDate deadline,
            long valueNanos, Long floorNanos, String window, String baselinePeriod) {
        this.window = window;
        this.baselinePeriod = baselinePeriod;
        this.measure = measure;
        this.metric = measure.metric().orElse(null);
        this.kind = kind;
        this.operator = operator;
        this.value = value;
        this.floor = floor;
        this.deadline = deadline;
        this.valueNanos = valueNanos;
        this.floorNanos = floorNanos;
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
        return level(Measure.of(Objects.requireNonNull(metric, "metric")), operator, value, false);
    }

    /**
     * A level target on any measure but a duration, such as first-contact resolution ≥ 80 (%).
     *
     * @throws IllegalArgumentException if the measure is a duration (use
     *     {@link #level(Measure, Operator, Duration)}), or the value is not finite, outside the
     *     measure's range (NPS −100…100, percent 0…100) or, for a percent measure, looks like a
     *     fraction (0 &lt; v ≤ 1)
     */
    public static Target level(Measure measure, Operator operator, double value) {
        return level(measure, operator, value, false);
    }

    /**
     * A level target on a response time, such as the mean below 2 hours.
     *
     * @throws IllegalArgumentException if the measure is not a duration, or the duration is negative
     */
    public static Target level(Measure measure, Operator operator, Duration value) {
        Objects.requireNonNull(measure, "measure");
        Objects.requireNonNull(operator, "operator");
        long nanos = durationNanos(measure, value, "target");
        return new Target(measure, Kind.LEVEL, operator, minutes(nanos), null, null, nanos, null);
    }

    /** A level target; {@code percentSign}: the value was written with "%", so it is percent as given. */
    private static Target level(Measure measure, Operator operator, double value, boolean percentSign) {
        Objects.requireNonNull(measure, "measure");
        Objects.requireNonNull(operator, "operator");
        if (measure.isDuration()) {
            throw new IllegalArgumentException("Invalid target value for " + measure.key()
                    + ": a response time is a duration, give it as a Duration (level(measure, operator, Duration)): "
                    + value);
        }
        checkLevel(measure, value, "target", percentSign);
        return new Target(measure, Kind.LEVEL, operator, value, null, null, 0, null);
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
        return new Target(Measure.of(metric), Kind.CHANGE, change > 0 ? Operator.AT_LEAST : Operator.AT_MOST, change,
                null, null, 0, null);
    }

    private static void checkLevel(Measure measure, double v, String what, boolean percentSign) {
        boolean ok;
        String range;
        if (measure == Measure.NPS) {
            ok = v >= -100 && v <= 100;
            range = "-100 - 100";
        } else if (measure.isPercent()) {
            ok = v >= 0 && v <= 100;
            range = "0 - 100 (percent)";
        } else {
            ok = Double.isFinite(v);
            range = "finite";
        }
        if (!ok) {
            throw new IllegalArgumentException("Invalid " + (what.equals("target") ? "value" : what) + " for "
                    + measure.key() + " target (valid values " + range + "): " + v);
        }
        if (measure.isPercent() && !percentSign) {
            PercentValues.requirePercent(measure.key() + " " + what, v);
        }
    }

    private static long durationNanos(Measure measure, Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (!measure.isDuration()) {
            throw new IllegalArgumentException("Invalid " + what + " for " + measure.key() + " target: a duration is "
                    + "only for response.mean, response.median and response.p90: " + d);
        }
        if (d.isNegative()) {
            throw new IllegalArgumentException("Invalid " + (what.equals("target") ? "value" : what) + " for "
                    + measure.key() + " target (valid values a duration >= 0): " + d);
        }
        return d.toNanos();
    }

    private static double minutes(long nanos) {
        return nanos / (double) NANOS_PER_MINUTE;
    }

    /**
     * Parses a target expression (see the class comment for the grammar).
     *
     * @throws IllegalArgumentException naming the problem and the text, e.g. {@code Invalid target
     *     measure in "xps>=40" (valid values nps, csat, ces, response.mean, …): xps}
     */
    public static Target parse(String text) {
        Objects.requireNonNull(text, "text");
        String src = text.strip().toLowerCase(Locale.ROOT);
        String quoted = "\"" + text + "\"";
        if (src.isEmpty()) {
            throw new IllegalArgumentException("Invalid target (expected e.g. nps>=40, csat>=90%, ces>=5.5, nps+15, "
                    + "response.mean<2h, fcr>=80%): " + quoted);
        }
        Matcher head = HEAD.matcher(src);
        if (!head.matches()) {
            throw new IllegalArgumentException("Invalid target " + quoted
                    + ": expected a measure first (" + Measure.keys() + "), e.g. nps>=40");
        }
        Measure measure;
        try {
            measure = Measure.parse(head.group(1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid target measure in " + quoted + " (valid values "
                    + Measure.keys() + "): " + head.group(1), e);
        }
        String op = head.group(2);
        if (op == null) {
            throw new IllegalArgumentException("Invalid target " + quoted + ": expected an operator (>=, >, <=, <) "
                    + (measure.isScore() ? "or a change (+15, -5) " : "") + "after " + measure.key());
        }
        boolean change = op.equals("+") || op.equals("-");
        if (change && !measure.isScore()) {
            throw new IllegalArgumentException("Invalid target " + quoted + ": a change (+, -) is for nps, csat and ces; "
                    + measure.key() + " takes an operator (>=, >, <=, <), e.g. "
                    + (measure.isDuration() ? measure.key() + "<2h" : measure.key() + ">=80%"));
        }
        Target t;
        String rest;
        if (measure.isDuration()) {
            Matcher d = DURATION.matcher(head.group(3));
            if (!d.matches() || d.group(1).startsWith("+") || d.group(1).startsWith("-")) {
                throw new IllegalArgumentException("Invalid target " + quoted + ": expected a duration after "
                        + measure.key() + op + " (" + UNITS + "), got \"" + head.group(3) + "\"");
            }
            t = level(measure, Operator.of(op), Duration.ofNanos(nanos(d.group(1), d.group(2), quoted)));
            rest = d.group(3).strip();
        } else {
            Matcher v = VALUE.matcher(head.group(3));
            if (!v.matches() || (change && (v.group(1).startsWith("+") || v.group(1).startsWith("-")))) {
                throw new IllegalArgumentException("Invalid target " + quoted + ": expected a number after "
                        + measure.key() + op + ", got \"" + head.group(3) + "\"");
            }
            double number = Double.parseDouble(v.group(1));
            boolean percent = !v.group(2).isEmpty();
            checkPercentSign(measure, percent, quoted);
            try {
                t = change ? change(metricOf(measure), op.equals("+") ? number : -number)
                        : level(measure, Operator.of(op), number, percent);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(e.getMessage() + " in " + quoted, e);
            }
            rest = v.group(3).strip();
        }
        boolean seenBy = false;
        boolean seenFloor = false;
        boolean seenIn = false;
        boolean seenVs = false;
        while (!rest.isEmpty()) {
            String[] kw = rest.split("\\s+", 2);
            String arg = kw.length > 1 ? kw[1] : "";
            if ((kw[0].equals("in") && !seenIn) || (kw[0].equals("vs") && !seenVs)) {
                String[] d = arg.split("\\s+", 2);
                CalendarPeriod period;
                try {
                    period = CalendarPeriod.parse(d[0].toUpperCase(Locale.ROOT), java.time.ZoneOffset.UTC);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("Invalid period after \"" + kw[0] + "\" in " + quoted
                            + " (valid formats 2026, 2026-Q1, 2026-03, 2026-W05, 2026-03-15): \"" + d[0].toUpperCase(Locale.ROOT)
                            + "\"", e);
                }
                if (kw[0].equals("in")) {
                    t = t.withWindow(period);
                    seenIn = true;
                } else {
                    if (!change) {
                        throw new IllegalArgumentException("Invalid target " + quoted + ": \"vs\" names the baseline "
                                + "of a change target (e.g. nps+15 vs 2026); a level target takes \"in\" (e.g. "
                                + "csat>=90% in 2027-Q1)");
                    }
                    t = t.withBaseline(period);
                    seenVs = true;
                }
                rest = d.length > 1 ? d[1] : "";
            } else if (kw[0].equals("by") && !seenBy) {
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
                if (measure.isDuration()) {
                    Matcher f = DURATION.matcher(arg);
                    if (!f.matches() || f.group(1).startsWith("+") || f.group(1).startsWith("-")) {
                        throw new IllegalArgumentException("Invalid floor in " + quoted + ": expected a duration ("
                                + UNITS + "), got \"" + arg + "\"");
                    }
                    try {
                        t = t.withFloor(Duration.ofNanos(nanos(f.group(1), f.group(2), quoted)));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException(e.getMessage() + " in " + quoted, e);
                    }
                    rest = f.group(3).strip();
                } else {
                    Matcher f = VALUE.matcher(arg);
                    if (!f.matches()) {
                        throw new IllegalArgumentException("Invalid floor in " + quoted + ": expected a number, got \""
                                + arg + "\"");
                    }
                    double fv = Double.parseDouble(f.group(1));
                    boolean floorPercent = !f.group(2).isEmpty();
                    checkPercentSign(measure, floorPercent, quoted);
                    try {
                        t = t.withFloor(fv, floorPercent);
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException(e.getMessage() + " in " + quoted, e);
                    }
                    rest = f.group(3).strip();
                }
                seenFloor = true;
            } else {
                throw new IllegalArgumentException("Invalid target " + quoted + ": unexpected \"" + rest
                        + "\" (valid clauses: in <period>, vs <period>, by yyyy-mm-dd, floor <value>, each at most once)");
            }
        }
        return t;
    }

    /** The nanoseconds of a number and a unit, rounded to the nanosecond. */
    private static long nanos(String number, String unit, String quoted) {
        long per = switch (unit) {
            case "s" -> 1_000_000_000L;
            case "m", "min" -> NANOS_PER_MINUTE;
            default -> NANOS_PER_HOUR;
        };
        try {
            return new BigDecimal(number).multiply(BigDecimal.valueOf(per)).setScale(0, RoundingMode.HALF_EVEN)
                    .longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("Invalid duration in " + quoted + " (valid values up to about 292 years): "
                    + number + unit, e);
        }
    }

    private static Metric metricOf(Measure measure) {
        return measure.metric().orElseThrow();
    }

    private static void checkPercentSign(Measure measure, boolean percent, String quoted) {
        if (percent && !measure.isPercent()) {
            throw new IllegalArgumentException("Invalid target " + quoted + ": " + measure.label() + " is in "
                    + (measure == Measure.NPS ? "points (-100 to 100)" : measure.isDuration() ? "time" : "scale points")
                    + ", not percent");
        }
    }

    /**
     * This target with a floor (see the class comment).
     *
     * @throws IllegalArgumentException if the target is on a response time (use
     *     {@link #withFloor(Duration)}), the floor is outside the measure's range, for a percent
     *     measure looks like a fraction (0 &lt; v ≤ 1), or for a level target is not strictly on the
     *     far side of the target value (below it for {@code >=})
     */
    public Target withFloor(double floor) {
        return withFloor(floor, false);
    }

    /**
     * This response-time target with a floor, a time not to rise above (for {@code <}, {@code <=}).
     *
     * @throws IllegalArgumentException if the target is not on a response time, or the floor is
     *     negative or not strictly on the far side of the target value
     */
    public Target withFloor(Duration floor) {
        long nanos = durationNanos(measure, floor, "floor");
        double f = minutes(nanos);
        checkFloorSide(f, nanos);
        return new Target(measure, kind, operator, value, f, deadline, valueNanos, nanos, window, baselinePeriod);
    }

    private Target withFloor(double floor, boolean percentSign) {
        if (measure.isDuration()) {
            throw new IllegalArgumentException("Invalid floor for " + this + ": a response time is a duration, give it "
                    + "as a Duration (withFloor(Duration)): " + floor);
        }
        checkLevel(measure, floor, "floor", percentSign);
        checkFloorSide(floor, 0);
        return new Target(measure, kind, operator, value, floor, deadline, valueNanos, null, window, baselinePeriod);
    }

    private void checkFloorSide(double floor, long floorNanos) {
        if (kind == Kind.LEVEL && !(operator.isUpward() ? floor < value : floor > value)) {
            throw new IllegalArgumentException("Invalid floor for " + this + " (valid values "
                    + (operator.isUpward() ? "< " : "> ") + (measure.isDuration() ? durationText(valueNanos)
                    : fmt(value)) + "): " + (measure.isDuration() ? durationText(floorNanos) : fmt(floor)));
        }
    }

    /** This target with a deadline (inclusive: the target must be met on that day). */
    public Target withDeadline(LocalDate deadline) {
        return new Target(measure, kind, operator, value, floor, Objects.requireNonNull(deadline, "deadline"),
                valueNanos, floorNanos, window, baselinePeriod);
    }

    /**
     * This target without its deadline and floor: the plain level or change, as judged on one
     * period's data ("was the target met in March?").
     */
    public Target withoutDeadline() {
        return new Target(measure, kind, operator, value, null, null, valueNanos, null, window, baselinePeriod);
    }

    /**
     * This target judged on the responses of one calendar period, whatever grouping a report uses
     * ({@code csat>=90% in 2027-Q1}); for a change target, the period whose change from the
     * baseline counts. The period's zone is not kept: the report's zone decides which instants
     * belong to it.
     */
    public Target withWindow(CalendarPeriod period) {
        Objects.requireNonNull(period, "period");
        return new Target(measure, kind, operator, value, floor, deadline, valueNanos, floorNanos, period.label(),
                baselinePeriod);
    }

    /**
     * This change target measured against a named baseline period ({@code nps+15 vs 2026}) instead
     * of a report's first period.
     *
     * @throws IllegalArgumentException if this is a level target
     */
    public Target withBaseline(CalendarPeriod period) {
        Objects.requireNonNull(period, "period");
        if (kind != Kind.CHANGE) {
            throw new IllegalArgumentException("Invalid baseline for " + this + ": a baseline (vs) is for a change "
                    + "target such as nps+15 vs 2026");
        }
        return new Target(measure, kind, operator, value, floor, deadline, valueNanos, floorNanos, window,
                period.label());
    }

    /** The window ({@code in}), as a period in the zone, if any. */
    public Optional<CalendarPeriod> window(java.time.ZoneId zone) {
        return window == null ? Optional.empty() : Optional.of(CalendarPeriod.parse(window, zone));
    }

    /** The baseline period ({@code vs}), as a period in the zone, if any. */
    public Optional<CalendarPeriod> baseline(java.time.ZoneId zone) {
        return baselinePeriod == null ? Optional.empty() : Optional.of(CalendarPeriod.parse(baselinePeriod, zone));
    }

    /** Whether the target names a window or a baseline period ({@code in}, {@code vs}). */
    public boolean hasPeriods() {
        return window != null || baselinePeriod != null;
    }

    /** What the target is set on. */
    public Measure measure() {
        return measure;
    }

    /**
     * The survey score of a score target.
     *
     * @throws IllegalStateException if the target is on an operational KPI (see {@link #measure()})
     */
    public Metric metric() {
        if (metric == null) {
            throw new IllegalStateException("The target " + this + " is on " + measure.key()
                    + ", not on a survey score; see measure()");
        }
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

    /** The target level, or the signed change, in display units (minutes for a response time). */
    public double value() {
        return value;
    }

    /** The floor, if any, in display units (minutes for a response time). */
    public OptionalDouble floor() {
        return floor == null ? OptionalDouble.empty() : OptionalDouble.of(floor);
    }

    /** The deadline, if any. */
    public Optional<LocalDate> deadline() {
        return Optional.ofNullable(deadline);
    }

    /**
     * Starts an evaluation of a score target on the responses it is judged on (for example the last
     * quarter, or the period that ends at the deadline).
     *
     * @throws IllegalArgumentException if the target is not on a survey score (use
     *     {@link #evaluation(Estimate)})
     */
    public Evaluation evaluation(Tally current) {
        Objects.requireNonNull(current, "current");
        if (metric == null) {
            throw new IllegalArgumentException("The target " + this + " is on " + measure.key()
                    + ", which has no tally: judge it with evaluation(Estimate)");
        }
        return new Evaluation(this, current, null, current.n());
    }

    /**
     * Starts an evaluation on an estimate with its interval at the evaluation's confidence: the
     * current level (for a change target, also give {@link Evaluation#baseline(Estimate)} and
     * {@link Evaluation#change(Estimate)}). Projection to a deadline uses
     * {@link Evaluation#trend(Trend)}. This is how weighted scores and operational KPIs are judged.
     */
    public Evaluation evaluation(Estimate current) {
        Objects.requireNonNull(current, "current");
        return new Evaluation(this, null, current, current.n());
    }

    /**
     * Starts an evaluation of a target whose data give no estimate (no responses, too few for an
     * interval): its assessment is {@link TargetStatus#INSUFFICIENT_DATA} with the reason
     * "Not enough responses to judge … : n = … (why)".
     *
     * @param n the number of responses there are
     * @param why what is missing, e.g. "an interval needs at least 2"
     */
    public Evaluation evaluationWithoutEstimate(long n, String why) {
        Objects.requireNonNull(why, "why");
        Evaluation e = new Evaluation(this, null, null, n);
        e.missing = why;
        return e;
    }

    /**
     * The mutable set of inputs of an {@link Assessment}: the current data (a tally or an estimate),
     * and optionally the baseline (required for change targets), a series or trend projected to the
     * deadline, the date of evaluation (required when the target has a deadline) and the confidence
     * level. Not thread-safe.
     */
    public static final class Evaluation {
        private final Target target;
        private final Tally current;
        private final Estimate estimate;
        private final long n;
        private String missing;
        private Tally baseline;
        private Estimate baselineEstimate;
        private Estimate change;
        private Series series;
        private Trend trend;
        private LocalDate asOf;
        private double confidence = Confidence.DEFAULT;

        private Evaluation(Target target, Tally current, Estimate estimate, long n) {
            this.target = target;
            this.current = current;
            this.estimate = estimate;
            this.n = n;
        }

        /**
         * The baseline responses of a change target (for example all of 2025).
         *
         * @throws IllegalStateException if the evaluation is on an estimate (use {@link #baseline(Estimate)})
         */
        public Evaluation baseline(Tally baseline) {
            Objects.requireNonNull(baseline, "baseline");
            if (current == null) {
                throw new IllegalStateException("This evaluation is on an estimate: give the baseline as an Estimate");
            }
            this.baseline = baseline;
            return this;
        }

        /**
         * The baseline level of a change target judged on estimates (its interval sets the
         * uncertainty of a projected change).
         *
         * @throws IllegalStateException if the evaluation is on a tally (use {@link #baseline(Tally)})
         */
        public Evaluation baseline(Estimate baseline) {
            Objects.requireNonNull(baseline, "baseline");
            if (current != null) {
                throw new IllegalStateException("This evaluation is on a tally: give the baseline as a Tally");
            }
            this.baselineEstimate = baseline;
            return this;
        }

        /**
         * The change current − baseline with its interval (a two-sample method of the caller's
         * choice), for a change target judged on estimates.
         *
         * @throws IllegalStateException if the evaluation is on a tally (the change is computed from the tallies)
         */
        public Evaluation change(Estimate change) {
            Objects.requireNonNull(change, "change");
            if (current != null) {
                throw new IllegalStateException("This evaluation is on a tally: the change is computed from the tallies");
            }
            this.change = change;
            return this;
        }

        /** The series whose trend is projected to the deadline. */
        public Evaluation trend(Series series) {
            this.series = Objects.requireNonNull(series, "series");
            return this;
        }

        /**
         * A trend line of the measure (in its display unit, for example from
         * {@link Trend#ofEstimates}) projected to the period of the deadline.
         */
        public Evaluation trend(Trend trend) {
            this.trend = Objects.requireNonNull(trend, "trend");
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
         *     target and no {@link #baseline(Tally)} (on estimates: no {@link #baseline(Estimate)} or
         *     {@link #change(Estimate)}). Data too thin to judge are not an error: they give
         *     {@link TargetStatus#INSUFFICIENT_DATA} with the reason.
         */
        public Assessment evaluate() {
            if (current != null) {
                return target.assess(current, baseline, series, asOf, confidence);
            }
            return target.assess(this);
        }
    }

    private Assessment assess(Tally current, Tally baseline, Series series, LocalDate asOf, double confidence) {
        checkInputs(current, baseline, series, asOf);
        Assessment.Builder r = new Assessment.Builder(this, current.n(), confidence, asOf);
        Judged e;
        if (kind == Kind.LEVEL) {
            if (!metric.hasInterval(current)) {
                return r.status(TargetStatus.INSUFFICIENT_DATA, "Not enough responses to judge " + this + ": n = "
                        + current.n() + (metric == Metric.CES ? " (an interval needs at least 2)" : ""));
            }
            Interval ci = metric.interval(current, confidence);
            double score = metric.score(current);
            e = new Judged(score, ci.lower(), ci.upper(), metric.name() + " " + num(score));
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
            e = new Judged(c.get().difference(), c.get().lower(), c.get().upper(), "The " + metric.name()
                    + " change " + signed(c.get().difference()) + " (from " + num(metric.score(baseline)) + " to "
                    + num(metric.score(current)) + ")");
        }
        r.estimate(e.value(), e.lower(), e.upper());
        Interval level = kind == Kind.LEVEL ? null : metric.interval(current, confidence);
        Projection p = null;
        if (series != null && deadline != null) {
            p = series.trend().map(t -> new Projection(t, series.granularity().periodOf(deadline, series.zone()),
                    series.granularity().name())).orElse(null);
        }
        Baseline b = kind == Kind.LEVEL ? null
                : new Baseline(metric.score(baseline), Normal.criticalValue(confidence) * metric.standardError(baseline));
        return judge(r, e, current.n(), current.n(), kind == Kind.LEVEL ? metric.score(current) : metric.score(current),
                kind == Kind.LEVEL ? Double.NaN : level.lower(), kind == Kind.LEVEL ? Double.NaN : level.upper(),
                b, p, series == null ? "no series given" : "fewer than 3 periods with data", asOf, confidence);
    }

    /** An evaluation on estimates. */
    private Assessment assess(Evaluation in) {
        if (deadline != null && in.asOf == null) {
            throw new IllegalStateException("Missing evaluation date: the target " + this
                    + " has a deadline, so asOf(date) is required (the day it is judged on, e.g. the last day of the data)");
        }
        if (in.series != null && (metric == null || in.series.metric() != metric)) {
            throw new IllegalArgumentException("Measure mismatch: target " + measure.key() + " / series "
                    + in.series.metric().key());
        }
        Assessment.Builder r = new Assessment.Builder(this, in.n, in.confidence, in.asOf);
        if (in.estimate == null) {
            return r.status(TargetStatus.INSUFFICIENT_DATA, "Not enough responses to judge " + this + ": n = " + in.n
                    + " (" + in.missing + ")");
        }
        Estimate cur = in.estimate;
        Judged e;
        Baseline b = null;
        if (kind == Kind.LEVEL) {
            e = new Judged(cur.value(), cur.lower(), cur.upper(), measure.label() + " " + num(cur.value()));
        } else {
            if (in.baselineEstimate == null) {
                throw new IllegalStateException("Missing baseline: the target " + this
                        + " is a change, so baseline(estimate) is required (the level the change is measured from)");
            }
            if (in.change == null) {
                throw new IllegalStateException("Missing change: the target " + this
                        + " is a change, so change(estimate) is required (current - baseline with its interval)");
            }
            Estimate c = in.change;
            Estimate base = in.baselineEstimate;
            e = new Judged(c.value(), c.lower(), c.upper(), "The " + metric.name() + " change " + signed(c.value())
                    + " (from " + num(base.value()) + " to " + num(cur.value()) + ")");
            b = new Baseline(base.value(), (base.upper() - base.lower()) / 2);
        }
        r.estimate(e.value(), e.lower(), e.upper());
        Projection p = null;
        String why = "no trend given: a trend needs at least 3 periods with data";
        if (in.series != null) {
            p = deadline == null ? null : in.series.trend().map(t -> new Projection(t, in.series.granularity().periodOf(deadline,
                    in.series.zone()), in.series.granularity().name())).orElse(null);
            why = "fewer than 3 periods with data";
        } else if (in.trend != null && deadline != null) {
            CalendarPeriod origin = in.trend.origin();
            p = new Projection(in.trend, origin.granularity().periodOf(deadline, origin.zone()),
                    origin.granularity().name());
        }
        return judge(r, e, in.n, cur.effectiveN(), cur.value(), cur.lower(), cur.upper(), b, p, why, in.asOf, in.confidence);
    }

    /** The estimate a target is judged on, its interval, and the words that describe it. */
    private record Judged(double value, double lower, double upper, String what) {
    }

    /** A trend, the period of the deadline, and the name of its granularity. */
    private record Projection(Trend trend, CalendarPeriod at, String granularity) {
    }

    /** A change target's baseline level and the half-width of its interval. */
    private record Baseline(double score, double halfWidth) {
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

    /**
     * The status from the estimate's interval, the deadline, the floor and the trend. {@code level},
     * {@code levelLower}, {@code levelUpper}: the current level and (change targets) its interval,
     * for the floor.
     */
    private Assessment judge(Assessment.Builder r, Judged e, long n, double effectiveN, double level, double levelLower,
            double levelUpper, Baseline baseline, Projection projection, String noTrend, LocalDate asOf,
            double confidence) {
        String evidence = e.what() + " (" + pct(confidence) + " interval " + num(e.lower()) + " to " + num(e.upper())
                + ", n = " + n + (effectiveN != n ? ", effective n = " + String.format(java.util.Locale.ROOT, "%.1f",
                effectiveN) : "") + ")";
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
            double levelFar = kind == Kind.LEVEL ? far : (s > 0 ? levelUpper : levelLower);
            if (s > 0 ? levelFar < floor : levelFar > floor) {
                return r.status(TargetStatus.AT_RISK, measure.label() + " " + num(level) + " is "
                        + (s > 0 ? "below" : "above") + " the floor " + num(floor)
                        + " (the whole interval is), before the deadline " + deadline + ".");
            }
        }
        return project(r, evidence, clearlyShort, baseline, projection, noTrend, confidence);
    }

    /** Before the deadline: the trend projected to the deadline's period decides. */
    private Assessment project(Assessment.Builder r, String evidence, boolean clearlyShort, Baseline baseline,
            Projection projection, String noTrend, double confidence) {
        String name = measure.label();
        String goal = targetText();
        if (projection == null) {
            return clearlyShort
                    ? r.status(TargetStatus.AT_RISK, evidence + " is short of the target "
                            + (kind == Kind.LEVEL ? num(value) : signed(value)) + ", and there is no trend to project to " + deadline + " (" + noTrend + ").")
                    : r.status(TargetStatus.INSUFFICIENT_DATA, evidence + " cannot be told apart from the target "
                            + num(value) + ", and there is no trend to project to " + deadline + " (" + noTrend + ").");
        }
        Trend trend = projection.trend();
        CalendarPeriod at = projection.at();
        Interval level = trend.projectedAt(at);
        double projected;
        double pLow;
        double pHigh;
        if (kind == Kind.LEVEL) {
            projected = level.center();
            pLow = level.lower();
            pHigh = level.upper();
        } else {
            double half = Math.hypot(level.upper() - level.center(), baseline.halfWidth());
            projected = level.center() - baseline.score();
            pLow = projected - half;
            pHigh = projected + half;
        }
        r.projection(at, projected, pLow, pHigh);
        String odds = odds(r, trend, at, baseline, confidence, projection.granularity());
        String proj = "the trend (" + signed(trend.slope()) + " per " + projection.granularity().toLowerCase(Locale.ROOT)
                + ", " + trend.periods() + " periods) projects " + (kind == Kind.LEVEL ? lowerFirst(name) + " " : "a change of ")
                + (kind == Kind.LEVEL ? num(projected) : signed(projected)) + " for " + at.label() + " ("
                + pct(confidence) + " interval " + num(pLow) + " to " + num(pHigh) + ")";
        if (operator.test(projected, value)) {
            return r.status(TargetStatus.ON_TRACK, evidence + " is not yet " + goal + ", but " + proj + ", "
                    + goal + " by " + deadline + "." + odds);
        }
        return r.status(TargetStatus.AT_RISK, evidence + " is not " + goal + ", and " + proj + ", short of the target "
                + (kind == Kind.LEVEL ? num(value) : signed(value)) + " by " + deadline + "." + odds);
    }

    /**
     * The odds of meeting the target at the deadline's period and the pace it needs, set on the
     * assessment and written as a sentence for the reason. The probability is that of the deadline
     * period's own score (the trend's prediction interval at its mean responses per period), not
     * of the line's level; for a change target the baseline's uncertainty is added in a normal
     * approximation. The pace is (target − current estimate) / the periods from the evaluation
     * date's period to the deadline's (at least 1).
     */
    private String odds(Assessment.Builder r, Trend trend, CalendarPeriod at, Baseline baseline, double confidence,
            String granularity) {
        double n = trend.meanResponsesPerPeriod();
        double upward;
        if (kind == Kind.LEVEL) {
            upward = trend.probabilityAtLeast(at, n, value);
        } else {
            Interval predicted = trend.predictedAt(at, n);
            double critical = (predicted.upper() - predicted.center()) > 0
                    ? io.github.cxmetrics.stats.StudentT.criticalValue(confidence, trend.degreesOfFreedom()) : 1;
            double sd = Math.hypot((predicted.upper() - predicted.center()) / critical,
                    baseline.halfWidth() / Normal.criticalValue(confidence));
            double change = predicted.center() - baseline.score();
            upward = sd == 0 ? (change >= value ? 1 : 0) : 1 - Normal.cdf((value - change) / sd);
        }
        double p = operator.isUpward() ? upward : 1 - upward;
        CalendarPeriod now = at.granularity().periodOf(r.asOf(), at.zone());
        long left = Math.max(1, now.until(at));
        double pace = (value - r.estimateValue()) / left;
        r.odds(p, pace, trend.slope());
        String unit = granularity.toLowerCase(Locale.ROOT);
        return " The chance of " + (kind == Kind.LEVEL ? "a score " + (operator.isUpward() ? "at or above " : "at or below ")
                + num(value) : "a change of " + signed(value)) + " in " + at.label() + " is "
                + String.format(Locale.ROOT, "%.0f %%", 100 * p) + "; it needs " + signed(pace) + " per " + unit
                + " from now, the trend gives " + signed(trend.slope()) + ".";
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

    /** A number in display units for a reason: NPS, CSAT 1 decimal, CES 2, times "12.5 min", shares "80.0 %". */
    private String num(double x) {
        String s = String.format(Locale.ROOT, measure == Measure.CES ? "%.2f" : "%.1f", x);
        s = s.equals("-0.0") || s.equals("-0.00") ? s.substring(1) : s;
        return measure.isDuration() ? s + " min" : measure.isPercent() && !measure.isScore() ? s + " %" : s;
    }

    private String signed(double x) {
        String s = num(x);
        return s.startsWith("-") ? s : "+" + s;
    }

    private static String pct(double confidence) {
        return fmt(100 * confidence) + " %";
    }

    /** A sentence start inside a sentence: "The mean" becomes "the mean"; acronyms (NPS) stay. */
    private static String lowerFirst(String s) {
        return s.length() > 1 && Character.isLowerCase(s.charAt(1)) ? Character.toLowerCase(s.charAt(0)) + s.substring(1)
                : s;
    }

    static String fmt(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /** A value as written in an expression: {@code 40}, {@code 90%}, {@code 2h}. */
    private String valueText(double v, long nanos) {
        if (measure.isDuration()) {
            return durationText(nanos);
        }
        return fmt(v) + (measure.isPercent() ? "%" : "");
    }

    /** Whole hours, else whole minutes, else seconds: {@code 2h}, {@code 90min}, {@code 45s}. */
    static String durationText(long nanos) {
        if (nanos % NANOS_PER_HOUR == 0) {
            return nanos / NANOS_PER_HOUR + "h";
        }
        if (nanos % NANOS_PER_MINUTE == 0) {
            return nanos / NANOS_PER_MINUTE + "min";
        }
        return BigDecimal.valueOf(nanos).movePointLeft(9).stripTrailingZeros().toPlainString() + "s";
    }

    /**
     * The canonical expression, e.g. {@code csat>=90% by 2025-12-31 floor 85%} or
     * {@code response.mean<2h}, which {@link #parse} reads back.
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(measure.key());
        if (kind == Kind.LEVEL) {
            sb.append(operator.symbol()).append(valueText(value, valueNanos));
        } else {
            sb.append(value > 0 ? "+" : "-").append(fmt(Math.abs(value))).append(measure.isPercent() ? "%" : "");
        }
        if (window != null) {
            sb.append(" in ").append(window);
        }
        if (baselinePeriod != null) {
            sb.append(" vs ").append(baselinePeriod);
        }
        if (deadline != null) {
            sb.append(" by ").append(deadline);
        }
        if (floor != null) {
            sb.append(" floor ").append(valueText(floor, floorNanos == null ? 0 : floorNanos));
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Target t && measure == t.measure && kind == t.kind && operator == t.operator
                && Double.compare(value, t.value) == 0 && Objects.equals(floor, t.floor)
                && Objects.equals(deadline, t.deadline) && valueNanos == t.valueNanos
                && Objects.equals(floorNanos, t.floorNanos) && Objects.equals(window, t.window)
                && Objects.equals(baselinePeriod, t.baselinePeriod);
    }

    @Override
    public int hashCode() {
        return Objects.hash(measure, kind, operator, value, floor, deadline, window, baselinePeriod);
    }
}
