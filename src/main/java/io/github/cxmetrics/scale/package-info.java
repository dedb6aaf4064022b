/**
 * Typed answer scales: {@link io.github.cxmetrics.scale.NpsScale}, {@link io.github.cxmetrics.scale.CsatScale}
 * and {@link io.github.cxmetrics.scale.CesScale}, with their categories, favourable boxes and point labels.
 */
package io.github.cxmetrics.scale;
