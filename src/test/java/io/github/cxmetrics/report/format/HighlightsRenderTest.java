package io.github.cxmetrics.report.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cxmetrics.report.Highlight;
import io.github.cxmetrics.report.Report;
import io.github.cxmetrics.report.ReportOptions;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The highlights as each format renders them: the same list, in the same order, at the top; hostile
 * segment values escaped in HTML and defused in CSV; {@code --highlights 0} leaves every format as it
 * was before highlights.
 */
class HighlightsRenderTest {
    static final String SCRIPT = "<script>alert(1)</script>";
    static final String FORMULA = "=cmd|' /C calc'!A0";

    /**
     * CSAT by channel: {@code ok} 90 of 100 satisfied, {@code <script>…} 10 of 50, {@code =cmd…} 12 of
     * 50: both hostile values are far below the rest; the target csat>=95% is not met.
     */
    static String hostile() {
        StringBuilder csv = new StringBuilder("channel,csat\n");
        for (int i = 0; i < 100; i++) {
            csv.append("ok,").append(i < 90 ? 5 : 1).append('\n');
        }
        for (int i = 0; i < 50; i++) {
            csv.append("\"").append(SCRIPT).append("\",").append(i < 10 ? 5 : 1).append('\n');
            csv.append("\"").append(FORMULA.replace("\"", "\"\"")).append("\",").append(i < 12 ? 5 : 1).append('\n');
        }
        return csv.toString();
    }

    static final ReportOptions BY_CHANNEL = ReportOptions.defaults().withGrouping(g -> g.withSegment("channel"))
            .withTarget("csat>=95%");

    final Report report = RenderFixtures.report(hostile(), BY_CHANNEL);
    final Report off = RenderFixtures.report(hostile(), BY_CHANNEL.withHighlights(0));

    @Test
    void theModelHasTheTargetAndBothValuesBelowTheRest() {
        assertThat(report.highlights()).extracting(Highlight::kind).containsExactly(Highlight.Kind.TARGET,
                Highlight.Kind.BELOW_REST, Highlight.Kind.BELOW_REST);
        // 50 * 48.3 / 100 against 50 * 46.7 / 100 responses: the script value, further below, first
        assertThat(report.highlights().get(1).segment()).contains(SCRIPT);
        assertThat(report.highlights().get(2).segment()).contains(FORMULA);
    }

    @Test
    void jsonHasEveryFieldOfEveryHighlight() throws Exception {
        JsonNode json = new ObjectMapper().readTree(ReportFormat.JSON.format(report));
        List<String> names = List.of(json.fieldNames().next(), "confidence", "minN", "highlights",
                "highlightsOmitted", "overall");
        assertThat(json.fieldNames()).toIterable().startsWith(names.toArray(String[]::new));
        JsonNode h = json.get("highlights");
        assertThat(h).hasSize(3);
        assertThat(json.get("highlightsOmitted").asInt()).isZero();
        assertThat(h.get(0).fieldNames()).toIterable().containsExactly("rank", "kind", "metric", "group",
                "segmentColumn", "segment", "period", "n", "score", "reference", "difference", "lower", "upper",
                "pValue", "adjustedPValue", "affected", "worse", "status", "target", "text");
        assertThat(h.get(0).get("kind").asText()).isEqualTo("TARGET");
        assertThat(h.get(0).get("status").asText()).isEqualTo("NOT_MET");
        assertThat(h.get(0).get("target").asText()).isEqualTo("csat>=95%");
        assertThat(h.get(0).get("group").asText()).isEqualTo("overall");
        assertThat(h.get(0).get("segmentColumn").isNull()).isTrue();
        assertThat(h.get(0).get("pValue").isNull()).isTrue();
        assertThat(h.get(0).get("reference").asDouble()).isEqualTo(95.0);
        JsonNode below = h.get(1);
        assertThat(below.get("rank").asInt()).isEqualTo(2);
        assertThat(below.get("kind").asText()).isEqualTo("BELOW_REST");
        assertThat(below.get("metric").asText()).isEqualTo("csat");
        assertThat(below.get("group").asText()).isEqualTo("channel=" + SCRIPT);
        assertThat(below.get("segment").asText()).isEqualTo(SCRIPT); // JSON is data: kept as it is
        assertThat(below.get("n").asLong()).isEqualTo(50);
        assertThat(below.get("score").asDouble()).isEqualTo(20.0);
        assertThat(below.get("reference").asDouble()).isEqualTo(102.0 / 150 * 100, org.assertj.core.api.Assertions
                .within(1e-9));
        assertThat(below.get("adjustedPValue").asDouble()).isLessThan(0.05);
        assertThat(below.get("worse").asBoolean()).isTrue();
        assertThat(below.get("text").asText()).isEqualTo(report.highlights().get(1).text());
        assertThat(new ObjectMapper().readTree(ReportFormat.JSON.format(off)).has("highlights")).isFalse();
    }

