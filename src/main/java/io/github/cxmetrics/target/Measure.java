package io.github.cxmetrics.target;

import io.github.cxmetrics.trend.Metric;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link Target} is set on: one of the three survey scores, or an operational KPI of the
 * report (response time, first-contact resolution). Each has a key, as written in target
 * expressions, and a unit:
 *
 * <table>
 *   <caption>Measures, keys and units</caption>
 *   <tr><th>measure</th><th>key</th><th>unit</th><th>interval a report judges it on</th></tr>
 *   <tr><td>{@link #NPS}</td><td>{@code nps}</td><td>NPS points, −100…100</td><td>adjusted Wald</td></tr>
 *   <tr><td>{@link #CSAT}</td><td>{@code csat}</td><td>% satisfied, 0…100</td><td>Wilson</td></tr>
 *   <tr><td>{@link #CES}</td><td>{@code ces}</td><td>scale points</td><td>Student t</td></tr>
 *   <tr><td>{@link #RESPONSE_MEAN}</td><td>{@code response.mean}</td><td>duration</td><td>Student t
 *       (exact sums)</td></tr>
 *   <tr><td>{@link #RESPONSE_MEDIAN}</td><td>{@code response.median}</td><td>duration</td>
 *       <td>distribution-free order statistics, widened to whole histogram buckets</td></tr>
 *   <tr><td>{@link #RESPONSE_P90}</td><td>{@code response.p90}</td><td>duration</td><td>as the
 *       median</td></tr>
 *   <tr><td>{@link #RESPONSE_WITHIN}</td><td>{@code response.within}</td><td>% answered within the
 *       report's response-time target, 0…100</td><td>the report's proportion interval (Wilson)</td></tr>
 *   <tr><td>{@link #FCR}</td><td>{@code fcr}</td><td>% resolved at first contact, 0…100</td><td>the
 *       report's proportion interval (Wilson)</td></tr>
 * </table>
 *
 * <p>Durations are held in minutes; a target expression writes them with a unit ({@code 2h},
 * {@code 90min}, see {@link Target}).
 *
 * @since 0.1.0
 */
public enum Measure {
    /** The Net Promoter Score. */
    NPS("nps", "NPS", Metric.NPS),
    /** CSAT, % satisfied. */
    CSAT("csat", "CSAT", Metric.CSAT),
    /** CES, the mean effort score. */
    CES("ces", "CES", Metric.CES),
    /** The mean response time. */
    RESPONSE_MEAN("response.mean", "The mean response time", null),
    /** The median response time. */
    RESPONSE_MEDIAN("response.median", "The median response time", null),
    /** The 90th percentile of the response time. */
    RESPONSE_P90("response.p90", "The p90 response time", null),
    /** The share of responses within the response-time target, in %. */
    RESPONSE_WITHIN("response.within", "The share answered within target", null),
    /** First-contact resolution, % resolved. */
    FCR("fcr", "First-contact resolution", null);

    private final String key;
    private final String label;
    private final Metric metric;

    Measure(String key, String label, Metric metric) {
        this.key = key;
        this.label = label;
        this.metric = metric;
    }

    /**
     * The measure with this key ({@code nps}, {@code csat}, {@code ces}, {@code response.mean},
     * {@code response.median}, {@code response.p90}, {@code response.within}, {@code fcr}),
     * ignoring case and surrounding spaces.
     *
     * @throws IllegalArgumentException for any other text, naming the valid keys
     */
    public static Measure parse(String text) {
        Objects.requireNonNull(text, "text");
        String k = text.strip().toLowerCase(Locale.ROOT);
        for (Measure m : values()) {
            if (m.key.equals(k)) {
                return m;
            }
        }
        throw new IllegalArgumentException("Invalid value for measure (valid values " + keys() + "): " + text);
    }

    /** The keys of all measures, comma-separated, for messages and help. */
    static String keys() {
        StringBuilder sb = new StringBuilder();
        for (Measure m : values()) {
            sb.append(sb.length() == 0 ? "" : ", ").append(m.key);
        }
        return sb.toString();
    }

    /** The measure of a survey score. */
    public static Measure of(Metric metric) {
        switch (Objects.requireNonNull(metric, "metric")) {
            case NPS: return NPS;
            case CSAT: return CSAT;
            default: return CES;
        }
    }

    /** The key, as written in target expressions and JSON: {@code response.mean}. */
    public String key() {
        return key;
    }

    /** The survey score, for {@link #NPS}, {@link #CSAT} and {@link #CES}; empty for operational KPIs. */
    public Optional<Metric> metric() {
        return Optional.ofNullable(metric);
    }

    /** Whether this is a survey score (NPS, CSAT, CES). */
    public boolean isScore() {
        return metric != null;
    }

    /** Whether values are durations (held in minutes, written with a unit). */
    public boolean isDuration() {
        return this == RESPONSE_MEAN || this == RESPONSE_MEDIAN || this == RESPONSE_P90;
    }

    /** Whether values are percentages, 0…100. */
    public boolean isPercent() {
        return this == CSAT || this == RESPONSE_WITHIN || this == FCR;
    }

    /** The words that start a reason: {@code NPS}, {@code The mean response time}. */
    String label() {
        return label;
    }
}
