package io.github.cxmetrics.target;

/**
 * The status of a {@link Target}; {@link Assessment#reason()} gives the numbers that decided it.
 * The rules, for a target such as {@code nps>=40} with the estimate's interval [L, U] (mirrored for
 * {@code <=} targets; for change targets the estimate is the difference from the baseline):
 *
 * <table>
 *   <caption>Status rules, checked in this order</caption>
 *   <tr><th>status</th><th>when</th></tr>
 *   <tr><td>{@link #INSUFFICIENT_DATA}</td><td>no interval (no responses; CES n &lt; 2; no
 *       baseline for a change target)</td></tr>
 *   <tr><td>{@link #MET}</td><td>L ≥ 40: the whole interval is on the right side</td></tr>
 *   <tr><td>{@link #NOT_MET}</td><td>no deadline, U &lt; 40</td></tr>
 *   <tr><td>{@link #MISSED}</td><td>the deadline has passed, U &lt; 40</td></tr>
 *   <tr><td>{@link #AT_RISK}</td><td>before the deadline: U is below the floor, or the trend
 *       projected to the deadline's period is below 40, or (no trend) U &lt; 40</td></tr>
 *   <tr><td>{@link #ON_TRACK}</td><td>before the deadline: the projected level at the deadline is
 *       at or above 40</td></tr>
 *   <tr><td>{@link #INSUFFICIENT_DATA}</td><td>otherwise: the interval contains 40 and there is no
 *       deadline, the deadline has passed, or there is no trend to project</td></tr>
 * </table>
 *
 * @since 0.1.0
 */
public enum TargetStatus {
    /** The interval lies entirely on the target's side: met with confidence. */
    MET,
    /** A target without deadline whose interval lies entirely on the wrong side. */
    NOT_MET,
    /** The deadline has passed and the interval lies entirely on the wrong side. */
    MISSED,
    /** Before the deadline, the trend projects the score to reach the target. */
    ON_TRACK,
    /** Before the deadline, the trend projects a miss, the floor is breached, or the score is clearly short with no trend. */
    AT_RISK,
    /** The data cannot decide: too few responses, or an interval that contains the target. */
    INSUFFICIENT_DATA
}
