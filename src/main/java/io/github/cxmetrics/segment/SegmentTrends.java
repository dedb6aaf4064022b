package io.github.cxmetrics.segment;

import io.github.cxmetrics.tally.Tally;
import io.github.cxmetrics.trend.Metric;
import io.github.cxmetrics.calendar.CalendarPeriod;
import io.github.cxmetrics.trend.Series;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;

/**
 * Segment × period: each segment's own {@link Series}, all over the same span of periods so that
 * they line up with each other (a segment without data in a period has an explicit empty point).
 *
 * @since 0.1.0
 */
public final class SegmentTrends {
    private SegmentTrends() {
    }

    /**
     * A series per segment, each covering the periods from the earliest to the latest period of any
     * segment (a segment without any data gets a series of empty points), with 3σ control limits computed from the segment's own responses.
     *
     * @param tallies the tallies per period of each segment
     * @throws IllegalArgumentException if there are no periods at all, periods differ in
     *     granularity or zone, or scales differ or do not fit the metric
     */
    public static <K> Map<K, Series> of(Metric metric, Map<K, ? extends SortedMap<CalendarPeriod, Tally>> tallies,
            double confidence) {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(tallies, "tallies");
        CalendarPeriod first = null;
        CalendarPeriod last = null;
        Tally any = null;
        for (SortedMap<CalendarPeriod, Tally> m : tallies.values()) {
            if (!m.isEmpty()) {
                any = m.values().iterator().next();
                first = first == null || m.firstKey().compareTo(first) < 0 ? m.firstKey() : first;
                last = last == null || m.lastKey().compareTo(last) > 0 ? m.lastKey() : last;
            }
        }
        if (first == null) {
            throw new IllegalArgumentException("Invalid segment trends: no periods");
        }
        Map<K, Series> out = new LinkedHashMap<>();
        for (Map.Entry<K, ? extends SortedMap<CalendarPeriod, Tally>> e : tallies.entrySet()) {
            SortedMap<CalendarPeriod, Tally> m = e.getValue();
            Series.Builder b = Series.builder(metric, any.scale(), first.granularity(), first.zone())
                    .confidence(confidence).span(first, last);
            m.forEach(b::add);
            out.put(Objects.requireNonNull(e.getKey(), "segment key"), b.build());
        }
        return Collections.unmodifiableMap(out);
    }
}