    @Test
    void csvHasAHighlightRowFirstThatRepeatsItsGroupsRowAndDefusesFormulas() throws Exception {
        List<CSVRecord> rows = CsvReportWriterTest.parse(ReportFormat.CSV.format(report));
        // the report has a target: its seven columns come first, then the highlight columns
        assertThat(rows.get(0).getParser().getHeaderNames()).endsWith("within_target", "target_expression",
                "target_status", "target_reason", "projected_period", "projected", "projected_lower",
                "projected_upper", "highlight_rank", "highlight_kind", "highlight_text");
        assertThat(rows.subList(0, 3)).extracting(r -> r.get("highlight_rank")).containsExactly("1", "2", "3");
        assertThat(rows.subList(0, 3)).extracting(r -> r.get("highlight_kind")).containsExactly("TARGET",
                "BELOW_REST", "BELOW_REST");
        assertThat(rows.subList(3, rows.size())).allSatisfy(r -> {
            assertThat(r.get("highlight_rank")).isEmpty();
            assertThat(r.get("highlight_text")).isEmpty();
        });
        CSVRecord target = rows.get(0);
        assertThat(target.get("metric")).isEqualTo("csat");
        assertThat(target.get("score")).isEqualTo(Double.toString(report.highlights().get(0).score().getAsDouble()));
        assertThat(target.get("highlight_text")).startsWith("Target csat>=95% NOT_MET: CSAT");
        // the =cmd value's highlight row: the segment cell defused as in every data row, the numbers
        // those of its data row
        CSVRecord formula = rows.get(2);
        assertThat(formula.get("segment")).isEqualTo("'" + FORMULA);
        CSVRecord data = CsvReportWriterTest.row(rows.subList(3, rows.size()), "channel", "'" + FORMULA, "", "csat");
        assertThat(IntStream.range(0, CsvReportWriter.HEADER.size()).mapToObj(formula::get))
                .containsExactlyElementsOf(IntStream.range(0, CsvReportWriter.HEADER.size()).mapToObj(data::get)
                        .toList());
        assertThat(formula.get("highlight_text")).isEqualTo(report.highlights().get(2).text())
                .startsWith("CSAT channel=" + FORMULA + ": 24.0 %");
        // with --highlights 0: the rows of the data only, as before highlights
        String plain = ReportFormat.CSV.format(off);
        assertThat(CsvReportWriterTest.parse(plain)).hasSize(rows.size() - 3);
        assertThat(plain).doesNotContain("highlight");
    }

    @Test
    void htmlOpensWithTheHighlightsEscaped() throws Exception {
        String html = ReportFormat.HTML.format(report);
        assertThat(html).doesNotContain(SCRIPT).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        Document doc = HtmlReportWriterTest.parse(html);
        List<Element> sections = HtmlReportWriterTest.withClass(doc, null, "section", "highlights");
        assertThat(sections).hasSize(1);
        List<Element> items = HtmlReportWriterTest.elements(sections.get(0), null, "li");
        assertThat(items).extracting(li -> li.getAttribute("data-kind")).containsExactly("target", "below-rest",
                "below-rest");
        assertThat(items).extracting(li -> li.getAttribute("class")).containsOnly("worse");
        assertThat(items.get(1).getTextContent()).isEqualTo("BELOW THE REST " + report.highlights().get(1).text());
        assertThat(html.indexOf("<section class=\"highlights\">")).isLessThan(html.indexOf("<h2>Input</h2>"));
        assertThat(ReportFormat.HTML.format(off)).doesNotContain("highlights");
    }

    @Test
    void theTableOpensWithTheHighlightsAfterTheInputLines() {
        String table = ReportFormat.TABLE.format(report);
        assertThat(table).contains("min n 30\n\nHighlights\n 1. Target csat>=95% NOT_MET: CSAT")
                .contains("\n 2. CSAT channel=" + SCRIPT + ": 20.0 %, ");
        assertThat(table.indexOf("Highlights")).isLessThan(table.indexOf("Overall"));
        table.lines().forEach(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(80));
        // apart from the block, the table is the one without highlights
        String block = table.substring(table.indexOf("\nHighlights\n"), table.indexOf("\nOverall\n"));
        assertThat(table.replace(block, "")).isEqualTo(ReportFormat.TABLE.format(off));
    }

    @Test
    void nothingToSayIsOneLineOrAnEmptyArray() throws Exception {
        Report quiet = RenderFixtures.report(RenderFixtures.TINY, RenderFixtures.WEEKLY_BY_CHANNEL);
        assertThat(quiet.highlights()).isEmpty();
        assertThat(ReportFormat.TABLE.format(quiet)).contains("\n\nHighlights: nothing needs attention\n\nOverall\n");
        JsonNode json = new ObjectMapper().readTree(ReportFormat.JSON.format(quiet));
        assertThat(json.get("highlights").isArray()).isTrue();
        assertThat(json.get("highlights")).isEmpty();
        assertThat(ReportFormat.HTML.format(quiet)).contains("<p class=\"none\">Nothing needs attention: ");
        assertThat(CsvReportWriterTest.parse(ReportFormat.CSV.format(quiet)))
                .allSatisfy(r -> assertThat(r.get("highlight_kind")).isEmpty());
    }

    @Test
    void aLimitSaysHowManyAreLeftOut() throws Exception {
        Report one = RenderFixtures.report(hostile(), BY_CHANNEL.withHighlights(1));
        assertThat(ReportFormat.TABLE.format(one)).contains("    2 more not shown (--highlights 3 shows all)\n");
        assertThat(ReportFormat.HTML.format(one)).contains("2 more not shown (--highlights 3 shows all).");
        JsonNode json = new ObjectMapper().readTree(ReportFormat.JSON.format(one));
        assertThat(json.get("highlights")).hasSize(1);
        assertThat(json.get("highlightsOmitted").asInt()).isEqualTo(2);
    }
}
