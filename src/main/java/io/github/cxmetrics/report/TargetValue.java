package io.github.cxmetrics.report;

import io.github.cxmetrics.target.Estimate;

/**
 * What a group's data give for a target's measure: an estimate with its interval, or none, with n
 * and the reason (no responses, too few for an interval).
 *
 * @param estimate the estimate, or null
 * @param n the number of responses
 * @param missing why there is no estimate, or null
 */
record TargetValue(Estimate estimate, long n, String missing) {
    static TargetValue of(Estimate e) {
        return new TargetValue(e, e.n(), null);
    }

    static TargetValue missing(long n, String why) {
        return new TargetValue(null, n, why);
    }

    boolean isPresent() {
        return estimate != null;
    }
}
