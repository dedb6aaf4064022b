package io.github.cxmetrics.design;

import java.util.Objects;

/**
 * The response rate of one segment (or of all segments together): responses / invitations.
 *
 * @param segment the segment's category, or {@code "(all)"} for the total
 * @param invitations the number of customers invited (a count), at least 1
 * @param responses the number who responded (a count), 0 to invitations
 *
 * @since 0.1.0
 */
public record ResponseRate(String segment, long invitations, long responses) {

    /**
     * Checks the counts.
     *
     * @throws IllegalArgumentException if invitations &lt; 1, responses &lt; 0 or responses &gt; invitations
     * @throws NullPointerException if segment is null
     */
    public ResponseRate {
        Objects.requireNonNull(segment, "segment");
        if (invitations < 1) {
            throw new IllegalArgumentException("Invalid value for invitations of " + segment + " (valid values >= 1): "
                    + invitations);
        }
        if (responses < 0 || responses > invitations) {
            throw new IllegalArgumentException("Invalid value for responses of " + segment + " (valid values 0 - "
                    + invitations + " invitations): " + responses);
        }
    }

    /** The response rate, responses / invitations, in [0, 1]. */
    public double rate() {
        return (double) responses / invitations;
    }

    /** The non-response rate, 1 − rate. */
    public double nonResponseRate() {
        return (double) (invitations - responses) / invitations;
    }
}
