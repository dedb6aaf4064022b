package io.github.cxmetrics.cli;

import io.github.cxmetrics.scale.CesScale;
import io.github.cxmetrics.scale.CsatScale;
import io.github.cxmetrics.stats.Confidence;
import io.github.cxmetrics.stats.MeanTest;
import io.github.cxmetrics.stats.NpsInterval;
import io.github.cxmetrics.stats.NpsTest;
import io.github.cxmetrics.stats.ProportionInterval;
import java.util.Locale;

/** Parsing of the option values shared by several commands; every bad value is a usage error. */
final class Options {
    private Options() {
    }

    static double confidence(String command, Args args) {
        double c = args.doubleValue(command, "--confidence", Confidence.DEFAULT);
        if (!(c > 0 && c < 1)) {
            throw new UsageException(command + ": --confidence must be between 0 and 1 (exclusive), got "
                    + args.get("--confidence"));
        }
        return c;
    }

    static <E extends Enum<E>> E choice(String command, Args args, String option, Class<E> type, E fallback) {
        String v = args.get(option);
        if (v == null) {
            return fallback;
        }
        for (E e : type.getEnumConstants()) {
            if (cliName(e).equals(v.strip().toLowerCase(Locale.ROOT))) {
                return e;
            }
        }
        StringBuilder valid = new StringBuilder();
        for (E e : type.getEnumConstants()) {
            valid.append(valid.length() == 0 ? "" : "|").append(cliName(e));
        }
        throw new UsageException(command + ": " + option + " must be one of " + valid + ", got \"" + v + "\"");
    }

    static String cliName(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static NpsInterval npsInterval(String command, Args args) {
        return choice(command, args, "--nps-interval", NpsInterval.class, NpsInterval.ADJUSTED_WALD);
    }

    static ProportionInterval proportionInterval(String command, Args args) {
        return choice(command, args, "--proportion-interval", ProportionInterval.class, ProportionInterval.WILSON);
    }

    static NpsTest npsTest(String command, Args args) {
        return choice(command, args, "--test", NpsTest.class, NpsTest.ADJUSTED_WALD);
    }

    static MeanTest meanTest(String command, Args args) {
        return choice(command, args, "--test", MeanTest.class, MeanTest.WELCH);
    }

    static CsatScale csatScale(String command, Args args) {
        String v = args.get("--csat-scale");
        if (v == null) {
            return CsatScale.FIVE_POINT;
        }
        try {
            return CsatScale.parse(v);
        } catch (IllegalArgumentException e) {
            throw new UsageException(command + ": --csat-scale: " + e.getMessage());
        }
    }

    static CesScale cesScale(String command, Args args) {
        String v = args.get("--ces-scale");
        if (v == null) {
            return CesScale.AGREEMENT_7;
        }
        try {
            return CesScale.parse(v);
        } catch (IllegalArgumentException e) {
            throw new UsageException(command + ": --ces-scale: " + e.getMessage() + " (e.g. 1-7 or 1-5-effort)");
        }
    }

    static boolean json(String command, Args args) {
        String f = args.get("--format", "table");
        return switch (f) {
            case "json" -> true;
            case "table" -> false;
            default -> throw new UsageException(command + ": --format must be table or json, got \"" + f + "\"");
        };
    }
}
