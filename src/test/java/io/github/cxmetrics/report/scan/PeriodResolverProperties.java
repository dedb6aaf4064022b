package io.github.cxmetrics.report.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cxmetrics.calendar.Granularity;
import io.github.cxmetrics.calendar.CalendarPeriod;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The hand-written fast path gives exactly the period that java.time gives, for every accepted form. */
class PeriodResolverProperties {
    private static final String[] ZONES = {"UTC", "Europe/Amsterdam", "America/New_York", "Australia/Lord_Howe",
        "Asia/Kathmandu", "Pacific/Apia"};

    @Provide
    Arbitrary<String> timestamps() {
        // instants around 2024-2027, DST switches included (every second is possible)
        Arbitrary<Long> seconds = Arbitraries.longs().between(1_704_067_200L, 1_798_761_600L);
        Arbitrary<Integer> offsets = Arbitraries.integers().between(-14 * 4, 14 * 4).map(q -> q * 900);
        Arbitrary<Integer> forms = Arbitraries.integers().between(0, 6);
        return net.jqwik.api.Combinators.combine(seconds, offsets, forms).as((s, off, form) -> {
            var odt = Instant.ofEpochSecond(s).atOffset(ZoneOffset.ofTotalSeconds(off));
            return switch (form) {
                case 0 -> odt.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
                case 1 -> odt.atZoneSameInstant(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
                case 2 -> odt.toLocalDateTime().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
                case 3 -> odt.toLocalDate().toString();
                case 4 -> odt.toLocalDateTime().withNano(123_000_000).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME) + "Z";
                case 5 -> odt.toLocalDateTime().toString().replace('T', ' ');
                default -> odt.format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mmxx"));
            };
        });
    }

    @Property(tries = 3000)
    void fastPathEqualsJavaTime(@ForAll("timestamps") String text, @ForAll("granularities") Granularity g,
            @ForAll("zones") String zoneName) {
        ZoneId zone = ZoneId.of(zoneName);
        Instant instant = new TimestampParser(zone).parse(text);
        CalendarPeriod expected = g.periodOf(LocalDate.ofInstant(instant, zone), zone);
        assertThat(new PeriodResolver(g, zone).resolve(text)).isEqualTo(expected);
    }

    @Provide
    Arbitrary<Granularity> granularities() {
        return Arbitraries.of(Granularity.class);
    }

    @Provide
    Arbitrary<String> zones() {
        return Arbitraries.of(ZONES);
    }

    @Property(tries = 300)
    void oneResolverAcrossManyInstantsStaysCorrect(@ForAll("zones") String zoneName) {
        ZoneId zone = ZoneId.of(zoneName);
        PeriodResolver resolver = new PeriodResolver(Granularity.DAY, zone);
        java.util.SplittableRandom r = new java.util.SplittableRandom(zoneName.hashCode());
        for (int i = 0; i < 200; i++) {
            long s = 1_704_067_200L + r.nextLong(95_000_000L);
            String text = Instant.ofEpochSecond(s).toString();
            assertThat(resolver.resolve(text).start()).isEqualTo(LocalDate.ofInstant(Instant.ofEpochSecond(s), zone));
        }
    }

