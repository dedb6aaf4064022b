package io.github.cxmetrics.report.scan;

import io.github.cxmetrics.report.grouping.ReportGrouping;
import io.github.cxmetrics.io.BadRowException;
import io.github.cxmetrics.io.CsvHeader;
import io.github.cxmetrics.io.CsvReader;
import io.github.cxmetrics.survey.Dedup;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Respondent deduplication ({@code --respondent}) in two passes over a file. The first pass
 * ({@link #scan}) offers every row with a respondent id and a readable timestamp to a
 * {@link Dedup} (first or latest, overall or per period) with its line number as payload, and keeps
 * only the sorted line numbers of the survivors. The report's pass then asks
 * {@link #isDuplicate} of each row: a row with a respondent id whose line was not kept is a
 * duplicate. Rows without a respondent id cannot be matched and are kept.
 *
 * <p>Memory: one entry per distinct respondent (or respondent and period) during the scan, one
 * long per kept row afterwards; no row is held.
 */
final class RespondentFilter {
    private final int respondentColumn;
    private final int timeColumn;
    private final TimestampParser timestamps;
    private final long[] kept;
    private int next;

    private RespondentFilter(int respondentColumn, int timeColumn, TimestampParser timestamps, long[] kept) {
        this.respondentColumn = respondentColumn;
        this.timeColumn = timeColumn;
        this.timestamps = timestamps;
        this.kept = kept;
    }

    /**
     * The first pass.
     *
     * @throws IllegalArgumentException if the respondent or timestamp column is missing, or the
     *     options keep one response per period without a trend
     * @throws IOException if the input cannot be read
     */
    static RespondentFilter scan(InputStream in, ReportGrouping options) throws IOException {
        CsvReader reader = CsvReader.of(in, options.delimiter());
        return scan(reader, CsvHeader.read(reader), options, null);
    }

    /**
     * The first pass over a reader positioned after the header; with an export's values, the rows
     * the survey tool marks as not real responses are left out, as the report's pass leaves them out.
     */
    static RespondentFilter scan(CsvReader reader, CsvHeader header, ReportGrouping options,
            io.github.cxmetrics.io.ExportValues values) throws IOException {
        String column = options.respondentColumn();
        if (options.keepPerPeriod() && options.by() == null) {
            throw new IllegalArgumentException("Keeping one response per respondent per period needs a trend "
                    + "granularity (--by)");
        }
        int respondentColumn = require(header, column, "--respondent", options.delimiter());
        int timeColumn = require(header, options.timestampColumn(), "--timestamp", options.delimiter());
        TimestampParser timestamps = new TimestampParser(options.zone());
        Dedup<Long> dedup;
        if (options.keepPerPeriod()) {
            PeriodResolver periods = new PeriodResolver(options.by(), options.zone());
            dedup = Dedup.keep(options.keep(), periods::resolve);
        } else {
            dedup = Dedup.keep(options.keep());
        }
        int fields = header.size();
        while (reader.next()) {
            if (reader.fieldCount() != fields) {
                continue; // a bad row: rejected by the report's pass
            }
            if (values != null && values.excludes()
                    && values.exclusion(i -> i < reader.fieldCount() ? reader.field(i) : "").isPresent()) {
                continue; // not a response: left out by the report's pass too
            }
            String id;
            Instant at;
            try {
                id = reader.field(respondentColumn);
                if (id.isBlank()) {
                    continue;
                }
                at = timestamps.parse(reader.field(timeColumn).strip());
            } catch (IllegalArgumentException | io.github.cxmetrics.io.CsvFormatException unreadable) {
                continue; // a bad row (unreadable timestamp, or invalid UTF-8): rejected by the report's pass
            }
            dedup.offer(id, at, reader.line());
        }
        List<Long> lines = dedup.responses();
        long[] kept = new long[lines.size()];
        for (int i = 0; i < kept.length; i++) {
            kept[i] = lines.get(i);
        }
        Arrays.sort(kept);
        return new RespondentFilter(respondentColumn, timeColumn, timestamps, kept);
    }

    private static int require(CsvHeader header, String name, String option, char delimiter) {
        int index = header.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException("Missing required column \"" + name + "\" (" + option + ") "
                    + HeaderText.of(header, delimiter));
        }
        return index;
    }

    /**
     * Whether the current row of the report's pass (over the same file, rows in order) is a
     * duplicate to leave out.
     *
     * @throws BadRowException if the row's timestamp is missing or unreadable
     */
    boolean isDuplicate(CsvReader reader, CsvHeader header) {
        String raw = reader.field(timeColumn);
        if (raw.isBlank()) {
            throw new BadRowException(reader.line(), header.name(timeColumn), "missing timestamp");
        }
        try {
            timestamps.parse(raw.strip());
        } catch (IllegalArgumentException e) {
            throw new BadRowException(reader.line(), header.name(timeColumn), "\""
                    + (raw.length() <= 40 ? raw : raw.substring(0, 37) + "...")
                    + "\" is not a timestamp (ISO-8601 date-time with offset, local date-time, or date)");
        }
        if (reader.field(respondentColumn).isBlank()) {
            return false;
        }
        long line = reader.line();
        while (next < kept.length && kept[next] < line) {
            next++;
        }
        return next >= kept.length || kept[next] != line;
    }
}
