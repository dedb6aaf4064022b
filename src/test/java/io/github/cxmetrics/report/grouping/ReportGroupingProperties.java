package io.github.cxmetrics.report.grouping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cxmetrics.calendar.Granularity;
import io.github.cxmetrics.calendar.HolidayCalendar;
import io.github.cxmetrics.scale.CesScale;
import io.github.cxmetrics.scale.CsatScale;
import io.github.cxmetrics.survey.Dedup;
import io.github.cxmetrics.survey.Survey;
import io.github.cxmetrics.trend.Metric;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/** The text form of a {@link ReportGrouping}: {@code parse(toString())} gives an equal value. */
class ReportGroupingProperties {

    @Property(tries = 500)
    void textFormReadsBackEqual(@ForAll("groupings") ReportGrouping grouping) {
        Statistics.collect(grouping.equals(ReportGrouping.defaults()) ? "defaults" : "changed");
        ReportGrouping back = ReportGrouping.parse(grouping.toString());
        assertThat(back).isEqualTo(grouping);
        assertThat(back.hashCode()).isEqualTo(grouping.hashCode());
        assertThat(back.toString()).isEqualTo(grouping.toString());
    }

    @Property(tries = 200)
    void everyOptionAgreesWithItselfAndTheDescriptionsMatch(@ForAll("groupings") ReportGrouping grouping) {
        ReportGrouping back = ReportGrouping.parse(grouping.toString());
        for (String option : ReportGrouping.optionNames()) {
            assertThat(grouping.agrees(back, option)).as(option).isTrue();
            assertThat(grouping.describe(option)).as(option).isEqualTo(back.describe(option));
        }
    }

    @Example
    void defaultsHaveAnEmptyTextForm() {
        assertThat(ReportGrouping.defaults().toString()).isEmpty();
        assertThat(ReportGrouping.parse("")).isEqualTo(ReportGrouping.defaults());
    }

    @Example
    void commandLineFormReadsAsTheOptionsSay() {
        ReportGrouping g = ReportGrouping.parse("--by week --segment channel --segment \"sales region\" --zone "
                + "Europe/Amsterdam --delimiter ; --column nps=recommend --column response=wait --response-target 90m");
        assertThat(g).isEqualTo(ReportGrouping.defaults().withBy(Granularity.WEEK).withSegment("channel")
                .withSegment("sales region").withZone(ZoneId.of("Europe/Amsterdam")).withDelimiter(';')
                .withColumn(Metric.NPS, "recommend").withResponseColumn("wait")
                .withResponseTarget(Duration.ofMinutes(90)));
        assertThat(g.toString()).isEqualTo("--delimiter ; --column nps=recommend --column response=wait --zone "
                + "Europe/Amsterdam --by week --segment channel --segment \"sales region\" --response-target PT1H30M");
    }

    @Example
    void aDefaultColumnNameIsTheDefault() {
        assertThat(ReportGrouping.defaults().withColumn(Metric.CSAT, "csat")).isEqualTo(ReportGrouping.defaults());
    }

    @Example
    void zonesUtcAndZAgreeButAreKeptAsGiven() {
        ReportGrouping utc = ReportGrouping.defaults().withZone(ZoneId.of("UTC"));
        assertThat(utc).isNotEqualTo(ReportGrouping.defaults());
        assertThat(utc.agrees(ReportGrouping.defaults(), "--zone")).isTrue();
        assertThat(utc.agrees(ReportGrouping.defaults(), "--by")).isTrue();
        assertThat(utc.withBy(Granularity.DAY).agrees(ReportGrouping.defaults(), "--by")).isFalse();
    }

