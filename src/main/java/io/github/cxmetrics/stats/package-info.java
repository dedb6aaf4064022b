/**
 * Statistics behind the scores: intervals, distributions, tests and corrections.
 *
 * <p>The distributions are {@link io.github.cxmetrics.stats.Normal},
 * {@link io.github.cxmetrics.stats.StudentT} and {@link io.github.cxmetrics.stats.Beta}: static,
 * dependency-free functions in full double precision, with tails computed directly (never as
 * {@code 1 − cdf}) so that small p-values stay accurate.
 */
package io.github.cxmetrics.stats;
