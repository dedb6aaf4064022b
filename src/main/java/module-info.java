/**
 * cxmetrics: customer-satisfaction KPIs (NPS, CSAT, CES) from exact tallies, with confidence
 * intervals and significance tests. No runtime dependencies.
 */
module io.github.cxmetrics {
    exports io.github.cxmetrics.io;
    exports io.github.cxmetrics.scale;
    exports io.github.cxmetrics.tally;
    exports io.github.cxmetrics.score;
    exports io.github.cxmetrics.stats;
}
