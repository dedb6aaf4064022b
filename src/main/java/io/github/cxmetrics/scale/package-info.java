/**
 * Typed answer scales: {@link io.github.cxmetrics.scale.NpsScale}, {@link io.github.cxmetrics.scale.CsatScale}
 * and {@link io.github.cxmetrics.scale.CesScale}, with their categories, favourable boxes and point labels.
 * Every scale is an immutable value type; every score is validated against its scale.
 */
package io.github.cxmetrics.scale;
