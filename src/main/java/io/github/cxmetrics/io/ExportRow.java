package io.github.cxmetrics.io;

import io.github.cxmetrics.scale.Scale;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * One data record of an export: its cells as decoded text and the values the report reads from
 * them.
 *
 * <p>Get rows from {@link ExportReader#row()}. Immutable. The value accessors apply the reader's
 * options and throw {@link CsvValueException} naming the line, the 1-based column, the text and
 * the option that would read it.
 *
 * <p>Not answered: an empty cell and the missing-value markers of the options (by default
 * {@code NA}, {@code N/A}, {@code #N/A}, {@code -}, {@code null}, case-insensitive), and for a
 * CSAT column Zendesk's {@code offered} and {@code unoffered}.
 *
 * @since 0.1.0
 */
public final class ExportRow {
    private final String[] cells;
    private final long line;
    private final ExportReader.Columns columns;

    ExportRow(String[] cells, long line, ExportReader.Columns columns) {
        this.cells = cells;
        this.line = line;
        this.columns = columns;
    }

    /** The 1-based physical line on which the record starts. */
    public long line() {
        return line;
    }

    /** The number of cells in this record (a ragged record may have fewer than the header). */
    public int size() {
        return cells.length;
    }

    /**
     * The text of a cell, or {@code ""} for a column this (short) record lacks.
     *
     * @param column the 0-based column index
     * @throws IndexOutOfBoundsException if {@code column} is negative
     */
    public String cell(int column) {
        Objects.checkIndex(column, Integer.MAX_VALUE);
        return column < cells.length ? cells[column] : "";
    }

    /**
     * The text of a cell by column name (case-insensitive, trimmed).
     *
     * @throws IllegalArgumentException if there is no such column
     */
    public String cell(String column) {
        return cell(columns.names.require(column, "a cell", "ExportRow.cell"));
    }

    /** The cells, in file order. */
    public List<String> cells() {
        return List.of(cells);
    }

    /**
     * The score of the column that holds the scale's kind ({@link ExportLayout#scoreColumns()}):
     * an integer, a label a built-in vocabulary or a {@link LabelMapping} knows, or nothing when not
     * answered.
     *
     * @param scale the scale the column is on; it decides which vocabulary applies
     * @return the score, or empty when the question was not answered
     * @throws IllegalArgumentException if the export has no column for the scale's kind
     * @throws CsvValueException        if the cell is not a score on the scale
     */
    public OptionalInt score(Scale scale) {
        int column = columns.score(scale.kind());
        String raw = cell(column);
        String text = raw.strip();
        if (columns.isMissing(text) || ScoreLabels.isNotRated(text, scale)) {
            return OptionalInt.empty();
        }
        checkDecoded(raw, column);
        OptionalInt score = parseInt(text);
        if (score.isEmpty()) {
            score = columns.mapping(column).flatMap(m -> box(m.scoreOf(text))).map(OptionalInt::of)
                    .orElseGet(() -> ScoreLabels.scoreOf(text, scale));
        }
        if (score.isEmpty()) {
            throw new CsvValueException(line, column + 1, "unknown label (vocabulary in use: "
                    + ScoreLabels.describe(scale) + "; map it with --labels 'COLUMN=Label=1,Other=2')", raw);
        }
        if (!scale.contains(score.getAsInt())) {
            throw new CsvValueException(line, column + 1, "not on the scale " + scale + " (valid values "
                    + scale.min() + " - " + scale.max() + "; other missing-value markers: --na)", raw);
        }
        return score;
    }

    private static Optional<Integer> box(OptionalInt i) {
        return i.isPresent() ? Optional.of(i.getAsInt()) : Optional.empty();
    }

    private static OptionalInt parseInt(String text) {
        if (!text.matches("[+-]?\\d{1,9}")) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(Integer.parseInt(text));
    }

    /**
     * The response time, read in the detected {@link ExportLayout#timestampFormat()}.
     *
     * @return the instant, or empty when there is no timestamp column or the cell is not answered
     * @throws CsvValueException if the cell is not in the column's form
     */
    public Optional<Instant> submittedAt() {
        int column = columns.timestamp;
        if (column < 0) {
            return Optional.empty();
        }
        String raw = cell(column);
        String text = raw.strip();
        if (columns.isMissing(text)) {
            return Optional.empty();
        }
        checkDecoded(raw, column);
        try {
            return Optional.of(columns.timestampFormat.parse(text, columns.timestampZone));
        } catch (DateTimeException e) {
            throw new CsvValueException(line, column + 1, "not a timestamp in the form "
                    + columns.timestampFormat.name() + " (choose another with --timestamp-format PATTERN)", raw);
        }
    }

    /**
     * A decimal number from a named column, such as minutes or a weight, with a decimal point or
     * a decimal comma ({@code 34,0}).
     *
     * @return the number, or empty when not answered
     * @throws IllegalArgumentException if there is no such column
     * @throws CsvValueException        if the cell is not a finite number, or has both {@code .}
     *                                  and {@code ,} (a thousands separator is not guessed)
     */
    public OptionalDouble decimal(String column) {
        int index = columns.names.require(column, "a number", "ExportRow.decimal");
        String raw = cell(index);
        String text = raw.strip();
        if (columns.isMissing(text)) {
            return OptionalDouble.empty();
        }
        checkDecoded(raw, index);
        String normal = text.indexOf('.') < 0 && text.indexOf(',') == text.lastIndexOf(',') ? text.replace(',', '.') : text;
        if (normal.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?")) {
            double value = Double.parseDouble(normal);
            if (Double.isFinite(value)) {
                return OptionalDouble.of(value);
            }
        }
        throw new CsvValueException(line, index + 1, "not a number (decimal point or comma, no thousands separator)", raw);
    }

    private void checkDecoded(String raw, int column) {
        if (raw.indexOf('\uFFFD') >= 0) {
            throw new CsvValueException(line, column + 1, "bytes not valid in the encoding "
                    + columns.encoding + " (choose the encoding with --encoding)", raw);
        }
    }

    @Override
    public String toString() {
        return "ExportRow[line " + line + ": " + Arrays.toString(cells) + "]";
    }
}
