package io.github.cxmetrics.report.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.cxmetrics.calendar.CalendarPeriod;
import io.github.cxmetrics.calendar.Granularity;
import io.github.cxmetrics.io.CsvHeader;
import io.github.cxmetrics.io.CsvReader;
import io.github.cxmetrics.report.archive.ReportArchive;
import io.github.cxmetrics.report.grouping.ReportGrouping;
import io.github.cxmetrics.trend.Metric;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The overall tallies per local day ({@link ReportTallies#days()}) against plain counting: rows at
 * random instants around the 2026 spring DST switch in Amsterdam, written with offsets other than
 * the zone's (so the written date is often not the local day); the expected day of each row is
 * {@code instant.atZone(zone).toLocalDate()} of the instant it was generated from (java.time),
 * never the code under test. The streaming pass, the parallel scan (small chunks, several workers,
 * so the days are merged across workers) and the stored tallies must all give these counts.
 */
class DayTalliesTest {
    private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    private static final ZoneOffset[] OFFSETS = {ZoneOffset.UTC, ZoneOffset.ofHours(5), ZoneOffset.ofHours(-7),
        ZoneOffset.ofHoursMinutes(1, 0)};
    private static final DateTimeFormatter FORM = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

    @TempDir
    Path dir;

    /** Plain counts of one day. */
    static final class Day {
        final long[] nps = new long[11];
        final long[] csat = new long[5];
        final long[] ces = new long[7];
        long fcrN;
        long fcrYes;
        long responses;
        double npsWeight;
    }

    /** A generated export and the counts per local day in ZONE. */
    record Export(String csv, TreeMap<LocalDate, Day> days) {
    }

    private static Export export(long seed, int rows) {
        SplittableRandom random = new SplittableRandom(seed);
        long from = Instant.parse("2026-03-20T00:00:00Z").getEpochSecond();
        long to = Instant.parse("2026-04-10T00:00:00Z").getEpochSecond();
        StringBuilder csv = new StringBuilder("response_id,submitted_at,channel,nps,csat,ces,"
                + "first_response_minutes,resolved_first_contact,weight\n");
        TreeMap<LocalDate, Day> days = new TreeMap<>();
        for (int i = 0; i < rows; i++) {
            Instant at = Instant.ofEpochSecond(random.nextLong(from, to));
            LocalDate local = at.atZone(ZONE).toLocalDate();
            Day d = days.computeIfAbsent(local, k -> new Day());
            int nps = random.nextInt(11);
            int csat = random.nextInt(6); // 0: not asked
            int ces = 1 + random.nextInt(7);
            double weight = new double[] {0.5, 1, 2}[random.nextInt(3)];
            boolean fcr = random.nextBoolean();
            d.nps[nps]++;
            d.npsWeight += weight;
            if (csat > 0) {
                d.csat[csat - 1]++;
            }
            d.ces[ces - 1]++;
            d.fcrN++;
            d.fcrYes += fcr ? 1 : 0;
            d.responses++;
            csv.append(i).append(',').append(FORM.format(at.atOffset(OFFSETS[random.nextInt(OFFSETS.length)])))
                    .append(',').append(random.nextBoolean() ? "phone" : "chat").append(',').append(nps).append(',')
                    .append(csat > 0 ? String.valueOf(csat) : "").append(',').append(ces).append(',')
                    .append(random.nextInt(300)).append('.').append(random.nextInt(10)).append(',').append(fcr)
                    .append(',').append(weight).append('\n');
        }
        return new Export(csv.toString(), days);
    }

    private static ReportGrouping grouping(Granularity by) {
        ReportGrouping g = ReportGrouping.defaults().withZone(ZONE).withDays(true).withSegment("channel");
        return by == null ? g : g.withBy(by);
    }

    private static void assertDays(ReportTallies t, Export e) {
        assertThat(t.days()).as("day tallies").isNotNull();
        assertThat(t.days().keySet()).containsExactlyElementsOf(e.days().keySet());
        e.days().forEach((date, d) -> {
            GroupTallies g = t.days().get(date);
            assertThat(g.tally(Metric.NPS.ordinal()).counts()).as("nps " + date).containsExactly(d.nps);
            assertThat(g.tally(Metric.CSAT.ordinal()).counts()).as("csat " + date).containsExactly(d.csat);
            assertThat(g.tally(Metric.CES.ordinal()).counts()).as("ces " + date).containsExactly(d.ces);
            assertThat(g.ops().fcr().n()).as("fcr n " + date).isEqualTo(d.fcrN);
            assertThat(g.ops().fcr().successes()).as("fcr yes " + date).isEqualTo(d.fcrYes);
            assertThat(g.ops().response().snapshot().n()).as("response n " + date).isEqualTo(d.responses);
        });
    }

    private ReportTallies streaming(Export e, ReportGrouping g) throws IOException {
        return Scan.read(new ByteArrayInputStream(e.csv().getBytes(StandardCharsets.UTF_8)), "export.csv", g,
                metrics -> { });
    }

    private ReportTallies parallel(Export e, ReportGrouping g) throws IOException {
        Path file = dir.resolve("export-" + System.nanoTime() + ".csv");
        Files.writeString(file, e.csv());
        StreamingPass pass = new StreamingPass(g, metrics -> { });
        StreamingPass.Layout layout;
        long dataStart;
        try (CsvReader reader = CsvReader.of(Files.newInputStream(file), g.delimiter())) {
            layout = pass.prepare(CsvHeader.read(reader));
            dataStart = reader.bytesRead();
        }
        ReportTallies t = new ParallelScan(pass, layout, 3, 2048, 256).scan(file, dataStart, bytes -> { });
        assertThat(t).as("the parallel scan read the file").isNotNull();
        return t;
    }

    @Test
    void theStreamingPassTalliesEachLocalDayWithoutATrend() throws IOException {
        Export e = export(1, 600);
        ReportTallies t = streaming(e, grouping(null));
        assertDays(t, e);
        assertThat(t.periods).isEmpty();
    }

    @Test
    void theParallelScanMergesTheDaysOfItsWorkersExactly() throws IOException {
        Export e = export(2, 3000);
        assertDays(parallel(e, grouping(null)), e);
        assertDays(parallel(e, grouping(Granularity.WEEK)), e);
    }

    @Test
    void dayTalliesLeaveTheTrendAndSegmentsAsTheyWere() throws IOException {
        Export e = export(3, 2000);
        ReportGrouping without = ReportGrouping.defaults().withZone(ZONE).withSegment("channel")
                .withBy(Granularity.WEEK);
        ReportTallies plain = parallel(e, without);
        assertThat(plain.days()).as("no day tallies unless asked").isNull();
        for (ReportTallies with : List.of(parallel(e, grouping(Granularity.WEEK)),
                streaming(e, grouping(Granularity.WEEK)))) {
            assertThat(with.periods.keySet()).containsExactlyElementsOf(plain.periods.keySet());
            for (Map.Entry<CalendarPeriod, GroupTallies> p : plain.periods.entrySet()) {
                for (Metric m : Metric.values()) {
                    assertThat(with.periods.get(p.getKey()).tally(m.ordinal()))
                            .isEqualTo(p.getValue().tally(m.ordinal()));
                }
            }
            for (String value : List.of("phone", "chat")) {
                ReportTallies.SegmentData a = with.segments.get(0).get(value);
                ReportTallies.SegmentData b = plain.segments.get(0).get(value);
                assertThat(a.byPeriod().keySet()).containsExactlyElementsOf(b.byPeriod().keySet());
                for (CalendarPeriod p : b.byPeriod().keySet()) {
                    assertThat(a.inPeriod(p).tally(Metric.NPS.ordinal()))
                            .isEqualTo(b.inPeriod(p).tally(Metric.NPS.ordinal()));
                }
            }
        }
    }

    @Test
    void weightedDayTalliesCarryTheWeights() throws IOException {
        Export e = export(4, 500);
        ReportTallies t = streaming(e, grouping(Granularity.MONTH).withWeightColumn("weight"));
        assertDays(t, e);
        e.days().forEach((date, d) -> assertThat(t.days().get(date).weightedTally(Metric.NPS.ordinal())
                .sumOfWeights()).as("nps weights " + date).isCloseTo(d.npsWeight, within(1e-9)));
    }

    @Test
    void storedDayTalliesReadBackTheSame() throws IOException {
        Export e = export(5, 800);
        for (ReportGrouping g : List.of(grouping(Granularity.WEEK), grouping(null),
                grouping(null).withWeightColumn("weight"))) {
            ReportTallies t = streaming(e, g);
            Path store = dir.resolve("store-" + System.nanoTime());
            ReportArchive.save(t, g, store);
            assertThat(Files.readString(store.resolve("report.cxreport"))).contains("\nday=2026-03-29\n");
            assertThat(Files.readString(store.resolve("scores.cxtally"))).contains(" key=day=2026-03-29|nps ");
            ReportArchive.Loaded loaded = ReportArchive.load(store);
            assertThat(loaded.grouping().days()).isTrue();
            assertDays(loaded.tallies(), e);
            if (g.weightColumn() != null) {
                t.days().forEach((date, day) -> assertThat(loaded.tallies().days().get(date)
                        .weightedTally(Metric.NPS.ordinal())).isEqualTo(day.weightedTally(Metric.NPS.ordinal())));
            }
        }
    }

    @Test
    void withoutDayTalliesNoTimestampIsNeeded() throws IOException {
        String csv = "nps,csat\n9,5\n3,2\n";
        ReportTallies t = Scan.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "x.csv",
                ReportGrouping.defaults(), metrics -> { });
        assertThat(t.days()).isNull();
    }

    @Test
    void theDaysFlagRoundTripsThroughTheTextForm() {
        ReportGrouping g = ReportGrouping.defaults().withBy(Granularity.MONTH).withDays(true);
        assertThat(g.toString()).isEqualTo("--by month --days");
        assertThat(ReportGrouping.parse(g.toString())).isEqualTo(g);
        assertThat(ReportGrouping.defaults().toString()).isEmpty();
    }
}
