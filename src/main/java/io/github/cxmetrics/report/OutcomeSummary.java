package io.github.cxmetrics.report;

import java.util.OptionalDouble;

/**
 * A yes/no operational KPI of one group of a report, such as first-contact resolution: n (rows
 * with a known outcome), the count of yes, the share of yes in % and its interval in % (the
 * report's proportion interval, Wilson by default). The share and interval are empty when n = 0.
 *
 * @param n the number of rows with a yes or no (empty cells not counted)
 * @param successes the number of yes
 * @param score 100 · successes / n
 * @param lower the lower confidence limit in %
 * @param upper the upper confidence limit in %
 *
 * @since 0.1.0
 */
public record OutcomeSummary(long n, long successes, OptionalDouble score, OptionalDouble lower,
        OptionalDouble upper) {
}
