package io.github.cxmetrics.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cxmetrics.report.grouping.ReportGrouping;
import io.github.cxmetrics.scale.CsatScale;
import io.github.cxmetrics.scale.NpsScale;
import io.github.cxmetrics.stats.Comparison;
import io.github.cxmetrics.tally.TallyAccumulator;
import io.github.cxmetrics.tally.WeightedTallyAccumulator;
import io.github.cxmetrics.trend.Metric;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * A segment's comparison with the rest (computed by the report as the column's total minus the
 * segment, linear in the segments) equals the comparison with the rest built the quadratic way,
 * from the rows of every other segment, exactly: same doubles, weighted or not.
 */
class SegmentVsRestProperties {

    @Property(tries = 60)
    void vsRestEqualsTheRestBuiltFromTheOtherRows(@ForAll @IntRange(min = 1, max = 40) int segments,
            @ForAll @IntRange(min = 0, max = 400) int rows, @ForAll boolean weighted, @ForAll long seed)
            throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        int[] segment = new int[rows];
        int[] nps = new int[rows];
        int[] csat = new int[rows];
        double[] weight = new double[rows];
        StringBuilder csv = new StringBuilder("store,nps,csat,w\n");
        for (int i = 0; i < rows; i++) {
            segment[i] = random.nextInt(segments);
            nps[i] = random.nextInt(5) == 0 ? -1 : random.nextInt(11);
            csat[i] = random.nextInt(4) == 0 ? -1 : 1 + random.nextInt(5);
            weight[i] = (1 + random.nextInt(400)) / 100.0;
            csv.append("s").append(segment[i]).append(',').append(nps[i] < 0 ? "" : nps[i]).append(',')
                    .append(csat[i] < 0 ? "" : csat[i]).append(',').append(weight[i]).append('\n');
        }
        ReportGrouping grouping = ReportGrouping.defaults().withSegment("store");
        if (weighted) {
            grouping = grouping.withWeightColumn("w");
        }
        Report report = Report.generate(new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)),
                "stores.csv", ReportOptions.of(grouping));
        List<SegmentSummary> summaries = report.segments().getOrDefault("store", List.of());
        for (SegmentSummary s : summaries) {
            int id = Integer.parseInt(s.segment().substring(1));
            for (Metric m : List.of(Metric.NPS, Metric.CSAT)) {
                int[] scores = m == Metric.NPS ? nps : csat;
                Optional<Comparison> expected = quadratic(m, scores, segment, weight, id, weighted);
                Optional<Comparison> actual = s.metrics().get(m).vsRest().map(a -> a.comparison());
                assertThat(actual).as(m + " of " + s.segment()).isEqualTo(expected);
            }
        }
    }

    /**
     * Issue 16: with thousands of values the summaries are computed on several threads
     * ({@link io.github.cxmetrics.internal.Parallel}); the report is the same as on one thread, every
     * value's summary, family-wise interval and trend included, weighted or not.
     */
    @net.jqwik.api.Example
    void manyValuesGiveTheSameReportOnOneThreadAndOnSeveral() throws IOException {
        SplittableRandom random = new SplittableRandom(16);
        StringBuilder csv = new StringBuilder("store,submitted_at,nps,csat,ces,w\n");
        for (int i = 0; i < 30_000; i++) {
            // a few stores far from the rest, so that some differences are significant after Holm
            int store = i < 3_000 ? i : random.nextInt(10) == 0 ? random.nextInt(5) : random.nextInt(3_000);
            int nps = store < 5 ? 10 : random.nextInt(11);
            csv.append("s").append(store).append(",2025-0").append(1 + random.nextInt(6)).append("-1")
                    .append(random.nextInt(10)).append("T10:00:00Z,").append(nps).append(',')
                    .append(1 + random.nextInt(5)).append(',').append(1 + random.nextInt(7)).append(',')
                    .append((1 + random.nextInt(400)) / 100.0).append('\n');
        }
        byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
        for (boolean weighted : new boolean[] {false, true}) {
            ReportGrouping grouping = ReportGrouping.defaults().withSegment("store")
                    .withBy(io.github.cxmetrics.calendar.Granularity.MONTH);
            if (weighted) {
                grouping = grouping.withWeightColumn("w");
            }
            String[] json = new String[2];
            int[] threads = {1, 4};
            for (int k = 0; k < 2; k++) {
                Report report = Report.generate(new ByteArrayInputStream(bytes), "stores.csv",
                        ReportOptions.of(grouping).withThreads(threads[k]));
                assertThat(report.segments().get("store")).hasSize(3_000);
                java.io.StringWriter out = new java.io.StringWriter();
                io.github.cxmetrics.report.format.ReportFormat.JSON.write(report, out);
                json[k] = out.toString();
            }
            assertThat(json[1]).as("weighted %s", weighted).isEqualTo(json[0]);
            assertThat(json[0]).containsPattern("\"significant\": *true");
        }
    }

    /** The comparison of one segment with every row of the others, tallied from the rows. */
    private static Optional<Comparison> quadratic(Metric m, int[] scores, int[] segment, double[] weight, int id,
            boolean weighted) {
        var scale = m == Metric.NPS ? NpsScale.STANDARD : CsatScale.FIVE_POINT;
        TallyAccumulator own = new TallyAccumulator(scale);
        TallyAccumulator rest = new TallyAccumulator(scale);
        WeightedTallyAccumulator wOwn = new WeightedTallyAccumulator(scale);
        WeightedTallyAccumulator wRest = new WeightedTallyAccumulator(scale);
        for (int i = 0; i < scores.length; i++) {
            if (scores[i] < 0) {
                continue;
            }
            (segment[i] == id ? own : rest).add(scores[i]);
            (segment[i] == id ? wOwn : wRest).add(scores[i], weight[i]);
        }
        try {
            return Optional.of(weighted ? m.compare(wOwn.snapshot(), wRest.snapshot(), 0.95)
                    : m.compare(own.snapshot(), rest.snapshot(), 0.95));
        } catch (IllegalStateException undefined) {
            return Optional.empty();
        }
    }
}
