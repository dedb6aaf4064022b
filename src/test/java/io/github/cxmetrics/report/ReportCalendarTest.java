package io.github.cxmetrics.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cxmetrics.calendar.Granularity;
import io.github.cxmetrics.calendar.HolidayCalendar;
import io.github.cxmetrics.report.format.ReportFormat;
import io.github.cxmetrics.segment.CalendarEffects;
import io.github.cxmetrics.segment.SegmentComparison;
import io.github.cxmetrics.segment.SegmentResult;
import io.github.cxmetrics.stats.Comparison;
import io.github.cxmetrics.trend.Metric;
import java.io.IOException;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --calendar} in the report, checked against sums over the test's own rows: each row's local
 * day is {@code instant.atZone(zone).toLocalDate()} of the instant it was written from (rows late in
 * the UTC evening fall on the next local day in Amsterdam), weekend is Saturday and Sunday by
 * {@link DayOfWeek}, holidays are the two ISO dates given; the CSAT test is the pooled two-proportion
 * z-test computed here by hand (z = (p1 − p2)/√(p(1 − p)(1/n1 + 1/n2)), two-sided p from a Simpson
 * integral of the normal density), the CES test statistic Welch's t, the NPS difference the plain
 * difference of the two scores.
 */
class ReportCalendarTest {
    private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    private static final Set<LocalDate> HOLIDAYS = Set.of(LocalDate.of(2026, 4, 27), LocalDate.of(2026, 5, 1));

    @TempDir
    Path dir;

    /** Plain sums of one group of days. */
    static final class Sums {
        long npsN;
        long promoters;
        long detractors;
        long csatN;
        long satisfied;
        long cesN;
        double cesSum;
        double cesSumSq;

        double nps() {
            return 100.0 * (promoters - detractors) / npsN;
        }

        double csat() {
            return 100.0 * satisfied / csatN;
        }

        double cesMean() {
            return cesSum / cesN;
        }

        double cesVariance() {
            return (cesSumSq - cesSum * cesSum / cesN) / (cesN - 1);
        }
    }

    record Data(String csv, Sums weekend, Sums weekday, Sums holiday, Sums normal) {
    }

    /** Three weeks of rows from 2026-04-20; weekends and holidays somewhat less satisfied. */
    static Data data() {
        SplittableRandom random = new SplittableRandom(42);
        StringBuilder csv = new StringBuilder("submitted_at,nps,csat,ces\n");
        Sums weekend = new Sums();
        Sums weekday = new Sums();
        Sums holiday = new Sums();
        Sums normal = new Sums();
        long start = Instant.parse("2026-04-20T00:00:00Z").getEpochSecond();
        for (int i = 0; i < 1500; i++) {
            Instant at = Instant.ofEpochSecond(start + random.nextLong(21L * 86_400));
            LocalDate day = at.atZone(ZONE).toLocalDate();
            boolean isWeekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
            boolean isHoliday = HOLIDAYS.contains(day);
            int shift = isWeekend || isHoliday ? 1 : 0;
            int nps = Math.max(0, Math.min(10, random.nextInt(11) + (random.nextInt(3) == 0 ? -shift * 2 : 0)));
            int csat = Math.max(1, 1 + random.nextInt(5) - (random.nextInt(4) == 0 ? shift : 0));
            int ces = Math.max(1, 1 + random.nextInt(7) - shift * random.nextInt(2));
            for (Sums s : List.of(isWeekend ? weekend : weekday, isHoliday ? holiday : normal)) {
                s.npsN++;
                s.promoters += nps >= 9 ? 1 : 0;
                s.detractors += nps <= 6 ? 1 : 0;
                s.csatN++;
                s.satisfied += csat >= 4 ? 1 : 0;
                s.cesN++;
                s.cesSum += ces;
                s.cesSumSq += (double) ces * ces;
            }
            csv.append(at).append(',').append(nps).append(',').append(csat).append(',').append(ces).append('\n');
        }
        return new Data(csv.toString(), weekend, weekday, holiday, normal);
    }

    private static ReportOptions options(boolean holidays) {
        ReportOptions o = ReportOptions.defaults().withGrouping(g -> g.withZone(ZONE)).withCalendar(true);
        return holidays ? o.withGrouping(g -> g.withHolidays(HolidayCalendar.of(HOLIDAYS))) : o;
    }