    @Example
    void badTextNamesTheOption() {
        assertThatThrownBy(() -> ReportGrouping.parse("--by fortnight")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--by must be one of day|week|month|quarter|year, got \"fortnight\"");
        assertThatThrownBy(() -> ReportGrouping.parse("--confidence 0.9")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Invalid grouping option (valid options [--delimiter, --metrics, --column,");
        assertThatThrownBy(() -> ReportGrouping.parse("--segment")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--segment needs a value");
        assertThatThrownBy(() -> ReportGrouping.parse("--segment \"open")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Unclosed quote");
        assertThatThrownBy(() -> ReportGrouping.parse("--response-from a")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("go together");
        assertThatThrownBy(() -> ReportGrouping.defaults().withSegment(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid segment column (must not be empty): \" \"");
    }

    // ------------------------------------------------------------------ generators

    /** Column names: plain, with spaces, quotes, backslashes, control characters and non-ASCII letters. */
    private static Arbitrary<String> names() {
        return Arbitraries.oneOf(Arbitraries.strings().alpha().numeric().withChars('_', '-').ofMinLength(1).ofMaxLength(12),
                Arbitraries.strings().withChars("ab \"\\'\t\n=,;:|é€😀-").ofMinLength(1).ofMaxLength(8)
                        .filter(s -> !s.isBlank()));
    }

    @Provide
    Arbitrary<ReportGrouping> groupings() {
        Arbitrary<Character> delimiters = Arbitraries.of(',', ';', '\t', '|', ' ', 'x', '\'', '\\');
        Arbitrary<Set<Metric>> metrics = Arbitraries.subsetOf(Metric.values());
        Arbitrary<Map<Metric, String>> columns = Arbitraries.maps(Arbitraries.of(Metric.values()), names())
                .ofMaxSize(3).map(m -> m.isEmpty() ? Map.of() : new EnumMap<>(m));
        Arbitrary<ZoneId> zones = Arbitraries.of(ZoneOffset.UTC, ZoneId.of("UTC"), ZoneId.of("Europe/Amsterdam"),
                ZoneOffset.ofHours(-5), ZoneId.of("America/New_York"));
        Arbitrary<Granularity> by = Arbitraries.of(Granularity.values()).injectNull(0.3);
        Arbitrary<List<String>> segments = names().list().ofMaxSize(3).uniqueElements();
        Arbitrary<CsatScale> csat = Arbitraries.of(CsatScale.FIVE_POINT, CsatScale.of(1, 7), CsatScale.of(1, 10),
                CsatScale.of(0, 10).withTopBox(3));
        Arbitrary<CesScale> ces = Arbitraries.of(CesScale.AGREEMENT_7, CesScale.EFFORT_5);
        Arbitrary<Duration> targets = Arbitraries.longs().between(0, 1_000_000_000_000_000L).map(Duration::ofNanos);
        Arbitrary<HolidayCalendar> holidays = Arbitraries.of("none", "nl", "2026-12-24", "nl,2026-12-24,2027-01-02")
                .map(HolidayCalendar::parse);
        Arbitrary<OpeningHours> hours = Arbitraries.of("mon-fri 09:00-17:00", "mon-fri 08:30-17:30,sat 10:00-14:00")
                .map(OpeningHours::parse).injectNull(0.5);
        Arbitrary<Survey> surveys = Arbitraries.just(Survey.parse("min-answered 1\nq1 csat 1-5 weight=2\nq2 nps 0-10\n"))
                .injectNull(0.7);
        return Builders.withBuilder(Holder::new)
                .use(delimiters).in((h, d) -> h.set(h.g.withDelimiter(d)))
                .use(metrics).in((h, m) -> h.set(m.isEmpty() ? h.g : h.g.withMetrics(m)))
                .use(columns).in((h, c) -> {
                    c.forEach((metric, name) -> h.g = h.g.withColumn(metric, name));
                    return h;
                })
                .use(names().injectNull(0.7)).in((h, n) -> h.set(n == null ? h.g : h.g.withFcrColumn(n)))
                .use(names()).in((h, n) -> h.set(h.g.withTimestampColumn(n)))
                .use(zones).in((h, z) -> h.set(h.g.withZone(z)))
                .use(by).in((h, b) -> h.set(b == null ? h.g : h.g.withBy(b)))
                .use(segments).in((h, list) -> {
                    list.forEach(name -> h.g = h.g.withSegment(name));
                    return h;
                })
                .use(names().injectNull(0.5)).in((h, w) -> h.set(w == null ? h.g : h.g.withWeightColumn(w)))
                .use(Arbitraries.of("", "region=north:0.2,south:0.3,east:0.5",
                        "region=north:20,south:30,east:50.3|channel=phone:0.4,email:0.6", "tier=gold \u00e9:1"))
                .in((h, r) -> {
                    for (String text : r.isEmpty() ? new String[0] : r.split("\\|")) {
                        h.g = h.g.withRake(ReportGrouping.rakeMargin(text));
                    }
                    return h;
                })
                .use(csat).in((h, scale) -> h.set(h.g.withCsatScale(scale)))
                .use(ces).in((h, scale) -> h.set(h.g.withCesScale(scale)))
                .use(targets).in((h, t) -> h.set(h.g.withResponseTarget(t)))
                .use(Combinators.combine(names(), names()).as(List::of).injectNull(0.5))
                .in((h, ft) -> h.set(ft == null ? h.g : h.g.withResponseTimestamps(ft.get(0), ft.get(1))))
                .use(hours).in((h, o) -> h.set(o == null ? h.g : h.g.withBusinessHours(o)))
                .use(holidays).in((h, c) -> h.set(h.g.withHolidays(c)))
                .use(surveys).in((h, v) -> h.set(v == null ? h.g : h.g.withSurvey(v)))
                .use(names().injectNull(0.5)).in((h, r) -> {
                    h.respondent = r;
                    return h;
                })
                .use(Arbitraries.of(Dedup.Keep.values())).in((h, k) -> {
                    h.keep = k;
                    return h;
                })
                .use(Arbitraries.of(true, false)).in((h, p) -> h.set(h.respondent == null ? h.g
                        : h.g.withRespondent(h.respondent, h.keep, p)))
                .use(Arbitraries.of(BadRowPolicy.values())).in((h, p) -> h.set(h.g.withOnBadRow(p)))
                .build(h -> h.g);
    }

    /** A grouping being built from the defaults. */
    private static final class Holder {
        ReportGrouping g = ReportGrouping.defaults();
        String respondent;
        Dedup.Keep keep;

        Holder set(ReportGrouping value) {
            g = value;
            return this;
        }
    }
    @Example
    void metricsSubsetKeepsEnumOrder() {
        ReportGrouping g = ReportGrouping.defaults().withMetrics(EnumSet.of(Metric.CES, Metric.NPS));
        assertThat(g.toString()).isEqualTo("--metrics nps,ces");
    }
}
