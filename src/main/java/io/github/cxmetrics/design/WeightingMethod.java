package io.github.cxmetrics.design;

/** How a set of weights was made; {@link #label()} is the name used in reports. 
 *
 * @since 0.1.0
 */
public enum WeightingMethod {
    /** Raking (iterative proportional fitting) to the shares of one or more variables: {@link Raking}. */
    RAKING("raking"),
    /** Post-stratification to the shares of one variable, in closed form: {@link PostStratification}. */
    POST_STRATIFICATION("post-stratification"),
    /** Weights proportional to 1 / response rate of the respondent's segment: {@link ResponseRates}. */
    INVERSE_RESPONSE_RATE("inverse-response-rate");

    private final String label;

    WeightingMethod(String label) {
        this.label = label;
    }

    /** The name in reports: {@code raking}, {@code post-stratification} or {@code inverse-response-rate}. */
    public String label() {
        return label;
    }
}
