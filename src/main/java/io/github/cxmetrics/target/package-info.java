/**
 * Targets and benchmarks: {@link io.github.cxmetrics.target.Target} goals parsed from expressions
 * such as {@code nps>=40}, {@code csat>=90%} or {@code nps+15}, judged into an
 * {@link io.github.cxmetrics.target.Assessment} with a {@link io.github.cxmetrics.target.TargetStatus}
 * and the reason; and {@link io.github.cxmetrics.target.Benchmark} comparisons against an external
 * value.
 *
 * <p>See {@code docs/trends.md} for the grammar and the status rules.
 */
package io.github.cxmetrics.target;
