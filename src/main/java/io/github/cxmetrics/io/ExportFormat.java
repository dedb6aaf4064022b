package io.github.cxmetrics.io;

/**
 * The layout of an export's header rows, as {@link ExportReader} detects it.
 *
 * @since 0.1.0
 */
public enum ExportFormat {
    /** One header row of column names (the cxmetrics layout, Google Forms, Typeform, Zendesk, R). */
    PLAIN,
    /**
     * Qualtrics: row 1 names, row 2 question text, row 3 {@code {"ImportId":"QID1"}} objects (with
     * {@code "timeZone"} on date columns in newer exports).
     */
    QUALTRICS,
    /** Legacy Qualtrics: row 1 {@code V1…V10} and question ids, row 2 names and question text. */
    QUALTRICS_LEGACY,
    /**
     * SurveyMonkey: row 1 question text (metadata names), row 2 {@code Response},
     * {@code Open-Ended Response} or choice labels, empty under metadata.
     */
    SURVEYMONKEY
}
