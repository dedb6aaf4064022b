package io.github.cxmetrics.trend;

import io.github.cxmetrics.calendar.CalendarPeriod;
import io.github.cxmetrics.calendar.Granularity;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

class BucketingProperties {
    private static final List<ZoneId> ZONES = List.of(ZoneId.of("UTC"), ZoneId.of("Europe/Amsterdam"),
            ZoneId.of("America/New_York"), ZoneId.of("America/Sao_Paulo"), ZoneId.of("Australia/Lord_Howe"),
            ZoneId.of("Pacific/Apia"), ZoneId.of("Asia/Kolkata"));

    @Provide
    Arbitrary<Instant> instants() {
        // 1990..2040, with extra weight on the days around year ends and DST changes
        Arbitrary<Instant> any = Arbitraries.longs().between(631_152_000L, 2_208_988_800L).map(Instant::ofEpochSecond);
        Arbitrary<Instant> yearEnd = Arbitraries.integers().between(1990, 2039)
                .flatMap(y -> Arbitraries.longs().between(-3 * 86_400L, 3 * 86_400L)
                        .map(s -> LocalDate.of(y + 1, 1, 1).atStartOfDay(ZoneId.of("UTC")).toInstant().plusSeconds(s)));
        Arbitrary<Instant> dst = Arbitraries.of(Instant.parse("2025-03-30T01:00:00Z"), Instant.parse("2025-10-26T01:00:00Z"),
                Instant.parse("2018-11-04T03:00:00Z"), Instant.parse("2011-12-30T10:00:00Z"))
                .flatMap(i -> Arbitraries.longs().between(-2 * 86_400L, 2 * 86_400L).map(i::plusSeconds));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(2, any), net.jqwik.api.Tuple.of(1, yearEnd),
                net.jqwik.api.Tuple.of(1, dst));
    }

    @Provide
    Arbitrary<ZoneId> zones() {
        return Arbitraries.of(ZONES);
    }

    @Property(tries = 2000)
    void everyInstantFallsInExactlyOneBucket(@ForAll("instants") Instant t, @ForAll("zones") ZoneId zone,
            @ForAll Granularity g) {
        CalendarPeriod p = g.periodOf(t, zone);
        assertThat(p.contains(t)).isTrue();
        assertThat(p.previous().contains(t)).isFalse();
        assertThat(p.next().contains(t)).isFalse();
        // the same answer as computing from the local date, whatever the remembered last period was
        assertThat(p).isEqualTo(g.periodOf(LocalDate.ofInstant(t, zone), zone));
        Statistics.label("granularity").collect(g);
    }

    @Property(tries = 2000)
    void bucketsTileTimeWithoutGapsOrOverlaps(@ForAll("instants") Instant t, @ForAll("zones") ZoneId zone,
            @ForAll Granularity g) {
        CalendarPeriod p = g.periodOf(t, zone);
        assertThat(p.next().startInstant()).isEqualTo(p.endInstant());
        assertThat(p.previous().endInstant()).isEqualTo(p.startInstant());
        assertThat(p.startInstant()).isBefore(p.endInstant()); // p holds t, so it is not empty
        assertThat(g.periodOf(p.startInstant(), zone)).isEqualTo(p);
        assertThat(g.periodOf(p.endInstant().minusNanos(1), zone)).isEqualTo(p);
        // the next instant belongs to the next non-empty period (a local day can be skipped
        // entirely: Samoa went from 2011-12-29 to 2011-12-31, so its 2011-12-30 holds no instant)
        CalendarPeriod next = p.next();
        while (!next.startInstant().isBefore(next.endInstant())) {
            Statistics.label("empty bucket skipped").collect(next.label());
            next = next.next();
        }
        assertThat(g.periodOf(p.endInstant(), zone)).isEqualTo(next);
        assertThat(p.until(p.next())).isEqualTo(1);
        assertThat(CalendarPeriod.parse(p.label(), zone)).isEqualTo(p);
    }

    @Property(tries = 500)
    void finerBucketsNestInCoarserOnes(@ForAll("instants") Instant t, @ForAll("zones") ZoneId zone) {
        CalendarPeriod day = Granularity.DAY.periodOf(t, zone);
        for (Granularity g : new Granularity[] {Granularity.MONTH, Granularity.QUARTER, Granularity.YEAR}) {
            CalendarPeriod outer = g.periodOf(t, zone);
            assertThat(outer.contains(day.start())).isTrue();
            assertThat(!day.startInstant().isBefore(outer.startInstant())
                    && !day.endInstant().isAfter(outer.endInstant())).isTrue();
        }
        CalendarPeriod week = Granularity.WEEK.periodOf(t, zone);
        assertThat(week.start().getDayOfWeek()).isEqualTo(java.time.DayOfWeek.MONDAY);
        assertThat(week.contains(day.start())).isTrue();
    }

    /** The hand-written labels are what {@code String.format("%04d-W%02d", ...)} and friends write. */
    @Property(tries = 1000)
    void labelsAreTheZeroPaddedFormats(@ForAll("anyEpochDay") long epochDay) {
        LocalDate date = LocalDate.ofEpochDay(epochDay);
        ZoneId utc = ZoneId.of("UTC");
        LocalDate week = Granularity.WEEK.periodOf(date, utc).start();
        assertThat(Granularity.WEEK.periodOf(date, utc).label()).isEqualTo(String.format(java.util.Locale.ROOT,
                "%04d-W%02d", week.get(java.time.temporal.IsoFields.WEEK_BASED_YEAR),
                week.get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR)));
        assertThat(Granularity.MONTH.periodOf(date, utc).label()).isEqualTo(String.format(java.util.Locale.ROOT,
                "%04d-%02d", date.getYear(), date.getMonthValue()));
        assertThat(Granularity.QUARTER.periodOf(date, utc).label()).isEqualTo(String.format(java.util.Locale.ROOT,
                "%04d-Q%d", date.getYear(), (date.getMonthValue() + 2) / 3));
        assertThat(Granularity.YEAR.periodOf(date, utc).label()).isEqualTo(String.format(java.util.Locale.ROOT,
                "%04d", date.getYear()));
        assertThat(Granularity.DAY.periodOf(date, utc).label()).isEqualTo(date.toString());
    }

    @Provide
    Arbitrary<Long> anyEpochDay() {
        // periods start in years 1 to 9999; years below 1000 are padded
        return Arbitraries.longs().between(LocalDate.of(2, 1, 1).toEpochDay(), LocalDate.of(9998, 12, 31).toEpochDay())
                .edgeCases(c -> c.add(LocalDate.of(9, 12, 31).toEpochDay()).add(LocalDate.of(99, 1, 1).toEpochDay())
                .add(LocalDate.of(999, 12, 31).toEpochDay()).add(LocalDate.of(1000, 1, 1).toEpochDay()));
    }
}
