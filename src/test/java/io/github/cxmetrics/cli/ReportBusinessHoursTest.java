package io.github.cxmetrics.cli;

import io.github.cxmetrics.calendar.HolidayCalendar;
import io.github.cxmetrics.report.grouping.OpeningHours;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cxmetrics.report.Report;
import io.github.cxmetrics.report.ReportOptions;
import io.github.cxmetrics.report.ResponseTimeBasis;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Response time between two timestamp columns, elapsed or in business hours, through the real
 * {@code main}.
 *
 * <p>Provenance: every business and elapsed minute count is worked by hand in the comments and was
 * checked independently with Python 3 (zoneinfo Europe/Amsterdam, stepping through the span minute
 * by minute and counting the minutes whose local time is in an open window on a non-holiday; Dutch
 * holidays from the anonymous Gregorian Easter algorithm). Means and medians with numpy 2.4.6.
 */
class ReportBusinessHoursTest {
    private static final String HOURS = "mon-fri 08:30-17:30,sat 10:00-14:00";

    /**
     * Local times in Europe/Amsterdam unless an offset is given. Business minutes with {@link #HOURS}
     * and holidays nl,2025-12-24 / elapsed minutes:
     * <ol>
     *   <li>Tue 15 Apr 09:00 → 10:30, within the day: 90 / 90</li>
     *   <li>an evening, Wed 16 Apr 17:00 → Thu 09:30: 17:00–17:30 (30) + 08:30–09:30 (60) = 90 / 16.5 h = 990</li>
     *   <li>a weekend, Fri 11 Apr 16:00 → Mon 14 Apr 10:00: Fri 90 + Sat 10–14 (240) + Mon 08:30–10:00 (90) = 420
     *       / 66 h = 3960</li>
     *   <li>Easter Monday, Sat 19 Apr 13:00 → Tue 22 Apr 09:00: Sat 13–14 (60) + Sun closed + Mon 21 Apr holiday
     *       + Tue 08:30–09:00 (30) = 90 (630 without holidays) / 68 h = 4080</li>
     *   <li>the DST switch (Sun 30 Mar 02:00 → 03:00), Fri 28 Mar 16:00Z (= 17:00+01:00) → Mon 31 Mar
     *       09:00+02:00: Fri 17:00–17:30 (30) + Sat 240 + Mon 30 = 300 / 64 clock hours − 1 = 63 h = 3780</li>
     *   <li>Christmas, Tue 23 Dec 17:00 → Sat 27 Dec 10:30: Tue 30 + 24 Dec (listed) + 25, 26 Dec (nl) closed
     *       + Sat 10:00–10:30 (30) = 60 / 89.5 h = 5370</li>
     *   <li>Sunday 13 Apr 11:00 → 12:00, closed: 0 / 60</li>
     *   <li>not answered yet: open, not counted</li>
     *   <li>Mon 14 Apr 09:00 → 11:00, exactly the target: 120 / 120</li>
     *   <li>Mon 14 Apr 15:31 → Tue 08:32: 119 + 2 = 121 / 17 h 1 min = 1021</li>
     *   <li>no contact (both empty): not counted, not open</li>
     * </ol>
     */
    static final String CONTACTS = String.join("\n",
            "id,received_at,first_reply_at,nps",
            "c1,2025-04-15 09:00,2025-04-15 10:30,9",
            "c2,2025-04-16T17:00,2025-04-17T09:30,8",
            "c3,2025-04-11 16:00,2025-04-14 10:00,6",
            "c4,2025-04-19 13:00,2025-04-22 09:00,10",
            "c5,2025-03-28T16:00:00Z,2025-03-31T09:00:00+02:00,7",
            "c6,2025-12-23 17:00,2025-12-27 10:30,9",
            "c7,2025-04-13 11:00,2025-04-13 12:00,3",
            "c8,2025-04-17 10:00,,10",
            "c9,2025-04-14 09:00,2025-04-14 11:00,9",
            "c10,2025-04-14 15:31,2025-04-15 08:32,5",
            "c11,,,8",
            "");

