package io.github.cxmetrics.io;

import io.github.cxmetrics.scale.Scale;
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
 * <p>The values are read by the reader's {@link ExportValues}: missing-value markers, labels,
 * timestamp forms and decimal commas as it describes.
 *
 * @since 0.1.0
 */
public final class ExportRow {
    private final String[] cells;
    private final long line;
    private final ExportValues values;

    ExportRow(String[] cells, long line, ExportValues values) {
        this.cells = cells;
        this.line = line;
        this.values = values;
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
        return cell(values.names.require(column, "a cell", "ExportRow.cell"));
    }

    /** The cells, in file order. */
    public List<String> cells() {
        return List.of(cells);
    }

    /**
     * The score of the column that holds the scale's kind ({@link ExportLayout#scoreColumns()}),
     * as {@link ExportValues#score(String, int, Scale, long)} reads it.
     *
     * @param scale the scale the column is on; it decides which vocabulary applies
     * @return the score, or empty when the question was not answered
     * @throws IllegalArgumentException if the export has no column for the scale's kind
     * @throws CsvValueException        if the cell is not a score on the scale
     */
    public OptionalInt score(Scale scale) {
        int column = values.requireScore(scale.kind());
        return values.score(cell(column), column, scale, line);
    }

    /**
     * The response time, read in the detected {@link ExportLayout#timestampFormat()}.
     *
     * @return the instant, or empty when there is no timestamp column or the cell is not answered
     * @throws CsvValueException if the cell is not in the column's form
     */
    public Optional<Instant> submittedAt() {
        int column = values.timestampColumn();
        return column < 0 ? Optional.empty() : values.timestamp(cell(column), line);
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
        int index = values.names.require(column, "a number", "ExportRow.decimal");
        return values.decimal(cell(index), index, line);
    }

    @Override
    public String toString() {
        return "ExportRow[line " + line + ": " + Arrays.toString(cells) + "]";
    }
}
