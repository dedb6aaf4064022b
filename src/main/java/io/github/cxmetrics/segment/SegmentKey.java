package io.github.cxmetrics.segment;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The values of one or more grouping keys, such as ({@code phone}, {@code north}) for channel ×
 * region. Compared element by element (a shorter key first when it is a prefix); written as the
 * values joined by {@code " / "}.
 *
 * <p>An immutable value type.
 *
 * @param values the key values, in the order of the grouping columns; not null, at least one
 *
 * @since 0.1.0
 */
public record SegmentKey(List<String> values) implements Comparable<SegmentKey> {
    private static final Comparator<List<String>> ORDER = (a, b) -> {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    };

    /**
     * Checks and copies the values.
     *
     * @throws IllegalArgumentException if there are no values
     * @throws NullPointerException if a value is null
     */
    public SegmentKey {
        values = List.copyOf(Objects.requireNonNull(values, "values"));
        if (values.isEmpty()) {
            throw new IllegalArgumentException("Invalid segment key (valid keys have at least one value): []");
        }
    }

    /** The key of the given values. */
    public static SegmentKey of(String... values) {
        return new SegmentKey(Arrays.asList(values));
    }

    @Override
    public int compareTo(SegmentKey other) {
        return ORDER.compare(values, other.values);
    }

    /** The values joined by {@code " / "}: {@code phone / north}. */
    @Override
    public String toString() {
        return String.join(" / ", values);
    }
}
