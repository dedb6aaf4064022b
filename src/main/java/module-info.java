/**
 * cxmetrics: customer-satisfaction KPIs (NPS, CSAT, CES) from exact tallies, with confidence
 * intervals and significance tests. No runtime dependencies.
 */
module io.github.cxmetrics {
    exports io.github.cxmetrics.scale;
    exports io.github.cxmetrics.calendar;
    exports io.github.cxmetrics.tally;
    exports io.github.cxmetrics.score;
    exports io.github.cxmetrics.stats;
    exports io.github.cxmetrics.trend;
    exports io.github.cxmetrics.segment;
    exports io.github.cxmetrics.target;
    exports io.github.cxmetrics.insight;
    exports io.github.cxmetrics.io;
    exports io.github.cxmetrics.design;
    exports io.github.cxmetrics.ops;
    exports io.github.cxmetrics.survey;
    exports io.github.cxmetrics.report;
    exports io.github.cxmetrics.report.grouping;
    exports io.github.cxmetrics.report.format;
}
