package io.github.cxmetrics.insight;

/**
 * A driver's place in the importance–performance matrix: its importance against the median
 * importance of the drivers, and its score against the median score of the drivers.
 *
 * @since 0.1.0
 */
public enum Quadrant {
    /** Important and scored below the median: improve this first. */
    FIX_FIRST("fix first"),
    /** Important and scored at or above the median: keep it up. */
    KEEP_UP("keep up"),
    /** Less important and scored below the median: improve when the important ones are done. */
    LOWER_PRIORITY("lower priority"),
    /** Less important and scored at or above the median: effort may be moved elsewhere. */
    POSSIBLE_OVERKILL("possible overkill");

    private final String label;

    Quadrant(String label) {
        this.label = label;
    }

    /** The words of the quadrant, e.g. {@code fix first}. */
    public String label() {
        return label;
    }

    static Quadrant of(boolean important, boolean belowMedian) {
        if (important) {
            return belowMedian ? FIX_FIRST : KEEP_UP;
        }
        return belowMedian ? LOWER_PRIORITY : POSSIBLE_OVERKILL;
    }
}
