/**
 * Operational KPIs that sit beside the scores: response time (exact
 * {@link io.github.cxmetrics.ops.ResponseTimes} and the mergeable
 * {@link io.github.cxmetrics.ops.ResponseTimeHistogram} with a stated relative error), business
 * time ({@link io.github.cxmetrics.ops.BusinessHours}), first-contact resolution
 * ({@link io.github.cxmetrics.ops.OutcomeAccumulator}), retention and churn
 * ({@link io.github.cxmetrics.ops.Retention}), the survey response funnel
 * ({@link io.github.cxmetrics.ops.ResponseFunnel}) and SLA achievement per group
 * ({@link io.github.cxmetrics.ops.SlaAccumulator}).
 *
 * <p>As elsewhere in cxmetrics, mutable accumulators ({@code add}, {@code combine},
 * {@code snapshot}) pair with immutable results that carry n, the estimate and an interval. Rates
 * are {@link io.github.cxmetrics.score.Proportion}s. Denominator policy: a value that is missing
 * is never part of n (see {@code docs/operations.md}).
 */
package io.github.cxmetrics.ops;
