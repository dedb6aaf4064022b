package io.github.cxmetrics.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.cxmetrics.scale.CesScale;
import io.github.cxmetrics.scale.CsatScale;
import io.github.cxmetrics.scale.NpsScale;
import io.github.cxmetrics.scale.Scale;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Real survey-tool exports as published in public repositories (src/test/resources/exports; its
 * README names each file's source, commit, licence and what was cut). Each test checks what
 * {@link ExportReader} detects and compares the scores it reads, per month, with a count made
 * here from the raw file by {@link #records(String)} (a small CSV splitter of this test, not
 * {@link CsvReader}), a regular expression for the date and the labels written out below; the
 * literal expectations were counted with Python's {@code csv} module, as each comment says.
 */
class RealExportsTest {
    private static final Path EXPORTS = Path.of("src/test/resources/exports");
    private static final Charset CP1252 = Charset.forName("windows-1252");

    /** Score counts per month (UTC; {@code null} for rows without a date): month, then score, then count. */
    private static Map<YearMonth, Map<Integer, Long>> byMonth(ExportReader export, Scale scale) throws IOException {
        Map<YearMonth, Map<Integer, Long>> months = new HashMap<>();
        while (export.next()) {
            ExportRow row = export.row();
            OptionalInt score = row.score(scale);
            if (score.isPresent()) {
                YearMonth month = row.submittedAt().map(t -> YearMonth.from(t.atOffset(ZoneOffset.UTC))).orElse(null);
                months.computeIfAbsent(month, m -> new TreeMap<>()).merge(score.getAsInt(), 1L, Long::sum);
            }
        }
        return months;
    }

    /**
     * The same count from the raw records: the score column's label through {@code scores} (a
     * label it lacks is not answered), the month through {@code month}.
     */
    private static Map<YearMonth, Map<Integer, Long>> byMonth(List<List<String>> records, int scoreColumn,
            Map<String, Integer> scores, Function<List<String>, YearMonth> month) {
        Map<YearMonth, Map<Integer, Long>> months = new HashMap<>();
        for (List<String> r : records) {
            Integer score = scores.get(r.get(scoreColumn));
            if (score != null) {
                months.computeIfAbsent(month.apply(r), m -> new TreeMap<>()).merge(score, 1L, Long::sum);
            }
        }
        return months;
    }

    /**
     * Splits CSV text into records of fields: {@code ,} between fields, {@code "} quotes (a doubled
     * one is a quote), CR LF or LF between records, line breaks kept inside quotes.
     */
    private static List<List<String>> records(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted && c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                field.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (!quoted && (c == '\n' || c == '\r')) {
                i += c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n' ? 1 : 0;
                fields.add(field.toString());
                field.setLength(0);
                records.add(fields);
                fields = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (field.length() > 0 || !fields.isEmpty()) {
            fields.add(field.toString());
            records.add(fields);
        }
        return records;
    }

    private static List<List<String>> records(String file, Charset charset) throws IOException {
        return records(new String(Files.readAllBytes(EXPORTS.resolve(file)), charset));
    }

    private static Map<String, Integer> labels(Object... labelScore) {
        Map<String, Integer> map = new LinkedHashMap<>();
        for (int i = 0; i < labelScore.length; i += 2) {
            map.put((String) labelScore[i], (Integer) labelScore[i + 1]);
        }
        return map;
    }

    // ---------------------------------------------------------------- Typeform

    private static final String LEAVE = "If a mental health issue prompted you to request a medical leave from work,"
            + " asking for that leave would be:";
    /** The effort labels of the OSMI question, easiest first, on CES 1–5 (lower is better). */
    private static final Map<String, Integer> EFFORT = labels("Very easy", 1, "Somewhat easy", 2,
            "Neither easy nor difficult", 3, "Somewhat difficult", 4, "Very difficult", 5);

    /**
     * OSMI's 2016 mental-health-in-tech survey as downloaded from Typeform: {@code #} token
     * column, 114 columns (some names repeated), {@code Start Date (UTC)}, {@code Submit Date (UTC)},
     * {@code Network ID}. The effort question on taking leave is read as CES 1–5 through a label
     * mapping, with {@code I don't know} as not answered.
     */
    @Test
    void typeformOsmiMentalHealth2016() throws IOException {
        List<String> missing = new ArrayList<>(ExportReader.Options.DEFAULT_MISSING_VALUES);
        missing.add("I don't know");
        ExportReader.Options options = ExportReader.Options.defaults().withColumn("CES", LEAVE)
                .withLabels(LabelMapping.of(LEAVE, EFFORT)).withMissingValues(missing);
        Map<YearMonth, Map<Integer, Long>> read;
        try (ExportReader export = ExportReader.open(EXPORTS.resolve("typeform-osmi-mental-health-2016.csv"), options)) {
            ExportLayout layout = export.layout();
            assertThat(layout.format()).isEqualTo(ExportFormat.PLAIN);
            assertThat(layout.encoding()).isEqualTo("UTF-8");
            assertThat(layout.delimiter()).isEqualTo(',');
            assertThat(layout.headerRows()).isEqualTo(1);
            assertThat(layout.columns()).hasSize(114).startsWith("#", "Are you self-employed?")
                    .endsWith("Start Date (UTC)", "Submit Date (UTC)", "Network ID");
            assertThat(layout.timestampColumn()).contains("Submit Date (UTC)");
            assertThat(layout.timestampFormat()).contains("ISO-8601");
            assertThat(layout.timestampZone()).isEqualTo(ZoneOffset.UTC); // from "(UTC)" in the name
            assertThat(layout.scoreColumns()).containsExactly(Map.entry("CES", LEAVE));
            read = byMonth(export, CesScale.EFFORT_5);
        }

        List<List<String>> raw = records("typeform-osmi-mental-health-2016.csv", StandardCharsets.UTF_8);
        List<String> header = raw.get(0);
        int submitted = header.indexOf("Submit Date (UTC)");
        Map<YearMonth, Map<Integer, Long>> expected = byMonth(raw.subList(1, raw.size()), header.indexOf(LEAVE), EFFORT,
                r -> YearMonth.parse(r.get(submitted).substring(0, 7)));
        assertThat(raw).hasSize(1 + 13);
        assertThat(read).isEqualTo(expected);
        // Python csv: March 2016 Very easy 2, Somewhat easy 3, Neither 2 (and 1 blank);
        // April 2016 Very difficult 1 (and 3 "I don't know", 1 blank)
        assertThat(read).isEqualTo(Map.of(YearMonth.of(2016, 3), Map.of(1, 2L, 2, 3L, 3, 2L),
                YearMonth.of(2016, 4), Map.of(5, 1L)));
    }

    // ---------------------------------------------------------------- SurveyMonkey

    private static final String TOGETHER = "To what extent do you agree with the following statement:"
            + " \"sleeping in separate beds helps us to stay together.\"";
    private static final Map<String, Integer> AGREEMENT = labels("Strongly disagree", 1, "Somewhat disagree", 2,
            "Neither agree nor disagree", 3, "Somewhat agree", 4, "Strongly agree", 5);
    private static final Pattern MONTH_DAY_YY = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{2}) .*");

    /**
     * A SurveyMonkey export published by FiveThirtyEight without its Respondent ID column: two
     * header rows (questions, then {@code Response} or the choice), {@code StartDate} and
     * {@code EndDate} as {@code 7/10/14 18:39}, one byte in a question that is not UTF-8. Its
     * timestamps are all from 9 and 10 July, so they read both day and month first.
     */
    @Test
    void surveyMonkeySleepingAloneNeedsItsTimestampPattern() throws IOException {
        Path file = EXPORTS.resolve("surveymonkey-fivethirtyeight-sleeping-alone.csv");
        assertThatThrownBy(() -> ExportReader.open(file, ExportReader.Options.defaults().withSkipRows(1)))
                .isInstanceOf(CsvFormatException.class)
                .hasMessage("line 3, column 2: ambiguous timestamps in column \"EndDate\": every value reads both day"
                        + " first and month first, e.g. \"7/10/14 18:39\" is 2014-10-07T18:39 (day first) or"
                        + " 2014-07-10T18:39 (month first); choose with --timestamp-format PATTERN (d/M/yy H:mm or M/d/yy H:mm)");

        ExportReader.Options options = ExportReader.Options.defaults().withSkipRows(1)
                .withTimestampFormat("M/d/yy H:mm").withColumn("CSAT", TOGETHER);
        Map<YearMonth, Map<Integer, Long>> read;
        try (ExportReader export = ExportReader.open(file, options)) {
            ExportLayout layout = export.layout();
            // no Respondent ID, so the layout is plain and the Response row is skipped by the option
            assertThat(layout.format()).isEqualTo(ExportFormat.PLAIN);
            assertThat(layout.headerRows()).isEqualTo(1);
            assertThat(layout.skippedRows()).isEqualTo(1);
            assertThat(layout.encoding()).isEqualTo("windows-1252");
            assertThat(layout.notes()).containsExactly("not valid UTF-8 (byte offset 937); read as windows-1252");
            assertThat(layout.columns().get(23)).startsWith("To what extent do you agree with the following statement:\u00eb_");
            assertThat(layout.timestampColumn()).contains("EndDate");
            assertThat(layout.timestampFormat()).contains("M/d/yy H:mm");
            assertThat(layout.scoreColumns()).containsExactly(Map.entry("CSAT", TOGETHER));
            assertThat(export.next()).isTrue();
            assertThat(export.row().line()).isEqualTo(3);
            assertThat(export.row().submittedAt()).contains(Instant.parse("2014-07-10T18:39:00Z"));
            assertThat(export.row().score(CsatScale.FIVE_POINT)).hasValue(1); // Strongly disagree
        }
        try (ExportReader export = ExportReader.open(file, options)) {
            read = byMonth(export, CsatScale.FIVE_POINT);
        }

        List<List<String>> raw = records("surveymonkey-fivethirtyeight-sleeping-alone.csv", CP1252);
        int end = raw.get(0).indexOf("EndDate");
        Map<YearMonth, Map<Integer, Long>> expected = byMonth(raw.subList(2, raw.size()), raw.get(0).indexOf(TOGETHER),
                AGREEMENT, r -> {
                    Matcher m = MONTH_DAY_YY.matcher(r.get(end));
                    assertThat(m.matches()).as(r.get(end)).isTrue();
                    return YearMonth.of(2000 + Integer.parseInt(m.group(3)), Integer.parseInt(m.group(1)));
                });
        assertThat(raw).hasSize(2 + 45);
        assertThat(read).isEqualTo(expected);
        // Python csv (cp1252): July 2014 Strongly disagree 3, Somewhat disagree 2, Neither 9,
        // Somewhat agree 1, Strongly agree 1 (29 of the 45 rows not answered)
        assertThat(read).isEqualTo(Map.of(YearMonth.of(2014, 7), Map.of(1, 3L, 2, 2L, 3, 9L, 4, 1L, 5, 1L)));
    }

    private static final String FAVOURABLY = "Please state whether you view the following characters favorably,"
            + " unfavorably, or are unfamiliar with him/her.";
    private static final Map<String, Integer> FAVOURABILITY = labels("Very unfavorably", 1, "Somewhat unfavorably", 2,
            "Neither favorably nor unfavorably (neutral)", 3, "Somewhat favorably", 4, "Very favorably", 5);

    /**
     * FiveThirtyEight's Star Wars survey, a SurveyMonkey export with {@code RespondentID} (one
     * word) and no Collector ID: detected from its two header rows; the favourability of Han Solo
     * read as CSAT 1–5 through a label mapping ({@code Unfamiliar (N/A)} not answered). The export
     * has no date column, so the scores are counted as a whole.
     */
    @Test
    void surveyMonkeyStarWars() throws IOException {
        String hanSolo = FAVOURABLY + " - Han Solo";
        List<String> missing = new ArrayList<>(ExportReader.Options.DEFAULT_MISSING_VALUES);
        missing.add("Unfamiliar (N/A)");
        ExportReader.Options options = ExportReader.Options.defaults().withColumn("CSAT", hanSolo)
                .withLabels(LabelMapping.of(hanSolo, FAVOURABILITY)).withMissingValues(missing);
        Path file = EXPORTS.resolve("surveymonkey-fivethirtyeight-star-wars.csv");
        Map<YearMonth, Map<Integer, Long>> read;
        try (ExportReader export = ExportReader.open(file, options)) {
            ExportLayout layout = export.layout();
            assertThat(layout.format()).isEqualTo(ExportFormat.SURVEYMONKEY);
            assertThat(layout.headerRows()).isEqualTo(2);
            assertThat(layout.encoding()).isEqualTo("windows-1252");
            assertThat(layout.notes()).containsExactly("not valid UTF-8 (byte offset 641); read as windows-1252");
            assertThat(layout.columns()).hasSize(38).startsWith("RespondentID",
                    "Have you seen any of the 6 films in the Star Wars franchise?",
                    "Do you consider yourself to be a fan of the Star Wars film franchise?",
                    "Which of the following Star Wars films have you seen? Please select all that apply."
                            + " - Star Wars: Episode I  The Phantom Menace");
            assertThat(layout.columns()).contains(FAVOURABLY + " - Yoda", "Which character shot first?");
            assertThat(layout.timestampColumn()).isEmpty();
            assertThat(layout.scoreColumns()).containsExactly(Map.entry("CSAT", hanSolo));
            assertThat(export.next()).isTrue();
            assertThat(export.row().line()).isEqualTo(3);
            assertThat(export.row().cell("RespondentID")).isEqualTo("3292879998");
            assertThat(export.row().submittedAt()).isEmpty();
            assertThat(export.row().score(CsatScale.FIVE_POINT)).hasValue(5); // Very favorably
        }
        try (ExportReader export = ExportReader.open(file, options)) {
            read = byMonth(export, CsatScale.FIVE_POINT);
        }

        List<List<String>> raw = records("surveymonkey-fivethirtyeight-star-wars.csv", CP1252);
        int column = raw.get(1).indexOf("Han Solo");
        assertThat(raw.get(0).get(column)).isEqualTo(FAVOURABLY);
        Map<YearMonth, Map<Integer, Long>> expected = byMonth(raw.subList(2, raw.size()), column, FAVOURABILITY,
                r -> null);
        assertThat(raw).hasSize(2 + 20);
        assertThat(read).isEqualTo(expected);
        // Python csv (cp1252): Very favorably 12, Somewhat favorably 3, neutral 2, blank 3
        assertThat(read).isEqualTo(Collections.singletonMap(null, Map.of(3, 2L, 4, 3L, 5, 12L)));
    }

    // ---------------------------------------------------------------- Google Forms

    private static final Pattern MONTH_DAY_YEAR = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4}) \\d{1,2}:\\d{2}:\\d{2}");

    /**
     * The Jupyter education survey as kept by Google Sheets: {@code Timestamp} as
     * {@code 4/22/2016 19:57:50} (month first, decided by the first value), CR LF between records
     * and LF inside answers. It has no score question, so the responses are counted per month.
     */
    @Test
    void googleFormsJupyterEducation2016() throws IOException {
        Map<YearMonth, Long> read = new TreeMap<>();
        try (ExportReader export = ExportReader.open(EXPORTS.resolve("google-forms-jupyter-education-2016.csv"),
                ExportReader.Options.defaults())) {
            ExportLayout layout = export.layout();
            assertThat(layout.format()).isEqualTo(ExportFormat.PLAIN);
            assertThat(layout.encoding()).isEqualTo("UTF-8");
            assertThat(layout.columns()).hasSize(25).startsWith("Timestamp", "What is the official name of your course?");
            assertThat(layout.timestampColumn()).contains("Timestamp");
            assertThat(layout.timestampFormat()).contains("M/d/yyyy [H:mm[:ss]]");
            assertThat(layout.scoreColumns()).isEmpty();
            List<Long> lines = new ArrayList<>();
            while (export.next()) {
                ExportRow row = export.row();
                lines.add(row.line());
                read.merge(YearMonth.from(row.submittedAt().orElseThrow().atOffset(ZoneOffset.UTC)), 1L, Long::sum);
                if (lines.size() == 1) {
                    assertThat(row.submittedAt()).contains(Instant.parse("2016-04-22T19:57:50Z"));
                    assertThat(row.cell("What are the names of the course instructors?"))
                            .isEqualTo("Tom Griffiths\nJessica Hamrick");
                }
            }
            // the first answer spans lines 2 and 3
            assertThat(lines).startsWith(2L, 4L);
        }

        List<List<String>> raw = records("google-forms-jupyter-education-2016.csv", StandardCharsets.UTF_8);
        Map<YearMonth, Long> expected = new TreeMap<>();
        for (List<String> r : raw.subList(1, raw.size())) {
            Matcher m = MONTH_DAY_YEAR.matcher(r.get(0));
            assertThat(m.matches()).as(r.get(0)).isTrue();
            expected.merge(YearMonth.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(1))), 1L, Long::sum);
        }
        assertThat(read).isEqualTo(expected);
        // Python csv: 10 responses from April 2016 and 6 from May 2016
        assertThat(read).isEqualTo(Map.of(YearMonth.of(2016, 4), 10L, YearMonth.of(2016, 5), 6L));
    }

    // ---------------------------------------------------------------- event NPS

    /**
     * The Carpentries' CarpentryCon @ Home 2020 session feedback: an event NPS survey with the
     * score in column {@code nps} (found by its name) and no date column; some session names
     * are mis-decoded in the source itself ({@code Â¡Traduciendo!}), which the reader keeps.
     */
    @Test
    void eventNpsCarpentryCon2020() throws IOException {
        Map<Integer, Long> read = new TreeMap<>();
        try (ExportReader export = ExportReader.open(EXPORTS.resolve("event-nps-carpentrycon-2020.csv"),
                ExportReader.Options.defaults())) {
            ExportLayout layout = export.layout();
            assertThat(layout.format()).isEqualTo(ExportFormat.PLAIN);
            assertThat(layout.encoding()).isEqualTo("UTF-8");
            assertThat(layout.columns()).hasSize(17).startsWith("session", "time_zone", "country").endsWith("nps");
            assertThat(layout.timestampColumn()).isEmpty();
            assertThat(layout.scoreColumns()).containsExactly(Map.entry("NPS", "nps"));
            while (export.next()) {
                ExportRow row = export.row();
                assertThat(row.submittedAt()).isEmpty();
                if (row.line() == 7) {
                    assertThat(row.cell("session")).isEqualTo("\u00c2\u00a1Traduciendo!");
                }
                row.score(NpsScale.STANDARD).ifPresent(s -> read.merge(s, 1L, Long::sum));
            }
        }

        List<List<String>> raw = records("event-nps-carpentrycon-2020.csv", StandardCharsets.UTF_8);
        int nps = raw.get(0).indexOf("nps");
        Map<Integer, Long> expected = new TreeMap<>();
        for (List<String> r : raw.subList(1, raw.size())) {
            if (!r.get(nps).isEmpty()) {
                expected.merge(Integer.parseInt(r.get(nps)), 1L, Long::sum);
            }
        }
        assertThat(read).isEqualTo(expected);
        // Python csv: 124 answers, 10 x65, 9 x19, 8 x25, 7 x8, 6 x2, 5 x3, 2 x1, 0 x1:
        // 84 promoters, 33 passives, 7 detractors, NPS (84 - 7) / 124 = 62.1
        assertThat(read).isEqualTo(Map.of(0, 1L, 2, 1L, 5, 3L, 6, 2L, 7, 8L, 8, 25L, 9, 19L, 10, 65L));
        long promoters = read.getOrDefault(9, 0L) + read.getOrDefault(10, 0L);
        long detractors = read.entrySet().stream().filter(e -> e.getKey() <= 6).mapToLong(Map.Entry::getValue).sum();
        assertThat(100.0 * (promoters - detractors) / 124).isCloseTo(62.1, within(0.05));
    }
}
