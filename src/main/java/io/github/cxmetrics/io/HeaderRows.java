package io.github.cxmetrics.io;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The column names of an export, read from its vendor's header rows.
 *
 * <p>Detection, from the first three records:
 * <ul>
 * <li>{@link ExportFormat#QUALTRICS_LEGACY}: row 1 starts {@code V1,V2} and row 2 exists; a
 *     column named {@code V<n>} takes its row-2 name (such as {@code StartDate}), others keep
 *     their row-1 id ({@code Q1}); 2 header rows;
 * <li>{@link ExportFormat#QUALTRICS}: at least half of the non-empty cells of row 3 start with
 *     {@code {"ImportId":}; names from row 1, the {@code "timeZone"} of each column from row 3; 3
 *     header rows;
 * <li>{@link ExportFormat#SURVEYMONKEY}: row 1 holds {@code Respondent ID} (or the older
 *     {@code RespondentID}; {@code Collector ID} may have been removed), the row-2 cell under it is
 *     empty and row 2 holds {@code Response} or
 *     {@code Open-Ended Response}; a column whose row-2 cell is empty, {@code Response} or
 *     {@code Open-Ended Response} is named by its row-1 question, any other by
 *     {@code Question - Choice}, the question carried from the nearest non-empty row-1 cell on the
 *     left; 2 header rows;
 * <li>else {@link ExportFormat#PLAIN}: row 1, 1 header row.
 * </ul>
 *
 * @param format   the detected layout
 * @param names    the column names, in file order
 * @param rows     the number of header records
 * @param zones    per column, the zone the export writes for it (Qualtrics {@code timeZone}), if any
 */
record HeaderRows(ExportFormat format, List<String> names, int rows, List<Optional<ZoneId>> zones) {
    private static final Pattern IMPORT_ID = Pattern.compile("\\s*\\{\\s*\"ImportId\"\\s*:.*", Pattern.DOTALL);
    private static final Pattern TIME_ZONE = Pattern.compile("\"timeZone\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern LEGACY_ID = Pattern.compile("V\\d+");

    /**
     * Detects the layout.
     *
     * @param records the first (up to) three records
     * @param line    the physical line of the first record, for messages
     */
    static HeaderRows detect(List<String[]> records, long line) {
        if (records.isEmpty()) {
            throw new CsvFormatException(line, 0, "empty file: no header row");
        }
        String[] row1 = records.get(0);
        String[] row2 = records.size() > 1 ? records.get(1) : null;
        String[] row3 = records.size() > 2 ? records.get(2) : null;
        if (row2 != null && row1.length >= 2 && row1[0].strip().equals("V1") && row1[1].strip().equals("V2")) {
            String[] names = new String[row1.length];
            for (int i = 0; i < row1.length; i++) {
                names[i] = LEGACY_ID.matcher(row1[i].strip()).matches() && i < row2.length ? row2[i] : row1[i];
            }
            return plainZones(ExportFormat.QUALTRICS_LEGACY, names, 2);
        }
        if (row3 != null && isImportIdRow(row3)) {
            List<Optional<ZoneId>> zones = new ArrayList<>();
            for (int i = 0; i < row1.length; i++) {
                zones.add(i < row3.length ? zoneOf(row3[i], line + 2, i + 1) : Optional.empty());
            }
            return new HeaderRows(ExportFormat.QUALTRICS, List.of(row1), 3, List.copyOf(zones));
        }
        if (row2 != null && isSurveyMonkey(row1, row2)) {
            String[] names = new String[row1.length];
            String question = "";
            for (int i = 0; i < row1.length; i++) {
                if (!row1[i].isBlank()) {
                    question = row1[i].strip();
                }
                String sub = i < row2.length ? row2[i].strip() : "";
                boolean plain = sub.isEmpty() || sub.equalsIgnoreCase("Response") || sub.equalsIgnoreCase("Open-Ended Response");
                names[i] = plain ? question : question + " - " + sub;
            }
            return plainZones(ExportFormat.SURVEYMONKEY, names, 2);
        }
        return plainZones(ExportFormat.PLAIN, row1, 1);
    }

    private static HeaderRows plainZones(ExportFormat format, String[] names, int rows) {
        Optional<ZoneId> none = Optional.empty();
        List<Optional<ZoneId>> zones = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            zones.add(none);
        }
        return new HeaderRows(format, List.of(names), rows, List.copyOf(zones));
    }

    private static boolean isImportIdRow(String[] row) {
        int nonEmpty = 0;
        int importIds = 0;
        for (String cell : row) {
            if (!cell.isBlank()) {
                nonEmpty++;
                if (IMPORT_ID.matcher(cell).matches()) {
                    importIds++;
                }
            }
        }
        return importIds > 0 && 2 * importIds >= nonEmpty;
    }

    private static Optional<ZoneId> zoneOf(String cell, long line, int column) {
        Matcher m = TIME_ZONE.matcher(cell);
        if (!m.find()) {
            return Optional.empty();
        }
        String zone = m.group(1);
        try {
            return Optional.of(zone.equals("Z") ? ZoneOffset.UTC : ZoneId.of(zone));
        } catch (java.time.DateTimeException e) {
            throw new CsvValueException(line, column, "unknown time zone in Qualtrics ImportId", zone);
        }
    }

    private static boolean isSurveyMonkey(String[] row1, String[] row2) {
        List<String> names = Arrays.stream(row1).map(ColumnNames::compact).toList();
        int respondent = names.indexOf("respondentid");
        if (respondent < 0) {
            return false;
        }
        if (respondent < row2.length && !row2[respondent].isBlank()) {
            return false;
        }
        return Arrays.stream(row2).map(String::strip)
                .anyMatch(s -> s.equalsIgnoreCase("Response") || s.equalsIgnoreCase("Open-Ended Response"));
    }
}
