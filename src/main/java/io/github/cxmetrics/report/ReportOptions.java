package io.github.cxmetrics.report;

import io.github.cxmetrics.internal.Checks;
import io.github.cxmetrics.trend.Metric;
import io.github.cxmetrics.ops.BusinessHours;
import io.github.cxmetrics.calendar.HolidayCalendar;
import io.github.cxmetrics.scale.CesScale;
import io.github.cxmetrics.scale.CsatScale;
import io.github.cxmetrics.stats.Confidence;
import io.github.cxmetrics.stats.NpsInterval;
import io.github.cxmetrics.stats.ProportionInterval;
import io.github.cxmetrics.survey.Dedup;
import io.github.cxmetrics.survey.Survey;
import io.github.cxmetrics.calendar.Granularity;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How a report reads its input and what it computes: the options of {@code cxmetrics report}.
 *
 * <p>Start from {@link #defaults()} and change what you need with the {@code with…} methods, each
 * returning a new instance: immutable and thread-safe.
 *
 * <table>
 *   <caption>Defaults</caption>
 *   <tr><th>option</th><th>default</th></tr>
 *   <tr><td>metrics</td><td>every score column found (nps, csat, ces)</td></tr>
 *   <tr><td>timestamp column</td><td>{@code submitted_at}</td></tr>
 *   <tr><td>zone</td><td>UTC</td></tr>
 *   <tr><td>trend</td><td>none</td></tr>
 *   <tr><td>confidence</td><td>0.95</td></tr>
 *   <tr><td>minimum n</td><td>30 (smaller groups are shown and flagged)</td></tr>
 *   <tr><td>scales</td><td>CSAT 1–5, CES 1–7 agreement</td></tr>
 *   <tr><td>intervals</td><td>NPS adjusted Wald, proportions Wilson</td></tr>
 *   <tr><td>bad rows</td><td>fail</td></tr>
 *   <tr><td>response time</td><td>column {@code first_response_minutes} when present, target 120
 *       minutes; or two timestamp columns, elapsed or in business hours</td></tr>
 *   <tr><td>first-contact resolution</td><td>column {@code resolved_first_contact} when present</td></tr>
 *   <tr><td>KTO survey</td><td>none</td></tr>
 *   <tr><td>respondent deduplication</td><td>none</td></tr>
 *   <tr><td>threads reading a file</td><td>one per available processor</td></tr>
 * </table>
 */
public final class ReportOptions {
    private char delimiter = ',';
    private Set<Metric> metrics;
    private Map<Metric, String> columns = new EnumMap<>(Metric.class);
    private String timestampColumn = "submitted_at";
    private ZoneId zone = ZoneOffset.UTC;
    private Granularity by;
    private List<String> segments = List.of();
    private String weightColumn;
    private double confidence = Confidence.DEFAULT;
    private long minN = 30;
    private List<String> targets = List.of();
    private CsatScale csatScale = CsatScale.FIVE_POINT;
    private CesScale cesScale = CesScale.AGREEMENT_7;
    private NpsInterval npsInterval = NpsInterval.ADJUSTED_WALD;
    private ProportionInterval proportionInterval = ProportionInterval.WILSON;
    private BadRowPolicy onBadRow = BadRowPolicy.FAIL;
    private java.time.LocalDate asOf;
    private String responseColumn;
    private String fcrColumn;
    private Duration responseTarget = DEFAULT_RESPONSE_TARGET;
    private String responseFromColumn;
    private String responseToColumn;
    private String businessHours;
    private String holidays;
    private Survey survey;
    private String respondentColumn;
    private Dedup.Keep keep = Dedup.Keep.LATEST;
    private boolean keepPerPeriod;
    private int threads;

    /** The default response-time column, {@code first_response_minutes} (minutes, a decimal number). */
    public static final String RESPONSE_COLUMN = "first_response_minutes";
    /** The default first-contact resolution column, {@code resolved_first_contact} (true/false). */
    public static final String FCR_COLUMN = "resolved_first_contact";
    /** The default response-time target, 120 minutes: "answered within two hours". */
    public static final Duration DEFAULT_RESPONSE_TARGET = Duration.ofHours(2);

    private ReportOptions() {
    }

    /** The defaults listed in the class comment. */
    public static ReportOptions defaults() {
        return new ReportOptions();
    }

    private ReportOptions copy() {
        ReportOptions o = new ReportOptions();
        o.delimiter = delimiter;
        o.metrics = metrics;
        o.columns = new EnumMap<>(Metric.class);
        o.columns.putAll(columns);
        o.timestampColumn = timestampColumn;
        o.zone = zone;
        o.by = by;
        o.segments = segments;
        o.weightColumn = weightColumn;
        o.confidence = confidence;
        o.minN = minN;
        o.targets = targets;
        o.csatScale = csatScale;
        o.cesScale = cesScale;
        o.npsInterval = npsInterval;
        o.proportionInterval = proportionInterval;
        o.onBadRow = onBadRow;
        o.asOf = asOf;
        o.responseColumn = responseColumn;
        o.fcrColumn = fcrColumn;
        o.responseTarget = responseTarget;
        o.responseFromColumn = responseFromColumn;
        o.responseToColumn = responseToColumn;
        o.businessHours = businessHours;
        o.holidays = holidays;
        o.survey = survey;
        o.respondentColumn = respondentColumn;
        o.keep = keep;
        o.keepPerPeriod = keepPerPeriod;
        o.threads = threads;
        return o;
    }

    /** With another field delimiter, e.g. {@code ';'} for Dutch exports. */
    public ReportOptions withDelimiter(char value) {
        ReportOptions o = copy();
        o.delimiter = value;
        return o;
    }

    /** Only these metrics; each must then have its column. */
    public ReportOptions withMetrics(Set<Metric> value) {
        if (value.isEmpty()) {
            throw new IllegalArgumentException("Invalid metrics (at least one of nps, csat, ces): none");
        }
        ReportOptions o = copy();
        o.metrics = Collections.unmodifiableSet(EnumSet.copyOf(value));
        return o;
    }

    /** Read a metric from the named column instead of its default ({@code nps}, {@code csat}, {@code ces}). */
    public ReportOptions withColumn(Metric metric, String column) {
        ReportOptions o = copy();
        o.columns.put(Objects.requireNonNull(metric, "metric"), requireName(column, "column"));
        return o;
    }

    /** The column holding each response's time. */
    public ReportOptions withTimestampColumn(String value) {
        ReportOptions o = copy();
        o.timestampColumn = requireName(value, "timestamp column");
        return o;
    }

    /** The calendar zone of the trend's buckets, and of timestamps without an offset. */
    public ReportOptions withZone(ZoneId value) {
        ReportOptions o = copy();
        o.zone = Objects.requireNonNull(value, "zone");
        return o;
    }

    /** Add a trend by day, ISO week, month, quarter or year. */
    public ReportOptions withBy(Granularity value) {
        ReportOptions o = copy();
        o.by = Objects.requireNonNull(value, "by");
        return o;
    }

    /** Add a breakdown by this column (repeatable). */
    public ReportOptions withSegment(String column) {
        ReportOptions o = copy();
        List<String> list = new ArrayList<>(segments);
        list.add(requireName(column, "segment column"));
        o.segments = List.copyOf(list);
        return o;
    }

    /** Weight each response by this column's value. */
    public ReportOptions withWeightColumn(String value) {
        ReportOptions o = copy();
        o.weightColumn = requireName(value, "weight column");
        return o;
    }

    /** The confidence level of every interval and the significance level 1 − confidence of tests. */
    public ReportOptions withConfidence(double value) {
        ReportOptions o = copy();
        o.confidence = Checks.confidence(value);
        return o;
    }

    /**
     * At most this many threads read a file (the parallel scan of {@link Report#generate(java.nio.file.Path,
     * ReportOptions)}); 1 reads it on the calling thread only. The default is one thread per
     * available processor. The report is the same for any number; a stream is always read on the
     * calling thread.
     *
     * @throws IllegalArgumentException if the value is not in 1..1024
     */
    public ReportOptions withThreads(int value) {
        if (value < 1 || value > 1024) {
            throw new IllegalArgumentException("Invalid value for threads (valid values 1 - 1024): " + value);
        }
        ReportOptions o = copy();
        o.threads = value;
        return o;
    }

    /** The most threads that read a file: the value given, or the number of available processors. */
    public int threads() {
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }

    /** Groups with fewer responses are flagged as small. */
    public ReportOptions withMinN(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("Invalid value for min-n (valid values >= 0): " + value);
        }
        ReportOptions o = copy();
        o.minN = value;
        return o;
    }

    /** Add a target such as {@code nps>=40} (repeatable). */
    public ReportOptions withTarget(String expression) {
        ReportOptions o = copy();
        List<String> list = new ArrayList<>(targets);
        list.add(requireName(expression, "target"));
        o.targets = List.copyOf(list);
        return o;
    }

    /** The CSAT scale. */
    public ReportOptions withCsatScale(CsatScale value) {
        ReportOptions o = copy();
        o.csatScale = Objects.requireNonNull(value, "csatScale");
        return o;
    }

    /** The CES scale. */
    public ReportOptions withCesScale(CesScale value) {
        ReportOptions o = copy();
        o.cesScale = Objects.requireNonNull(value, "cesScale");
        return o;
    }

    /** The NPS interval method. */
    public ReportOptions withNpsInterval(NpsInterval value) {
        ReportOptions o = copy();
        o.npsInterval = Objects.requireNonNull(value, "npsInterval");
        return o;
    }

    /** The interval method of CSAT % satisfied. */
    public ReportOptions withProportionInterval(ProportionInterval value) {
        ReportOptions o = copy();
        o.proportionInterval = Objects.requireNonNull(value, "proportionInterval");
        return o;
    }

    /** What to do with bad rows. */
    public ReportOptions withOnBadRow(BadRowPolicy value) {
        ReportOptions o = copy();
        o.onBadRow = Objects.requireNonNull(value, "onBadRow");
        return o;
    }

    /**
     * The date targets are judged at (against their deadlines). Default: the last day of the
     * trend's last period, or today in the report's zone without a trend.
     */
    public ReportOptions withAsOf(java.time.LocalDate value) {
        ReportOptions o = copy();
        o.asOf = Objects.requireNonNull(value, "asOf");
        return o;
    }

    /**
     * Read the time to first response, in minutes, from this column, which must then exist (by
     * default {@value #RESPONSE_COLUMN} is used when present).
     */
    public ReportOptions withResponseColumn(String column) {
        if (responseFromColumn != null) {
            throw new IllegalArgumentException("Invalid response column \"" + column + "\" (a minutes column and "
                    + "response timestamps are mutually exclusive): timestamps " + responseFromColumn + " and "
                    + responseToColumn + " already set");
        }
        ReportOptions o = copy();
        o.responseColumn = requireName(column, "response column");
        return o;
    }

    /**
     * Measure each row's response time from the timestamp in {@code fromColumn} (contact received)
     * to the one in {@code toColumn} (first response), in the timestamp forms of the timestamp
     * column (local date-times in the {@linkplain #withZone zone}); elapsed time, or business time
     * with {@link #withBusinessHours}. Both columns must exist. An empty {@code toColumn} cell
     * means "not answered yet": the row is not in the response time's n but counted in
     * {@link ResponseTimeSummary#open()}. Replaces the minutes column: the default
     * {@value #RESPONSE_COLUMN} is then not read.
     *
     * @throws IllegalArgumentException if a name is empty, or a minutes column was set with
     *     {@link #withResponseColumn}
     */
    public ReportOptions withResponseTimestamps(String fromColumn, String toColumn) {
        requireName(fromColumn, "response start column");
        requireName(toColumn, "response end column");
        if (responseColumn != null) {
            throw new IllegalArgumentException("Invalid response timestamps " + fromColumn + ", " + toColumn
                    + " (a minutes column and response timestamps are mutually exclusive): minutes column "
                    + responseColumn + " already set");
        }
        ReportOptions o = copy();
        o.responseFromColumn = fromColumn;
        o.responseToColumn = toColumn;
        return o;
    }

    /**
     * Measure response times in business hours: the elapsed time between the response timestamps
     * that falls within these opening hours, in the report's {@linkplain #withZone zone}. The
     * grammar is that of {@link BusinessHours#parse}, e.g. {@code mon-fri 08:30-17:30,sat 10:00-14:00}.
     * Needs {@link #withResponseTimestamps} (checked when the report is generated).
     *
     * @throws IllegalArgumentException if the specification is invalid (the message names the bad
     *     part)
     */
    public ReportOptions withBusinessHours(String spec) {
        Objects.requireNonNull(spec, "spec");
        BusinessHours.parse(spec, ZoneOffset.UTC, HolidayCalendar.NONE);
        ReportOptions o = copy();
        o.businessHours = spec.strip();
        return o;
    }

    /**
     * The holidays of the {@linkplain #withBusinessHours business hours}, closed all day:
     * comma-separated items, each {@code nl} (the Dutch public holidays,
     * {@link io.github.cxmetrics.calendar.HolidayCalendar#NETHERLANDS}) or an ISO date, e.g.
     * {@code nl,2026-12-24}. Needs business hours (checked when the report is generated).
     *
     * @throws IllegalArgumentException naming an item that is neither {@code nl} nor an ISO date
     */
    public ReportOptions withHolidays(String list) {
        Objects.requireNonNull(list, "holidays");
        HolidayCalendar.parse(list);
        ReportOptions o = copy();
        o.holidays = list.strip();
        return o;
    }

    /**
     * Read first-contact resolution from this column, which must then exist (by default
     * {@value #FCR_COLUMN} is used when present).
     */
    public ReportOptions withFcrColumn(String column) {
        ReportOptions o = copy();
        o.fcrColumn = requireName(column, "first-contact resolution column");
        return o;
    }

    /**
     * The response-time target: a response within it ({@code time ≤ target}) counts in
     * {@link ResponseTimeSummary#withinTarget()}.
     *
     * @throws IllegalArgumentException if the target is negative
     */
    public ReportOptions withResponseTarget(Duration value) {
        Objects.requireNonNull(value, "responseTarget");
        if (value.isNegative()) {
            throw new IllegalArgumentException("Invalid value for response target (valid values >= 0): " + value);
        }
        ReportOptions o = copy();
        o.responseTarget = value;
        return o;
    }

    /** Report this KTO survey: its question ids are the columns of the answers. */
    public ReportOptions withSurvey(Survey value) {
        ReportOptions o = copy();
        o.survey = Objects.requireNonNull(value, "survey");
        return o;
    }

    /**
     * Keep one response per respondent, identified by this column: the first or the latest by the
     * timestamp column, over the whole input or per trend period. Needs a file (the input is read
     * twice).
     *
     * @param perPeriod one response per respondent per period of the trend (which must then be
     *     set) instead of one over the whole input
     */
    public ReportOptions withRespondent(String column, Dedup.Keep keep, boolean perPeriod) {
        ReportOptions o = copy();
        o.respondentColumn = requireName(column, "respondent column");
        o.keep = Objects.requireNonNull(keep, "keep");
        o.keepPerPeriod = perPeriod;
        return o;
    }

    private static String requireName(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Invalid " + what + " (must not be empty): \"" + value + "\"");
        }
        return value;
    }

    /** The field delimiter. */
    public char delimiter() {
        return delimiter;
    }

    /** The metrics asked for, or empty for "every score column found". */
    public Optional<Set<Metric>> metrics() {
        return Optional.ofNullable(metrics);
    }

    /** The column name of a metric. */
    public String column(Metric metric) {
        return columns.getOrDefault(metric, metric.key());
    }

    /** The timestamp column. */
    public String timestampColumn() {
        return timestampColumn;
    }

    /** The zone. */
    public ZoneId zone() {
        return zone;
    }

    /** The trend granularity, if a trend is asked for. */
    public Optional<Granularity> by() {
        return Optional.ofNullable(by);
    }

    /** The segment columns. */
    public List<String> segments() {
        return segments;
    }

    /** The weight column, if any. */
    public Optional<String> weightColumn() {
        return Optional.ofNullable(weightColumn);
    }

    /** The confidence level. */
    public double confidence() {
        return confidence;
    }

    /** The minimum n below which groups are flagged. */
    public long minN() {
        return minN;
    }

    /** The target expressions. */
    public List<String> targets() {
        return targets;
    }

    /** The CSAT scale. */
    public CsatScale csatScale() {
        return csatScale;
    }

    /** The CES scale. */
    public CesScale cesScale() {
        return cesScale;
    }

    /** The NPS interval method. */
    public NpsInterval npsInterval() {
        return npsInterval;
    }

    /** The proportion interval method. */
    public ProportionInterval proportionInterval() {
        return proportionInterval;
    }

    /** The evaluation date of targets, if set. */
    public Optional<java.time.LocalDate> asOf() {
        return Optional.ofNullable(asOf);
    }

    /** The bad-row policy. */
    public BadRowPolicy onBadRow() {
        return onBadRow;
    }

    /** The response-time column: the one set, else {@value #RESPONSE_COLUMN}. */
    public String responseColumn() {
        return responseColumn == null ? RESPONSE_COLUMN : responseColumn;
    }

    /** Whether the response-time column was set (and so must exist). */
    public boolean isResponseColumnSet() {
        return responseColumn != null;
    }

    /** The column of the response start timestamp, if response times come from timestamps. */
    public Optional<String> responseFromColumn() {
        return Optional.ofNullable(responseFromColumn);
    }

    /** The column of the response end timestamp, if response times come from timestamps. */
    public Optional<String> responseToColumn() {
        return Optional.ofNullable(responseToColumn);
    }

    /** The business hours specification, if response times are measured in business hours. */
    public Optional<String> businessHours() {
        return Optional.ofNullable(businessHours);
    }

    /** The holidays of the business hours, if given. */
    public Optional<String> holidays() {
        return Optional.ofNullable(holidays);
    }

    /**
     * What the response times measure: {@link ResponseTimeBasis#BUSINESS_HOURS} with business
     * hours, else {@link ResponseTimeBasis#ELAPSED} with timestamps, else
     * {@link ResponseTimeBasis#COLUMN}.
     */
    public ResponseTimeBasis responseTimeBasis() {
        if (responseFromColumn == null) {
            return ResponseTimeBasis.COLUMN;
        }
        return businessHours == null ? ResponseTimeBasis.ELAPSED : ResponseTimeBasis.BUSINESS_HOURS;
    }

    /** The business hours in the report's zone with their holidays, or null without them. */
    BusinessHours businessHoursInZone() {
        if (businessHours == null) {
            return null;
        }
        return BusinessHours.parse(businessHours, zone, holidays == null ? HolidayCalendar.NONE
                : HolidayCalendar.parse(holidays));
    }

    /** The first-contact resolution column: the one set, else {@value #FCR_COLUMN}. */
    public String fcrColumn() {
        return fcrColumn == null ? FCR_COLUMN : fcrColumn;
    }

    /** Whether the first-contact resolution column was set (and so must exist). */
    public boolean isFcrColumnSet() {
        return fcrColumn != null;
    }

    /** The response-time target. */
    public Duration responseTarget() {
        return responseTarget;
    }

    /** The KTO survey, if one is reported. */
    public Optional<Survey> survey() {
        return Optional.ofNullable(survey);
    }

    /** The respondent column, if responses are deduplicated. */
    public Optional<String> respondentColumn() {
        return Optional.ofNullable(respondentColumn);
    }

    /** Which response of a respondent is kept (when deduplicating). */
    public Dedup.Keep keep() {
        return keep;
    }

    /** Whether one response is kept per respondent per period (else over the whole input). */
    public boolean isKeepPerPeriod() {
        return keepPerPeriod;
    }
}
