package io.github.cxmetrics.scale;
public sealed interface Scale permits NpsScale {}
