package io.github.cxmetrics.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class DedupTest {
    private static Instant at(String s) {
        return Instant.parse(s);
    }

    /** The ISO week of an instant in UTC, e.g. "2025-W02". */
    private static final Function<Instant, ?> WEEK = i -> {
        LocalDate d = LocalDate.ofInstant(i, ZoneOffset.UTC);
        return d.get(IsoFields.WEEK_BASED_YEAR) + "-W" + d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    };

    private static Dedup<String> feed(Dedup<String> d) {
        d.offer("alice", at("2025-01-07T10:00:00Z"), "a1");
        d.offer("bob", at("2025-01-07T11:00:00Z"), "b1");
        d.offer("alice", at("2025-01-06T09:00:00Z"), "a0"); // earlier, offered later
        d.offer("alice", at("2025-01-14T09:00:00Z"), "a2"); // next week
        d.offer("bob", at("2025-01-07T11:00:00Z"), "b1-again"); // same instant
        return d;
    }

    @Test
    void keepLatestOverall() {
        Dedup<String> d = feed(Dedup.keep(Dedup.Keep.LATEST));
        // alice: a2 is latest; bob: tie on instant, the one offered last wins
        assertThat(d.responses()).containsExactly("b1-again", "a2");
        assertThat(d.offered()).isEqualTo(5);
        assertThat(d.kept()).isEqualTo(2);
        assertThat(d.dropped()).isEqualTo(3);
    }

    @Test
    void keepFirstOverall() {
        Dedup<String> d = feed(Dedup.keep(Dedup.Keep.FIRST));
        // alice: a0 (earliest instant, though offered third); bob: tie, the one offered first
        assertThat(d.responses()).containsExactly("a0", "b1");
    }

    @Test
    void perPeriod() {
        Dedup<String> latest = feed(Dedup.keep(Dedup.Keep.LATEST, WEEK));
        // week 2: alice a1 (10:00 on the 7th beats the 6th), bob b1-again; week 3: alice a2
        assertThat(latest.responses()).containsExactly("a1", "b1-again", "a2");
        Dedup<String> first = feed(Dedup.keep(Dedup.Keep.FIRST, WEEK));
        assertThat(first.responses()).containsExactly("a0", "b1", "a2");
    }

    @Test
    void anonymousResponsesAreKeptAndCounted() {
        Dedup<String> d = Dedup.keep(Dedup.Keep.LATEST);
        d.offer("", at("2025-01-07T10:00:00Z"), "x");
        d.offer("  ", at("2025-01-07T10:00:00Z"), "y");
        d.offer("carol", at("2025-01-07T09:00:00Z"), "c");
        assertThat(d.responses()).containsExactly("c", "x", "y");
        assertThat(d.anonymous()).isEqualTo(2);
        assertThat(d.dropped()).isZero();
    }

    @Test
    void combineActsAsIfOfferedAfter() {
        Dedup<String> a = Dedup.keep(Dedup.Keep.LATEST);
        a.offer("bob", at("2025-01-07T11:00:00Z"), "b-first");
        Dedup<String> b = Dedup.keep(Dedup.Keep.LATEST);
        b.offer("bob", at("2025-01-07T11:00:00Z"), "b-second");
        b.offer("dan", at("2025-01-01T11:00:00Z"), "d");
        a.combine(b);
        assertThat(a.responses()).containsExactly("d", "b-second");
        assertThat(a.offered()).isEqualTo(3);
        assertThat(b.offered()).isEqualTo(2);
        assertThatThrownBy(() -> a.combine(Dedup.keep(Dedup.Keep.FIRST))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Dedup mismatch: keep LATEST overall / keep FIRST overall");
        assertThatThrownBy(() -> a.offer(null, at("2025-01-01T00:00:00Z"), "z")).isInstanceOf(NullPointerException.class);
    }
}