    /** The standard normal upper tail, P(Z > z) for z ≥ 0: 1/2 − ∫₀^z φ by Simpson's rule. */
    static double upperTail(double z) {
        int steps = 20_000;
        double h = z / steps;
        double sum = 0;
        for (int k = 0; k <= steps; k++) {
            double x = k * h;
            double f = Math.exp(-x * x / 2) / Math.sqrt(2 * Math.PI);
            sum += (k == 0 || k == steps ? 1 : k % 2 == 1 ? 4 : 2) * f;
        }
        return 0.5 - sum * h / 3;
    }

    private static void assertGroups(Report r, Metric m, int index, Sums first, Sums second, String firstKey,
            String secondKey) {
        SegmentComparison<String> c = r.calendar().get(m).get(index);
        SegmentResult<String> a = c.segment(firstKey).orElseThrow();
        SegmentResult<String> b = c.segment(secondKey).orElseThrow();
        switch (m) {
            case NPS -> {
                assertThat(a.n()).isEqualTo(first.npsN);
                assertThat(b.n()).isEqualTo(second.npsN);
                assertThat(a.score().getAsDouble()).isCloseTo(first.nps(), within(1e-9));
                assertThat(b.score().getAsDouble()).isCloseTo(second.nps(), within(1e-9));
                assertThat(a.vsRest().orElseThrow().difference()).isCloseTo(first.nps() - second.nps(), within(1e-9));
            }
            case CSAT -> {
                assertThat(a.n()).isEqualTo(first.csatN);
                assertThat(a.score().getAsDouble()).isCloseTo(first.csat(), within(1e-9));
                assertThat(b.score().getAsDouble()).isCloseTo(second.csat(), within(1e-9));
                double p1 = (double) first.satisfied / first.csatN;
                double p2 = (double) second.satisfied / second.csatN;
                double pooled = (double) (first.satisfied + second.satisfied) / (first.csatN + second.csatN);
                double z = (p1 - p2) / Math.sqrt(pooled * (1 - pooled) * (1.0 / first.csatN + 1.0 / second.csatN));
                Comparison t = a.vsRest().orElseThrow().comparison();
                assertThat(t.difference()).isCloseTo(100 * (p1 - p2), within(1e-9));
                assertThat(t.statistic()).isCloseTo(z, within(1e-9));
                assertThat(t.pValue()).isCloseTo(2 * upperTail(Math.abs(z)), within(1e-9));
                assertThat(t.lower()).isLessThan(t.difference());
                assertThat(t.upper()).isGreaterThan(t.difference());
            }
            case CES -> {
                assertThat(a.n()).isEqualTo(first.cesN);
                assertThat(a.score().getAsDouble()).isCloseTo(first.cesMean(), within(1e-9));
                assertThat(b.score().getAsDouble()).isCloseTo(second.cesMean(), within(1e-9));
                double se = Math.sqrt(first.cesVariance() / first.cesN + second.cesVariance() / second.cesN);
                Comparison t = a.vsRest().orElseThrow().comparison();
                assertThat(t.difference()).isCloseTo(first.cesMean() - second.cesMean(), within(1e-9));
                assertThat(t.standardError()).isCloseTo(se, within(1e-9));
                assertThat(t.statistic()).isCloseTo((first.cesMean() - second.cesMean()) / se, within(1e-9));
            }
            default -> throw new AssertionError(m);
        }
    }

    @Test
    void weekendAndHolidayEffectsMatchSumsOverTheRows() throws IOException {
        Data d = data();
        Report r = ReportTest.report(d.csv(), options(true));
        assertThat(r.calendar().keySet()).containsExactly(Metric.NPS, Metric.CSAT, Metric.CES);
        for (Metric m : Metric.values()) {
            assertThat(r.calendar().get(m)).hasSize(2);
            assertGroups(r, m, 0, d.weekend(), d.weekday(), CalendarEffects.WEEKEND, CalendarEffects.WEEKDAY);
            assertGroups(r, m, 1, d.holiday(), d.normal(), CalendarEffects.HOLIDAY, CalendarEffects.NORMAL_DAY);
        }
        assertThat(d.holiday().npsN).as("the test data has holiday rows").isGreaterThan(50);
    }

    @Test
    void withoutHolidaysOnlyWeekendAgainstWeekdays() throws IOException {
        Data d = data();
        Report r = ReportTest.report(d.csv(), options(false));
        for (Metric m : Metric.values()) {
            assertThat(r.calendar().get(m)).hasSize(1);
            assertGroups(r, m, 0, d.weekend(), d.weekday(), CalendarEffects.WEEKEND, CalendarEffects.WEEKDAY);
        }
        assertThat(ReportFormat.TABLE.format(r)).contains("no --holidays: weekend vs weekdays only");
    }

