package io.github.cxmetrics.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cxmetrics.calendar.Granularity;
import io.github.cxmetrics.report.format.ReportFormat;
import io.github.cxmetrics.report.grouping.ReportGrouping;
import io.github.cxmetrics.report.scan.ReportTallies;
import io.github.cxmetrics.report.scan.Scan;
import io.github.cxmetrics.survey.Survey;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * {@link ReportTallies#plus}: the rows of an export split into parts at random places, each part
 * scanned on its own and the parts' tallies added in any order, give the report of one pass over
 * all rows, byte for byte in every format (the input's file name aside), weighted or not, with
 * periods, two segment columns, response times, FCR, a KTO survey and day tallies.
 */
class TalliesMergeProperties {
    private static final String HEADER = "submitted_at,nps,csat,channel,region,w,first_response_minutes,"
            + "resolved_first_contact,q1,q2\n";
    private static final Survey SURVEY = Survey.parse("min-answered 1\nq1 csat 1-5 weight=2\nq2 ces 1-7\n");

    private static List<String> rows(long seed, int n) {
        SplittableRandom r = new SplittableRandom(seed);
        long start = Instant.parse("2026-01-01T00:00:00Z").getEpochSecond();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(Instant.ofEpochSecond(start + r.nextLong(200L * 86_400)) + ","
                    + (r.nextInt(5) == 0 ? "" : String.valueOf(r.nextInt(11))) + ","
                    + (r.nextInt(3) == 0 ? "" : String.valueOf(1 + r.nextInt(5))) + ","
                    + List.of("phone", "chat", "mail", "store").get(r.nextInt(4)) + ","
                    + List.of("north", "south").get(r.nextInt(2)) + "," + (1 + r.nextInt(16)) / 4.0 + ","
                    + r.nextInt(600) / 4.0 + "," + r.nextBoolean() + ","
                    + (r.nextInt(4) == 0 ? "" : String.valueOf(1 + r.nextInt(5))) + ","
                    + (r.nextInt(4) == 0 ? "" : String.valueOf(1 + r.nextInt(7))) + "\n");
        }
        return out;
    }

    private static ReportTallies scan(List<String> rows, ReportGrouping g) throws IOException {
        String csv = HEADER + String.join("", rows);
        return Scan.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "part", g, m -> { });
    }

    private static String withoutFile(String text) {
        return text.replace("part + part + part", "part").replace("part + part", "part");
    }

    @Property(tries = 25)
    void partsAddedInAnyOrderGiveTheReportOfOnePass(@ForAll long seed, @ForAll @IntRange(min = 1, max = 400) int n,
            @ForAll @IntRange(min = 2, max = 3) int parts, @ForAll boolean weighted) throws IOException {
        ReportGrouping g = ReportGrouping.defaults().withBy(Granularity.MONTH).withSegment("channel")
                .withSegment("region").withSurvey(SURVEY).withDays(true);
        if (weighted) {
            g = g.withWeightColumn("w");
        }
        List<String> all = rows(seed, n);
        SplittableRandom r = new SplittableRandom(seed ^ 0x5DEECE66DL);
        List<List<String>> split = new ArrayList<>();
        for (int p = 0; p < parts; p++) {
            split.add(new ArrayList<>());
        }
        for (String row : all) {
            split.get(r.nextInt(parts)).add(row);
        }
        ReportTallies merged = null;
        for (int p = parts - 1; p >= 0; p--) {
            ReportTallies t = scan(split.get(p), g);
            merged = merged == null ? t : (r.nextBoolean() ? merged.plus(t) : t.plus(merged));
        }
        ReportOptions o = ReportOptions.of(g).withCalendar(true).withTarget("nps>=20").withTarget("fcr>=50%");
        Report one = ReportAssembly.summarize(o, scan(all, g));
        Report sum = ReportAssembly.summarize(o, merged);
        for (ReportFormat f : ReportFormat.values()) {
            assertThat(withoutFile(f.format(sum))).as(f.name()).isEqualTo(f.format(one));
        }
    }

    @Property(tries = 10)
    void talliesOfDifferentGroupingsAreRefused(@ForAll long seed) throws IOException {
        List<String> rows = rows(seed, 20);
        ReportGrouping g = ReportGrouping.defaults().withBy(Granularity.MONTH).withSegment("channel");
        ReportTallies a = scan(rows, g);
        assertThatThrownBy(() -> a.plus(scan(rows, g.withWeightColumn("w")))).isInstanceOf(
                IllegalArgumentException.class).hasMessage("Tallies mismatch: the weighting differ (unweighted / "
                + "weighted)");
        assertThatThrownBy(() -> a.plus(scan(rows, g.withSegment("region")))).isInstanceOf(
                IllegalArgumentException.class).hasMessageStartingWith("Tallies mismatch: the segment columns differ");
        assertThatThrownBy(() -> a.plus(scan(rows, g.withDays(true)))).isInstanceOf(
                IllegalArgumentException.class).hasMessageStartingWith("Tallies mismatch: the day tallies differ");
    }
}
