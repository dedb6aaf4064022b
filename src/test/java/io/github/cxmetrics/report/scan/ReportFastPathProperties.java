package io.github.cxmetrics.report.scan;

import io.github.cxmetrics.report.MetricSummary;
import io.github.cxmetrics.report.PeriodSummary;
import io.github.cxmetrics.report.ReportOptions;
import io.github.cxmetrics.report.Report;
import io.github.cxmetrics.report.SegmentSummary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.cxmetrics.calendar.Granularity;
import io.github.cxmetrics.trend.Metric;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The report's fast paths (hand-written timestamp reading with its offset and per-day caches, byte
 * level score parsing, the streaming group tallies) against an independent, straightforward
 * computation: small exports in the format of {@code shared/bench/GenResponses.java}, with every
 * timestamp form the report accepts (offsets {@code +01:00}/{@code +0100}/{@code +01}, {@code Z},
 * fractions, local date-times with {@code T} or a space, bare dates), quoted cells, a segment value
 * with a comma and one with non-ASCII characters, CRLF or LF line ends. The expected week of each
 * row comes from the instant it was generated from ({@code java.time}: the local date in the
 * report's zone, its ISO week), never from parsing the text with the code under test; the expected
 * numbers are plain counts per week × channel, per week, per channel and overall.
 */
class ReportFastPathProperties {
    private static final String[] ZONES = {"Europe/Amsterdam", "UTC", "America/New_York", "Asia/Kathmandu",
        "Australia/Lord_Howe", "Pacific/Apia", "America/Santiago"};
    private static final String[] CHANNELS = {"phone", "email", "chat", "social", "store", "store, online",
        "e-mail ✉", ""};
    private static final String HEADER = "response_id,submitted_at,channel,region,team,nps,csat,ces,"
            + "first_response_minutes,resolved_first_contact,weight";
    /** 2024-01-01T00:00Z to 2028-01-01T00:00Z: DST switches, year ends and the 53-week ISO year 2026. */
    private static final long FROM = 1_704_067_200L;
    private static final long TO = 1_830_297_600L;

    /** A generated export and what plain counting says about it. */
    record Export(String zone, String csv, int rows, Map<Key, Counts> expected) {
        @Override
        public String toString() {
            return "Export[zone=" + zone + ", rows=" + rows + "]\n" + csv;
        }
    }

    /** A group: a week (its Monday) or null for all weeks, a channel or null for all channels. */
    record Key(LocalDate week, String channel) {
    }

    /** Plain counts of one group. */
    static final class Counts {
        long promoters;
        long passives;
        long detractors;
        long csatN;
        long satisfied;
        long cesN;
        long cesSum;
    }

    @Provide
    Arbitrary<Export> exports() {
        return Arbitraries.longs().flatMap(seed -> Arbitraries.integers().between(1, 150)
                .flatMap(rows -> Arbitraries.of(ZONES).map(zone -> generate(seed, rows, zone))));
    }

    static Export generate(long seed, int rows, String zoneName) {
        SplittableRandom rnd = new SplittableRandom(seed);
        ZoneId zone = ZoneId.of(zoneName);
        String eol = rnd.nextBoolean() ? "\n" : "\r\n";
        // most files keep their rows within a few weeks, so groups have more than one row
        long start = FROM + rnd.nextLong(TO - FROM);
        long span = rnd.nextBoolean() ? 21 * 86_400L : TO - FROM;
        StringBuilder csv = new StringBuilder(HEADER).append(eol);
        Map<Key, Counts> expected = new HashMap<>();
        for (int id = 1; id <= rows; id++) {
            long second = FROM + Math.floorMod(start - FROM + rnd.nextLong(span), TO - FROM);
            Instant instant = Instant.ofEpochSecond(second, rnd.nextInt(4) == 0 ? rnd.nextInt(1_000_000_000) : 0);
            String channel = CHANNELS[rnd.nextInt(CHANNELS.length)];
            Integer nps = rnd.nextInt(5) < 4 ? rnd.nextInt(11) : null;
            Integer csat = rnd.nextInt(10) < 7 ? 1 + rnd.nextInt(5) : null;
            Integer ces = rnd.nextBoolean() ? 1 + rnd.nextInt(7) : null;

            LocalDateTime local = instant.atZone(zone).toLocalDateTime();
            String timestamp = timestamp(rnd, instant, local);
            csv.append(id).append(',').append(rnd.nextInt(6) == 0 ? quote(timestamp) : timestamp).append(',')
                    .append(channel.contains(",") || rnd.nextInt(6) == 0 ? quote(channel) : channel)
                    .append(",north,team-").append(1 + rnd.nextInt(24)).append(',')
                    .append(cell(nps)).append(',').append(cell(csat)).append(',').append(cell(ces)).append(',')
                    .append(rnd.nextInt(3000) / 10.0).append(',').append(rnd.nextBoolean()).append(',')
                    .append(rnd.nextInt(500, 1500) / 1000.0);
            if (id < rows || rnd.nextBoolean()) {
                csv.append(eol);
            }

            LocalDate monday = local.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            for (Key key : List.of(new Key(monday, channel), new Key(monday, null), new Key(null, channel),
                    new Key(null, null))) {
                Counts c = expected.computeIfAbsent(key, k -> new Counts());
                if (nps != null) {
                    if (nps >= 9) {
                        c.promoters++;
                    } else if (nps >= 7) {
                        c.passives++;
                    } else {
                        c.detractors++;
                    }
                }
                if (csat != null) {
                    c.csatN++;
                    c.satisfied += csat >= 4 ? 1 : 0;
                }
                if (ces != null) {
                    c.cesN++;
                    c.cesSum += ces;
                }
            }
        }
        return new Export(zoneName, csv.toString(), rows, expected);
    }

    /** One of the accepted forms of the instant; local forms are written in the report's zone. */
    private static String timestamp(SplittableRandom rnd, Instant instant, LocalDateTime local) {
        // an offset in quarter hours from -14:00 to +14:00, whole hours more often
        int quarters = rnd.nextBoolean() ? 4 * rnd.nextInt(-14, 15) : rnd.nextInt(-56, 57);
        OffsetDateTime at = instant.atOffset(ZoneOffset.ofTotalSeconds(quarters * 900));
        String dateTime = at.toLocalDateTime().withNano(0).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
        String sign = quarters < 0 ? "-" : "+";
        String hh = String.format(Locale.ROOT, "%02d", Math.abs(quarters) / 4);
        String mm = String.format(Locale.ROOT, "%02d", Math.abs(quarters) % 4 * 15);
        return switch (rnd.nextInt(10)) {
            case 0 -> dateTime + sign + hh + ":" + mm;
            case 1 -> dateTime + sign + hh + mm;
            case 2 -> quarters % 4 == 0 ? dateTime + sign + hh : dateTime + sign + hh + ":" + mm;
            case 3 -> at.toLocalDateTime().format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS"))
                    + sign + hh + ":" + mm;
            case 4 -> instant.atOffset(ZoneOffset.UTC).toLocalDateTime().withNano(0) + (rnd.nextBoolean() ? "Z" : "z");
            case 5 -> at.toLocalDateTime().format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")) + sign + hh + ":"
                    + mm;
            case 6 -> local.withNano(0).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
            case 7 -> local.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
            case 8 -> local.format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS"));
            default -> local.toLocalDate().toString();
        };
    }

    private static String quote(String cell) {
        return "\"" + cell.replace("\"", "\"\"") + "\"";
    }

    private static String cell(Integer score) {
        return score == null ? "" : score.toString();
    }

    @Property(tries = 300)
    void weeklyChannelReportEqualsPlainCounting(@ForAll("exports") Export export) throws IOException {
        ZoneId zone = ZoneId.of(export.zone());
        ReportOptions options = ReportOptions.defaults().withGrouping(g -> g.withBy(Granularity.WEEK).withSegment("channel")
                .withZone(zone));
        Report report = Report.generate(new ByteArrayInputStream(export.csv().getBytes(StandardCharsets.UTF_8)),
                "generated.csv", options);

        assertThat(report.input().rows()).isEqualTo(export.rows());
        assertThat(report.input().rejectedRows()).isZero();
        Map<Key, Counts> expected = export.expected();
        int groups = 0;
        groups += check(expected, new Key(null, null), report.overall());
        groups += checkTrend(expected, null, report.trend());
        for (SegmentSummary s : report.segments().get("channel")) {
            groups += check(expected, new Key(null, s.segment()), s.metrics());
            groups += checkTrend(expected, s.segment(), s.trend());
        }
        // every group with a score was reported (and none twice); rows without any score make no group
        long withScores = expected.values().stream().filter(c -> c.promoters + c.passives + c.detractors + c.csatN
                + c.cesN > 0).count();
        assertThat(groups).isEqualTo(withScores);
    }

    private static int checkTrend(Map<Key, Counts> expected, String channel, List<PeriodSummary> trend) {
        int groups = 0;
        for (PeriodSummary p : trend) {
            LocalDate monday = p.start();
            assertThat(monday.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
            assertThat(p.period()).isEqualTo(String.format(Locale.ROOT, "%04d-W%02d",
                    monday.get(IsoFields.WEEK_BASED_YEAR), monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)));
            groups += check(expected, new Key(monday, channel), p.metrics());
        }
        return groups;
    }

    /** Checks one reported group against the plain counts; 1 if the group has responses, else 0. */
    private static int check(Map<Key, Counts> expected, Key key, Map<Metric, MetricSummary> metrics) {
        Counts c = expected.getOrDefault(key, new Counts());
        MetricSummary nps = metrics.get(Metric.NPS);
        MetricSummary csat = metrics.get(Metric.CSAT);
        MetricSummary ces = metrics.get(Metric.CES);
        long npsN = c.promoters + c.passives + c.detractors;
        assertThat(nps.n()).as("NPS n of %s", key).isEqualTo(npsN);
        assertThat(nps.promoters().orElseThrow()).as("promoters of %s", key).isEqualTo(c.promoters);
        assertThat(nps.passives().orElseThrow()).as("passives of %s", key).isEqualTo(c.passives);
        assertThat(nps.detractors().orElseThrow()).as("detractors of %s", key).isEqualTo(c.detractors);
        assertThat(csat.n()).as("CSAT n of %s", key).isEqualTo(c.csatN);
        assertThat(csat.satisfied().orElseThrow()).as("satisfied of %s", key).isEqualTo(c.satisfied);
        assertThat(ces.n()).as("CES n of %s", key).isEqualTo(c.cesN);
        if (npsN > 0) {
            assertThat(nps.score().orElseThrow()).as("NPS of %s", key)
                    .isCloseTo(100.0 * (c.promoters - c.detractors) / npsN, within(1e-9));
        } else {
            assertThat(nps.score()).isEmpty();
        }
        if (c.csatN > 0) {
            assertThat(csat.score().orElseThrow()).as("CSAT of %s", key)
                    .isCloseTo(100.0 * c.satisfied / c.csatN, within(1e-9));
        } else {
            assertThat(csat.score()).isEmpty();
        }
        if (c.cesN > 0) {
            assertThat(ces.score().orElseThrow()).as("CES of %s", key)
                    .isCloseTo((double) c.cesSum / c.cesN, within(1e-12));
        } else {
            assertThat(ces.score()).isEmpty();
        }
        return npsN + c.csatN + c.cesN > 0 ? 1 : 0;
    }
}
