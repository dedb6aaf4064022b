/**
 * Targets and benchmarks: {@link io.github.cxmetrics.target.Target} goals parsed from expressions
 * such as {@code nps>=40}, {@code csat>=90%}, {@code nps+15}, {@code response.mean<2h} or
 * {@code csat>=90% in 2027-Q1} on a {@link io.github.cxmetrics.target.Measure}, judged on a tally or
 * an {@link io.github.cxmetrics.target.Estimate} into an
 * {@link io.github.cxmetrics.target.Assessment} with a {@link io.github.cxmetrics.target.TargetStatus}
 * and the reason; and {@link io.github.cxmetrics.target.Benchmark} comparisons against an external
 * value.
 *
 * <p>See {@code docs/trends.md} for the grammar and the status rules.
 */
package io.github.cxmetrics.target;