    private static Path write(Path dir, String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void businessMinutesAcrossWeekendEveningHolidayAndDstAgainstTwoHours(@TempDir Path dir) throws IOException {
        Path csv = write(dir, "contacts.csv", CONTACTS);
        MainTest.Run r = MainTest.run("report", csv.toString(), "--response-from", "received_at", "--response-to",
                "first_reply_at", "--business-hours", HOURS, "--holidays", "nl,2025-12-24", "--zone",
                "Europe/Amsterdam", "--response-target", "2h", "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode rt = r.json().get("overall").get("responseTime");
        assertThat(rt.get("basis").asText()).isEqualTo("business-hours");
        assertThat(rt.get("businessHours").asText()).isEqualTo(HOURS);
        assertThat(rt.get("holidays").asText()).isEqualTo("nl,2025-12-24");
        assertThat(rt.get("zone").asText()).isEqualTo("Europe/Amsterdam");
        // 90, 90, 420, 90, 300, 60, 0, 120, 121: n 9 (c8 open, c11 no contact)
        assertThat(rt.get("n").asLong()).isEqualTo(9);
        assertThat(rt.get("open").asLong()).isEqualTo(1);
        // ≤ 120: c1, c2, c4, c6, c7, c9 (exactly 120 counts) = 6 of 9
        assertThat(rt.get("target").asDouble()).isEqualTo(120.0);
        assertThat(rt.get("withinTargetCount").asLong()).isEqualTo(6);
        assertThat(rt.get("withinTarget").asDouble()).isCloseTo(600.0 / 9, within(1e-12));
        // mean 1291 / 9 = 143.444…; numpy.median 90 (histogram: within 1 %)
        assertThat(rt.get("mean").asDouble()).isCloseTo(1291.0 / 9, within(1e-9));
        assertThat(rt.get("median").asDouble()).isCloseTo(90.0, within(0.9));
        // the scores of every row still count, open or not: 11 NPS answers
        assertThat(r.json().get("overall").get("nps").get("n").asLong()).isEqualTo(11);
        assertThat(r.json().get("input").get("rejectedRows").asLong()).isZero();
    }

    @Test
    void holidaysChangeTheCount(@TempDir Path dir) throws IOException {
        Path csv = write(dir, "contacts.csv", CONTACTS);
        JsonNode rt = MainTest.run("report", csv.toString(), "--response-from", "received_at", "--response-to",
                "first_reply_at", "--business-hours", HOURS, "--zone", "Europe/Amsterdam", "--format", "json").json()
                .get("overall").get("responseTime");
        // without holidays c4 is 60 + Easter Monday 08:30–17:30 (540) + 30 = 630 and c6 is 30 + 3 × 540 + 30 = 1680:
        // within 120 only c1, c2, c7, c9; mean (1291 − 90 + 630 − 60 + 1680) / 9 = 3451 / 9
        assertThat(rt.get("holidays").isNull()).isTrue();
        assertThat(rt.get("withinTargetCount").asLong()).isEqualTo(4);
        assertThat(rt.get("mean").asDouble()).isCloseTo(3451.0 / 9, within(1e-9));
    }

    @Test
    void elapsedTimeWithoutBusinessHours(@TempDir Path dir) throws IOException {
        Path csv = write(dir, "contacts.csv", CONTACTS);
        MainTest.Run r = MainTest.run("report", csv.toString(), "--response-from", "received_at", "--response-to",
                "first_reply_at", "--zone", "Europe/Amsterdam", "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode rt = r.json().get("overall").get("responseTime");
        assertThat(rt.get("basis").asText()).isEqualTo("elapsed");
        assertThat(rt.has("businessHours")).isFalse();
        assertThat(rt.get("open").asLong()).isEqualTo(1);
        // 90, 990, 3960, 4080, 3780 (the DST night has 23 h), 5370, 60, 120, 1021: ≤ 120 are c1, c7, c9
        assertThat(rt.get("n").asLong()).isEqualTo(9);
        assertThat(rt.get("withinTargetCount").asLong()).isEqualTo(3);
        // sum 19471
        assertThat(rt.get("mean").asDouble()).isCloseTo(19471.0 / 9, within(1e-9));
        // numpy.median 1021
        assertThat(rt.get("median").asDouble()).isCloseTo(1021.0, within(10.21));
    }

    @Test
    void aWindowContainingTheDstSwitchIsAnHourShorterOrLonger(@TempDir Path dir) throws IOException {
        Path csv = write(dir, "dst.csv", String.join("\n",
                "received,replied",
                // spring forward on Sunday 30 March 2025: 01:00–02:00 and 03:00–04:00 = 120 min
                "2025-03-29T12:00,2025-03-31T12:00",
                // fall back on Sunday 26 October 2025: 01:00 CEST to 04:00 CET = 240 min
                "2025-10-25T12:00,2025-10-27T12:00",
                // an ordinary Sunday, 6 April 2025: 180 min
                "2025-04-05T12:00,2025-04-07T12:00",
                ""));
        JsonNode rt = MainTest.run("report", csv.toString(), "--response-from", "received", "--response-to",
                "replied", "--business-hours", "sun 01:00-04:00", "--zone", "Europe/Amsterdam", "--format", "json")
                .json().get("overall").get("responseTime");
        assertThat(rt.get("n").asLong()).isEqualTo(3);
        // (120 + 240 + 180) / 3 = 180; only the spring Sunday is within 120
        assertThat(rt.get("mean").asDouble()).isCloseTo(180.0, within(1e-9));
        assertThat(rt.get("withinTargetCount").asLong()).isEqualTo(1);
        assertThat(rt.get("open").asLong()).isZero();
    }

    @Test
    void tableAndHtmlNameTheBasis(@TempDir Path dir) throws IOException {
        Path csv = write(dir, "contacts.csv", CONTACTS);
        MainTest.Run table = MainTest.run("report", csv.toString(), "--response-from", "received_at",
                "--response-to", "first_reply_at", "--business-hours", HOURS, "--holidays", "nl,2025-12-24",
                "--zone", "Europe/Amsterdam");
        assertThat(table.code()).as(table.err()).isZero();
        assertThat(table.out()).contains("Response time, business minutes (within: % <= 120 min target)\n"
                + "received_at -> first_reply_at; open (not answered yet): 1\n"
                + "business hours mon-fri 08:30-17:30,sat 10:00-14:00 (Europe/Amsterdam)\n"
                + "holidays nl,2025-12-24\n")
                .containsPattern("all +9 +143\\.4 .* 66\\.7%");
        MainTest.Run minutes = MainTest.run("report", ReportOperationsTest.EXAMPLE.toString());
        assertThat(minutes.out()).contains("Response time, minutes (within: % <= 120 min target)\ngroup");
        String html = MainTest.run("report", csv.toString(), "--response-from", "received_at", "--response-to",
                "first_reply_at", "--business-hours", HOURS, "--format", "html").out();
        assertThat(html).contains("share of first responses within 120 business min");
        JsonNode column = MainTest.run("report", ReportOperationsTest.EXAMPLE.toString(), "--format", "json").json()
                .get("overall").get("responseTime");
        assertThat(column.get("basis").asText()).isEqualTo("column");
        assertThat(column.has("open")).isFalse();
    }

    @Test
    void badTimestampsAreBadRowsWithLineAndColumn(@TempDir Path dir) throws IOException {
        Path csv = write(dir, "bad.csv", String.join("\n",
                "nps,received_at,first_reply_at",
                "9,2025-04-15 09:00,2025-04-15 10:30",
                "8,2025-04-15 09:00,2025-04-15 08:59",
                "7,yesterday,2025-04-15 10:30",
                "6,2025-04-15 09:00,soon",
                "5,,2025-04-15 10:30",
                "4,2025-04-15 09:00,",
                ""));
        String[] timestamps = {"--response-from", "received_at", "--response-to", "first_reply_at",
            "--business-hours", "mon-fri 09:00-17:00"};
        MainTest.Run fail = MainTest.run(concat(new String[] {"report", csv.toString()}, timestamps));
        assertThat(fail.code()).isEqualTo(1);
        assertThat(fail.err()).isEqualTo("cxmetrics: line 3, column first_reply_at: \"2025-04-15 08:59\" is before its "
                + "start in received_at\n");
        JsonNode j = MainTest.run(concat(new String[] {"report", csv.toString(), "--on-bad-row", "skip", "--format",
            "json"}, timestamps)).json();
        JsonNode input = j.get("input");
        assertThat(input.get("rejectedRows").asLong()).isEqualTo(4);
        JsonNode reasons = input.get("rejectionReasons");
        assertThat(reasons.get("first_reply_at: is before its start in received_at").asLong()).isEqualTo(1);
        assertThat(reasons.get("received_at: is not a timestamp (ISO-8601 date-time with offset, local date-time, "
                + "or date)").asLong()).isEqualTo(1);
        assertThat(reasons.get("first_reply_at: is not a timestamp (ISO-8601 date-time with offset, local "
                + "date-time, or date)").asLong()).isEqualTo(1);
        assertThat(reasons.get("received_at: is empty but first_reply_at is not (a response needs its start)")
                .asLong()).isEqualTo(1);
        assertThat(input.get("rejectionExamples").get(1).asText()).isEqualTo("line 4, column received_at: "
                + "\"yesterday\" is not a timestamp (ISO-8601 date-time with offset, local date-time, or date)");
        // kept: line 2 (09:00 → 10:30 in UTC, the default zone: 90 business minutes) and line 7 (open)
        JsonNode rt = j.get("overall").get("responseTime");
        assertThat(rt.get("n").asLong()).isEqualTo(1);
        assertThat(rt.get("mean").asDouble()).isCloseTo(90.0, within(1e-9));
        assertThat(rt.get("open").asLong()).isEqualTo(1);
        assertThat(rt.get("zone").asText()).isEqualTo("Z");
        // a bad row is never half-counted: its NPS answer is left out too
        assertThat(j.get("overall").get("nps").get("n").asLong()).isEqualTo(2);
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @Test
    void usageErrors(@TempDir Path dir) throws IOException {
        Path csv = write(dir, "contacts.csv", CONTACTS);
        String file = csv.toString();
        usage("report: --business-hours needs --response-from COLUMN --response-to COLUMN (business time is "
                + "measured between two timestamps)", "report", file, "--business-hours", HOURS);
        usage("report: --response-from needs --response-to COLUMN", "report", file, "--response-from",
                "received_at");
        usage("report: --response-to needs --response-from COLUMN", "report", file, "--response-to",
                "first_reply_at");
        usage("report: --column response=wait and --response-from/--response-to are mutually exclusive (minutes "
                + "from a column, or the time between two timestamps)", "report", file, "--column", "response=wait",
                "--response-from", "received_at", "--response-to", "first_reply_at");
        usage("report: --holidays needs --business-hours SPEC or --calendar", "report", file, "--response-from", "received_at",
                "--response-to", "first_reply_at", "--holidays", "nl");
        usage("report: Invalid business hours \"mon-fry 09:00-17:00\": unknown day \"fry\" (valid days mon, tue, "
                + "wed, thu, fri, sat, sun)", "report", file, "--response-from", "received_at", "--response-to",
                "first_reply_at", "--business-hours", "mon-fry 09:00-17:00");
        usage("report: Invalid business hours \"mon-fri 17:00-09:00\": time window \"17:00-09:00\" is empty or runs "
                + "backwards (a window over midnight is two windows, e.g. fri 22:00-24:00,sat 00:00-02:00)",
                "report", file, "--response-from", "received_at", "--response-to", "first_reply_at",
                "--business-hours", "mon-fri 17:00-09:00");
        usage("report: Invalid holidays \"nl,24-12-2025\": \"24-12-2025\" (valid items nl for the Dutch public "
                + "holidays, or an ISO date like 2026-12-24)", "report", file, "--response-from", "received_at",
                "--response-to", "first_reply_at", "--business-hours", HOURS, "--holidays", "nl,24-12-2025");
        usage("report: Invalid holidays \"nl,\": empty item (valid items nl for the Dutch public holidays, or an "
                + "ISO date like 2026-12-24)", "report", file, "--response-from", "received_at", "--response-to",
                "first_reply_at", "--business-hours", HOURS, "--holidays", "nl,");
        // a named column that is not in the file is an input error (exit 1), like every other column
        MainTest.Run missing = MainTest.run("report", file, "--response-from", "opened", "--response-to",
                "first_reply_at");
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).startsWith("cxmetrics: Missing required column \"opened\" (--response-from)");
        assertThat(MainTest.run("report", "--help").out()).contains("--business-hours SPEC")
                .contains("--response-from COLUMN").contains("--holidays LIST");
    }

    @Test
    void optionsCheckTheirCombinationsInTheApiToo() {
        ReportOptions minutes = ReportOptions.defaults().withGrouping(g -> g.withResponseColumn("wait"));
        assertThatThrownBy(() -> minutes.withGrouping(g -> g.withResponseTimestamps("a", "b"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid response columns (a minutes column and response timestamps are mutually "
                        + "exclusive): minutes column wait, timestamps a and b");
        ReportOptions stamped = ReportOptions.defaults().withGrouping(g -> g.withResponseTimestamps("received_at", "first_reply_at"));
        assertThat(stamped.responseTimeBasis()).isEqualTo(ResponseTimeBasis.ELAPSED);
        assertThat(stamped.withGrouping(g -> g.withBusinessHours(OpeningHours.parse(HOURS))).responseTimeBasis()).isEqualTo(ResponseTimeBasis.BUSINESS_HOURS);
        assertThat(ReportOptions.defaults().responseTimeBasis()).isEqualTo(ResponseTimeBasis.COLUMN);
        assertThatThrownBy(() -> stamped.withGrouping(g -> g.withResponseColumn("wait"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mutually exclusive");
        assertThatThrownBy(() -> stamped.withGrouping(g -> g.withResponseTimestamps(" ", "b"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid response start column (must not be empty): \" \"");
        assertThatThrownBy(() -> stamped.withGrouping(g -> g.withBusinessHours(OpeningHours.parse("mon 9-17")))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Invalid business hours \"mon 9-17\": time \"9\"");
        assertThatThrownBy(() -> stamped.withGrouping(g -> g.withHolidays(HolidayCalendar.parse("be")))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Invalid holidays \"be\": \"be\"");
        // checked when the report is generated: business hours need the timestamps, holidays the hours
        byte[] csv = CONTACTS.getBytes(StandardCharsets.UTF_8);
        ReportOptions hoursOnly = ReportOptions.defaults().withGrouping(g -> g.withBusinessHours(OpeningHours.parse(HOURS)));
        assertThatThrownBy(() -> Report.generate(new ByteArrayInputStream(csv), "stdin", hoursOnly))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("Business hours (--business-hours)"
                        + " measure the time between response timestamps");
        ReportOptions holidaysOnly = stamped.withGrouping(g -> g.withHolidays(HolidayCalendar.parse("nl")));
        assertThatThrownBy(() -> Report.generate(new ByteArrayInputStream(csv), "stdin", holidaysOnly))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Holidays (--holidays) need business hours (--business-hours) or calendar effects "
                        + "(--calendar)");
    }

    private static void usage(String message, String... args) {
        MainTest.Run r = MainTest.run(args);
        assertThat(r.code()).as(String.join(" ", args)).isEqualTo(2);
        assertThat(r.err()).isEqualTo("cxmetrics: " + message + "\n");
    }

    /**
     * The done-when of issue 5: a 5-question KTO with its index and interval per week, response time
     * against a 2-hour target in business hours, and NPS, in one report. The KTO answers, NPS scores
     * and weeks are those of {@link ReportOperationsTest#KTO_CSV} (same expected values, computed
     * there with numpy/scipy); the response times are new, in business hours mon-fri 09:00-17:00
     * Europe/Amsterdam (CET in March 2025) with the Dutch holidays (none in these weeks):
     * <pre>
     * r1  Mon 16:30 → Tue 09:45            30 + 45      =  75  within
     * r2  Tue 10:00 → 12:00                             = 120  within (≤)
     * r3  Wed 15:00 → Thu 10:00            120 + 60     = 180
     * r4  Fri 16:00 → Mon 10:30            60 + 90      = 150
     * r5  Fri 17:30 → Mon 09:30            0 + 30       =  30  within
     * r6  Sat 12:00 → (open)
     * r7  Mon 09:00 → 09:05                             =   5  within
     * r8  Tue 08:00 → 11:01                from 09:00   = 121
     * r9  Wed 13:00 → Thu 13:00            240 + 240    = 480
     * r10 Thu 20:00 → Fri 08:55                         =   0  within
     * r11 Fri 16:45 → 17:15                             =  15  within
     * </pre>
     * W10: 3 of 5 within, mean 555 / 5 = 111, 1 open; W11: 3 of 5, mean 621 / 5 = 124.2; overall 6 of 10,
     * mean 117.6.
     */
    @Test
    void doneWhenWeeklyKtoIndexBusinessHoursResponseTimeAndNpsInOneReport(@TempDir Path dir) throws IOException {
        String[][] stamps = {
            {"2025-03-03 16:30", "2025-03-04 09:45"},
            {"2025-03-04 10:00", "2025-03-04T12:00:00+01:00"},
            {"2025-03-05 15:00", "2025-03-06 10:00"},
            {"2025-03-07 16:00", "2025-03-10 10:30"},
            {"2025-03-07T16:30:00Z", "2025-03-10 09:30"},
            {"2025-03-08 12:00", ""},
            {"2025-03-10 09:00", "2025-03-10 09:05"},
            {"2025-03-11 08:00", "2025-03-11 11:01"},
            {"2025-03-12 13:00", "2025-03-13 13:00"},
            {"2025-03-13 20:00", "2025-03-14 08:55"},
            {"2025-03-14 16:45", "2025-03-14 17:15"},
        };
        String[] lines = ReportOperationsTest.KTO_CSV.split("\n");
        StringBuilder csv = new StringBuilder(lines[0].replace("first_response_minutes", "received_at,first_reply_at"))
                .append('\n');
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].split(",", -1);
            f[3] = stamps[i - 1][0] + "," + stamps[i - 1][1];
            csv.append(String.join(",", f)).append('\n');
        }
        Path file = write(dir, "kto.csv", csv.toString());
        Path survey = write(dir, "kto.txt", ReportOperationsTest.SURVEY);
        MainTest.Run r = MainTest.run("report", file.toString(), "--survey", survey.toString(), "--by", "week",
                "--zone", "Europe/Amsterdam", "--response-from", "received_at", "--response-to", "first_reply_at",
                "--business-hours", "mon-fri 09:00-17:00", "--holidays", "nl", "--response-target", "2h",
                "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = r.json();
        JsonNode overall = j.get("overall");
        // NPS: 5 promoters, 5 passives, 1 detractor of 11: (5 − 1) / 11
        assertThat(overall.get("nps").get("n").asLong()).isEqualTo(11);
        assertThat(overall.get("nps").get("score").asDouble()).isCloseTo(400.0 / 11, within(1e-9));
        JsonNode w10 = j.get("trend").get(0);
        JsonNode w11 = j.get("trend").get(1);
        assertThat(w10.get("period").asText()).isEqualTo("2025-W10");
        assertThat(w11.get("period").asText()).isEqualTo("2025-W11");
        // the weekly KTO index with its t interval (values of ReportOperationsTest, numpy/scipy)
        index(w10.get("metrics").get("kto").get("index"), 5, 80.11111111111111, 62.655630418497495,
                97.56659180372473);
        index(w11.get("metrics").get("kto").get("index"), 4, 74.79166666666667, 45.7638666829107, 100.0);
        assertThat(w10.get("metrics").get("nps").get("n").asLong()).isEqualTo(6);

        JsonNode rt = overall.get("responseTime");
        assertThat(rt.get("basis").asText()).isEqualTo("business-hours");
        assertThat(rt.get("businessHours").asText()).isEqualTo("mon-fri 09:00-17:00");
        assertThat(rt.get("target").asDouble()).isEqualTo(120.0);
        assertThat(rt.get("n").asLong()).isEqualTo(10);
        assertThat(rt.get("open").asLong()).isEqualTo(1);
        assertThat(rt.get("withinTargetCount").asLong()).isEqualTo(6);
        assertThat(rt.get("withinTarget").asDouble()).isCloseTo(60.0, within(1e-12));
        assertThat(rt.get("mean").asDouble()).isCloseTo(117.6, within(1e-9));
        JsonNode rt10 = w10.get("metrics").get("responseTime");
        assertThat(rt10.get("n").asLong()).isEqualTo(5);
        assertThat(rt10.get("open").asLong()).isEqualTo(1);
        assertThat(rt10.get("withinTargetCount").asLong()).isEqualTo(3);
        assertThat(rt10.get("mean").asDouble()).isCloseTo(111.0, within(1e-9));
        assertThat(rt10.get("basis").asText()).isEqualTo("business-hours");
        JsonNode rt11 = w11.get("metrics").get("responseTime");
        assertThat(rt11.get("withinTargetCount").asLong()).isEqualTo(3);
        assertThat(rt11.get("open").asLong()).isZero();
        assertThat(rt11.get("mean").asDouble()).isCloseTo(124.2, within(1e-9));
    }

    private static void index(JsonNode index, long n, double score, double lower, double upper) {
        assertThat(index.get("n").asLong()).isEqualTo(n);
        assertThat(index.get("score").asDouble()).isCloseTo(score, within(1e-9));
        assertThat(index.get("lower").asDouble()).isCloseTo(lower, within(1e-6));
        assertThat(index.get("upper").asDouble()).isCloseTo(upper, within(1e-6));
    }
}
