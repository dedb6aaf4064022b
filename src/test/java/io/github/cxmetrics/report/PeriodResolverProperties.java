package io.github.cxmetrics.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cxmetrics.trend.Granularity;
import io.github.cxmetrics.trend.Period;
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
        Period expected = g.periodOf(LocalDate.ofInstant(instant, zone), zone);
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
}
