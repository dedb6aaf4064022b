package io.github.cxmetrics.report;

import io.github.cxmetrics.insight.DriverBootstrap;
import io.github.cxmetrics.insight.DriverTally;
import io.github.cxmetrics.insight.KeyDrivers;
import io.github.cxmetrics.report.scan.GroupTallies;
import io.github.cxmetrics.survey.Question;
import io.github.cxmetrics.survey.Survey;
import io.github.cxmetrics.survey.SurveyResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The key drivers of {@code --drivers OUTCOME}: the KTO survey's overall answer patterns give the
 * complete cases of the outcome question and every other question ({@link DriverTally#ofSurvey}),
 * analysed by {@link KeyDrivers} with {@link #REPLICATES} bootstrap resamples of the respondents.
 */
final class KeyDriverAnalysis {
    /** Bootstrap resamples in the report: 1,000, seed 1. */
    static final int REPLICATES = 1000;

    final KeyDrivers drivers;
    final DriverBootstrap intervals;
    final long respondents;
    final Map<String, Long> excluded;

    private KeyDriverAnalysis(KeyDrivers drivers, DriverBootstrap intervals, long respondents,
            Map<String, Long> excluded) {
        this.drivers = drivers;
        this.intervals = intervals;
        this.respondents = respondents;
        this.excluded = excluded;
    }

    /**
     * Checks the option before any row is read.
     *
     * @throws IllegalArgumentException if there is no survey or the outcome is not one of its questions
     */
    static void check(ReportOptions options) {
        String outcome = options.driversOutcome();
        if (outcome == null) {
            return;
        }
        Survey survey = options.grouping().survey();
        if (survey == null) {
            throw new IllegalArgumentException("--drivers " + outcome + " needs --survey: the drivers are the other "
                    + "questions of a KTO survey (for any table of answers use 'cxmetrics drivers')");
        }
        if (options.grouping().isWeighted()) {
            throw new IllegalArgumentException("--drivers cannot be combined with --weight or --rake: the key-driver "
                    + "regression is fitted to the respondents' answers unweighted");
        }
        List<String> ids = survey.questions().stream().map(Question::id).toList();
        if (!ids.contains(outcome)) {
            throw new IllegalArgumentException("Invalid value for --drivers (valid values: a question of the survey, "
                    + ids + "): " + outcome);
        }
    }

    /** The analysis of the overall survey tallies, or null without {@code --drivers}. */
    static KeyDriverAnalysis of(ReportOptions options, GroupTallies overall) {
        String outcome = options.driversOutcome();
        if (outcome == null || overall.ops() == null || overall.ops().kto() == null) {
            return null;
        }
        SurveyResult result = overall.ops().kto().snapshot();
        DriverTally tally = DriverTally.ofSurvey(result, outcome);
        List<String> order = new ArrayList<>();
        order.add(outcome);
        order.addAll(tally.drivers());
        List<Question> questions = result.survey().questions();
        List<double[]> rows = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        Map<String, Long> excluded = new LinkedHashMap<>();
        result.forEachPattern((answers, count) -> {
            double[] row = new double[order.size()];
            for (int i = 0; i < order.size(); i++) {
                int q = indexOf(questions, order.get(i));
                if (answers[q] == Survey.MISSING) {
                    excluded.merge(order.get(i), count, Long::sum);
                    return;
                }
                row[i] = answers[q];
            }
            rows.add(row);
            counts.add(count);
        });
        KeyDrivers k = KeyDrivers.of(tally);
        DriverBootstrap boot = DriverBootstrap.of(outcome, tally.drivers(), rows,
                counts.stream().mapToLong(Long::longValue).toArray(), REPLICATES, 1, options.confidence());
        return new KeyDriverAnalysis(k, boot, result.respondents(), excluded);
    }

    private static int indexOf(List<Question> questions, String id) {
        for (int q = 0; q < questions.size(); q++) {
            if (questions.get(q).id().equals(id)) {
                return q;
            }
        }
        throw new AssertionError(id);
    }
}
