package io.github.cxmetrics.report;

/** What a report does with a row that has a value that is not valid. */
public enum BadRowPolicy {
    /** Stop at the first bad row with its line, column and value (the default). */
    FAIL,
    /** Leave the row out entirely, count it, and report the reasons with the first examples. */
    SKIP
}
