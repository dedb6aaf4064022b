package io.github.cxmetrics.bench;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

/**
 * Small in-memory feedback exports in the format of {@code shared/bench/GenResponses.java} (same
 * columns, same share of empty score cells, Europe/Amsterdam offsets), for the parsing benchmarks.
 * The score values are simpler (no seasonality): only their format matters here.
 */
final class Exports {
    static final String HEADER = "response_id,submitted_at,channel,region,team,nps,csat,ces,"
            + "first_response_minutes,resolved_first_contact,weight\n";
    private static final String[] CHANNELS = {"phone", "email", "chat", "social", "store"};
    private static final String[] REGIONS = {"north", "south", "east", "west", "randstad", "belgium"};

    private Exports() {
    }

    /** {@code rows} data rows after the header, UTF-8; the same seed gives the same bytes. */
    static byte[] generate(int rows, long seed) {
        ZoneId zone = ZoneId.of("Europe/Amsterdam");
        long t0 = LocalDate.of(2025, 1, 1).atStartOfDay(zone).toEpochSecond();
        long span = 730 * 86_400L;
        DateTimeFormatter iso = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
        SplittableRandom rnd = new SplittableRandom(seed);
        StringBuilder sb = new StringBuilder(rows * 80).append(HEADER);
        for (int id = 1; id <= rows; id++) {
            long epoch = t0 + (long) (rnd.nextDouble() * span);
            sb.append(id).append(',').append(iso.format(Instant.ofEpochSecond(epoch).atZone(zone))).append(',')
                    .append(CHANNELS[rnd.nextInt(CHANNELS.length)]).append(',')
                    .append(REGIONS[rnd.nextInt(REGIONS.length)]).append(",team-").append(1 + rnd.nextInt(24))
                    .append(',');
            if (rnd.nextDouble() < 0.8) {
                sb.append(rnd.nextInt(11));
            }
            sb.append(',');
            if (rnd.nextDouble() < 0.7) {
                sb.append(1 + rnd.nextInt(5));
            }
            sb.append(',');
            if (rnd.nextDouble() < 0.5) {
                sb.append(1 + rnd.nextInt(7));
            }
            sb.append(',').append(Math.round(rnd.nextDouble() * 3000) / 10.0).append(',')
                    .append(rnd.nextBoolean()).append(',').append(Math.round((0.5 + rnd.nextDouble()) * 1000) / 1000.0)
                    .append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
}