    @Test
    void everyOutputHasTheSection() throws IOException {
        Data d = data();
        Report r = ReportTest.report(d.csv(), options(true).withGrouping(g -> g.withBy(Granularity.WEEK)));
        String table = ReportFormat.TABLE.format(r);
        assertThat(table).contains("Calendar effects (local days in Europe/Amsterdam; holidays 2026-04-27,2026-05-01)")
                .contains("  weekend - weekday: ").contains("  holiday - normal day: ");
        JsonNode json = ReportTest.json(r);
        JsonNode cal = json.get("calendar");
        assertThat(cal.get("zone").asText()).isEqualTo("Europe/Amsterdam");
        assertThat(cal.get("holidays").asText()).isEqualTo("2026-04-27,2026-05-01");
        assertThat(cal.get("effects")).hasSize(6);
        JsonNode first = cal.get("effects").get(0);
        assertThat(first.get("metric").asText()).isEqualTo("nps");
        assertThat(first.get("effect").asText()).isEqualTo("weekend");
        assertThat(first.get("groups").get(0).get("n").asLong()).isEqualTo(d.weekend().npsN);
        assertThat(first.get("difference").get("difference").asDouble())
                .isCloseTo(d.weekend().nps() - d.weekday().nps(), within(1e-9));
        String csv = ReportFormat.CSV.format(r);
        assertThat(csv.lines().filter(l -> l.startsWith("(calendar),"))).hasSize(12);
        assertThat(csv).contains("(calendar),weekend,,,csat," + d.weekend().csatN + "," + d.weekend().csat() + ",");
        String html = ReportFormat.HTML.format(r);
        assertThat(html).contains("<h2>Calendar effects</h2>").contains("data-group=\"holiday\"");
    }

    @Test
    void fromStoredTalliesEveryFormatIsTheSame() throws IOException {
        Data d = data();
        ReportOptions o = options(true).withGrouping(g -> g.withBy(Granularity.MONTH));
        Report direct = ReportTest.report(d.csv(), o);
        direct.saveTallies(dir);
        Report stored = Report.fromTallies(dir, ReportOptions.defaults().withCalendar(true));
        for (ReportFormat f : ReportFormat.values()) {
            assertThat(f.format(stored)).as(f.name()).isEqualTo(f.format(direct));
        }
    }

    @Test
    void storedTalliesWithoutDaysAreRefusedForCalendarEffects() throws IOException {
        Report plain = ReportTest.report(data().csv(), ReportOptions.defaults());
        plain.saveTallies(dir);
        assertThatThrownBy(() -> Report.fromTallies(dir, ReportOptions.defaults().withCalendar(true)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--calendar")
                .hasMessageContaining("saved without --calendar");
    }

    @Test
    void weightedReportsCompareWeightedDaysAndStoreThem() throws IOException {
        String csv = "submitted_at,nps,w\n2026-04-25T10:00:00Z,9,1.5\n2026-04-27T10:00:00Z,3,0.5\n"
                + "2026-04-28T10:00:00Z,10,2\n";
        ReportOptions o = options(false).withGrouping(g -> g.withWeightColumn("w"));
        Report r = ReportTest.report(csv, o);
        io.github.cxmetrics.segment.SegmentResult<String> weekday = r.calendar().get(Metric.NPS).get(0)
                .segment("weekday").orElseThrow();
        // weekdays: a detractor of weight 0.5 and a promoter of weight 2: NPS 100·(2 − 0.5)/2.5 = 60
        assertThat(weekday.weightedTally()).isPresent();
        assertThat(weekday.score().getAsDouble()).isCloseTo(60.0, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(weekday.effectiveN().getAsDouble()).isCloseTo(2.5 * 2.5 / 4.25,
                org.assertj.core.api.Assertions.within(1e-12));
        r.saveTallies(dir);
        Report stored = Report.fromTallies(dir, o);
        for (ReportFormat f : ReportFormat.values()) {
            assertThat(f.format(stored)).as(f.name()).isEqualTo(f.format(r));
        }
    }

    @Test
    void withoutTheOptionNothingChanges() throws IOException {
        Report r = ReportTest.report(data().csv(), ReportOptions.defaults());
        assertThat(r.calendar()).isEmpty();
        assertThat(ReportFormat.TABLE.format(r)).doesNotContain("Calendar");
        assertThat(ReportTest.json(r).has("calendar")).isFalse();
    }
}
