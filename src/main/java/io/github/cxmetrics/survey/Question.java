package io.github.cxmetrics.survey;

import io.github.cxmetrics.scale.Direction;
import io.github.cxmetrics.scale.Scale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One question of a {@link Survey}: an id, the scale it is answered on, and its weight in the
 * survey's indices.
 *
 * <p>The id is a word of letters, digits, {@code _}, {@code -} and {@code .} (so that it can be a
 * column name and a token of {@link Survey#parse(String)}); the weight is a finite number &gt; 0
 * (weights are relative: the survey normalises them to sum to 1). An immutable, thread-safe value.
 *
 * @param id the question id, e.g. {@code q1} or {@code overall_satisfaction}
 * @param scale the answer scale
 * @param weight the relative weight, a plain number, finite and &gt; 0 (only ratios matter)
 *
 * @since 0.1.0
 */
public record Question(String id, Scale scale, double weight) {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.\\-]+");

    /**
     * Checks the fields.
     *
     * @throws IllegalArgumentException if the id is not a word as described, or the weight is not
     *     finite and positive
     * @throws NullPointerException if id or scale is null
     */
    public Question {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(scale, "scale");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("Invalid value for question id (valid values letters, digits, _ - .): \""
                    + id + "\"");
        }
        if (!(weight > 0 && weight < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("Invalid value for weight of question " + id
                    + " (valid values > 0, finite): " + weight);
        }
    }

    /**
     * The score rescaled to 0–100 with 100 the best end: 100·(x − min)/(max − min), or
     * 100·(max − x)/(max − min) on a scale where lower is better (the CES effort scale).
     *
     * @throws IllegalArgumentException if the score is not on the scale
     */
    public double rescaled(int score) {
        scale.requireValid(score);
        int range = scale.max() - scale.min();
        int fromWorst = scale.direction() == Direction.HIGHER_IS_BETTER ? score - scale.min() : scale.max() - score;
        return 100.0 * fromWorst / range;
    }

    /**
     * The net value of a score: +1 in the scale's favourable box (top box, promoters, easy), −1 in
     * its unfavourable box, 0 in between.
     *
     * @throws IllegalArgumentException if the score is not on the scale
     */
    public int net(int score) {
        return scale.isFavorable(score) ? 1 : scale.isUnfavorable(score) ? -1 : 0;
    }
}
