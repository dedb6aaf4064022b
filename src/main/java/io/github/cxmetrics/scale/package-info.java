/**
 * Typed answer scales: {@link io.github.cxmetrics.scale.NpsScale}, {@code CsatScale}
 * and {@code CesScale}, with their categories, favourable boxes and point labels.
 */
package io.github.cxmetrics.scale;
