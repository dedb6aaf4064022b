package io.github.cxmetrics.io;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@link ExportReader} detected in an export: the facts a report shows in its input section.
 *
 * <p>Get one from {@link ExportReader#layout()}. Immutable and thread-safe.
 *
 * @param format          the header layout (Qualtrics, SurveyMonkey, …, or plain)
 * @param encoding        the encoding read, such as {@code UTF-8}, {@code UTF-16LE (BOM)} or {@code windows-1252}
 * @param charset         that encoding, to read the file with ({@link CsvReader#of(java.io.InputStream, char, java.nio.charset.Charset)})
 * @param delimiter       the field separator: {@code ','}, {@code ';'}, {@code '\t'} or {@code '|'}
 * @param excelSepLine    whether the file starts with Excel's {@code sep=} line
 * @param headerRows      the number of header records of the layout (1 plain, 2 SurveyMonkey and
 *                        legacy Qualtrics, 3 Qualtrics), not counting the {@code sep=} line
 * @param skippedRows     the records skipped after the header rows, as chosen in the options
 * @param columns         the column names, as the layout names them, in file order
 * @param timestampColumn the column the response time is read from, if any
 * @param timestampFormat the form its values are read in, such as {@code d/M/yyyy [H:mm[:ss]]}, if
 *                        there is a timestamp column
 * @param timestampZone   the zone of timestamps that do not name one: the export's own (Qualtrics
 *                        {@code timeZone}, a header saying {@code (UTC)}) or else the options' zone
 * @param scoreColumns    for each scale kind found ({@code CES}, {@code CSAT}, {@code NPS}, in this
 *                        order), the column read
 * @param notes           what the reader decided that a user should know, such as an encoding fallback
 *
 * @since 0.1.0
 */
public record ExportLayout(ExportFormat format, String encoding, java.nio.charset.Charset charset, char delimiter, boolean excelSepLine,
        int headerRows, int skippedRows, List<String> columns, Optional<String> timestampColumn,
        Optional<String> timestampFormat, ZoneId timestampZone, Map<String, String> scoreColumns,
        List<String> notes) {

    /** Copies the lists and the map (sorted by kind). */
    public ExportLayout {
        columns = List.copyOf(columns);
        scoreColumns = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(scoreColumns));
        notes = List.copyOf(notes);
    }

    /** The physical records before the first data record: the {@code sep=} line, header rows and skipped rows. */
    public int recordsBeforeData() {
        return (excelSepLine ? 1 : 0) + headerRows + skippedRows;
    }
}
