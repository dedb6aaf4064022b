package io.github.cxmetrics.io;

import io.github.cxmetrics.scale.Scale;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * How the cells of one export become values: missing-value markers, score labels, timestamps in
 * the detected form, decimal commas, and which rows a survey tool marks as not real responses.
 *
 * <p>Get it from {@link ExportReader#values()}; {@link ExportRow} reads its values through it, and
 * code that reads the export's records itself (such as cxmetrics' report) applies the same rules
 * with it. Immutable and thread-safe.
 *
 * <p>Not answered: an empty cell and the missing-value markers of the options (by default
 * {@code NA}, {@code N/A}, {@code #N/A}, {@code -}, {@code null}, case-insensitive), and for a
 * CSAT column Zendesk's {@code offered} and {@code unoffered}. The value methods throw
 * {@link CsvValueException} naming the line, the 1-based column, the text and the option that
 * would read it.
 *
 * @since 0.1.0
 */
public final class ExportValues {
    private static final String EXCLUDED_PREVIEW = "preview, test or spam";
    private static final String EXCLUDED_UNFINISHED = "unfinished";

    final ColumnNames names;
    private final Map<String, Integer> scores;
    private final Map<Integer, LabelMapping> mappings;
    private final int timestamp;
    private final TimestampFormats.Format timestampFormat;
    private final ZoneId timestampZone;
    private final Set<String> missing;
    private final String encoding;
    private final int status;
    private final int finished;
    private final boolean includeUnfinished;

    ExportValues(ColumnNames names, Map<String, Integer> scores, Map<Integer, LabelMapping> mappings, int timestamp,
            TimestampFormats.Format timestampFormat, ZoneId timestampZone, Set<String> missing, String encoding,
            int status, int finished, boolean includeUnfinished) {
        this.names = names;
        this.scores = Map.copyOf(scores);
        this.mappings = Map.copyOf(mappings);
        this.timestamp = timestamp;
        this.timestampFormat = timestampFormat;
        this.timestampZone = timestampZone;
        this.missing = missing;
        this.encoding = encoding;
        this.status = status;
        this.finished = finished;
        this.includeUnfinished = includeUnfinished;
    }

    /**
     * The 0-based column of a scale kind's score, as detected or chosen ({@link ExportLayout#scoreColumns()}).
     *
     * @param kind {@code NPS}, {@code CSAT} or {@code CES}, as {@link Scale#kind()}
     * @return the column, or -1 when the export has none
     */
    public int scoreColumn(String kind) {
        return scores.getOrDefault(kind.toUpperCase(Locale.ROOT), -1);
    }

    /** The 0-based column of the response time, or -1 when the export has none. */
    public int timestampColumn() {
        return timestamp;
    }

    /**
     * Whether a cell means "not answered": empty after trimming, or a missing-value marker.
     *
     * @param cell the cell's text
     */
    public boolean isMissing(String cell) {
        String trimmed = cell.strip();
        return trimmed.isEmpty() || missing.contains(trimmed.toLowerCase(Locale.ROOT));
    }

    /**
     * A score: an integer, a label that a {@link LabelMapping} of the column or a built-in
     * vocabulary of the scale knows, or nothing when not answered.
     *
     * @param cell   the cell's text
     * @param column the 0-based column, for its label mapping and for the message
     * @param scale  the scale the column is on; it decides which vocabulary applies
     * @param line   the 1-based line, for the message
     * @return the score, or empty when the question was not answered
     * @throws CsvValueException if the cell is not a score on the scale
     */
    public OptionalInt score(String cell, int column, Scale scale, long line) {
        String text = cell.strip();
        if (isMissing(text) || ScoreLabels.isNotRated(text, scale)) {
            return OptionalInt.empty();
        }
        checkDecoded(cell, column, line);
        OptionalInt score = parseInt(text);
        if (score.isEmpty()) {
            LabelMapping mapping = mappings.get(column);
            score = mapping != null && mapping.scoreOf(text).isPresent() ? mapping.scoreOf(text)
                    : ScoreLabels.scoreOf(text, scale);
        }
        if (score.isEmpty()) {
            throw new CsvValueException(line, column + 1, "unknown label (vocabulary in use: "
                    + ScoreLabels.describe(scale) + "; map it with --labels 'COLUMN=Label=1,Other=2')", cell);
        }
        if (!scale.contains(score.getAsInt())) {
            throw new CsvValueException(line, column + 1, "not on the scale " + scale + " (valid values "
                    + scale.min() + " - " + scale.max() + "; other missing-value markers: --na)", cell);
        }
        return score;
    }

    /**
     * A time of the timestamp column, read in the detected {@link ExportLayout#timestampFormat()}
     * and zone.
     *
     * @param cell the cell's text
     * @param line the 1-based line, for the message
     * @return the instant, or empty when not answered
     * @throws CsvValueException     if the cell is not in the column's form
     * @throws IllegalStateException if the export has no timestamp column
     */
    public Optional<Instant> timestamp(String cell, long line) {
        if (timestamp < 0) {
            throw new IllegalStateException("The export has no timestamp column (name one with --timestamp)");
        }
        String text = cell.strip();
        if (isMissing(text)) {
            return Optional.empty();
        }
        checkDecoded(cell, timestamp, line);
        try {
            return Optional.of(timestampFormat.parse(text, timestampZone));
        } catch (DateTimeException e) {
            throw new CsvValueException(line, timestamp + 1, "not a timestamp in the form "
                    + timestampFormat.name() + " (choose another with --timestamp-format PATTERN)", cell);
        }
    }

    /** Whether the timestamp column's values are ISO-8601, which need no conversion to be read as such. */
    public boolean isoTimestamps() {
        return timestampFormat == TimestampFormats.ISO_8601;
    }

    /**
     * A decimal number, such as minutes or a weight, with a decimal point or a decimal comma
     * ({@code 34,0}).
     *
     * @param cell   the cell's text
     * @param column the 0-based column, for the message
     * @param line   the 1-based line, for the message
     * @return the number, or empty when not answered
     * @throws CsvValueException if the cell is not a finite number, or has both {@code .} and
     *                           {@code ,} (a thousands separator is not guessed)
     */
    public OptionalDouble decimal(String cell, int column, long line) {
        String text = cell.strip();
        if (isMissing(text)) {
            return OptionalDouble.empty();
        }
        checkDecoded(cell, column, line);
        String normal = text.indexOf('.') < 0 && text.indexOf(',') == text.lastIndexOf(',') ? text.replace(',', '.') : text;
        if (normal.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?")) {
            double value = Double.parseDouble(normal);
            if (Double.isFinite(value)) {
                return OptionalDouble.of(value);
            }
        }
        throw new CsvValueException(line, column + 1, "not a number (decimal point or comma, no thousands separator)",
                cell);
    }

    /**
     * Why the survey tool marks a record as not a real response, if it does: a Qualtrics
     * {@code Status} other than {@code 0} or {@code IP Address} ({@code "preview, test or spam"}),
     * or {@code Finished} = {@code 0} or {@code False} ({@code "unfinished"}, unless the options
     * include unfinished responses).
     *
     * @param cell the record's cell by 0-based column ({@code ""} for a column the record lacks)
     * @return the reason, or empty for a response that counts
     */
    public Optional<String> exclusion(IntFunction<String> cell) {
        if (status >= 0) {
            String s = cell.apply(status).strip();
            if (!(s.isEmpty() || s.equals("0") || s.equalsIgnoreCase("IP Address"))) {
                return Optional.of(EXCLUDED_PREVIEW);
            }
        }
        if (!includeUnfinished && finished >= 0) {
            String f = cell.apply(finished).strip();
            if (f.equals("0") || f.equalsIgnoreCase("false")) {
                return Optional.of(EXCLUDED_UNFINISHED);
            }
        }
        return Optional.empty();
    }

    /** Whether {@link #exclusion} can exclude anything (the export has a status or finished column). */
    public boolean excludes() {
        return status >= 0 || finished >= 0 && !includeUnfinished;
    }

    int requireScore(String kind) {
        int i = scoreColumn(kind);
        if (i < 0) {
            throw new IllegalArgumentException("No " + kind + " column in the export (name one with --column "
                    + kind.toLowerCase(Locale.ROOT) + "=NAME)");
        }
        return i;
    }

    private static OptionalInt parseInt(String text) {
        if (!text.matches("[+-]?\\d{1,9}")) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(Integer.parseInt(text));
    }

    private void checkDecoded(String raw, int column, long line) {
        if (raw.indexOf('\uFFFD') >= 0) {
            throw new CsvValueException(line, column + 1, "bytes not valid in the encoding "
                    + encoding + " (choose the encoding with --encoding)", raw);
        }
    }
}
