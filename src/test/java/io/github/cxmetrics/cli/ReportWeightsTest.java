package io.github.cxmetrics.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/**
 * Weighted reports through the real {@code main}: {@code --weight} and {@code --rake} against an
 * independent computation from the rows written here. The raking weights come from a hand-run
 * iterative proportional fitting over the rows (not over cells, and not with the library's
 * {@code Raking}), repeated until the margins agree to 1e-13; the weighted NPS, CSAT share, FCR
 * share and mean response time are then Σw-weighted sums over the rows, and the design effect
 * n·Σw²/(Σw)², effective n and weight range are those of the row weights (mean 1).
 */
class ReportWeightsTest {
    private static final String[] REGIONS = {"north", "south"};
    private static final String[] CHANNELS = {"email", "phone"};

    /** One row of the test file. */
    record Row(String month, String region, String channel, int nps, int csat, double minutes, boolean fcr,
            double weight) {
        String csv(int id) {
            return id + ",2025-" + month + "-10T10:00:00Z," + region + "," + channel + "," + nps + "," + csat + ","
                    + minutes + "," + fcr + "," + weight;
        }
    }

    static List<Row> rows(long seed, int n) {
        Random r = new Random(seed);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            // every cell of the 2×2 occurs: the first four rows cover it
            String region = i < 4 ? REGIONS[i % 2] : REGIONS[r.nextInt(10) < 7 ? 0 : 1];
            String channel = i < 4 ? CHANNELS[i / 2] : CHANNELS[r.nextInt(10) < (region.equals("north") ? 3 : 6) ? 0 : 1];
            int nps = Math.min(10, r.nextInt(11) + (region.equals("north") ? 1 : 0));
            int csat = 1 + r.nextInt(5);
            double minutes = Math.round(r.nextDouble() * 3000) / 10.0;
            rows.add(new Row(String.format("%02d", 1 + r.nextInt(4)), region, channel, nps, csat, minutes,
                    r.nextInt(10) < 7, 0.5 + r.nextInt(6) * 0.25));
        }
        return rows;
    }

    static Path write(Path dir, List<Row> rows) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("response_id,submitted_at,region,channel,nps,csat,first_response_minutes,resolved_first_contact,"
                + "weight");
        for (int i = 0; i < rows.size(); i++) {
            lines.add(rows.get(i).csv(i + 1));
        }
        Path csv = Files.createTempFile(dir, "rows", ".csv");
        Files.write(csv, lines, StandardCharsets.UTF_8);
        return csv;
    }

    /** Hand-run IPF over the rows: start from the base weights, rake region then channel, normalise to mean 1. */
    static double[] ipf(List<Row> rows, boolean base, double north, double email) {
        double[] w = new double[rows.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = base ? rows.get(i).weight() : 1;
        }
        for (int sweep = 0; sweep < 1000; sweep++) {
            double total = 0;
            double n = 0;
            for (int i = 0; i < w.length; i++) {
                total += w[i];
                n += rows.get(i).region().equals("north") ? w[i] : 0;
            }
            for (int i = 0; i < w.length; i++) {
                w[i] *= rows.get(i).region().equals("north") ? north * total / n : (1 - north) * total / (total - n);
            }
            total = 0;
            double e = 0;
            for (int i = 0; i < w.length; i++) {
                total += w[i];
                e += rows.get(i).channel().equals("email") ? w[i] : 0;
            }
            for (int i = 0; i < w.length; i++) {
                w[i] *= rows.get(i).channel().equals("email") ? email * total / e : (1 - email) * total / (total - e);
            }
            double t2 = 0;
            double n2 = 0;
            for (int i = 0; i < w.length; i++) {
                t2 += w[i];
                n2 += rows.get(i).region().equals("north") ? w[i] : 0;
            }
            if (Math.abs(n2 / t2 - north) < 1e-13) {
                break;
            }
        }
        double sum = 0;
        for (double x : w) {
            sum += x;
        }
        for (int i = 0; i < w.length; i++) {
            w[i] *= w.length / sum;
        }
        return w;
    }

    /**
     * Checks the weighted figures against the rows; {@code tol} absorbs the raking's stopping rule
     * (the library stops when every margin is within 1e-8 of its share, the hand-run IPF at 1e-13).
     */
    private static void assertWeightedFigures(JsonNode j, List<Row> rows, double[] w, double tol) {
        double sw = 0;
        double sw2 = 0;
        double promoters = 0;
        double detractors = 0;
        double satisfied = 0;
        double resolved = 0;
        double minutes = 0;
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            sw += w[i];
            sw2 += w[i] * w[i];
            promoters += r.nps() >= 9 ? w[i] : 0;
            detractors += r.nps() <= 6 ? w[i] : 0;
            satisfied += r.csat() >= 4 ? w[i] : 0;
            resolved += r.fcr() ? w[i] : 0;
            minutes += r.minutes() * w[i];
        }
        JsonNode overall = j.get("overall");
        assertThat(overall.get("nps").get("score").asDouble()).isCloseTo(100 * (promoters - detractors) / sw,
                within(tol));
        assertThat(overall.get("nps").get("effectiveN").asDouble()).isCloseTo(sw * sw / sw2, within(tol));
        assertThat(overall.get("csat").get("score").asDouble()).isCloseTo(100 * satisfied / sw, within(tol));
        assertThat(overall.get("firstContactResolution").get("score").asDouble()).isCloseTo(100 * resolved / sw,
                within(tol));
        assertThat(overall.get("responseTime").get("mean").asDouble()).isCloseTo(minutes / sw, within(tol));
        assertThat(overall.get("responseTime").get("n").asLong()).isEqualTo(rows.size());
        // the series' centre is the weighted score of all rows, and the trend line is fitted
        for (JsonNode period : j.get("trend")) {
            JsonNode limits = period.get("metrics").get("nps").get("controlLimits");
            if (limits != null && !limits.isNull()) {
                assertThat(limits.get("center").asDouble()).isCloseTo(100 * (promoters - detractors) / sw,
                        within(tol));
            }
        }
        assertThat(j.get("trendLines").has("nps")).isTrue();
    }

    @Example
    void rakingOnATwoByTwoTableMatchesAHandRunIpf() throws IOException {
        Path dir = Files.createTempDirectory("rake");
        List<Row> rows = rows(7, 400);
        Path csv = write(dir, rows);
        MainTest.Run run = MainTest.run("report", csv.toString(), "--by", "month", "--rake",
                "region=north:0.5,south:0.5", "--rake", "channel=email:40,phone:60", "--format", "json");
        assertThat(run.code()).as(run.err()).isZero();
        JsonNode j = run.json();
        double[] w = ipf(rows, false, 0.5, 0.4);
        assertWeightedFigures(j, rows, w, 1e-5);
        JsonNode weighting = j.get("input").get("weighting");
        double sw = 0;
        double sw2 = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (double x : w) {
            sw += x;
            sw2 += x * x;
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        assertThat(weighting.get("method").asText()).isEqualTo("raking");
        assertThat(weighting.get("converged").asBoolean()).isTrue();
        assertThat(weighting.get("iterations").asInt()).isGreaterThan(1);
        assertThat(weighting.get("maxDeviation").asDouble()).isLessThanOrEqualTo(1e-8);
        assertThat(weighting.get("designEffect").asDouble()).isCloseTo(rows.size() * sw2 / (sw * sw), within(1e-6));
        assertThat(weighting.get("effectiveN").asDouble()).isCloseTo(sw * sw / sw2, within(1e-4));
        assertThat(weighting.get("minWeight").asDouble()).isCloseTo(min, within(1e-6));
        assertThat(weighting.get("maxWeight").asDouble()).isCloseTo(max, within(1e-6));
        // the same in the table, CSV and HTML input sections
        String table = MainTest.run("report", csv.toString(), "--rake", "region=north:0.5,south:0.5", "--rake",
                "channel=email:40,phone:60").out();
        assertThat(table).contains("weighting: raking to region, channel, " + weighting.get("iterations").asInt()
                + " iterations, converged; design effect ");
        String csvOut = MainTest.run("report", csv.toString(), "--rake", "region=north:0.5,south:0.5", "--rake",
                "channel=email:40,phone:60", "--format", "csv").out();
        assertThat(csvOut.split("\r\n")[1]).startsWith(",,,,weighting,400," + weighting.get("designEffect").asDouble());
        String html = MainTest.run("report", csv.toString(), "--rake", "region=north:0.5,south:0.5", "--rake",
                "channel=email:40,phone:60", "--format", "html").out();
        assertThat(html).contains("weighting: raking to region, channel");
    }

    @Example
    void rakingWithBaseWeightsMatchesAHandRunIpfFromThem() throws IOException {
        Path dir = Files.createTempDirectory("rake");
        List<Row> rows = rows(11, 300);
        Path csv = write(dir, rows);
        MainTest.Run run = MainTest.run("report", csv.toString(), "--by", "month", "--weight", "weight", "--rake",
                "region=north:0.35,south:0.65", "--rake", "channel=email:0.5,phone:0.5", "--format", "json");
        assertThat(run.code()).as(run.err()).isZero();
        assertWeightedFigures(run.json(), rows, ipf(rows, true, 0.35, 0.5), 1e-5);
    }

    @Example
    void weightColumnAloneWeighsResponseTimesFcrAndTrends() throws IOException {
        Path dir = Files.createTempDirectory("weight");
        List<Row> rows = rows(3, 300);
        Path csv = write(dir, rows);
        MainTest.Run run = MainTest.run("report", csv.toString(), "--by", "month", "--weight", "weight", "--format",
                "json");
        assertThat(run.code()).as(run.err()).isZero();
        double[] w = rows.stream().mapToDouble(Row::weight).toArray();
        assertWeightedFigures(run.json(), rows, w, 1e-9);
        assertThat(run.json().get("input").has("weighting")).isFalse();
    }

    @Example
    void clearErrorsNameTheColumnTheLevelAndWhatWasGiven() throws IOException {
        Path dir = Files.createTempDirectory("rake");
        Path csv = write(dir, rows(5, 50));
        MainTest.Run missing = MainTest.run("report", csv.toString(), "--rake", "region=north:1");
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).contains("--rake region: the data have level \"south\"")
                .contains("which has no share in region=north:1.0");
        MainTest.Run absent = MainTest.run("report", csv.toString(), "--rake", "region=north:0.4,south:0.4,east:0.2");
        assertThat(absent.code()).isEqualTo(1);
        assertThat(absent.err()).contains("--rake region: level \"east\" has share 0.2 but no row in the data "
                + "(levels found: north, south)");
        MainTest.Run sum = MainTest.run("report", csv.toString(), "--rake", "region=north:0.4,south:0.4");
        assertThat(sum.code()).isEqualTo(2);
        assertThat(sum.err()).contains("--rake region: the shares sum to 0.8");
        MainTest.Run percent = MainTest.run("report", csv.toString(), "--rake", "region=north:40,south:60.2",
                "--format", "json");
        assertThat(percent.code()).as(percent.err()).isZero();
        MainTest.Run column = MainTest.run("report", csv.toString(), "--rake", "area=north:1");
        assertThat(column.code()).isEqualTo(1);
        assertThat(column.err()).contains("Missing required column \"area\" (--rake)");
    }

    @Example
    void storedRakedTalliesGiveTheSameReport() throws IOException {
        Path dir = Files.createTempDirectory("rake");
        Path csv = write(dir, rows(9, 200));
        Path store = dir.resolve("store");
        for (String format : new String[] {"json", "table", "csv", "html"}) {
            MainTest.Run saved = MainTest.run("report", csv.toString(), "--by", "month", "--segment", "channel",
                    "--weight", "weight", "--rake", "region=north:0.3,south:0.7", "--save-tallies", store.toString(),
                    "--format", format);
            assertThat(saved.code()).as(saved.err()).isZero();
            MainTest.Run loaded = MainTest.run("report", "--from-tallies", store.toString(), "--format", format);
            assertThat(loaded.code()).as(loaded.err()).isZero();
            assertThat(loaded.out()).isEqualTo(saved.out());
        }
    }

    @Example
    void aRakedReportOfNoRowsIsEmptyAndStored() throws IOException {
        Path dir = Files.createTempDirectory("rake");
        Path csv = write(dir, List.of());
        Path store = dir.resolve("store");
        MainTest.Run saved = MainTest.run("report", csv.toString(), "--rake", "region=north:0.5,south:0.5",
                "--save-tallies", store.toString(), "--format", "json");
        assertThat(saved.code()).as(saved.err()).isZero();
        assertThat(saved.json().get("input").has("weighting")).isFalse();
        MainTest.Run loaded = MainTest.run("report", "--from-tallies", store.toString(), "--format", "json");
        assertThat(loaded.out()).isEqualTo(saved.out());
    }

    /** The row order (and so any split of the scan) does not change a byte of a raked report. */
    @Property(tries = 8)
    void shuffledRowsGiveTheSameRakedReport(@ForAll @LongRange(min = 1, max = 1000) long seed) throws IOException {
        Path dir = Files.createTempDirectory("rake");
        List<Row> rows = rows(seed, 120);
        List<Row> shuffled = new ArrayList<>(rows);
        Collections.shuffle(shuffled, new Random(seed + 1));
        String[] options = {"--by", "month", "--segment", "channel", "--weight", "weight", "--rake",
            "region=north:0.45,south:0.55", "--rake", "channel=email:0.5,phone:0.5", "--format", "json"};
        MainTest.Run a = MainTest.run(concat(write(dir, rows), options));
        MainTest.Run b = MainTest.run(concat(write(dir, shuffled), options));
        assertThat(a.code()).as(a.err()).isZero();
        assertThat(b.out().replaceAll("rows[0-9]+\\.csv", "")).isEqualTo(a.out().replaceAll("rows[0-9]+\\.csv", ""));
    }

    /** Raking to the sample's own shares gives weights 1: the unweighted scores. */
    @Property(tries = 8)
    void rakingToTheSampleSharesGivesTheUnweightedScores(@ForAll @LongRange(min = 1, max = 1000) long seed)
            throws IOException {
        Path dir = Files.createTempDirectory("rake");
        List<Row> rows = rows(seed, 150);
        Path csv = write(dir, rows);
        long north = rows.stream().filter(r -> r.region().equals("north")).count();
        double share = (double) north / rows.size();
        MainTest.Run raked = MainTest.run("report", csv.toString(), "--rake", "region=north:" + share + ",south:"
                + (1 - share), "--format", "json");
        MainTest.Run plain = MainTest.run("report", csv.toString(), "--format", "json");
        assertThat(raked.code()).as(raked.err()).isZero();
        JsonNode r = raked.json().get("overall");
        JsonNode p = plain.json().get("overall");
        for (String metric : new String[] {"nps", "csat"}) {
            assertThat(r.get(metric).get("score").asDouble()).isCloseTo(p.get(metric).get("score").asDouble(),
                    within(1e-9));
        }
        assertThat(r.get("firstContactResolution").get("score").asDouble())
                .isCloseTo(p.get("firstContactResolution").get("score").asDouble(), within(1e-9));
        assertThat(r.get("responseTime").get("mean").asDouble())
                .isCloseTo(p.get("responseTime").get("mean").asDouble(), within(1e-9));
        assertThat(raked.json().get("input").get("weighting").get("designEffect").asDouble())
                .isCloseTo(1, within(1e-12));
    }

    private static String[] concat(Path csv, String[] options) {
        String[] all = new String[options.length + 2];
        all[0] = "report";
        all[1] = csv.toString();
        System.arraycopy(options, 0, all, 2, options.length);
        return all;
    }
}
