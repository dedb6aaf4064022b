package io.github.cxmetrics.report.scan;

import io.github.cxmetrics.calendar.HolidayCalendar;
import io.github.cxmetrics.report.grouping.ReportGrouping;
import io.github.cxmetrics.io.BadRowException;
import io.github.cxmetrics.io.CsvHeader;
import io.github.cxmetrics.io.CsvReader;
import io.github.cxmetrics.io.ExportValues;
import io.github.cxmetrics.ops.ResponseTimeHistogram;
import io.github.cxmetrics.ops.ResponseTimeHistogramAccumulator;
import io.github.cxmetrics.scale.Scale;
import io.github.cxmetrics.survey.Question;
import io.github.cxmetrics.survey.Survey;
import io.github.cxmetrics.survey.SurveyAccumulator;
import io.github.cxmetrics.ops.BusinessHours;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The operational columns of a report (response time, first-contact resolution, the KTO questions):
 * where they are in the header, the values of the current row, and new per-group tallies. The
 * response time is read from a minutes column, or measured between two timestamp columns (elapsed,
 * or in business hours).
 */
final class OpsColumns {
    /** How an export's cells are read, or null for the plain layout. */
    private ExportValues values;

    static final int NO_OUTCOME = -1;

    private final int responseColumn;
    private final int fcrColumn;
    private final Survey survey;
    private final int[] questionColumns;
    private final Duration target;
    private final int fromColumn;
    private final int toColumn;
    private final TimestampParser timestamps;
    private final BusinessHours businessHours;

    // the current row, valid after read()
    private boolean hasMinutes;
    private double minutes;
    private Duration elapsed;
    private boolean open;
    private int outcome = NO_OUTCOME;
    private final int[] answers;
    private int answered;

    private OpsColumns(int responseColumn, int fcrColumn, Survey survey, int[] questionColumns, Duration target,
            int fromColumn, int toColumn, ReportGrouping options) {
        this.fromColumn = fromColumn;
        this.toColumn = toColumn;
        this.timestamps = new TimestampParser(options.zone());
        this.businessHours = options.businessHours() == null ? null : options.businessHours().in(options.zone(), options.holidays());
        this.responseColumn = responseColumn;
        this.fcrColumn = fcrColumn;
        this.survey = survey;
        this.questionColumns = questionColumns;
        this.target = target;
        this.answers = survey == null ? new int[0] : new int[survey.size()];
    }

    /**
     * Finds the columns: a named column must exist, a default one is used when present.
     *
     * @throws IllegalArgumentException if a named column or a survey question's column is missing,
     *     or business hours are set without response timestamps, or holidays without business hours
     *     or day tallies
     */
    static OpsColumns resolve(CsvHeader header, ReportGrouping options) {
        if (options.businessHours() != null && options.responseFromColumn() == null) {
            throw new IllegalArgumentException("Business hours (--business-hours) measure the time between response "
                    + "timestamps: set them with --response-from COLUMN --response-to COLUMN");
        }
        if (!options.holidays().equals(HolidayCalendar.NONE) && options.businessHours() == null && !options.days()) {
            throw new IllegalArgumentException("Holidays (--holidays) need business hours (--business-hours) or "
                    + "calendar effects (--calendar)");
        }
        boolean stamped = options.responseFromColumn() != null;
        char d = options.delimiter();
        int from = stamped ? find(header, options.responseFromColumn(), true, "--response-from", d) : -1;
        int to = stamped ? find(header, options.responseToColumn(), true, "--response-to", d) : -1;
        int response = stamped ? -1
                : find(header, options.effectiveResponseColumn(), options.responseColumn() != null, "--column response", d);
        int fcr = find(header, options.effectiveFcrColumn(), options.fcrColumn() != null, "--column fcr", d);
        Survey survey = options.survey();
        int[] questions = new int[0];
        if (survey != null) {
            List<Question> list = survey.questions();
            questions = new int[list.size()];
            for (int i = 0; i < questions.length; i++) {
                questions[i] = find(header, list.get(i).id(), true, "--survey question", d);
            }
        }
        return new OpsColumns(response, fcr, survey, questions, options.responseTarget(), from, to, options);
    }

    private static int find(CsvHeader header, String name, boolean required, String option, char delimiter) {
        int index = header.indexOf(name);
        if (index < 0 && required) {
            throw new IllegalArgumentException("Missing required column \"" + name + "\" (" + option
                    + ") " + HeaderText.of(header, delimiter));
        }
        return index;
    }

