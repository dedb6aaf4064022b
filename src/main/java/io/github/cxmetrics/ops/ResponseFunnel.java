package io.github.cxmetrics.ops;

import io.github.cxmetrics.score.Proportion;

/**
 * The survey response funnel: invitations delivered, surveys started, surveys completed; each
 * stage's rate as a {@link Proportion} with its Wilson interval.
 *
 * <ul>
 *   <li>start rate = started/delivered;</li>
 *   <li>completion rate = completed/started (of those who began, how many finished);</li>
 *   <li>response rate = completed/delivered (AAPOR's RR1 when "delivered" counts every eligible
 *       invitation: AAPOR 2023, <i>Standard Definitions</i>, 10th ed.).</li>
 * </ul>
 * Bounced invitations are not delivered and must not be counted in the first stage; a partial
 * response is started but not completed.
 *
 * <p>Get one with {@link #of(long, long, long)}; the counts must not increase along the funnel.
 * A stage whose denominator is 0 throws {@link IllegalStateException} when its estimate is read.
 * Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class ResponseFunnel {
    private final long delivered;
    private final long started;
    private final long completed;

    private ResponseFunnel(long delivered, long started, long completed) {
        this.delivered = delivered;
        this.started = started;
        this.completed = completed;
    }

    /**
     * The funnel of the given counts.
     *
     * @throws IllegalArgumentException if a count is negative or the counts increase along the
     *     funnel (completed &gt; started or started &gt; delivered)
     */
    public static ResponseFunnel of(long delivered, long started, long completed) {
        if (delivered < 0) {
            throw new IllegalArgumentException("Invalid value for delivered (valid values >= 0): " + delivered);
        }
        if (started < 0 || started > delivered) {
            throw new IllegalArgumentException("Invalid value for started (valid values 0 - " + delivered + "): "
                    + started);
        }
        if (completed < 0 || completed > started) {
            throw new IllegalArgumentException("Invalid value for completed (valid values 0 - " + started + "): "
                    + completed);
        }
        return new ResponseFunnel(delivered, started, completed);
    }

    /** Invitations delivered. */
    public long delivered() {
        return delivered;
    }

    /** Surveys started. */
    public long started() {
        return started;
    }

    /** Surveys completed. */
    public long completed() {
        return completed;
    }

    /** started/delivered. */
    public Proportion startRate() {
        return Proportion.of(started, delivered);
    }

    /** completed/started. */
    public Proportion completionRate() {
        return Proportion.of(completed, started);
    }

    /** completed/delivered. */
    public Proportion responseRate() {
        return Proportion.of(completed, delivered);
    }

    /** The funnel of both groups: counts add. */
    public ResponseFunnel plus(ResponseFunnel other) {
        return of(Math.addExact(delivered, other.delivered), Math.addExact(started, other.started),
                Math.addExact(completed, other.completed));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResponseFunnel f && delivered == f.delivered && started == f.started
                && completed == f.completed;
    }

    @Override
    public int hashCode() {
        return (Long.hashCode(delivered) * 31 + Long.hashCode(started)) * 31 + Long.hashCode(completed);
    }

    @Override
    public String toString() {
        return "ResponseFunnel[" + delivered + " → " + started + " → " + completed + "]";
    }
}
