package io.github.cxmetrics.trend;

import io.github.cxmetrics.calendar.CalendarPeriod;
import io.github.cxmetrics.calendar.Granularity;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cxmetrics.scale.NpsScale;
import io.github.cxmetrics.tally.Tally;
import io.github.cxmetrics.tally.TallyAccumulator;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/** Rolling windows and series of merged tallies against recomputation from the raw responses. */
class RollingProperties {
    private static final ZoneId AMS = ZoneId.of("Europe/Amsterdam");
    private static final Instant FROM = Instant.parse("2024-10-01T00:00:00Z");

    record Response(Instant at, int score) {
    }

    /** Responses spread over ~ 5 months (spanning the DST change and the year end), a few quiet weeks. */
    static List<Response> responses(long seed, int count) {
        Random r = new Random(seed);
        List<Response> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long s = (long) (r.nextDouble() * 150 * 86_400);
            if (r.nextInt(10) < 3 && (s / (7 * 86_400)) % 5 == 2) {
                continue; // thin out every fifth week so that some periods are small or empty
            }
            out.add(new Response(FROM.plusSeconds(s), r.nextInt(11)));
        }
        return out;
    }

    static Tally raw(List<Response> rs, Instant from, Instant to) {
        TallyAccumulator acc = new TallyAccumulator(NpsScale.STANDARD);
        for (Response x : rs) {
            if (!x.at().isBefore(from) && x.at().isBefore(to)) {
                acc.add(x.score());
            }
        }
        return acc.snapshot();
    }

    static Series series(List<Response> rs, Granularity g) {
        Series.Builder b = Series.builder(Metric.NPS, NpsScale.STANDARD, g, AMS);
        rs.forEach(x -> b.add(x.at(), x.score()));
        return b.build();
    }

    @Property(tries = 60)
    void rollingLastKPeriodsEqualsTheTallyOfTheRawResponsesInTheWindow(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 6) int k, @ForAll @IntRange(min = 20, max = 400) int count) {
        List<Response> rs = responses(seed, count);
        for (Granularity g : new Granularity[] {Granularity.DAY, Granularity.WEEK}) {
            Series base = series(rs, g);
            if (base.points().size() < k) {
                continue;
            }
            Series rolling = base.rolling(k);
            assertThat(rolling.points()).hasSize(base.points().size() - k + 1);
            for (SeriesPoint p : rolling.points()) {
                Instant start = p.period().plus(1 - k).startInstant();
                assertThat(p.tally()).isEqualTo(raw(rs, start, p.period().endInstant()));
                assertThat(p.windowPeriods()).isEqualTo(k);
                if (p.score().isPresent()) {
                    // the window's score is the score of the pooled responses, not an average of scores
                    assertThat(p.score().getAsDouble()).isEqualTo(Metric.NPS.score(p.tally()));
                }
            }
            Statistics.label("k").collect(k);
        }
    }

    @Property(tries = 60)
    void rollingTrailingDaysEqualsTheRawResponsesOfThoseDays(@ForAll long seed,
            @ForAll @IntRange(min = 7, max = 45) int days, @ForAll @IntRange(min = 20, max = 400) int count) {
        List<Response> rs = responses(seed, count);
        Series daily = series(rs, Granularity.DAY);
        if (daily.points().size() < days) {
            return;
        }
        Series rolling = daily.rolling(Duration.ofDays(days));
        for (SeriesPoint p : rolling.points()) {
            CalendarPeriod first = p.period().plus(1 - days);
            assertThat(p.windowStart()).isEqualTo(first.start());
            assertThat(p.tally()).isEqualTo(raw(rs, first.startInstant(), p.period().endInstant()));
        }
        assertThat(rolling.points()).hasSize(daily.points().size() - days + 1);
    }

    @Property(tries = 60)
    void aSeriesOfMergedTalliesEqualsTheTallyOfTheUnion(@ForAll long seed,
            @ForAll @IntRange(min = 2, max = 400) int count, @ForAll Granularity g) {
        List<Response> rs = responses(seed, count);
        Series whole = series(rs, g);
        // split the responses into two shuffled halves, tally each per period, merge per period
        List<Response> shuffled = new ArrayList<>(rs);
        Collections.shuffle(shuffled, new Random(seed));
        List<Response> a = shuffled.subList(0, shuffled.size() / 2);
        List<Response> b = shuffled.subList(shuffled.size() / 2, shuffled.size());
        SortedMap<CalendarPeriod, Tally> merged = new TreeMap<>();
        for (List<Response> half : List.of(a, b)) {
            Series s = half.isEmpty() ? null : series(half, g);
            if (s != null) {
                s.points().forEach(p -> merged.merge(p.period(), p.tally(), Tally::plus));
            }
        }
        Series fromMerged = Series.of(Metric.NPS, merged);
        assertThat(fromMerged.points()).extracting(SeriesPoint::tally)
                .containsExactlyElementsOf(whole.points().stream().map(SeriesPoint::tally).toList());
        assertThat(fromMerged.total()).isEqualTo(raw(rs, Instant.MIN, Instant.MAX));
        for (SeriesPoint p : whole.points()) {
            assertThat(p.tally()).isEqualTo(raw(rs, p.period().startInstant(), p.period().endInstant()));
        }
    }
}
