package io.github.cxmetrics.report.grouping;

/**
 * What a report does with a row that has a value that is not valid: {@code --on-bad-row fail|skip}.
 *
 * @since 0.1
 */
public enum BadRowPolicy {
    /** Stop at the first bad row with its line, column and value (the default). */
    FAIL,
    /** Leave the row out entirely, count it, and report the reasons with the first examples. */
    SKIP
}