    @Property
    void garbageIsRejectedLikeJavaTime(@ForAll String text) {
        ZoneId zone = ZoneId.of("Europe/Amsterdam");
        boolean javaTimeAccepts;
        try {
            new TimestampParser(zone).parse(text);
            javaTimeAccepts = true;
        } catch (IllegalArgumentException e) {
            javaTimeAccepts = false;
        }
        if (javaTimeAccepts) {
            assertThat(new PeriodResolver(Granularity.WEEK, zone).resolve(text)).isNotNull();
        } else {
            assertThatThrownBy(() -> new PeriodResolver(Granularity.WEEK, zone).resolve(text))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    /**
     * The cached offsets (the hour table and the transition windows) are the zone rules' offsets:
     * one resolver asked about instants near every transition of a zone over 1900-2100 (one second
     * before, at and after each, and random instants), in a random order, including zones whose
     * transitions are not on the hour (Lord Howe's half-hour DST, Kathmandu's +05:45, the Dublin
     * and Amsterdam offsets of the early 20th century, which were not whole minutes).
     */
    @Property(tries = 60)
    void cachedOffsetsAreTheZoneRules(@ForAll("allZones") String zoneName, @ForAll long seed) {
        ZoneId zone = ZoneId.of(zoneName);
        java.time.zone.ZoneRules rules = zone.getRules();
        java.util.List<Long> instants = new java.util.ArrayList<>();
        Instant from = Instant.parse("1900-01-01T00:00:00Z");
        Instant to = Instant.parse("2100-01-01T00:00:00Z");
        for (java.time.zone.ZoneOffsetTransition t = rules.nextTransition(from); t != null
                && t.getInstant().isBefore(to); t = rules.nextTransition(t.getInstant())) {
            long at = t.getInstant().getEpochSecond();
            instants.add(at - 1);
            instants.add(at);
            instants.add(at + 1);
            instants.add(at - 3600);
            instants.add(at + 3599);
        }
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        for (int i = 0; i < 500; i++) {
            instants.add(from.getEpochSecond() + r.nextLong(to.getEpochSecond() - from.getEpochSecond()));
        }
        java.util.Collections.shuffle(instants, new java.util.Random(seed));
        PeriodResolver resolver = new PeriodResolver(Granularity.DAY, zone);
        for (long s : instants) {
            assertThat(resolver.offsetAt(s)).as("offset of %s at %s", zoneName, Instant.ofEpochSecond(s))
                    .isEqualTo(rules.getOffset(Instant.ofEpochSecond(s)).getTotalSeconds());
        }
    }

    @Provide
    Arbitrary<String> allZones() {
        return Arbitraries.of("Europe/Amsterdam", "Europe/Dublin", "Australia/Lord_Howe", "Asia/Kathmandu",
                "Pacific/Apia", "America/Santiago", "America/St_Johns", "Africa/Casablanca", "Antarctica/Troll",
                "Asia/Tehran", "UTC", "Etc/GMT+5", "America/New_York", "Pacific/Chatham");
    }

    /**
     * The day cache of the 25-byte form {@code yyyy-MM-ddTHH:mm:ss+HH:MM}: one resolver reads many
     * timestamps whose dates and offsets repeat (so most are cache hits), on and around the zone's
     * transition days and at every hour, including times that cross the local midnight and invalid
     * times of day on a cached date; every day must be java.time's.
     */
    @Property(tries = 60)
    void dayCacheOfTheCommonFormIsJavaTime(@ForAll("allZones") String zoneName, @ForAll long seed) {
        ZoneId zone = ZoneId.of(zoneName);
        java.time.zone.ZoneRules rules = zone.getRules();
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        java.util.List<Long> days = new java.util.ArrayList<>();
        Instant from = Instant.parse("2009-01-01T00:00:00Z");
        for (java.time.zone.ZoneOffsetTransition t = rules.nextTransition(from); t != null
                && t.getInstant().isBefore(Instant.parse("2030-01-01T00:00:00Z")) && days.size() < 40;
                t = rules.nextTransition(t.getInstant())) {
            long day = t.getInstant().getEpochSecond() / 86_400;
            days.add(day - 1);
            days.add(day);
            days.add(day + 1);
        }
        for (int i = 0; i < 10; i++) {
            days.add(14_245L + r.nextLong(7_300));
        }
        PeriodResolver resolver = new PeriodResolver(Granularity.DAY, zone);
        DateTimeFormatter form = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");
        for (int i = 0; i < 3000; i++) {
            long second = days.get(r.nextInt(days.size())) * 86_400 + r.nextLong(86_400);
            // offsets of the zone around then, and some other whole and odd ones
            int offset = switch (r.nextInt(4)) {
                case 0 -> rules.getOffset(Instant.ofEpochSecond(second - 43_200)).getTotalSeconds();
                case 1 -> rules.getOffset(Instant.ofEpochSecond(second + 43_200)).getTotalSeconds();
                case 2 -> 900 * r.nextInt(-48, 57);
                default -> rules.getOffset(Instant.ofEpochSecond(second)).getTotalSeconds();
            };
            Instant instant = Instant.ofEpochSecond(second);
            String text = instant.atOffset(ZoneOffset.ofTotalSeconds(offset)).format(form);
            assertThat(text).hasSize(25);
            assertThat(resolver.resolve(text).start()).as("%s in %s", text, zoneName)
                    .isEqualTo(LocalDate.ofInstant(instant, zone));
            if (r.nextInt(20) == 0) {
                // the same date and offset with an impossible time of day is still rejected
                String bad = switch (r.nextInt(3)) {
                    case 0 -> text.substring(0, 11) + "24" + text.substring(13); // hour
                    case 1 -> text.substring(0, 14) + "60" + text.substring(16); // minute
                    default -> text.substring(0, 17) + "60" + text.substring(19); // second
                };
                String finalBad = bad;
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> resolver.resolve(finalBad))
                        .as(finalBad).isInstanceOf(IllegalArgumentException.class);
            }
        }
    }
}
