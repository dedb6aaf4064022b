package io.github.cxmetrics.survey;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Keeps one response per respondent (overall, or per period): the first or the latest, for
 * surveys where a customer may answer more than once and should count once.
 *
 * <p>Get one with {@link #keep(Keep)} (overall) or {@link #keep(Keep, Function)} (per period, the
 * function mapping a response's instant to its period key, e.g. its ISO week in a zone). Feed each
 * response with {@link #offer(String, Instant, Object)} and read the survivors with
 * {@link #responses()}.
 *
 * <p>Rules:
 * <ul>
 *   <li>{@link Keep#FIRST} keeps the response with the earliest instant, {@link Keep#LATEST} the
 *       one with the latest; on equal instants FIRST keeps the one offered first and LATEST the one
 *       offered last. {@link #combine(Dedup)} treats the other's responses as offered after this
 *       one's.</li>
 *   <li>A blank respondent id (anonymous response) cannot be matched with anything: it is kept as
 *       it is and counted in {@link #anonymous()}.</li>
 *   <li>{@link #responses()} lists the kept responses by instant, then respondent id; so the output
 *       does not depend on the order of responses with different instants.</li>
 * </ul>
 *
 * <p>Streaming and memory: one entry (id, instant, payload) per distinct respondent, or per
 * distinct (respondent, period), plus every anonymous response. For data larger than memory,
 * deduplicate per partition of respondent ids. Not thread-safe.
 *
 * @param <T> the response payload (a row, a record, an answer array)
 *
 * @since 0.1.0
 */
public final class Dedup<T> {
    /** Which response of a respondent to keep. */
    public enum Keep {
        /** The earliest response. */
        FIRST,
        /** The latest response. */
        LATEST
    }

    private record Key(String respondent, Object period) {
    }

    private static final class Entry<T> {
        final String respondent;
        final Instant at;
        final long sequence;
        final T payload;

        Entry(String respondent, Instant at, long sequence, T payload) {
            this.respondent = respondent;
            this.at = at;
            this.sequence = sequence;
            this.payload = payload;
        }
    }

    private final Keep keep;
    private final Function<Instant, ?> period;
    private final Map<Key, Entry<T>> kept = new HashMap<>();
    private final List<Entry<T>> anonymous = new ArrayList<>();
    private long offered;

    private Dedup(Keep keep, Function<Instant, ?> period) {
        this.keep = keep;
        this.period = period;
    }

    /** One response per respondent over all time. */
    public static <T> Dedup<T> keep(Keep keep) {
        return new Dedup<>(Objects.requireNonNull(keep, "keep"), null);
    }

    /**
     * One response per respondent per period; {@code period} maps an instant to its period key
     * (any value with {@code equals}), e.g. {@code at -> YearWeek.from(at.atZone(zone))}.
     */
    public static <T> Dedup<T> keep(Keep keep, Function<Instant, ?> period) {
        return new Dedup<>(Objects.requireNonNull(keep, "keep"), Objects.requireNonNull(period, "period"));
    }

    /**
     * Offers one response.
     *
     * @return true if it is kept for now (it may be replaced by a later offer), false if an
     *     already kept response of the same respondent (and period) wins
     * @throws NullPointerException if the respondent, instant, payload or period key is null
     */
    public boolean offer(String respondent, Instant at, T response) {
        Objects.requireNonNull(respondent, "respondent");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(response, "response");
        Object p = period == null ? null : Objects.requireNonNull(period.apply(at), "period key");
        Entry<T> e = new Entry<>(respondent.strip(), at, offered, response);
        offered++;
        return place(e, p);
    }

    private boolean place(Entry<T> e, Object p) {
        if (e.respondent.isEmpty()) {
            anonymous.add(e);
            return true;
        }
        Key key = new Key(e.respondent, p);
        Entry<T> old = kept.get(key);
        if (old == null || wins(e, old)) {
            kept.put(key, e);
            return true;
        }
        return false;
    }

    private boolean wins(Entry<T> challenger, Entry<T> holder) {
        int c = challenger.at.compareTo(holder.at);
        if (keep == Keep.FIRST) {
            return c < 0 || (c == 0 && challenger.sequence < holder.sequence);
        }
        return c > 0 || (c == 0 && challenger.sequence > holder.sequence);
    }

    /**
     * Offers every response the other has seen, as if offered after this one's, and counts its
     * offers. The other is left unchanged.
     *
     * @throws IllegalArgumentException if the policies differ or one is per period and the other
     *     not (period functions cannot be compared; the caller must use the same one)
     */
    public Dedup<T> combine(Dedup<T> other) {
        Objects.requireNonNull(other, "other");
        if (keep != other.keep || (period == null) != (other.period == null)) {
            throw new IllegalArgumentException("Dedup mismatch: " + describe() + " / " + other.describe());
        }
        long base = offered;
        List<Map.Entry<Key, Entry<T>>> theirs = new ArrayList<>(other.kept.entrySet());
        List<Entry<T>> theirAnonymous = new ArrayList<>(other.anonymous);
        long theirOffered = other.offered;
        for (Map.Entry<Key, Entry<T>> e : theirs) {
            Entry<T> x = e.getValue();
            place(new Entry<>(x.respondent, x.at, base + x.sequence, x.payload), e.getKey().period());
        }
        for (Entry<T> x : theirAnonymous) {
            anonymous.add(new Entry<>(x.respondent, x.at, base + x.sequence, x.payload));
        }
        offered = Math.addExact(base, theirOffered);
        return this;
    }

    private String describe() {
        return "keep " + keep + (period == null ? " overall" : " per period");
    }

    /** The number of responses offered. */
    public long offered() {
        return offered;
    }

    /** The number of responses kept (including anonymous ones). */
    public long kept() {
        return kept.size() + (long) anonymous.size();
    }

    /** The number of responses dropped as duplicates: offered − kept. */
    public long dropped() {
        return offered - kept();
    }

    /** The number of responses without a respondent id, all kept. */
    public long anonymous() {
        return anonymous.size();
    }

    /** The kept responses, by instant, then respondent id, then order offered. */
    public List<T> responses() {
        List<Entry<T>> all = new ArrayList<>(kept.values());
        all.addAll(anonymous);
        all.sort(Comparator.<Entry<T>, Instant>comparing(e -> e.at).thenComparing(e -> e.respondent)
                .thenComparingLong(e -> e.sequence));
        List<T> out = new ArrayList<>(all.size());
        for (Entry<T> e : all) {
            out.add(e.payload);
        }
        return List.copyOf(out);
    }

    @Override
    public String toString() {
        return "Dedup[" + describe() + ", offered=" + offered + ", kept=" + kept() + "]";
    }
}
