package io.github.cxmetrics.report;

import io.github.cxmetrics.target.TargetStatus;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One thing in a report that needs attention, with its numbers and a one-line text: a target that
 * is missed, not met or at risk, a significant change in the last period, a last period outside its
 * control limits, or a segment value significantly worse than the rest of its column. The report
 * opens with them ({@link Report#highlights()}), ordered by how much they matter (the rule is in
 * {@code docs/report.md}, "Highlights"); every renderer shows the same list.
 *
 * <p>What the numbers are depends on the {@link Kind}:
 *
 * <table>
 *   <caption>The values of each kind</caption>
 *   <tr><th>kind</th><th>score</th><th>reference</th><th>difference</th><th>lower, upper</th>
 *       <th>pValue</th><th>adjustedPValue</th></tr>
 *   <tr><td>{@link Kind#TARGET}</td><td>the target's estimate (the change, for a change target)</td>
 *       <td>the target's value</td><td>score − reference</td><td>the estimate's interval</td>
 *       <td>empty</td><td>empty</td></tr>
 *   <tr><td>{@link Kind#CHANGE}</td><td>the period's score</td><td>the previous period's score</td>
 *       <td>the change</td><td>the change's interval</td><td>the change's test</td>
 *       <td>Holm across the values of the segment column; empty for the whole input</td></tr>
 *   <tr><td>{@link Kind#OUT_OF_CONTROL}</td><td>the period's score</td><td>the long-run level (the
 *       centre line)</td><td>score − reference</td><td>the control limits</td><td>empty</td>
 *       <td>empty</td></tr>
 *   <tr><td>{@link Kind#BELOW_REST}</td><td>the segment value's score</td><td>the score of the rest
 *       of the column</td><td>value − rest</td><td>the family-wise interval of the difference</td>
 *       <td>the single test's</td><td>Holm across the values of the column</td></tr>
 * </table>
 *
 * <p>Scores, references, differences and limits are in display units (NPS points, CSAT %
 * satisfied, CES scale points). Get instances from {@link Report#highlights()}. Immutable and
 * thread-safe.
 *
 * @since 0.1.0
 */
public final class Highlight {
    /** What kind of thing needs attention. */
    public enum Kind {
        /** A target whose status is {@link TargetStatus#MISSED}, {@link TargetStatus#NOT_MET} or {@link TargetStatus#AT_RISK}. */
        TARGET,
        /** A significant change of the last period against the one before it (better or worse). */
        CHANGE,
        /** The last period's score outside its control limits (above or below). */
        OUT_OF_CONTROL,
        /** A segment value significantly worse than the rest of its column (Holm-adjusted). */
        BELOW_REST
    }

    private final Kind kind;
    private final String metric;
    private final String segmentColumn;
    private final String segment;
    private final String period;
    private final long n;
    private final Double score;
    private final Double reference;
    private final Double difference;
    private final Double lower;
    private final Double upper;
    private final Double pValue;
    private final Double adjustedPValue;
    private final Double affected;
    private final boolean worse;
    private final TargetStatus status;
    private final String target;
    private final String text;

    Highlight(Builder b, String text) {
        this.kind = Objects.requireNonNull(b.kind, "kind");
        this.metric = Objects.requireNonNull(b.metric, "metric");
        this.segmentColumn = b.segmentColumn;
        this.segment = b.segment;
        this.period = b.period;
        this.n = b.n;
        this.score = b.score;
        this.reference = b.reference;
        this.difference = b.difference;
        this.lower = b.lower;
        this.upper = b.upper;
        this.pValue = b.pValue;
        this.adjustedPValue = b.adjustedPValue;
        this.affected = b.affected;
        this.worse = b.worse;
        this.status = b.status;
        this.target = b.target;
        this.text = Objects.requireNonNull(text, "text");
    }

    /** Collects the values of a highlight while it is found. */
    static final class Builder {
        Kind kind;
        String metric;
        String segmentColumn;
        String segment;
        String period;
        long n;
        Double score;
        Double reference;
        Double difference;
        Double lower;
        Double upper;
        Double pValue;
        Double adjustedPValue;
        Double affected;
        boolean worse;
        TargetStatus status;
        String target;

        Builder(Kind kind, String metric) {
            this.kind = kind;
            this.metric = metric;
        }

        Builder segment(String column, String value) {
            this.segmentColumn = column;
            this.segment = value;
            return this;
        }
    }

    /** The kind. */
    public Kind kind() {
        return kind;
    }

    /**
     * The metric's key as in the JSON output: {@code nps}, {@code csat}, {@code ces} (for a target,
     * the key of the target's metric).
     */
    public String metric() {
        return metric;
    }

    /** The segment column, empty for the whole input. */
    public Optional<String> segmentColumn() {
        return Optional.ofNullable(segmentColumn);
    }

    /** The segment value as in the data ({@code ""} for an empty cell), empty for the whole input. */
    public Optional<String> segment() {
        return Optional.ofNullable(segment);
    }

    /** The group: {@code overall}, or the segment column and value as {@code channel=chat}. */
    public String group() {
        return segmentColumn == null ? "overall" : segmentColumn + "=" + segment;
    }

    /**
     * The period label ({@code 2025-W03}): the last period of the trend; empty without a trend and
     * for a segment value against the rest (which is over all periods).
     */
    public Optional<String> period() {
        return Optional.ofNullable(period);
    }

    /** The number of responses behind {@link #score()}. */
    public long n() {
        return n;
    }

    /** The score (see the class comment), in display units. */
    public OptionalDouble score() {
        return opt(score);
    }

    /** What the score is compared with (see the class comment), in display units. */
    public OptionalDouble reference() {
        return opt(reference);
    }

    /** The difference (see the class comment), in display units. */
    public OptionalDouble difference() {
        return opt(difference);
    }

    /** The lower limit that decided (see the class comment), in display units. */
    public OptionalDouble lower() {
        return opt(lower);
    }

    /** The upper limit that decided (see the class comment), in display units. */
    public OptionalDouble upper() {
        return opt(upper);
    }

    /** The p-value of the single test (changes and segments). */
    public OptionalDouble pValue() {
        return opt(pValue);
    }

    /** The Holm-adjusted p-value (segments: against the rest, and their changes). */
    public OptionalDouble adjustedPValue() {
        return opt(adjustedPValue);
    }

    /**
     * How many responses the difference stands for: n × |difference| / the score's full range (200
     * NPS points, 100 CSAT points, the CES scale's max − min), i.e. how many of the n responses would
     * have to move from one end of the scale to the other to make the difference. Empty for
     * targets. The order of the highlights uses it.
     */
    public OptionalDouble affected() {
        return opt(affected);
    }

    /**
     * Whether this is a change for the worse: always for targets and segments below the rest; for
     * changes and control limits, a score that fell (rose, on a lower-is-better CES scale).
     */
    public boolean isWorse() {
        return worse;
    }

    /** The target's status (targets only). */
    public Optional<TargetStatus> status() {
        return Optional.ofNullable(status);
    }

    /** The target's canonical expression, e.g. {@code csat>=90%} (targets only). */
    public Optional<String> target() {
        return Optional.ofNullable(target);
    }

    /**
     * One line with the numbers, e.g. {@code CSAT channel=chat, 2025-W03: 71.2 %, -6.4 points vs
     * 2025-W02 (77.6 %), p = 0.003, Holm-adjusted p = 0.009, n = 412}: ASCII apart from what the
     * data put in a segment value (whose control characters are written as {@code \n}, {@code \t},
     * {@code \}{@code u0001}).
     */
    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return kind + ": " + text;
    }

    private static OptionalDouble opt(Double d) {
        return d == null ? OptionalDouble.empty() : OptionalDouble.of(d);
    }
}
