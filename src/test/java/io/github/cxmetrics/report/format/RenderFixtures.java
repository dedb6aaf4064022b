package io.github.cxmetrics.report.format;

import io.github.cxmetrics.report.ReportOptions;
import io.github.cxmetrics.report.Report;

import io.github.cxmetrics.calendar.Granularity;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;

/** Reports made from small CSV texts, for the renderer tests. */
final class RenderFixtures {
    static final ReportOptions WEEKLY_BY_CHANNEL = ReportOptions.defaults().withGrouping(g -> g.withBy(Granularity.WEEK)
            .withSegment("channel").withZone(ZoneId.of("Europe/Amsterdam")));

    /**
     * Five responses: three in ISO week 2025-W02, none in W03, two in W04; channels email, phone and
     * {@code chat, "web"} (a comma and quotes, so CSV must quote it).
     */
    static final String TINY = """
            submitted_at,channel,nps,csat,ces
            2025-01-06T10:00:00+01:00,email,10,5,7
            2025-01-07T10:00:00+01:00,email,9,4,6
            2025-01-08T10:00:00+01:00,phone,9,2,
            2025-01-20T10:00:00+01:00,phone,7,5,3
            2025-01-21T10:00:00+01:00,"chat, ""web""\",3,,5
            """;

    private RenderFixtures() {
    }

    static Report report(String csv, ReportOptions options) {
        try {
            return Report.generate(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "test.csv",
                    options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A deterministic pseudo-random export: {@code days} consecutive days from Monday 2025-01-06 with
     * one response a day, except the days in {@code [gapFrom, gapTo)} (day indexes), which have none;
     * every fifth response (days 0, 5, 10, …) from the segment {@code <&>"}, the others from email.
     * Scores come from a 64-bit LCG (Knuth's MMIX constants) with seed 1075, chosen (python, same
     * generator) so that no two compared groups have exactly equal scores: the temporary normal
     * distribution shim returns a p-value slightly above 1 for a zero statistic.
     */
    static String daily(int days, int gapFrom, int gapTo) {
        StringBuilder csv = new StringBuilder("submitted_at,channel,nps,csat,ces\n");
        long seed = 1075;
        for (int i = 0; i < days; i++) {
            long[] draws = new long[3];
            for (int k = 0; k < 3; k++) {
                seed = seed * 6364136223846793005L + 1442695040888963407L;
                draws[k] = seed >>> 33;
            }
            if (i >= gapFrom && i < gapTo) {
                continue;
            }
            String day = java.time.LocalDate.of(2025, 1, 6).plusDays(i).toString();
            String channel = i % 5 == 0 ? "\"<&>\"\"\"" : "email";
            csv.append(day).append("T12:00:00Z,").append(channel).append(',').append(draws[0] % 11).append(',')
                    .append(1 + draws[1] % 5).append(',').append(1 + draws[2] % 7).append('\n');
        }
        return csv.toString();
    }
}
