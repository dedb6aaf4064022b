/**
 * Scores derived from tallies: {@link io.github.cxmetrics.score.Nps}, {@link io.github.cxmetrics.score.Csat},
 * {@link io.github.cxmetrics.score.Ces}, and the generic {@link io.github.cxmetrics.score.Mean} and
 * {@link io.github.cxmetrics.score.Proportion}, each with n, standard error and intervals, and
 * {@link io.github.cxmetrics.score.Comparisons} of two groups.
 */
package io.github.cxmetrics.score;
