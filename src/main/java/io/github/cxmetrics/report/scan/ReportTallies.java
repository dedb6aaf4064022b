package io.github.cxmetrics.report.scan;

import io.github.cxmetrics.ops.OutcomeAccumulator;
import io.github.cxmetrics.ops.ResponseTimeHistogram;
import io.github.cxmetrics.ops.ResponseTimeHistogramAccumulator;
import io.github.cxmetrics.ops.WeightedOutcomeAccumulator;
import io.github.cxmetrics.ops.WeightedResponseTimeHistogramAccumulator;
import io.github.cxmetrics.scale.Scale;
import io.github.cxmetrics.survey.Survey;
import io.github.cxmetrics.survey.SurveyAccumulator;
import io.github.cxmetrics.trend.Metric;
import io.github.cxmetrics.calendar.CalendarPeriod;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * What one pass over an export collected, before any summary: what was read ({@link ReadCounts})
 * and the tallies of every group (overall, each period, each segment value, each segment value per
 * period). The summaries of a report are computed from this alone, so it is also what
 * {@code --save-tallies} stores (the archive) and {@code --from-tallies} reads back. When the
 * grouping asks for them, also the overall tallies of each local day ({@link #days()}).
 * Not modified after the pass (the day tallies are given once, as it ends).
 */
public final class ReportTallies {
    /** The tallies of one segment value: in total and per period. */
    public static final class SegmentData {
        public final GroupTallies total;
        /** Null until the value's first period: no map per value in a report without a trend (issue 16). */
        private TreeMap<CalendarPeriod, GroupTallies> byPeriod;

        public SegmentData(GroupTallies total) {
            this.total = total;
        }

        /** The value's groups by period, in order; empty without a trend. Read-only. */
        public java.util.NavigableMap<CalendarPeriod, GroupTallies> byPeriod() {
            return byPeriod == null ? java.util.Collections.emptyNavigableMap()
                    : java.util.Collections.unmodifiableNavigableMap(byPeriod);
        }

        /** The value's group in a period, or null. */
        public GroupTallies inPeriod(CalendarPeriod period) {
            return byPeriod == null ? null : byPeriod.get(period);
        }

        /** The value's group in a period, made by {@code make} (and kept) if it has none yet. */
        public GroupTallies inPeriod(CalendarPeriod period, java.util.function.Supplier<GroupTallies> make) {
            if (byPeriod == null) {
                byPeriod = new TreeMap<>();
            }
            return byPeriod.computeIfAbsent(period, p -> make.get());
        }

        /** Gives the value a group in a period; false (and nothing changed) if it has one there. */
        public boolean putPeriod(CalendarPeriod period, GroupTallies group) {
            if (byPeriod == null) {
                byPeriod = new TreeMap<>();
            }
            return byPeriod.putIfAbsent(period, group) == null;
        }
    }

    public final ReadCounts input;
    public final List<Metric> metrics;
    /** The scale of each reported metric by {@link Metric#ordinal()}, null for the others. */
    public final Scale[] scales;
    public final GroupTallies overall;
    public final TreeMap<CalendarPeriod, GroupTallies> periods;
    public final List<String> segmentNames;
    /** Per segment column (in the order of {@link #segmentNames}), its values in any order. */
    public final List<Map<String, SegmentData>> segments;
    public final boolean hasResponseTime;
    public final boolean hasFcr;
    public final boolean hasSurvey;
    public final Duration responseTarget;
    /** Empty operational tallies of a new group (with the survey's, when the scan has one), or null. */
    private final Supplier<OpsTallies> newOps;
    /** What raking did to the weights, or null when the report is not raked. */
    public final Weighting weighting;
    /** The overall tallies of each local day in the report's zone, or null when they were not collected. */
    private TreeMap<LocalDate, GroupTallies> days;

    /**
     * Tallies from stored ones (no survey): the operational tallies of a new group follow
     * {@code hasResponseTime} and {@code hasFcr}.
     */
    public ReportTallies(ReadCounts input, List<Metric> metrics, Scale[] scales, GroupTallies overall,
            TreeMap<CalendarPeriod, GroupTallies> periods, List<String> segmentNames, List<Map<String, SegmentData>> segments,
            boolean hasResponseTime, boolean hasFcr, Duration responseTarget) {
        this(input, metrics, scales, overall, periods, segmentNames, segments, hasResponseTime, hasFcr, false,
                responseTarget, storedOps(hasResponseTime, hasFcr, responseTarget, input.weighted(), null));
    }

    /**
     * Tallies from stored ones with a KTO survey (or none, null): the operational tallies of a new
     * group follow {@code hasResponseTime}, {@code hasFcr} and the survey.
     */
    public ReportTallies(ReadCounts input, List<Metric> metrics, Scale[] scales, GroupTallies overall,
            TreeMap<CalendarPeriod, GroupTallies> periods, List<String> segmentNames, List<Map<String, SegmentData>> segments,
            boolean hasResponseTime, boolean hasFcr, Duration responseTarget, Survey survey) {
        this(input, metrics, scales, overall, periods, segmentNames, segments, hasResponseTime, hasFcr, survey != null,
                responseTarget, storedOps(hasResponseTime, hasFcr, responseTarget, input.weighted(), survey));
    }

    ReportTallies(ReadCounts input, List<Metric> metrics, Scale[] scales, GroupTallies overall,
            TreeMap<CalendarPeriod, GroupTallies> periods, List<String> segmentNames, List<Map<String, SegmentData>> segments,
            boolean hasResponseTime, boolean hasFcr, boolean hasSurvey, Duration responseTarget,
            Supplier<OpsTallies> newOps) {
        this(input, metrics, scales, overall, periods, segmentNames, segments, hasResponseTime, hasFcr, hasSurvey,
                responseTarget, newOps, null);
    }

    private ReportTallies(ReadCounts input, List<Metric> metrics, Scale[] scales, GroupTallies overall,
            TreeMap<CalendarPeriod, GroupTallies> periods, List<String> segmentNames, List<Map<String, SegmentData>> segments,
            boolean hasResponseTime, boolean hasFcr, boolean hasSurvey, Duration responseTarget,
            Supplier<OpsTallies> newOps, Weighting weighting) {
        this.newOps = newOps;
        this.weighting = weighting;
        this.input = input;
        this.metrics = List.copyOf(metrics);
        this.scales = scales.clone();
        this.overall = overall;
        this.periods = periods;
        this.segmentNames = List.copyOf(segmentNames);
        this.segments = segments;
        this.hasResponseTime = hasResponseTime;
        this.hasFcr = hasFcr;
        this.hasSurvey = hasSurvey;
        this.responseTarget = responseTarget;
    }

    /**
     * The same tallies as read from a file of this name with this layout (the Spark report names
     * the merged tallies of its partitions after the input and gives them the layout detected on
     * the driver).
     */
    public ReportTallies withInput(String file, io.github.cxmetrics.io.ExportLayout layout) {
        ReadCounts in = input;
        return new ReportTallies(new ReadCounts(file, in.rows(), in.rejectedRows(), in.rejectionReasons(),
                in.rejectionExamples(), in.weighted(), in.duplicateRows(), layout, in.excluded()), metrics, scales,
                overall, periods, segmentNames, segments, hasResponseTime, hasFcr, hasSurvey, responseTarget, newOps,
                weighting).withDays(days);
    }

    /** The same tallies, read with what was detected in the file. */
    ReportTallies withLayout(io.github.cxmetrics.io.ExportLayout layout) {
        return new ReportTallies(input.withLayout(layout), metrics, scales, overall, periods, segmentNames, segments,
                hasResponseTime, hasFcr, hasSurvey, responseTarget, newOps, weighting).withDays(days);
    }

    /**
     * These tallies with the overall tallies of each local day (in the report's zone), or without
     * them (null); the map is taken as it is, not copied.
     */
    public ReportTallies withDays(TreeMap<LocalDate, GroupTallies> value) {
        this.days = value;
        return this;
    }

    /**
     * The overall tallies of each local day in the report's zone with at least one row (every
     * metric, weighted when the report is, and the operational tallies), or null when the pass did
     * not collect them ({@link io.github.cxmetrics.report.grouping.ReportGrouping#days()}).
     */
    public TreeMap<LocalDate, GroupTallies> days() {
        return days;
    }

    /** The same tallies with what raking did to the weights (null: not raked). */
    public ReportTallies withWeighting(Weighting value) {
        return new ReportTallies(input, metrics, scales, overall, periods, segmentNames, segments, hasResponseTime,
                hasFcr, hasSurvey, responseTarget, newOps, value).withDays(days);
    }

    private static Supplier<OpsTallies> storedOps(boolean hasResponseTime, boolean hasFcr, Duration responseTarget,
            boolean weighted, Survey survey) {
        if (!hasResponseTime && !hasFcr && survey == null) {
            return null;
        }
        return () -> {
            OpsTallies t = new OpsTallies(hasResponseTime ? new ResponseTimeHistogramAccumulator(
                    ResponseTimeHistogram.DEFAULT_RELATIVE_ACCURACY, responseTarget) : null,
                    hasFcr ? new OutcomeAccumulator() : null, survey == null ? null : new SurveyAccumulator(survey));
            return weighted ? t.weighted(new WeightedResponseTimeHistogramAccumulator(
                    ResponseTimeHistogram.DEFAULT_RELATIVE_ACCURACY, responseTarget), new WeightedOutcomeAccumulator())
                    : t;
        };
    }

    /** A new empty group with the tallies of these metrics and operational KPIs. */
    public GroupTallies newGroup() {
        GroupTallies group = new GroupTallies(scales, input.weighted());
        return newOps == null ? group : group.withOps(newOps.get());
    }

    /**
     * The tallies of both parts, as if their rows had been read in one pass: every group's counts,
     * exact weight sums, response-time histograms, FCR, KTO answer patterns and day tallies added
     * exactly, and what was read added up (rows, rejected rows and their reasons, duplicates,
     * exclusions; the first {@value #EXAMPLES} rejection examples; the file names joined with
     * {@code " + "}). Neither part changes. Respondent deduplication is per part: a respondent in
     * both counts in both.
     *
     * @throws IllegalArgumentException if the parts were not tallied alike, naming what differs:
     *     metrics or scales, segment columns, weighting, operational KPIs, the response-time target,
     *     the KTO survey, day tallies; or if a part is raked (raking factors depend on all rows, so
     *     raked tallies do not add up)
     */
    public ReportTallies plus(ReportTallies other) {
        java.util.Objects.requireNonNull(other, "other");
        if (weighting != null || other.weighting != null) {
            throw new IllegalArgumentException("Raked tallies cannot be added: the raking factors depend on all rows "
                    + "(store the unraked tallies, --weight only, and rake when reporting)");
        }
        requireSame("metrics", metrics, other.metrics);
        requireSame("scales", java.util.Arrays.asList(scales), java.util.Arrays.asList(other.scales));
        requireSame("segment columns", segmentNames, other.segmentNames);
        requireSame("weighting", input.weighted() ? "weighted" : "unweighted",
                other.input.weighted() ? "weighted" : "unweighted");
        requireSame("response times", hasResponseTime, other.hasResponseTime);
        requireSame("first-contact resolution", hasFcr, other.hasFcr);
        requireSame("KTO survey", hasSurvey, other.hasSurvey);
        requireSame("response-time target", responseTarget, other.responseTarget);
        requireSame("day tallies", days != null, other.days != null);
        if (hasSurvey && !overall.ops().kto().survey().equals(other.overall.ops().kto().survey())) {
            throw new IllegalArgumentException("Tallies mismatch: the KTO surveys differ");
        }
        GroupTallies all = newGroup();
        all.addAll(overall);
        all.addAll(other.overall);
        TreeMap<CalendarPeriod, GroupTallies> byPeriod = sum(periods, other.periods);
        List<Map<String, SegmentData>> bySegment = new java.util.ArrayList<>();
        for (int s = 0; s < segments.size(); s++) {
            Map<String, SegmentData> merged = new java.util.HashMap<>();
            for (Map<String, SegmentData> part : List.of(segments.get(s), other.segments.get(s))) {
                for (Map.Entry<String, SegmentData> e : part.entrySet()) {
                    SegmentData into = merged.computeIfAbsent(e.getKey(), k -> new SegmentData(newGroup()));
                    into.total.addAll(e.getValue().total);
                    e.getValue().byPeriod().forEach((period, g) -> into.inPeriod(period, this::newGroup).addAll(g));
                }
            }
            bySegment.add(merged);
        }
        TreeMap<LocalDate, GroupTallies> byDay = days == null ? null : sum(days, other.days);
        return new ReportTallies(plus(input, other.input), metrics, scales, all, byPeriod, segmentNames, bySegment,
                hasResponseTime, hasFcr, hasSurvey, responseTarget, newOps, null).withDays(byDay);
    }

    /** The most rejection examples kept. */
    static final int EXAMPLES = 5;

    private static ReadCounts plus(ReadCounts a, ReadCounts b) {
        java.util.LinkedHashMap<String, Long> reasons = new java.util.LinkedHashMap<>(a.rejectionReasons());
        b.rejectionReasons().forEach((k, v) -> reasons.merge(k, v, Math::addExact));
        java.util.LinkedHashMap<String, Long> excluded = new java.util.LinkedHashMap<>(a.excluded());
        b.excluded().forEach((k, v) -> excluded.merge(k, v, Math::addExact));
        List<String> examples = new java.util.ArrayList<>(a.rejectionExamples());
        for (String e : b.rejectionExamples()) {
            if (examples.size() < EXAMPLES) {
                examples.add(e);
            }
        }
        return new ReadCounts(a.file() + " + " + b.file(), Math.addExact(a.rows(), b.rows()),
                Math.addExact(a.rejectedRows(), b.rejectedRows()), reasons, examples, a.weighted(),
                Math.addExact(a.duplicateRows(), b.duplicateRows()),
                java.util.Objects.equals(a.layout(), b.layout()) ? a.layout() : null, excluded);
    }

    private <K> TreeMap<K, GroupTallies> sum(TreeMap<K, GroupTallies> a,
            TreeMap<K, GroupTallies> b) {
        TreeMap<K, GroupTallies> out = new TreeMap<>();
        for (TreeMap<K, GroupTallies> part : List.of(a, b)) {
            part.forEach((k, g) -> out.computeIfAbsent(k, x -> newGroup()).addAll(g));
        }
        return out;
    }

    private static void requireSame(String what, Object a, Object b) {
        if (!java.util.Objects.equals(a, b)) {
            throw new IllegalArgumentException("Tallies mismatch: the " + what + " differ (" + a + " / " + b + ")");
        }
    }
}
