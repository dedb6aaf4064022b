package io.github.cxmetrics.scale;
public final class NpsScale implements Scale {}