    /** Whether the report has response times (a minutes column or two timestamp columns). */
    boolean hasResponseTime() {
        return responseColumn >= 0 || fromColumn >= 0;
    }

    /** Whether the report has first-contact resolution. */
    boolean hasFcr() {
        return fcrColumn >= 0;
    }

    /** Whether the report has a KTO survey. */
    boolean hasSurvey() {
        return survey != null;
    }

    /** The column of response minutes, or -1 (none, or response timestamps instead). */
    int responseColumn() {
        return responseColumn;
    }

    /** The column of first-contact resolution, or -1. */
    int fcrColumn() {
        return fcrColumn;
    }

    /** Whether response times are measured between two timestamp columns. */
    boolean isStamped() {
        return fromColumn >= 0;
    }

    /**
     * The outcome of a first-contact resolution cell as the general path reads it (stripped, any
     * case): 1 for yes, 0 for no, {@link #NO_OUTCOME} for blank, or -2 for anything else (a bad row).
     */
    static int outcome(String raw) {
        String word = raw.strip().toLowerCase(Locale.ROOT);
        return word.isEmpty() ? NO_OUTCOME : YES.contains(word) ? 1 : NO.contains(word) ? 0 : -2;
    }

    /** The spellings of a yes and of a no outcome, in lower case (any case is read). */
    static final List<String> YES = List.of("true", "yes", "y", "1");
    static final List<String> NO = List.of("false", "no", "n", "0");

    /** Whether the report has any operational KPI. */
    boolean isActive() {
        return responseColumn >= 0 || fromColumn >= 0 || fcrColumn >= 0 || survey != null;
    }

    /** Empty tallies for one group. */
    OpsTallies newTallies() {
        return new OpsTallies(responseColumn >= 0 || fromColumn >= 0 ? new ResponseTimeHistogramAccumulator(
                ResponseTimeHistogram.DEFAULT_RELATIVE_ACCURACY, target) : null,
                fcrColumn >= 0 ? new io.github.cxmetrics.ops.OutcomeAccumulator() : null,
                survey != null ? new SurveyAccumulator(survey) : null);
    }

    /** Empty tallies for one group, with weighted response times and FCR when weighted. */
    OpsTallies newTallies(boolean weighted) {
        OpsTallies t = newTallies();
        return weighted ? t.weighted(new io.github.cxmetrics.ops.WeightedResponseTimeHistogramAccumulator(
                ResponseTimeHistogram.DEFAULT_RELATIVE_ACCURACY, target),
                new io.github.cxmetrics.ops.WeightedOutcomeAccumulator()) : t;
    }

    /**
     * Reads and checks the operational values of the current row, changing nothing else.
     *
     * @throws BadRowException for a response time that is not a number of minutes ≥ 0, a response
     *     timestamp that is unreadable, an end without a start or before it, an outcome that is not
     *     a yes or no, or a KTO answer off its question's scale
     */
    void read(CsvReader reader, CsvHeader header) {
        hasMinutes = false;
        elapsed = null;
        open = false;
        if (fromColumn >= 0) {
            readTimestamps(reader, header);
        }
        outcome = NO_OUTCOME;
        if (responseColumn >= 0 && !reader.isEmpty(responseColumn) && !isMissing(reader, responseColumn)) {
            String raw = reader.field(responseColumn).strip();
            if (values != null) {
                raw = StreamingPass.decimalPoint(raw);
            }
            if (raw.isEmpty() || !isDecimal(raw)) {
                throw bad(reader, header, responseColumn, raw, "is not a number of minutes >= 0");
            }
            double value = Double.parseDouble(raw);
            if (!(value < MAX_MINUTES)) {
                throw bad(reader, header, responseColumn, raw, "is not a number of minutes >= 0");
            }
            minutes = value;
            hasMinutes = true;
        }
        if (fcrColumn >= 0 && !reader.isEmpty(fcrColumn) && !isMissing(reader, fcrColumn)) {
            outcome = outcome(reader.field(fcrColumn));
            if (outcome == -2) {
                throw bad(reader, header, fcrColumn, reader.field(fcrColumn),
                        "is not a yes or no (true/false, yes/no, y/n, 1/0)");
            }
        }
        if (survey != null) {
            answered = 0;
            Arrays.fill(answers, Survey.MISSING);
            for (int q = 0; q < answers.length; q++) {
                int column = questionColumns[q];
                String raw = reader.field(column);
                if (raw.isBlank() || values != null && values.isMissing(raw)) {
                    continue;
                }
                Scale scale = survey.questions().get(q).scale();
                try {
                    answers[q] = scale.parseScore(raw);
                } catch (IllegalArgumentException e) {
                    throw bad(reader, header, column, raw, "is not on the " + scale.kind() + " scale " + scale.min()
                            + ".." + scale.max());
                }
                answered++;
            }
        }
    }

