package io.github.cxmetrics.report.grouping;

import io.github.cxmetrics.calendar.Granularity;
import io.github.cxmetrics.calendar.HolidayCalendar;
import io.github.cxmetrics.design.PopulationMargin;
import io.github.cxmetrics.io.ExportReader;
import io.github.cxmetrics.io.LabelMapping;
import io.github.cxmetrics.scale.CesScale;
import io.github.cxmetrics.scale.CsatScale;
import io.github.cxmetrics.survey.Dedup;
import io.github.cxmetrics.survey.Survey;
import io.github.cxmetrics.trend.Metric;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a report reads its rows and puts them into groups: every option that decides which row goes
 * into which tally. The scan fills its tallies by it, the archive of stored tallies saves it, and
 * {@code --from-tallies} checks the command line against the saved one. What only turns tallies
 * into numbers (confidence, interval methods, minimum n, targets, as-of date, threads) is not here
 * but in {@code ReportOptions}.
 *
 * <p>The text form is the command line's: {@link #toString()} writes the options that differ from
 * {@link #defaults()}, {@code --by week --segment channel --zone Europe/Amsterdam}, and
 * {@link #parse(String)} reads it back to an equal value. A value with a space, a quote, a
 * backslash or a control character is written in double quotes with backslash escapes
 * ({@code \"}, {@code \\}, {@code \n}, {@code \r}, {@code \t}, {@code \}{@code uXXXX}).
 *
 * <table>
 *   <caption>Components, their options and defaults</caption>
 *   <tr><th>component</th><th>option</th><th>default</th></tr>
 *   <tr><td>delimiter</td><td>{@code --delimiter ;} ({@code tab} for a tab)</td><td>{@code ,}</td></tr>
 *   <tr><td>metrics</td><td>{@code --metrics nps,csat}</td><td>empty: every score column found</td></tr>
 *   <tr><td>columns</td><td>{@code --column nps=NAME} (repeatable)</td><td>each metric's key</td></tr>
 *   <tr><td>responseColumn, fcrColumn</td><td>{@code --column response=NAME}, {@code --column fcr=NAME}</td>
 *       <td>null: {@value #RESPONSE_COLUMN}, {@value #FCR_COLUMN} when present</td></tr>
 *   <tr><td>timestampColumn</td><td>{@code --timestamp}</td><td>{@code submitted_at}</td></tr>
 *   <tr><td>zone</td><td>{@code --zone}</td><td>UTC ({@code Z})</td></tr>
 *   <tr><td>by</td><td>{@code --by day|week|month|quarter|year}</td><td>null: no trend</td></tr>
 *   <tr><td>segments</td><td>{@code --segment} (repeatable)</td><td>none</td></tr>
 *   <tr><td>weightColumn</td><td>{@code --weight}</td><td>null: unweighted</td></tr>
 *   <tr><td>rake</td><td>{@code --rake VAR=level:share,…} (repeatable, one per variable)</td><td>none: not raked</td></tr>
 *   <tr><td>csatScale, cesScale</td><td>{@code --csat-scale}, {@code --ces-scale}</td><td>CSAT 1–5, CES 1–7</td></tr>
 *   <tr><td>responseTarget</td><td>{@code --response-target} (minutes, {@code 90m}, {@code 2h}, ISO)</td>
 *       <td>2 hours</td></tr>
 *   <tr><td>responseFromColumn, responseToColumn</td><td>{@code --response-from}, {@code --response-to}</td>
 *       <td>null: minutes from a column</td></tr>
 *   <tr><td>businessHours</td><td>{@code --business-hours}</td><td>null: elapsed time</td></tr>
 *   <tr><td>holidays</td><td>{@code --holidays}</td><td>{@link HolidayCalendar#NONE}</td></tr>
 *   <tr><td>survey</td><td>{@code --survey-text} (the definition; the command line reads {@code --survey FILE})</td>
 *       <td>null</td></tr>
 *   <tr><td>respondentColumn, keep, keepPerPeriod</td><td>{@code --respondent}, {@code --keep},
 *       {@code --keep-per overall|period}</td><td>null, latest, overall</td></tr>
 *   <tr><td>onBadRow</td><td>{@code --on-bad-row fail|skip}</td><td>fail</td></tr>
 *   <tr><td>encoding</td><td>{@code --encoding utf-8|utf-16|windows-1252|iso-8859-1}</td><td>null: detected</td></tr>
 *   <tr><td>skipRows</td><td>{@code --skip-rows N}</td><td>0</td></tr>
 *   <tr><td>timestampFormat</td><td>{@code --timestamp-format PATTERN}</td><td>null: detected</td></tr>
 *   <tr><td>missingValues</td><td>{@code --na LIST} (comma-separated)</td><td>{@code NA,N/A,#N/A,-,null}</td></tr>
 *   <tr><td>labels</td><td>{@code --labels 'COLUMN=Label=1,Other=2'} (repeatable)</td><td>none</td></tr>
 *   <tr><td>includeUnfinished</td><td>{@code --include-unfinished} (a flag)</td><td>false</td></tr>
 *   <tr><td>days</td><td>{@code --days} (a flag of the text form; the command line sets it for
 *       {@code --calendar})</td><td>false</td></tr>
 * </table>
 *
 * <p>Adding a grouping option is one record component and one entry in the table of text options
 * (its flag, how it is written and read); the archive stores it and the command line reads and
 * compares it from there. Immutable and thread-safe; {@code equals} compares every component.
 *
 * @param delimiter the field delimiter: not a double quote, CR or LF
 * @param metrics the metrics asked for; empty for "every score column found"
 * @param columns the score columns that differ from the metric's key (entries equal to it are dropped)
 * @param responseColumn the response-time column (minutes) that must exist, or null for the
 *     default {@value #RESPONSE_COLUMN} when present
 * @param fcrColumn the first-contact resolution column that must exist, or null for the default
 *     {@value #FCR_COLUMN} when present
 * @param timestampColumn the column of each response's time
 * @param zone the calendar zone of the periods, and of timestamps without an offset
 * @param by the trend's granularity, or null without a trend
 * @param segments the segment columns, in the order asked
 * @param weightColumn the weight column, or null
 * @param csatScale the CSAT scale
 * @param cesScale the CES scale
 * @param responseTarget the response-time target, not negative
 * @param responseFromColumn the column of the response start timestamp, or null (both or neither
 *     with {@code responseToColumn}; not with {@code responseColumn})
 * @param responseToColumn the column of the response end timestamp, or null
 * @param businessHours the opening hours of business-time response times, or null for elapsed time
 * @param holidays the days closed all day in the business hours
 * @param survey the KTO survey to report, or null
 * @param respondentColumn the column identifying respondents to keep one response of, or null
 * @param keep which response of a respondent is kept
 * @param keepPerPeriod one response per respondent per trend period, instead of over the input
 * @param onBadRow what to do with a bad row
 * @param encoding the file's encoding, or null to detect it (a byte order mark, else UTF-8, else
 *     windows-1252 with a note)
 * @param skipRows records to skip after the header rows, not negative
 * @param timestampFormat the {@link java.time.format.DateTimeFormatter} pattern of the timestamps,
 *     or null to recognise the usual export forms
 * @param missingValues the markers of an unanswered question besides the empty cell, matched
 *     case-insensitively after trimming
 * @param labels the mappings of answer labels to scores beside the built-in vocabularies
 * @param includeUnfinished keep unfinished Qualtrics responses instead of excluding them
 * @param rake the population margins to rake the responses to (each variable a column; the
 *     weight column, if any, gives the base weights), in the order given; empty: not raked
 * @param days also tally the rows of each local day in {@code zone} (overall), which needs the
 *     timestamp column even without a trend: for calendar effects ({@code --calendar})
 * @since 0.1
 */
public record ReportGrouping(char delimiter, Set<Metric> metrics, Map<Metric, String> columns, String responseColumn,
        String fcrColumn, String timestampColumn, ZoneId zone, Granularity by, List<String> segments,
        String weightColumn, CsatScale csatScale, CesScale cesScale, Duration responseTarget,
        String responseFromColumn, String responseToColumn, OpeningHours businessHours, HolidayCalendar holidays,
        Survey survey, String respondentColumn, Dedup.Keep keep, boolean keepPerPeriod, BadRowPolicy onBadRow,
        Charset encoding, int skipRows, String timestampFormat, List<String> missingValues, List<LabelMapping> labels,
        boolean includeUnfinished, List<PopulationMargin> rake, boolean days) {

    /** The default response-time column, {@code first_response_minutes} (minutes, a decimal number). */
    public static final String RESPONSE_COLUMN = "first_response_minutes";
    /** The default first-contact resolution column, {@code resolved_first_contact} (true/false). */
    public static final String FCR_COLUMN = "resolved_first_contact";
    /** The default response-time target, 120 minutes: "answered within two hours". */
    public static final Duration DEFAULT_RESPONSE_TARGET = Duration.ofHours(2);

    private static final ReportGrouping DEFAULTS = new ReportGrouping(',', Set.of(), Map.of(), null, null,
            "submitted_at", ZoneOffset.UTC, null, List.of(), null, CsatScale.FIVE_POINT, CesScale.AGREEMENT_7,
            DEFAULT_RESPONSE_TARGET, null, null, null, HolidayCalendar.NONE, null, null, Dedup.Keep.LATEST, false,
            BadRowPolicy.FAIL, null, 0, null, ExportReader.Options.DEFAULT_MISSING_VALUES, List.of(), false, List.of(),
            false);

    /** The encodings {@code --encoding} names, by their option value. */
    private static final Map<String, Charset> ENCODINGS = encodings();

    /**
     * Checks and copies the components.
     *
     * @throws IllegalArgumentException if a column name is empty, the delimiter is a quote or line
     *     break, the response target is negative, only one response timestamp column is given, or
     *     a minutes column is given beside response timestamps
     * @throws NullPointerException if a component without a "null" in its description is null
     */
    public ReportGrouping {
        if (delimiter == '"' || delimiter == '\n' || delimiter == '\r') {
            throw new IllegalArgumentException("Invalid delimiter (one character other than a quote or newline): "
                    + (delimiter == '"' ? "'\"'" : "line break"));
        }
        metrics = metrics.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(metrics));
        Map<Metric, String> own = new EnumMap<>(Metric.class);
        columns.forEach((metric, name) -> {
            if (!requireName(name, "column").equals(Objects.requireNonNull(metric, "metric").key())) {
                own.put(metric, name);
            }
        });
        columns = Collections.unmodifiableMap(own);
        optionalName(responseColumn, "response column");
        optionalName(fcrColumn, "first-contact resolution column");
        requireName(timestampColumn, "timestamp column");
        Objects.requireNonNull(zone, "zone");
        segments = List.copyOf(segments);
        segments.forEach(s -> requireName(s, "segment column"));
        optionalName(weightColumn, "weight column");
        Objects.requireNonNull(csatScale, "csatScale");
        Objects.requireNonNull(cesScale, "cesScale");
        if (responseTarget.isNegative()) {
            throw new IllegalArgumentException("Invalid value for response target (valid values >= 0): "
                    + responseTarget);
        }
        optionalName(responseFromColumn, "response start column");
        optionalName(responseToColumn, "response end column");
        if ((responseFromColumn == null) != (responseToColumn == null)) {
            throw new IllegalArgumentException("Invalid response timestamps " + responseFromColumn + ", "
                    + responseToColumn + " (a start and an end column go together)");
        }
        if (responseFromColumn != null && responseColumn != null) {
            throw new IllegalArgumentException("Invalid response columns (a minutes column and response timestamps"
                    + " are mutually exclusive): minutes column " + responseColumn + ", timestamps " + responseFromColumn
                    + " and " + responseToColumn);
        }
        Objects.requireNonNull(holidays, "holidays");
        optionalName(respondentColumn, "respondent column");
        Objects.requireNonNull(keep, "keep");
        Objects.requireNonNull(onBadRow, "onBadRow");
        if (skipRows < 0) {
            throw new IllegalArgumentException("Invalid value for skipRows (valid values >= 0): " + skipRows);
        }
        if (timestampFormat != null) {
            timestampPattern(timestampFormat);
        }
        missingValues = List.copyOf(missingValues);
        labels = List.copyOf(labels);
        rake = List.copyOf(rake);
        Set<String> variables = new HashSet<>();
        for (PopulationMargin m : rake) {
            if (!variables.add(m.variable())) {
                throw new IllegalArgumentException("Invalid --rake: variable " + m.variable() + " given twice (one "
                        + "--rake per variable)");
            }
        }
    }

    /** The defaults listed in the class comment. */
    public static ReportGrouping defaults() {
        return DEFAULTS;
    }

    // ------------------------------------------------------------------ typed changes

    /** With another field delimiter, e.g. {@code ';'} for Dutch exports. */
    public ReportGrouping withDelimiter(char value) {
        return with("delimiter", value);
    }

    /**
     * Only these metrics; each must then have its column.
     *
     * @throws IllegalArgumentException if the set is empty
     */
    public ReportGrouping withMetrics(Set<Metric> value) {
        if (value.isEmpty()) {
            throw new IllegalArgumentException("Invalid metrics (at least one of nps, csat, ces): none");
        }
        return with("metrics", value);
    }

    /** Read a metric from the named column instead of its default ({@code nps}, {@code csat}, {@code ces}). */
    public ReportGrouping withColumn(Metric metric, String column) {
        Map<Metric, String> map = new EnumMap<>(Metric.class);
        map.putAll(columns);
        map.put(Objects.requireNonNull(metric, "metric"), requireName(column, "column"));
        return with("columns", map);
    }

    /** Read the time to first response, in minutes, from this column, which must then exist. */
    public ReportGrouping withResponseColumn(String column) {
        return with("responseColumn", requireName(column, "response column"));
    }

    /** Read first-contact resolution from this column, which must then exist. */
    public ReportGrouping withFcrColumn(String column) {
        return with("fcrColumn", requireName(column, "first-contact resolution column"));
    }

    /** The column holding each response's time. */
    public ReportGrouping withTimestampColumn(String column) {
        return with("timestampColumn", column);
    }

    /** The calendar zone of the trend's periods, and of timestamps without an offset. */
    public ReportGrouping withZone(ZoneId value) {
        return with("zone", value);
    }

    /** Add a trend by day, ISO week, month, quarter or year. */
    public ReportGrouping withBy(Granularity value) {
        return with("by", Objects.requireNonNull(value, "by"));
    }

    /** Add a breakdown by this column (repeatable). */
    public ReportGrouping withSegment(String column) {
        List<String> list = new ArrayList<>(segments);
        list.add(requireName(column, "segment column"));
        return with("segments", list);
    }

    /** Weight each response by this column's value. */
    public ReportGrouping withWeightColumn(String column) {
        return with("weightColumn", requireName(column, "weight column"));
    }

    /**
     * Rake the responses to these population shares of a column as well (repeatable, one per
     * column): the weights of every score and operational KPI become the raking weights, with the
     * weight column, if any, as base weights.
     *
     * @throws IllegalArgumentException if the column already has margins
     */
    public ReportGrouping withRake(PopulationMargin margin) {
        List<PopulationMargin> list = new ArrayList<>(rake);
        list.add(Objects.requireNonNull(margin, "margin"));
        return with("rake", list);
    }

    /** Whether the scores are weighted: by a weight column, raking, or both. */
    public boolean isWeighted() {
        return weightColumn != null || !rake.isEmpty();
    }

    /** The CSAT scale. */
    public ReportGrouping withCsatScale(CsatScale value) {
        return with("csatScale", value);
    }

    /** The CES scale. */
    public ReportGrouping withCesScale(CesScale value) {
        return with("cesScale", value);
    }

    /** The response-time target: a response within it ({@code time ≤ target}) counts as within target. */
    public ReportGrouping withResponseTarget(Duration value) {
        return with("responseTarget", Objects.requireNonNull(value, "responseTarget"));
    }

    /**
     * Measure each row's response time from the timestamp in {@code fromColumn} (contact received)
     * to the one in {@code toColumn} (first response); an empty {@code toColumn} cell means "not
     * answered yet". Replaces the minutes column.
     *
     * @throws IllegalArgumentException if a name is empty or a minutes column was set
     */
    public ReportGrouping withResponseTimestamps(String fromColumn, String toColumn) {
        return with("responseFromColumn", requireName(fromColumn, "response start column"),
                "responseToColumn", requireName(toColumn, "response end column"));
    }

    /** Measure response times in these opening hours (needs response timestamps, checked by the report). */
    public ReportGrouping withBusinessHours(OpeningHours value) {
        return with("businessHours", Objects.requireNonNull(value, "businessHours"));
    }

    /** The holidays of the business hours, closed all day. */
    public ReportGrouping withHolidays(HolidayCalendar value) {
        return with("holidays", value);
    }

    /** Report this KTO survey: its question ids are the columns of the answers. */
    public ReportGrouping withSurvey(Survey value) {
        return with("survey", Objects.requireNonNull(value, "survey"));
    }

    /**
     * Keep one response per respondent, identified by this column: the first or the latest by the
     * timestamp column, over the whole input or per trend period (which must then be set).
     */
    public ReportGrouping withRespondent(String column, Dedup.Keep keep, boolean perPeriod) {
        return with("respondentColumn", requireName(column, "respondent column"), "keep", keep,
                "keepPerPeriod", perPeriod);
    }

    /** What to do with bad rows. */
    public ReportGrouping withOnBadRow(BadRowPolicy value) {
        return with("onBadRow", value);
    }

    // ------------------------------------------------------------------ derived values

    /** Read the file in this encoding instead of detecting it; null to detect. */
    public ReportGrouping withEncoding(Charset value) {
        return with("encoding", value);
    }

    /**
     * Skip this many records after the header rows.
     *
     * @throws IllegalArgumentException if negative
     */
    public ReportGrouping withSkipRows(int value) {
        return with("skipRows", value);
    }

    /**
     * Read timestamps with this {@link DateTimeFormatter} pattern, such as {@code d/M/yyyy H:mm};
     * null to recognise the usual forms.
     *
     * @throws IllegalArgumentException if it is not a valid pattern
     */
    public ReportGrouping withTimestampFormat(String pattern) {
        return with("timestampFormat", pattern);
    }

    /** These markers (besides the empty cell) mean "not answered", instead of the defaults. */
    public ReportGrouping withMissingValues(List<String> markers) {
        return with("missingValues", markers);
    }

    /** Also read the labels of this mapping as scores. */
    public ReportGrouping withLabels(LabelMapping mapping) {
        List<LabelMapping> list = new ArrayList<>(labels);
        list.add(Objects.requireNonNull(mapping, "mapping"));
        return with("labels", list);
    }

    /** Keep unfinished Qualtrics responses ({@code Finished} = 0) instead of excluding them. */
    public ReportGrouping withIncludeUnfinished(boolean value) {
        return with("includeUnfinished", value);
    }

    /**
     * Also tally the rows of each local day in the zone (overall, every metric and operational KPI),
     * for calendar effects and windows that are not trend periods; reads the timestamp column even
     * without a trend.
     *
     * @since 0.1.0
     */
    public ReportGrouping withDays(boolean value) {
        return with("days", value);
    }

    /**
     * How an export reader reads the file under this grouping: encoding, delimiter (sniffed when it
     * is the default comma; Excel's {@code sep=} line wins), skipped rows, timestamp column and form (none
     * without a trend, day tallies or respondent deduplication, which are what read it), zone, the score
     * columns named with {@code --column}, missing-value markers, labels and unfinished responses.
     */
    public ExportReader.Options exportOptions() {
        ExportReader.Options o = ExportReader.Options.defaults().withSkipRows(skipRows)
                .withZone(zone).withMissingValues(missingValues).withIncludeUnfinished(includeUnfinished);
        if (by == null && respondentColumn == null && !days) {
            o = o.withoutTimestamps();
        } else if (!timestampColumn.equals(DEFAULTS.timestampColumn)) {
            o = o.withTimestampColumn(timestampColumn);
        }
        if (delimiter != DEFAULTS.delimiter) {
            o = o.withDelimiter(delimiter); // the default comma is sniffed: , ; tab |
        }
        if (encoding != null) {
            o = o.withEncoding(encoding);
        }
        if (timestampFormat != null) {
            o = o.withTimestampFormat(timestampFormat);
        }
        for (Map.Entry<Metric, String> c : columns.entrySet()) {
            o = o.withColumn(c.getKey().key(), c.getValue());
        }
        for (LabelMapping m : labels) {
            o = o.withLabels(m);
        }
        return o;
    }

    /** The column name of a metric: the one set, else the metric's key. */
    public String column(Metric metric) {
        return columns.getOrDefault(metric, metric.key());
    }

    /** The response-time column: the one set, else {@value #RESPONSE_COLUMN}. */
    public String effectiveResponseColumn() {
        return responseColumn == null ? RESPONSE_COLUMN : responseColumn;
    }

    /** The first-contact resolution column: the one set, else {@value #FCR_COLUMN}. */
    public String effectiveFcrColumn() {
        return fcrColumn == null ? FCR_COLUMN : fcrColumn;
    }

    // ------------------------------------------------------------------ text form

    /**
     * The options that differ from the defaults, in the order of the class comment, as on the
     * command line: {@code --by week --segment channel}; empty for the defaults. {@link #parse}
     * reads it back.
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Option option : OPTIONS) {
            for (String value : option.write.apply(this)) {
                sb.append(sb.length() == 0 ? "" : " ").append(option.flag);
                if (option.valued) {
                    sb.append(' ').append(quote(value));
                }
            }
        }
        return sb.toString();
    }

    /**
     * Reads the text form of {@link #toString()}: options and values separated by spaces, values
     * quoted where needed; options not given keep their defaults; a repeatable option adds to the
     * ones before it.
     *
     * @throws IllegalArgumentException naming the option and its invalid value, an unknown option,
     *     an option without its value, or an unclosed quote
     */
    public static ReportGrouping parse(String text) {
        return parse(Tokens.split(Objects.requireNonNull(text, "text")));
    }

    /**
     * Reads options already split into arguments, {@code ["--by", "week", "--segment", "channel"]}:
     * as {@link #parse(String)}.
     *
     * @throws IllegalArgumentException as {@link #parse(String)}
     */
    public static ReportGrouping parse(List<String> arguments) {
        Map<String, Object> values = DEFAULTS.values();
        for (int i = 0; i < arguments.size(); i++) {
            String flag = arguments.get(i);
            Option option = option(flag);
            if (option == null) {
                throw new IllegalArgumentException("Invalid grouping option (valid options " + optionNames() + "): "
                        + flag);
            }
            if (!option.valued) {
                option.read.accept(values, "true");
                continue;
            }
            if (i + 1 >= arguments.size()) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            option.read.accept(values, arguments.get(++i));
        }
        return construct(values);
    }

    /** The options of the text form, in order: {@code --delimiter}, {@code --metrics}, …, {@code --on-bad-row}. */
    public static List<String> optionNames() {
        List<String> names = new ArrayList<>();
        for (Option option : OPTIONS) {
            if (!names.contains(option.flag)) {
                names.add(option.flag);
            }
        }
        return names;
    }

    /**
     * Whether an option of {@link #optionNames()} takes a value; {@code --include-unfinished} is a
     * flag that does not.
     *
     * @throws IllegalArgumentException if the option is not one of {@link #optionNames()}
     */
    public static boolean takesValue(String option) {
        return optionsOf(option).get(0).valued;
    }

    /**
     * The value of one option in this grouping as text, with its default written out: for
     * example {@code month} for {@code --by}, {@code (none)} when a trend is not asked for, and
     * {@code channel,region} for two segments.
     *
     * @throws IllegalArgumentException if the option is not one of {@link #optionNames()}
     */
    public String describe(String option) {
        List<String> parts = new ArrayList<>();
        for (Option o : optionsOf(option)) {
            parts.addAll(o.describe.apply(this));
        }
        return parts.isEmpty() ? "(none)" : String.join(",", parts);
    }

    /**
     * Whether this grouping and another agree on one option: every component it sets is equal
     * (zones compared by their rules' identity, so {@code UTC} and {@code Z} agree).
     *
     * @throws IllegalArgumentException if the option is not one of {@link #optionNames()}
     */
    public boolean agrees(ReportGrouping other, String option) {
        Map<String, Object> mine = values();
        Map<String, Object> theirs = other.values();
        for (Option o : optionsOf(option)) {
            Object a = mine.get(o.component);
            Object b = theirs.get(o.component);
            boolean same = a instanceof ZoneId za && b instanceof ZoneId zb ? za.normalized().equals(zb.normalized())
                    : Objects.equals(a, b);
            if (!same) {
                return false;
            }
        }
        return true;
    }

    // ------------------------------------------------------------------ the table of text options

    /**
     * One text option: its flag, the component it sets, how its values are written
     * ({@code write}, nothing when the component has its default), described with defaults
     * ({@code describe}), and read into the component values ({@code read}).
     */
    private record Option(String flag, String component, Function<ReportGrouping, List<String>> write,
            Function<ReportGrouping, List<String>> describe, BiConsumer<Map<String, Object>, String> read,
            boolean valued) {
        Option(String flag, String component, Function<ReportGrouping, List<String>> write,
                Function<ReportGrouping, List<String>> describe, BiConsumer<Map<String, Object>, String> read) {
            this(flag, component, write, describe, read, true);
        }
    }

    private static final List<Option> OPTIONS = List.of(
            new Option("--delimiter", "delimiter",
                    g -> g.delimiter == ',' ? List.of() : List.of(delimiterText(g.delimiter)),
                    g -> List.of(delimiterText(g.delimiter)),
                    (v, text) -> v.put("delimiter", delimiter(text))),
            new Option("--metrics", "metrics",
                    g -> g.metrics.isEmpty() ? List.of() : List.of(metricKeys(g.metrics)),
                    g -> g.metrics.isEmpty() ? List.of() : List.of(metricKeys(g.metrics)),
                    (v, text) -> v.put("metrics", metrics(text))),
            new Option("--column", "columns", g -> columnTexts(g.columns), g -> allColumns(g),
                    (v, text) -> column(v, text)),
            new Option("--column", "responseColumn",
                    g -> g.responseColumn == null ? List.of() : List.of("response=" + g.responseColumn),
                    g -> List.of(), (v, text) -> column(v, text)),
            new Option("--column", "fcrColumn",
                    g -> g.fcrColumn == null ? List.of() : List.of("fcr=" + g.fcrColumn),
                    g -> List.of(), (v, text) -> column(v, text)),
            name("--timestamp", "timestampColumn", "submitted_at"),
            new Option("--zone", "zone", g -> g.zone.equals(ZoneOffset.UTC) ? List.of() : List.of(g.zone.getId()),
                    g -> List.of(g.zone.normalized().getId()), (v, text) -> v.put("zone", zone(text))),
            new Option("--by", "by", g -> g.by == null ? List.of() : List.of(cliName(g.by)),
                    g -> g.by == null ? List.of() : List.of(cliName(g.by)),
                    (v, text) -> v.put("by", choice("--by", Granularity.class, text))),
            new Option("--segment", "segments", g -> g.segments, g -> g.segments, (v, text) -> {
                List<String> list = new ArrayList<>(cast(v.get("segments")));
                list.add(text);
                v.put("segments", list);
            }),
            name("--weight", "weightColumn", null),
            new Option("--rake", "rake", g -> marginTexts(g.rake), g -> marginTexts(g.rake), (v, text) -> {
                List<PopulationMargin> list = new ArrayList<>(cast(v.get("rake")));
                list.add(rakeMargin(text));
                v.put("rake", list);
            }),
            new Option("--csat-scale", "csatScale", g -> g.csatScale.equals(CsatScale.FIVE_POINT) ? List.of()
                    : List.of(g.csatScale.toString()), g -> List.of(g.csatScale.toString()),
                    (v, text) -> v.put("csatScale", scale("--csat-scale", text, ReportGrouping::csatScale,
                            " (e.g. 1-5, 1-10 or good-bad)"))),
            new Option("--ces-scale", "cesScale", g -> g.cesScale.equals(CesScale.AGREEMENT_7) ? List.of()
                    : List.of(g.cesScale.toString()), g -> List.of(g.cesScale.toString()),
                    (v, text) -> v.put("cesScale", scale("--ces-scale", text, CesScale::parse,
                            " (e.g. 1-7 or 1-5-effort)"))),
            new Option("--response-target", "responseTarget", g -> g.responseTarget.equals(DEFAULT_RESPONSE_TARGET)
                    ? List.of() : List.of(g.responseTarget.toString()), g -> List.of(g.responseTarget.toString()),
                    (v, text) -> v.put("responseTarget", responseTarget(text))),
            name("--response-from", "responseFromColumn", null),
            name("--response-to", "responseToColumn", null),
            new Option("--business-hours", "businessHours",
                    g -> g.businessHours == null ? List.of() : List.of(g.businessHours.toString()),
                    g -> g.businessHours == null ? List.of() : List.of(g.businessHours.toString()),
                    (v, text) -> v.put("businessHours", OpeningHours.parse(text))),
            new Option("--holidays", "holidays",
                    g -> g.holidays.equals(HolidayCalendar.NONE) ? List.of() : List.of(g.holidays.toString()),
                    g -> g.holidays.equals(HolidayCalendar.NONE) ? List.of() : List.of(g.holidays.toString()),
                    (v, text) -> v.put("holidays", HolidayCalendar.parse(text))),
            new Option("--survey-text", "survey", g -> g.survey == null ? List.of() : List.of(g.survey.toString()),
                    g -> g.survey == null ? List.of() : List.of(g.survey.toString()),
                    (v, text) -> v.put("survey", Survey.parse(text))),
            name("--respondent", "respondentColumn", null),
            new Option("--keep", "keep", g -> g.keep == Dedup.Keep.LATEST ? List.of() : List.of(cliName(g.keep)),
                    g -> List.of(cliName(g.keep)), (v, text) -> v.put("keep", choice("--keep", Dedup.Keep.class, text))),
            new Option("--keep-per", "keepPerPeriod", g -> g.keepPerPeriod ? List.of("period") : List.of(),
                    g -> List.of(g.keepPerPeriod ? "period" : "overall"), (v, text) -> {
                        if (!text.equals("overall") && !text.equals("period")) {
                            throw new IllegalArgumentException("--keep-per must be overall or period, got \"" + text
                                    + "\"");
                        }
                        v.put("keepPerPeriod", text.equals("period"));
                    }),
            new Option("--on-bad-row", "onBadRow", g -> g.onBadRow == BadRowPolicy.FAIL ? List.of()
                    : List.of(cliName(g.onBadRow)), g -> List.of(cliName(g.onBadRow)),
                    (v, text) -> v.put("onBadRow", choice("--on-bad-row", BadRowPolicy.class, text))),
            new Option("--encoding", "encoding", g -> g.encoding == null ? List.of() : List.of(encodingName(g.encoding)),
                    g -> List.of(g.encoding == null ? "detect" : encodingName(g.encoding)),
                    (v, text) -> v.put("encoding", encoding(text))),
            new Option("--skip-rows", "skipRows", g -> g.skipRows == 0 ? List.of() : List.of(String.valueOf(g.skipRows)),
                    g -> List.of(String.valueOf(g.skipRows)), (v, text) -> v.put("skipRows", skipRows(text))),
            new Option("--timestamp-format", "timestampFormat",
                    g -> g.timestampFormat == null ? List.of() : List.of(g.timestampFormat),
                    g -> List.of(g.timestampFormat == null ? "detect" : g.timestampFormat),
                    (v, text) -> v.put("timestampFormat", timestampPattern(text))),
            new Option("--na", "missingValues", g -> g.missingValues.equals(DEFAULTS.missingValues) ? List.of()
                    : List.of(String.join(",", g.missingValues)), g -> List.of(String.join(",", g.missingValues)),
                    (v, text) -> v.put("missingValues", markers(text))),
            new Option("--labels", "labels", g -> labelTexts(g.labels), g -> labelTexts(g.labels), (v, text) -> {
                List<LabelMapping> list = new ArrayList<>(cast(v.get("labels")));
                list.add(labelMapping(text));
                v.put("labels", list);
            }),
            new Option("--include-unfinished", "includeUnfinished", g -> g.includeUnfinished ? List.of("true")
                    : List.of(), g -> List.of(String.valueOf(g.includeUnfinished)),
                    (v, text) -> v.put("includeUnfinished", true), false),
            new Option("--days", "days", g -> g.days ? List.of("true") : List.of(),
                    g -> List.of(String.valueOf(g.days)), (v, text) -> v.put("days", true), false));

    /** An option whose value is a column name, written when it differs from {@code fallback}. */
    private static Option name(String flag, String component, String fallback) {
        Function<ReportGrouping, List<String>> value = g -> {
            Object v = g.values().get(component);
            return v == null || v.equals(fallback) ? List.of() : List.of((String) v);
        };
        Function<ReportGrouping, List<String>> described = g -> {
            Object v = g.values().get(component);
            return v == null ? List.of() : List.of((String) v);
        };
        return new Option(flag, component, value, described, (v, text) -> v.put(component, text));
    }

    private static Option option(String flag) {
        for (Option o : OPTIONS) {
            if (o.flag.equals(flag)) {
                return o;
            }
        }
        return null;
    }

    private static List<Option> optionsOf(String flag) {
        List<Option> out = new ArrayList<>();
        for (Option o : OPTIONS) {
            if (o.flag.equals(flag)) {
                out.add(o);
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("Invalid grouping option (valid options " + optionNames() + "): "
                    + flag);
        }
        return out;
    }

    // ------------------------------------------------------------------ readers and writers of values

    private static List<String> marginTexts(List<PopulationMargin> margins) {
        List<String> out = new ArrayList<>();
        for (PopulationMargin m : margins) {
            out.add(m.toString());
        }
        return out;
    }

    /** How far shares may sum from 1 (fractions) or from 100 (percentages, relative the same). */
    static final double RAKE_SUM_TOLERANCE = 0.005;

    /**
     * A {@code --rake} value, {@code region=north:0.2,south:0.3,east:0.5}: the variable (a column)
     * before the first {@code =}, each level before its last {@code :}, shares as fractions summing
     * to 1 or as percentages summing to 100, each within {@link #RAKE_SUM_TOLERANCE} relative
     * (0.995 – 1.005, or 99.5 – 100.5); shares that do not sum exactly to 1 are divided by their sum.
     */
    static PopulationMargin rakeMargin(String text) {
        int eq = text.indexOf('=');
        if (eq <= 0 || text.substring(0, eq).isBlank()) {
            throw new IllegalArgumentException("--rake needs COLUMN=level:share,level:share,..., got \"" + text + "\"");
        }
        String variable = text.substring(0, eq).strip();
        Map<String, Double> shares = new LinkedHashMap<>();
        double sum = 0;
        for (String entry : text.substring(eq + 1).split(",", -1)) {
            int colon = entry.lastIndexOf(':');
            String level = colon < 0 ? "" : entry.substring(0, colon).strip();
            if (colon < 0 || level.isEmpty()) {
                throw new IllegalArgumentException("--rake " + variable + ": \"" + entry.strip()
                        + "\" is not level:share (in \"" + text + "\")");
            }
            String number = entry.substring(colon + 1).strip();
            double share;
            try {
                share = Double.parseDouble(number);
            } catch (NumberFormatException e) {
                share = Double.NaN;
            }
            if (!(share > 0 && share < Double.POSITIVE_INFINITY) || number.matches(".*[a-zA-Z&&[^eE]].*")) {
                throw new IllegalArgumentException("--rake " + variable + ": the share of " + level + " must be a "
                        + "number above 0, got \"" + number + "\"");
            }
            if (shares.put(level, share) != null) {
                throw new IllegalArgumentException("--rake " + variable + ": level " + level + " given twice");
            }
            sum += share;
        }
        if (Math.abs(sum - 1) <= 1e-9) {
            return PopulationMargin.of(variable, shares);
        }
        if (!(Math.abs(sum - 1) <= RAKE_SUM_TOLERANCE || Math.abs(sum - 100) <= 100 * RAKE_SUM_TOLERANCE)) {
            throw new IllegalArgumentException("--rake " + variable + ": the shares sum to " + sum + " (valid: 1 "
                    + "within 0.005 as fractions, or 100 within 0.5 as percentages), in \"" + text + "\"");
        }
        Map<String, Double> scaled = new LinkedHashMap<>();
        for (Map.Entry<String, Double> e : shares.entrySet()) {
            scaled.put(e.getKey(), e.getValue() / sum);
        }
        return PopulationMargin.of(variable, scaled);
    }

    private static String delimiterText(char delimiter) {
        return delimiter == '\t' ? "tab" : String.valueOf(delimiter);
    }

    private static char delimiter(String text) {
        String unescaped = text.equals("\\t") || text.equals("tab") ? "\t" : text;
        if (unescaped.length() != 1 || unescaped.charAt(0) == '"' || unescaped.charAt(0) == '\n'
                || unescaped.charAt(0) == '\r') {
            throw new IllegalArgumentException("--delimiter must be one character other than a quote or newline, got \""
                    + text + "\"");
        }
        return unescaped.charAt(0);
    }

    /** A CSAT scale by its text form, or {@code good-bad}: a two-point scale, 1 = bad, 2 = good (satisfied). */
    private static CsatScale csatScale(String text) {
        return text.strip().equalsIgnoreCase("good-bad") ? CsatScale.of(1, 2) : CsatScale.parse(text);
    }

    private static Map<String, Charset> encodings() {
        Map<String, Charset> m = new LinkedHashMap<>();
        m.put("utf-8", StandardCharsets.UTF_8);
        m.put("utf-16", StandardCharsets.UTF_16);
        m.put("windows-1252", Charset.forName("windows-1252"));
        m.put("iso-8859-1", StandardCharsets.ISO_8859_1);
        return Collections.unmodifiableMap(m);
    }

    private static String encodingName(Charset charset) {
        for (Map.Entry<String, Charset> e : ENCODINGS.entrySet()) {
            if (e.getValue().equals(charset)) {
                return e.getKey();
            }
        }
        return charset.name();
    }

    private static Charset encoding(String text) {
        String key = text.strip().toLowerCase(Locale.ROOT);
        Charset charset = ENCODINGS.get(key);
        if (charset == null) {
            try {
                charset = Charset.forName(key);
            } catch (IllegalArgumentException e) {
                charset = null;
            }
            if (charset == null || !ENCODINGS.containsValue(charset)) {
                throw new IllegalArgumentException("--encoding must be one of " + String.join("|", ENCODINGS.keySet())
                        + ", got \"" + text + "\"");
            }
        }
        return charset;
    }

    private static int skipRows(String text) {
        try {
            int n = Integer.parseInt(text.strip());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new IllegalArgumentException("--skip-rows must be a whole number >= 0, got \"" + text + "\"");
    }

    private static String timestampPattern(String pattern) {
        try {
            DateTimeFormatter.ofPattern(pattern, Locale.ROOT);
            return pattern;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--timestamp-format: invalid pattern \"" + pattern + "\" ("
                    + e.getMessage() + "; e.g. d/M/yyyy H:mm, see java.time.format.DateTimeFormatter)", e);
        }
    }

    private static List<String> markers(String text) {
        List<String> out = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            if (!part.isBlank() && !out.contains(part.strip())) {
                out.add(part.strip());
            }
        }
        return out;
    }

    private static List<String> labelTexts(List<LabelMapping> labels) {
        List<String> out = new ArrayList<>();
        labels.forEach(m -> out.add(m.toString()));
        return out;
    }

    private static LabelMapping labelMapping(String text) {
        try {
            return LabelMapping.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--labels: " + e.getMessage(), e);
        }
    }

    private static String metricKeys(Set<Metric> metrics) {
        List<String> keys = new ArrayList<>();
        metrics.forEach(m -> keys.add(m.key()));
        return String.join(",", keys);
    }

    private static Set<Metric> metrics(String text) {
        EnumSet<Metric> set = EnumSet.noneOf(Metric.class);
        for (String name : text.split(",")) {
            set.add(Metric.parse(name));
        }
        return set;
    }

    private static List<String> columnTexts(Map<Metric, String> columns) {
        List<String> out = new ArrayList<>();
        columns.forEach((m, name) -> out.add(m.key() + "=" + name));
        return out;
    }

    /** Every column with its default written out, for {@link #describe}. */
    private static List<String> allColumns(ReportGrouping g) {
        List<String> out = new ArrayList<>();
        for (Metric m : Metric.values()) {
            out.add(m.key() + "=" + g.column(m));
        }
        out.add("response=" + g.effectiveResponseColumn());
        out.add("fcr=" + g.effectiveFcrColumn());
        return out;
    }

    private static void column(Map<String, Object> values, String mapping) {
        int eq = mapping.indexOf('=');
        if (eq <= 0 || eq == mapping.length() - 1) {
            throw new IllegalArgumentException("--column expects METRIC=NAME, e.g. nps=recommend, got \"" + mapping
                    + "\"");
        }
        String key = mapping.substring(0, eq).strip().toLowerCase(Locale.ROOT);
        String name = mapping.substring(eq + 1);
        switch (key) {
            case "response" -> values.put("responseColumn", name);
            case "fcr" -> values.put("fcrColumn", name);
            case "nps", "csat", "ces" -> {
                Map<Metric, String> map = new EnumMap<>(Metric.class);
                map.putAll(cast(values.get("columns")));
                map.put(Metric.parse(key), name);
                values.put("columns", map);
            }
            default -> throw new IllegalArgumentException("--column: unknown key \"" + mapping.substring(0, eq)
                    + "\" (valid keys nps, csat, ces, response, fcr)");
        }
    }

    private static ZoneId zone(String text) {
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("--zone: unknown zone \"" + text + "\" (e.g. UTC, Europe/Amsterdam)", e);
        }
    }

    private static <T> T scale(String flag, String text, Function<String, T> parse, String hint) {
        try {
            return parse.apply(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(flag + ": " + e.getMessage() + hint, e);
        }
    }

    private static final Pattern MINUTES = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)\\s*(m|min|h)?");

    /**
     * A response-time target: a number of minutes ({@code 120}, {@code 90.5}), with a unit
     * ({@code 90m}, {@code 90min}, {@code 2h}, {@code 1.5h}), or an ISO-8601 duration ({@code PT2H}).
     */
    static Duration responseTarget(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        IllegalArgumentException problem = new IllegalArgumentException("--response-target must be minutes (120), "
                + "90m, 2h or an ISO duration (PT2H), got \"" + text + "\"");
        if (t.startsWith("p")) {
            try {
                Duration d = Duration.parse(t.toUpperCase(Locale.ROOT));
                if (d.isNegative()) {
                    throw problem;
                }
                return d;
            } catch (DateTimeException e) {
                throw problem;
            }
        }
        Matcher m = MINUTES.matcher(t);
        if (!m.matches()) {
            throw problem;
        }
        double minutes = Double.parseDouble(m.group(1)) * ("h".equals(m.group(2)) ? 60 : 1);
        if (!(minutes < 1e9)) {
            throw problem;
        }
        return Duration.ofNanos(Math.round(minutes * 60e9));
    }

    private static String cliName(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static <E extends Enum<E>> E choice(String flag, Class<E> type, String text) {
        for (E e : type.getEnumConstants()) {
            if (cliName(e).equals(text.strip().toLowerCase(Locale.ROOT))) {
                return e;
            }
        }
        StringBuilder valid = new StringBuilder();
        for (E e : type.getEnumConstants()) {
            valid.append(valid.length() == 0 ? "" : "|").append(cliName(e));
        }
        throw new IllegalArgumentException(flag + " must be one of " + valid + ", got \"" + text + "\"");
    }

    private static String requireName(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Invalid " + what + " (must not be empty): \"" + value + "\"");
        }
        return value;
    }

    private static void optionalName(String value, String what) {
        if (value != null) {
            requireName(value, what);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object value) {
        return (T) value;
    }

    // ------------------------------------------------------------------ quoting

    private static String quote(String value) {
        boolean plain = !value.isEmpty();
        for (int i = 0; i < value.length() && plain; i++) {
            char c = value.charAt(i);
            plain = c > ' ' && c != '"' && c != '\\' && c != '\'' && c != 0x7F && !Character.isWhitespace(c);
        }
        if (plain) {
            return value;
        }
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < ' ' || c == 0x7F) {
                        sb.append(String.format("\\u%04X", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    /** Splits the text form into arguments: at unquoted white space; quotes and escapes removed. */
    private static final class Tokens {
        static List<String> split(String text) {
            List<String> out = new ArrayList<>();
            StringBuilder token = null;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isWhitespace(c)) {
                    if (token != null) {
                        out.add(token.toString());
                        token = null;
                    }
                } else if (c == '"') {
                    token = token == null ? new StringBuilder() : token;
                    i = quoted(text, i + 1, token);
                } else {
                    token = token == null ? new StringBuilder() : token;
                    token.append(c);
                }
            }
            if (token != null) {
                out.add(token.toString());
            }
            return out;
        }

        /** Appends a quoted part that starts at {@code from}; returns the index of its closing quote. */
        private static int quoted(String text, int from, StringBuilder token) {
            for (int i = from; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '"') {
                    return i;
                }
                if (c != '\\') {
                    token.append(c);
                    continue;
                }
                if (i + 1 >= text.length()) {
                    break;
                }
                char e = text.charAt(++i);
                switch (e) {
                    case '"', '\\' -> token.append(e);
                    case 'n' -> token.append('\n');
                    case 'r' -> token.append('\r');
                    case 't' -> token.append('\t');
                    case 'u' -> {
                        if (i + 4 >= text.length() || !text.substring(i + 1, i + 5).matches("[0-9A-Fa-f]{4}")) {
                            throw new IllegalArgumentException("Invalid escape \\u at character " + i + " of: " + text);
                        }
                        token.append((char) Integer.parseInt(text.substring(i + 1, i + 5), 16));
                        i += 4;
                    }
                    default -> throw new IllegalArgumentException("Invalid escape \\" + e + " at character " + i
                            + " of: " + text);
                }
            }
            throw new IllegalArgumentException("Unclosed quote (opened at character " + from + ") in: " + text);
        }
    }

    // ------------------------------------------------------------------ generic construction

    /*
     * The components by name, read and written through the record's own reflection data, so that
     * a new component needs no change here: with(...) and parse(...) build a map of component
     * values and call the canonical constructor once, which checks the whole value.
     */
    private static final RecordComponent[] COMPONENTS = ReportGrouping.class.getRecordComponents();
    private static final Constructor<ReportGrouping> CANONICAL = canonical();

    private static Constructor<ReportGrouping> canonical() {
        Class<?>[] types = new Class<?>[COMPONENTS.length];
        for (int i = 0; i < types.length; i++) {
            types[i] = COMPONENTS[i].getType();
        }
        try {
            return ReportGrouping.class.getDeclaredConstructor(types);
        } catch (NoSuchMethodException e) {
            throw new AssertionError("a record has its canonical constructor", e);
        }
    }

    /** The components by name, in declaration order. */
    private Map<String, Object> values() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (RecordComponent c : COMPONENTS) {
            try {
                out.put(c.getName(), c.getAccessor().invoke(this));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new AssertionError("a record's accessor is public and does not throw", e);
            }
        }
        return out;
    }

    /** This grouping with some components changed: name, value, name, value, … */
    private ReportGrouping with(Object... namesAndValues) {
        Map<String, Object> values = values();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            values.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return construct(values);
    }

    private static ReportGrouping construct(Map<String, Object> values) {
        Object[] args = new Object[COMPONENTS.length];
        for (int i = 0; i < args.length; i++) {
            args[i] = values.get(COMPONENTS[i].getName());
        }
        try {
            return CANONICAL.newInstance(args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException problem) {
                throw problem;
            }
            throw new AssertionError(e.getCause());
        } catch (InstantiationException | IllegalAccessException e) {
            throw new AssertionError("a record's canonical constructor is public", e);
        }
    }
}
