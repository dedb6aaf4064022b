/**
 * Survey design: how many responses a score or a comparison needs
 * ({@link io.github.cxmetrics.design.SampleSize}, {@link io.github.cxmetrics.design.GroupSampleSize}
 * from a {@link io.github.cxmetrics.design.Spread}), and weights that correct response bias:
 * {@link io.github.cxmetrics.design.Raking} (iterative proportional fitting to the shares of several
 * variables), {@link io.github.cxmetrics.design.PostStratification} (one variable) and
 * inverse-response-rate weights from {@link io.github.cxmetrics.design.ResponseRates}, each giving a
 * {@link io.github.cxmetrics.design.WeightingResult} whose weights feed the weighted tallies.
 */
package io.github.cxmetrics.design;