    /**
     * The response time between the two timestamps: both empty is no contact, a start alone is
     * open (not answered yet), an end alone or an end before the start is a bad row.
     */
    private void readTimestamps(CsvReader reader, CsvHeader header) {
        String rawFrom = reader.field(fromColumn).strip();
        String rawTo = reader.field(toColumn).strip();
        if (rawFrom.isEmpty()) {
            if (!rawTo.isEmpty()) {
                throw new BadRowException(reader.line(), header.name(fromColumn), "is empty but "
                        + header.name(toColumn) + " is not (a response needs its start)");
            }
            return;
        }
        Instant start = timestamp(reader, header, fromColumn, rawFrom);
        if (rawTo.isEmpty()) {
            open = true;
            return;
        }
        Instant end = timestamp(reader, header, toColumn, rawTo);
        if (end.isBefore(start)) {
            throw bad(reader, header, toColumn, rawTo, "is before its start in " + header.name(fromColumn));
        }
        if (businessHours == null) {
            elapsed = Duration.between(start, end);
        } else {
            try {
                elapsed = businessHours.between(start, end);
            } catch (IllegalArgumentException e) {
                // a date outside the holiday calendar's years
                throw bad(reader, header, toColumn, rawTo, "cannot be measured in business hours: " + e.getMessage());
            }
        }
        if (!(elapsed.getSeconds() < MAX_MINUTES * 60)) {
            throw bad(reader, header, toColumn, rawTo, "is too far after its start (more than 292 years)");
        }
    }

    private Instant timestamp(CsvReader reader, CsvHeader header, int column, String raw) {
        try {
            return timestamps.parse(raw);
        } catch (IllegalArgumentException e) {
            throw bad(reader, header, column, raw,
                    "is not a timestamp (ISO-8601 date-time with offset, local date-time, or date)");
        }
    }

    /**
     * Reads an export's cells as its values do: missing-value markers ({@code NA}, …) are not
     * answered, and minutes may have a decimal comma.
     */
    OpsColumns withValues(ExportValues exportValues) {
        this.values = exportValues;
        return this;
    }

    private boolean isMissing(CsvReader reader, int column) {
        return values != null && values.isMissing(reader.field(column));
    }

    /** Durations beyond about 292 years do not fit the histogram's nanoseconds. */
    static final double MAX_MINUTES = Long.MAX_VALUE / 60_000_000_000.0;

    /** Digits with at most one decimal point (no sign, exponent, NaN or infinity). */
    static boolean isDecimal(String s) {
        boolean digit = false;
        boolean point = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (c == '.' && !point) {
                point = true;
            } else {
                return false;
            }
        }
        return digit;
    }

    private static BadRowException bad(CsvReader reader, CsvHeader header, int column, String raw, String what) {
        String shown = raw.length() <= 40 ? raw : raw.substring(0, 37) + "...";
        return new BadRowException(reader.line(), header.name(column), "\"" + shown + "\" " + what);
    }

    /** Adds the current row's values to a group. */
    void addTo(OpsTallies group) {
        addTo(group, 1);
    }

    /** Adds the current row's values to a group's tallies, with the row's weight where they are weighted. */
    void addTo(OpsTallies group, double weight) {
        if (hasMinutes) {
            group.response().addMinutes(minutes);
            if (group.weightedResponse() != null) {
                group.weightedResponse().addMinutes(minutes, weight);
            }
        }
        if (elapsed != null) {
            group.response().add(elapsed);
            if (group.weightedResponse() != null) {
                group.weightedResponse().add(elapsed, weight);
            }
        }
        if (open) {
            group.addOpen();
        }
        if (outcome != NO_OUTCOME) {
            group.fcr().add(outcome == 1);
            if (group.weightedFcr() != null) {
                group.weightedFcr().add(outcome == 1, weight);
            }
        }
        if (answered > 0) {
            if (group.kto().isWeighted()) {
                group.kto().addWeighted(weight, answers);
            } else {
                group.kto().add(answers);
            }
        }
    }
}
