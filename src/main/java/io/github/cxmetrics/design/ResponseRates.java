package io.github.cxmetrics.design;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Response rates per segment from the number of customers invited in each segment and the
 * respondents, and inverse-response-rate weights: the simpler alternative to {@link Raking} when
 * the invitations are known.
 *
 * <p>Get one with {@link #of(String, Map, List)}. The responses of a segment are counted from the
 * respondents. The rate of segment s is r<sub>s</sub> = responses<sub>s</sub>/invitations<sub>s</sub>,
 * and every respondent of s gets a weight proportional to 1/r<sub>s</sub> (the weighting-class
 * non-response adjustment; Little 1986, Int. Statist. Review 54(2):139–157; Kalton &amp;
 * Flores-Cervantes 2003, J. Official Statistics 19(2):81–97):
 * <pre>
 *   w_i = (1/r_s)·n/I = n·(invitations_s/I)/responses_s
 * </pre>
 * with I the total of invitations and n the number of respondents, so the weights have mean 1 and
 * the weighted segment shares equal the invitation shares: the same weights as post-stratification
 * to the invitation shares. The adjustment assumes that, within a segment, those who answered are
 * like those who did not.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class ResponseRates {
    /** The segment name of {@link #overall()}. */
    public static final String ALL = "(all)";

    private final String variable;
    private final List<ResponseRate> segments;
    private final ResponseRate overall;
    private final int[] codes;

    private ResponseRates(String variable, List<ResponseRate> segments, ResponseRate overall, int[] codes) {
        this.variable = variable;
        this.segments = segments;
        this.overall = overall;
        this.codes = codes;
    }

    /**
     * The response rates of the segments of {@code variable}, counting each respondent's segment.
     *
     * @param variable the segment variable, e.g. {@code channel}
     * @param invitations the number invited per segment, each at least 1; their order is kept
     * @param respondents the respondents, each a map from variable to category, with a value for
     *     {@code variable} that is one of the invited segments
     * @throws IllegalArgumentException if there are no segments, a segment has fewer than 1
     *     invitation, a respondent has no value for the variable or one that was not invited, or a
     *     segment has more respondents than invitations
     * @throws NullPointerException if an argument, a respondent, a segment or a count is null
     */
    public static ResponseRates of(String variable, Map<String, Long> invitations,
            List<? extends Map<String, String>> respondents) {
        Objects.requireNonNull(variable, "variable");
        Objects.requireNonNull(invitations, "invitations");
        Objects.requireNonNull(respondents, "respondents");
        if (invitations.isEmpty()) {
            throw new IllegalArgumentException("Invalid invitations for " + variable + " (valid values at least one "
                    + "segment): none");
        }
        Map<String, Integer> index = new HashMap<>();
        List<String> names = new ArrayList<>();
        long[] invited = new long[invitations.size()];
        for (Map.Entry<String, Long> e : invitations.entrySet()) {
            String segment = Objects.requireNonNull(e.getKey(), "segment");
            long count = Objects.requireNonNull(e.getValue(), "invitations of " + segment);
            if (count < 1) {
                throw new IllegalArgumentException("Invalid value for invitations of " + variable + "=" + segment
                        + " (valid values >= 1): " + count);
            }
            index.put(segment, names.size());
            invited[names.size()] = count;
            names.add(segment);
        }
        long[] responses = new long[names.size()];
        int[] codes = new int[respondents.size()];
        for (int i = 0; i < codes.length; i++) {
            Map<String, String> row = Objects.requireNonNull(respondents.get(i), "respondent at index " + i);
            String value = row.get(variable);
            if (value == null) {
                throw new IllegalArgumentException("Missing value for " + variable + " at respondent index " + i
                        + " (valid values " + String.join(", ", names) + ")");
            }
            Integer c = index.get(value);
            if (c == null) {
                throw new IllegalArgumentException("Invalid value for " + variable + " at respondent index " + i
                        + " (valid values the invited segments " + String.join(", ", names) + "): '" + value + "'");
            }
            codes[i] = c;
            responses[c]++;
        }
        List<ResponseRate> rates = new ArrayList<>();
        long totalInvited = 0;
        for (int c = 0; c < names.size(); c++) {
            if (responses[c] > invited[c]) {
                throw new IllegalArgumentException("Invalid value for responses of " + variable + "=" + names.get(c)
                        + " (valid values 0 - " + invited[c] + " invitations): " + responses[c]);
            }
            rates.add(new ResponseRate(names.get(c), invited[c], responses[c]));
            totalInvited = Math.addExact(totalInvited, invited[c]);
        }
        ResponseRate overall = new ResponseRate(ALL, totalInvited, codes.length);
        return new ResponseRates(variable, Collections.unmodifiableList(rates), overall, codes);
    }

    /** The segment variable. */
    public String variable() {
        return variable;
    }

    /** The rate of each segment, in the order of the invitations given. */
    public List<ResponseRate> segments() {
        return segments;
    }

    /** The rate of all segments together, named {@value #ALL}. */
    public ResponseRate overall() {
        return overall;
    }

    /** The rate of each segment by name, in the order of the invitations given. */
    public Map<String, ResponseRate> bySegment() {
        Map<String, ResponseRate> map = new LinkedHashMap<>();
        for (ResponseRate r : segments) {
            map.put(r.segment(), r);
        }
        return Collections.unmodifiableMap(map);
    }

    /**
     * Inverse-response-rate weights for the respondents given to {@link #of(String, Map, List)}, in
     * their order: w<sub>i</sub> = n·(invitations<sub>s</sub>/I)/responses<sub>s</sub>, mean 1.
     *
     * @throws IllegalArgumentException if a segment was invited but nobody in it responded: its
     *     customers cannot be represented (merge it with a neighbouring segment)
     */
    public WeightingResult weights() {
        double n = codes.length;
        double totalInvited = overall.invitations();
        double[] factor = new double[segments.size()];
        for (int c = 0; c < factor.length; c++) {
            ResponseRate r = segments.get(c);
            if (r.responses() == 0) {
                throw new IllegalArgumentException("Empty cell: no respondent in " + variable + "=" + r.segment() + " ("
                        + r.invitations() + " invitations, response rate 0)");
            }
            factor[c] = n * (r.invitations() / totalInvited) / r.responses();
        }
        double[] w = new double[codes.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = factor[codes[i]];
        }
        double[] weightedSums = new double[factor.length];
        for (int i = 0; i < w.length; i++) {
            weightedSums[codes[i]] += w[i];
        }
        double deviation = 0;
        for (int c = 0; c < factor.length; c++) {
            deviation = Math.max(deviation,
                    Math.abs(weightedSums[c] / n - segments.get(c).invitations() / totalInvited));
        }
        Weights.normalize(w);
        Weights.requireAccepted(w, "inverse-response-rate weighting");
        return new WeightingResult(WeightingMethod.INVERSE_RESPONSE_RATE, w, 1, true, deviation);
    }

    @Override
    public String toString() {
        return "ResponseRates[" + variable + ", " + segments + ", overall " + overall + "]";
    }
}
