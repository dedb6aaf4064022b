/**
 * Exact accumulators over counts per scale point: {@link io.github.cxmetrics.tally.TallyAccumulator} and its
 * immutable {@link io.github.cxmetrics.tally.Tally}, and the weighted
 * {@link io.github.cxmetrics.tally.WeightedTallyAccumulator} / {@link io.github.cxmetrics.tally.WeightedTally}.
 * Merging is element-wise addition: exact, associative, commutative.
 * {@link io.github.cxmetrics.tally.ConcurrentTallyAccumulator} is the one accumulator that many threads
 * may add to at once (see {@code docs/concurrency.md}).
 */
package io.github.cxmetrics.tally;
