/**
 * From scores to decisions: key driver analysis ({@link io.github.cxmetrics.insight.KeyDrivers},
 * LMG and relative weights on exact, mergeable cross-product tallies
 * {@link io.github.cxmetrics.insight.DriverTally}) with the importance–performance matrix
 * ({@link io.github.cxmetrics.insight.Quadrant}).
 *
 * <p>See {@code docs/drivers.md}.
 */
package io.github.cxmetrics.insight;
