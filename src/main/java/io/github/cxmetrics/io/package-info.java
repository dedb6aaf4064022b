/**
 * Reading feedback exports and storing tallies: a streaming RFC 4180 CSV reader, the survey-tool
 * export reader, and the exact text forms of tallies.
 *
 * <ul>
 * <li>{@link io.github.cxmetrics.io.CsvReader} reads UTF-8 CSV record by record over a large byte
 *     buffer; fields are exposed as bytes, small integers, hashes and, when asked, strings, so a
 *     tally loop allocates nothing per row. {@link io.github.cxmetrics.io.CsvHeader} reads the
 *     first record as column names.
 * <li>{@link io.github.cxmetrics.io.CsvFormatException} reports malformed input with its line and
 *     1-based column; its subclass {@link io.github.cxmetrics.io.CsvValueException} reports a field
 *     that is not the value asked for.
 * <li>{@link io.github.cxmetrics.io.ExportReader} reads survey-tool exports as downloaded
 *     (Qualtrics, SurveyMonkey, Google Forms, Typeform, Zendesk, R, Excel with {@code sep=},
 *     windows-1252 or UTF-16), detects their layout ({@link io.github.cxmetrics.io.ExportLayout},
 *     {@link io.github.cxmetrics.io.ExportFormat}) and reads scores, labels
 *     ({@link io.github.cxmetrics.io.LabelMapping}) and timestamps from each
 *     {@link io.github.cxmetrics.io.ExportRow}.
 * <li>{@link io.github.cxmetrics.io.TallyFormat} is the exact, versioned one-line text form of a
 *     tally (weighted tallies with their exact weight sums), and {@link io.github.cxmetrics.io.TallyStore}
 *     a file of keyed tallies with a count and checksum, read whole or not at all, so stored tallies
 *     can be combined later without the raw data.
 * </ul>
 *
 * <p>The CSV classes depend only on {@code java.base}; the export and tally classes also
 * on the {@code scale} package, the tally classes on {@code tally}.
 */
package io.github.cxmetrics.io;
