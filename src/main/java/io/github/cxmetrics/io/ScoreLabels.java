package io.github.cxmetrics.io;

import io.github.cxmetrics.scale.CsatScale;
import io.github.cxmetrics.scale.Direction;
import io.github.cxmetrics.scale.Scale;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The built-in answer vocabularies: labels that stand for a score, matched case-insensitively
 * after trimming.
 *
 * <ul>
 * <li>a label that starts with its score: {@code 10 - Extremely likely}, {@code 0 (Not at all likely)},
 *     {@code 5: Very satisfied}, on any scale;
 * <li>on a 1–5 scale where higher is better: 5-point satisfaction (Very dissatisfied, Dissatisfied,
 *     Neutral or Neither satisfied nor dissatisfied, Satisfied, Very satisfied; Zeer ontevreden,
 *     Ontevreden, Neutraal, Tevreden, Zeer tevreden) and 5-point agreement (Strongly disagree,
 *     Disagree or Somewhat disagree, Neutral or Neither agree nor disagree, Agree or Somewhat
 *     agree, Strongly agree, the second wording SurveyMonkey's; Helemaal mee oneens, Mee oneens,
 *     Neutraal, Mee eens, Helemaal mee eens) = 1–5;
 * <li>on a 1–7 scale where higher is better (CES agreement): Strongly disagree, Disagree, Somewhat
 *     disagree, Neither agree nor disagree (or Neutral), Somewhat agree, Agree, Strongly agree = 1–7;
 * <li>on a CSAT scale 1–2 (Zendesk): {@code bad} = 1, {@code good} = 2.
 * </ul>
 * A vocabulary applies only to a scale of its length and direction, so that {@code Very satisfied}
 * is never read as 5 on a 1–7 scale. Stateless and thread-safe.
 */
final class ScoreLabels {
    private static final Pattern LEADING_SCORE = Pattern.compile(
            "(\\d{1,2})\\s*(?:[-\u2013\u2014:(=]|\\.(?!\\d)|\\s)(?=.*\\p{L}).*");

    private static final Map<String, Integer> FIVE_POINT = Map.ofEntries(
            Map.entry("very dissatisfied", 1), Map.entry("dissatisfied", 2), Map.entry("neutral", 3),
            Map.entry("neither satisfied nor dissatisfied", 3), Map.entry("satisfied", 4), Map.entry("very satisfied", 5),
            Map.entry("zeer ontevreden", 1), Map.entry("ontevreden", 2), Map.entry("neutraal", 3),
            Map.entry("tevreden", 4), Map.entry("zeer tevreden", 5),
            Map.entry("strongly disagree", 1), Map.entry("disagree", 2), Map.entry("somewhat disagree", 2),
            Map.entry("neither agree nor disagree", 3), Map.entry("agree", 4), Map.entry("somewhat agree", 4),
            Map.entry("strongly agree", 5),
            Map.entry("helemaal mee oneens", 1), Map.entry("mee oneens", 2), Map.entry("mee eens", 4),
            Map.entry("helemaal mee eens", 5));
    private static final Map<String, Integer> SEVEN_POINT = Map.of(
            "strongly disagree", 1, "disagree", 2, "somewhat disagree", 3, "neither agree nor disagree", 4,
            "neutral", 4, "somewhat agree", 5, "agree", 6, "strongly agree", 7);
    private static final Map<String, Integer> GOOD_BAD = Map.of("bad", 1, "good", 2);
    /** Zendesk's states of a rating that was not given. */
    static final List<String> NOT_RATED = List.of("offered", "unoffered");

    private ScoreLabels() {
    }

    /** The vocabulary that applies to a scale, or an empty map when only numbers and leading scores do. */
    static Map<String, Integer> vocabulary(Scale scale) {
        if (scale.direction() != Direction.HIGHER_IS_BETTER || scale.min() != 1) {
            return Map.of();
        }
        if (scale.max() == 5) {
            return FIVE_POINT;
        }
        if (scale.max() == 7) {
            return SEVEN_POINT;
        }
        if (scale.max() == 2 && scale instanceof CsatScale) {
            return GOOD_BAD;
        }
        return Map.of();
    }

    /** Describes the vocabulary in use, for the message of an unknown label. */
    static String describe(Scale scale) {
        Map<String, Integer> v = vocabulary(scale);
        String labels = v == FIVE_POINT ? "5-point satisfaction and agreement (English, Dutch)"
                : v == SEVEN_POINT ? "7-point agreement (English)"
                : v == GOOD_BAD ? "good/bad"
                : "none for " + scale;
        return "numbers, labels starting with the score, " + labels;
    }

    /** Whether a cell is a Zendesk rating that was offered but not given. */
    static boolean isNotRated(String text, Scale scale) {
        return scale instanceof CsatScale && NOT_RATED.contains(text.toLowerCase(Locale.ROOT));
    }

    /** The score a label stands for on a scale, if a built-in vocabulary knows it. */
    static OptionalInt scoreOf(String text, Scale scale) {
        Matcher m = LEADING_SCORE.matcher(text);
        if (m.matches()) {
            return OptionalInt.of(Integer.parseInt(m.group(1)));
        }
        Integer score = vocabulary(scale).get(text.toLowerCase(Locale.ROOT));
        return score == null ? OptionalInt.empty() : OptionalInt.of(score);
    }
}
