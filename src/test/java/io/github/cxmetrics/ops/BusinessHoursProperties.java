package io.github.cxmetrics.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class BusinessHoursProperties {
    // Windows that touch the DST switches (Sunday 01:00–04:00) and midnight, and two holidays on
    // weekdays, in a zone with DST.
    private static final BusinessHours HOURS = BusinessHours.builder(ZoneId.of("Europe/Amsterdam"))
            .openWeekdays(LocalTime.of(8, 30), LocalTime.of(12, 0))
            .open(DayOfWeek.MONDAY, LocalTime.of(13, 0), LocalTime.of(17, 45))
            .open(DayOfWeek.WEDNESDAY, LocalTime.of(13, 0), LocalTime.MIDNIGHT)
            .open(DayOfWeek.SUNDAY, LocalTime.of(1, 0), LocalTime.of(4, 0))
            .open(DayOfWeek.SATURDAY, LocalTime.of(0, 0), LocalTime.of(2, 30))
            .holidays(LocalDate.of(2025, 12, 25), LocalDate.of(2026, 4, 6))
            .build();
    private static final BusinessHours ALWAYS;

    static {
        BusinessHours.Builder b = BusinessHours.builder(ZoneId.of("America/New_York"));
        for (DayOfWeek d : DayOfWeek.values()) {
            b.open(d, LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);
        }
        ALWAYS = b.build();
    }

    /** Instants over 2025–2026 (four DST switches), to the second, some exactly on a switch. */
    @Provide
    Arbitrary<Instant> instants() {
        Arbitrary<Instant> any = Arbitraries.longs().between(Instant.parse("2025-01-01T00:00:00Z").getEpochSecond(),
                Instant.parse("2026-12-31T00:00:00Z").getEpochSecond()).map(Instant::ofEpochSecond);
        Arbitrary<Instant> switches = Arbitraries.of(Instant.parse("2025-03-30T01:00:00Z"),
                Instant.parse("2025-10-26T01:00:00Z"), Instant.parse("2025-10-26T00:30:00Z"),
                Instant.parse("2026-03-29T01:00:00Z"));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(9, any), net.jqwik.api.Tuple.of(1, switches));
    }

    @Property(tries = 400)
    void additivityOverSplitIntervals(@ForAll("instants") Instant x, @ForAll("instants") Instant y,
            @ForAll("instants") Instant z) {
        Instant[] s = {x, y, z};
        Arrays.sort(s);
        assertThat(HOURS.between(s[0], s[2])).isEqualTo(HOURS.between(s[0], s[1]).plus(HOURS.between(s[1], s[2])));
    }

    @Property(tries = 300)
    void boundedByElapsedTimeAndEqualToItWhenAlwaysOpen(@ForAll("instants") Instant x, @ForAll("instants") Instant y) {
        Instant a = x.isBefore(y) ? x : y;
        Instant b = x.isBefore(y) ? y : x;
        Duration business = HOURS.between(a, b);
        assertThat(business).isBetween(Duration.ZERO, Duration.between(a, b));
        assertThat(ALWAYS.between(a, b)).isEqualTo(Duration.between(a, b));
    }

    @Property(tries = 200)
    void openAtAnInstantIffTheNextSecondCounts(@ForAll("instants") Instant x) {
        assertThat(HOURS.isOpen(x)).isEqualTo(HOURS.between(x, x.plusSeconds(1)).equals(Duration.ofSeconds(1)));
    }
}
