package io.github.cxmetrics.report;

import io.github.cxmetrics.io.CsvHeader;
import io.github.cxmetrics.io.CsvReader;
import io.github.cxmetrics.ops.ResponseTimeHistogram;
import io.github.cxmetrics.ops.ResponseTimeHistogramAccumulator;
import io.github.cxmetrics.scale.Scale;
import io.github.cxmetrics.survey.Question;
import io.github.cxmetrics.survey.Survey;
import io.github.cxmetrics.survey.SurveyAccumulator;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The operational columns of a report (response time, first-contact resolution, the KTO questions):
 * where they are in the header, the values of the current row, and new per-group tallies.
 */
final class OpsColumns {
    static final int NO_OUTCOME = -1;

    private final int responseColumn;
    private final int fcrColumn;
    private final Survey survey;
    private final int[] questionColumns;
    private final Duration target;

    // the current row, valid after read()
    private boolean hasMinutes;
    private double minutes;
    private int outcome = NO_OUTCOME;
    private final int[] answers;
    private int answered;

    private OpsColumns(int responseColumn, int fcrColumn, Survey survey, int[] questionColumns, Duration target) {
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
     * @throws IllegalArgumentException if a named column or a survey question's column is missing
     */
    static OpsColumns resolve(CsvHeader header, ReportOptions options) {
        int response = find(header, options.responseColumn(), options.isResponseColumnSet(), "--column response");
        int fcr = find(header, options.fcrColumn(), options.isFcrColumnSet(), "--column fcr");
        Survey survey = options.survey().orElse(null);
        int[] questions = new int[0];
        if (survey != null) {
            List<Question> list = survey.questions();
            questions = new int[list.size()];
            for (int i = 0; i < questions.length; i++) {
                questions[i] = find(header, list.get(i).id(), true, "--survey question");
            }
        }
        return new OpsColumns(response, fcr, survey, questions, options.responseTarget());
    }

    private static int find(CsvHeader header, String name, boolean required, String option) {
        int index = header.indexOf(name);
        if (index < 0 && required) {
            throw new IllegalArgumentException("Missing required column \"" + name + "\" (" + option
                    + ") in header " + header.names());
        }
        return index;
    }

    /** Whether the report has any operational KPI. */
    boolean isActive() {
        return responseColumn >= 0 || fcrColumn >= 0 || survey != null;
    }

    /** Empty tallies for one group. */
    OpsTallies newTallies() {
        return new OpsTallies(responseColumn >= 0 ? new ResponseTimeHistogramAccumulator(
                ResponseTimeHistogram.DEFAULT_RELATIVE_ACCURACY, target) : null,
                fcrColumn >= 0 ? new io.github.cxmetrics.ops.OutcomeAccumulator() : null,
                survey != null ? new SurveyAccumulator(survey) : null);
    }

    /**
     * Reads and checks the operational values of the current row, changing nothing else.
     *
     * @throws BadRowException for a response time that is not a number of minutes ≥ 0, an outcome
     *     that is not a yes or no, or a KTO answer off its question's scale
     */
    void read(CsvReader reader, CsvHeader header) {
        hasMinutes = false;
        outcome = NO_OUTCOME;
        if (responseColumn >= 0 && !reader.isEmpty(responseColumn)) {
            String raw = reader.field(responseColumn).strip();
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
        if (fcrColumn >= 0 && !reader.isEmpty(fcrColumn)) {
            String raw = reader.field(fcrColumn).strip().toLowerCase(Locale.ROOT);
            outcome = switch (raw) {
                case "" -> NO_OUTCOME;
                case "true", "yes", "y", "1" -> 1;
                case "false", "no", "n", "0" -> 0;
                default -> throw bad(reader, header, fcrColumn, reader.field(fcrColumn),
                        "is not a yes or no (true/false, yes/no, y/n, 1/0)");
            };
        }
        if (survey != null) {
            answered = 0;
            Arrays.fill(answers, Survey.MISSING);
            for (int q = 0; q < answers.length; q++) {
                int column = questionColumns[q];
                String raw = reader.field(column);
                if (raw.isBlank()) {
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

    /** Durations beyond about 292 years do not fit the histogram's nanoseconds. */
    private static final double MAX_MINUTES = Long.MAX_VALUE / 60_000_000_000.0;

    /** Digits with at most one decimal point (no sign, exponent, NaN or infinity). */
    private static boolean isDecimal(String s) {
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
        if (hasMinutes) {
            group.response().addMinutes(minutes);
        }
        if (outcome != NO_OUTCOME) {
            group.fcr().add(outcome == 1);
        }
        if (answered > 0) {
            group.kto().add(answers);
        }
    }
}
