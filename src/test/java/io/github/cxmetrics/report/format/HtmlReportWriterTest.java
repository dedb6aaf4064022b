package io.github.cxmetrics.report.format;

import io.github.cxmetrics.report.PeriodSummary;
import io.github.cxmetrics.report.ReportOptions;
import io.github.cxmetrics.report.Report;
import io.github.cxmetrics.report.grouping.BadRowPolicy;

import io.github.cxmetrics.trend.Metric;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cxmetrics.calendar.Granularity;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

class HtmlReportWriterTest {
    static final String SVG = "http://www.w3.org/2000/svg";

    static String html(Report report) throws IOException {
        StringBuilder out = new StringBuilder();
        HtmlReportWriter.write(report, out);
        return out.toString();
    }

    /** Parses as XML with the JDK parser: namespace-aware, no DTD or entity loaded from anywhere. */
    static Document parse(String html) throws IOException, SAXException, ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setValidating(false);
        factory.setExpandEntityReferences(false);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        DocumentBuilder builder = factory.newDocumentBuilder();
        builder.setErrorHandler(null);
        return builder.parse(new InputSource(new StringReader(html)));
    }

    static List<Element> elements(Node root, String namespace, String name) {
        NodeList list = root instanceof Document d ? d.getElementsByTagNameNS(namespace, name)
                : ((Element) root).getElementsByTagNameNS(namespace, name);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            out.add((Element) list.item(i));
        }
        return out;
    }

    static List<Element> withClass(Node root, String namespace, String name, String cls) {
        return elements(root, namespace, name).stream()
                .filter(e -> List.of(e.getAttribute("class").split(" ")).contains(cls)).toList();
    }

    static List<Element> svgs(Document doc, String cls) {
        return withClass(doc, SVG, "svg", cls);
    }

    @Nested
    class WithTrendAndSegments {
        // 42 days, one response a day, none on days 14–20: weeks W02–W07 with W04 empty;
        // channel <&>" on days 0, 5, 10, …, 40 except 15 and 20: 7 responses; email: 28
        final Report report = RenderFixtures.report(RenderFixtures.daily(42, 14, 21),
                RenderFixtures.WEEKLY_BY_CHANNEL);
        final String html;
        final Document doc;

        WithTrendAndSegments() throws Exception {
            html = html(report);
            doc = parse(html);
        }

        @Test
        void isWellFormedXmlWithAnHtmlRoot() {
            assertThat(html).startsWith("<!DOCTYPE html>\n<html");
            assertThat(doc.getDocumentElement().getTagName()).isEqualTo("html");
            assertThat(elements(doc, null, "title")).singleElement()
                    .satisfies(t -> assertThat(t.getTextContent()).isEqualTo("cxmetrics report: test.csv"));
        }

        @Test
        void hasOneLineChartPerMetric() {
            List<Element> charts = svgs(doc, "chart");
            assertThat(charts).hasSize(report.metrics().size()).hasSize(3);
            assertThat(charts).extracting(e -> e.getAttribute("data-metric")).containsExactly("nps", "csat", "ces");
        }

        @Test
        void everyChartHasABandAndLineBrokenAtTheEmptyWeek() {
            assertThat(report.trend()).extracting(PeriodSummary::period)
                    .containsExactly("2025-W02", "2025-W03", "2025-W04", "2025-W05", "2025-W06", "2025-W07");
            for (Element chart : svgs(doc, "chart")) {
                // W02–W03 and W05–W07: two runs, so two band areas and two line pieces, never one across W04
                assertThat(withClass(chart, SVG, "path", "band")).hasSize(2)
                        .allSatisfy(p -> assertThat(p.getAttribute("d")).startsWith("M").endsWith("Z"));
                assertThat(withClass(chart, SVG, "path", "line")).hasSize(2);
                // a point per week with data: 5
                assertThat(withClass(chart, SVG, "circle", "point")).hasSize(5);
                // all six period labels fit (6 labels of 8 characters on 628 px)
                assertThat(withClass(chart, SVG, "text", "period")).extracting(Element::getTextContent)
                        .containsExactly("2025-W02", "2025-W03", "2025-W04", "2025-W05", "2025-W06", "2025-W07");
            }
        }

        @Test
        void bandContainsTheLine() {
            // y grows downwards: the band's upper edge is above (smaller y than) each point
            Element nps = svgs(doc, "chart").get(0);
            Element band = withClass(nps, SVG, "path", "band").get(0);
            Element first = withClass(nps, SVG, "circle", "point").get(0);
            String[] parts = band.getAttribute("d").substring(1).split(" L?");
            double upperY = Double.parseDouble(parts[1]);
            double pointY = Double.parseDouble(first.getAttribute("cy"));
            assertThat(upperY).isLessThanOrEqualTo(pointY);
        }

        @Test
        void hasTilesWithTheOverallScores() {
            List<Element> tiles = withClass(doc, null, "div", "tile");
            assertThat(tiles).extracting(e -> e.getAttribute("data-metric")).containsExactly("nps", "csat", "ces");
            Element nps = tiles.get(0);
            String expected = DisplayFormat.decimals(report.overall().get(Metric.NPS).score().getAsDouble(), 1);
            assertThat(withClass(nps, null, "div", "value")).singleElement()
                    .satisfies(v -> assertThat(v.getTextContent()).isEqualTo(expected));
            assertThat(withClass(nps, null, "div", "n")).singleElement()
                    .satisfies(v -> assertThat(v.getTextContent()).isEqualTo("n = 35"));
            assertThat(withClass(nps, null, "div", "interval")).singleElement()
                    .satisfies(v -> assertThat(v.getTextContent()).startsWith("95 % CI ").contains("\u2013"));
        }

        @Test
        void hasSegmentBarsPerMetricWithWhiskers() {
            List<Element> bars = svgs(doc, "segments");
            assertThat(bars).hasSize(3);
            assertThat(bars).allSatisfy(svg -> {
                assertThat(svg.getAttribute("data-segment-column")).isEqualTo("channel");
                assertThat(withClass(svg, SVG, "g", "row")).hasSize(2);
                assertThat(withClass(svg, SVG, "g", "whisker")).hasSize(2);
                assertThat(withClass(svg, SVG, "g", "overall")).hasSize(1);
            });
        }

        @Test
        void flagsTheSmallSegmentOnly() {
            for (Element svg : svgs(doc, "segments")) {
                List<Element> rows = withClass(svg, SVG, "g", "row");
                Element odd = rows.get(0);
                Element email = rows.get(1);
                // "<&>\"" sorts before "email"; 7 responses < 30, 28 < 30 too, so lower min-n below
                assertThat(odd.getAttribute("data-segment")).isEqualTo("<&>\"");
                assertThat(email.getAttribute("data-segment")).isEqualTo("email");
            }
            Report minN10 = RenderFixtures.report(RenderFixtures.daily(42, 14, 21),
                    RenderFixtures.WEEKLY_BY_CHANNEL.withMinN(10));
            Document d;
            try {
                d = parse(html(minN10));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            for (Element svg : svgs(d, "segments")) {
                List<Element> rows = withClass(svg, SVG, "g", "row");
                Element odd = rows.get(0);
                Element email = rows.get(1);
                assertThat(odd.getAttribute("class")).isEqualTo("row small");
                assertThat(withClass(odd, SVG, "tspan", "flag")).singleElement()
                        .satisfies(f -> assertThat(f.getTextContent()).isEqualTo("n < 10"));
                assertThat(withClass(odd, SVG, "rect", "bar")).singleElement()
                        .satisfies(r -> assertThat(r.getAttribute("fill")).startsWith("url(#hatch-"));
                assertThat(email.getAttribute("class")).isEqualTo("row");
                assertThat(withClass(email, SVG, "tspan", "flag")).isEmpty();
            }
            // the hatch patterns have distinct ids
            assertThat(elements(d, SVG, "pattern")).extracting(e -> e.getAttribute("id")).doesNotHaveDuplicates()
                    .hasSize(3);
        }

        @Test
        void escapesSpecialCharactersInSegmentNames() {
            assertThat(html).contains("data-segment=\"&lt;&amp;&gt;&quot;\"");
            assertThat(html).contains(">&lt;&amp;&gt;&quot;</text>");
            assertThat(html).doesNotContain("<&>");
            assertThat(withClass(doc, SVG, "text", "label")).extracting(Element::getTextContent).contains("<&>\"");
        }

        @Test
        void fetchesNothingFromElsewhere() {
            Matcher urls = Pattern.compile("(?i)https?://[^\"'\\s)<]*").matcher(html);
            while (urls.find()) {
                assertThat(urls.group()).isEqualTo(SVG);
            }
            assertThat(html.toLowerCase(java.util.Locale.ROOT)).doesNotContain("<script", "<link", "<img", "src=",
                    "@import", "@font-face", "href=");
            Matcher refs = Pattern.compile("url\\(([^)]*)\\)").matcher(html);
            while (refs.find()) {
                assertThat(refs.group(1)).startsWith("#");
            }
        }

        @Test
        void isPlainAscii() {
            assertThat(html.chars().allMatch(c -> c < 0x7f)).isTrue();
            // the en dash of the intervals as a character reference
            assertThat(html).contains(" &#8211; ");
        }
    }

    @Test
    void showsRejectedRowsAndTheirReasons() throws Exception {
        String csv = "nps,csat\n10,5\n11,4\n9,x\n8,3\n";
        Report report = RenderFixtures.report(csv, ReportOptions.defaults().withGrouping(g -> g.withOnBadRow(BadRowPolicy.SKIP)));
        Document doc = parse(html(report));
        assertThat(report.input().rejectedRows()).isEqualTo(2);
        List<Element> dd = elements(doc, null, "dd");
        assertThat(dd.get(1).getTextContent()).isEqualTo("4"); // rows
        Element rejected = dd.get(2);
        assertThat(rejected.getTextContent()).startsWith("2");
        assertThat(withClass(rejected, null, "ul", "reasons")).singleElement()
                .satisfies(ul -> assertThat(elements(ul, null, "li")).hasSize(2));
        assertThat(withClass(rejected, null, "ul", "examples")).singleElement()
                .satisfies(ul -> assertThat(elements(ul, null, "li")).hasSize(2));
    }

    @Test
    void withoutTrendOrSegmentsHasTilesButNoCharts() throws Exception {
        // 3 promoters (10, 9, 9), 1 passive (7), 1 detractor (3): (3 − 1) / 5 × 100 = 40.0
        Report report = RenderFixtures.report("nps\n10\n9\n9\n7\n3\n", ReportOptions.defaults());
        Document doc = parse(html(report));
        assertThat(elements(doc, SVG, "svg")).isEmpty();
        List<Element> tiles = withClass(doc, null, "div", "tile");
        assertThat(tiles).singleElement().satisfies(t -> {
            assertThat(t.getAttribute("class")).isEqualTo("tile small");
            assertThat(withClass(t, null, "div", "value").get(0).getTextContent()).isEqualTo("40.0");
            assertThat(withClass(t, null, "div", "counts").get(0).getTextContent())
                    .isEqualTo("3 promoters \u00b7 1 passives \u00b7 1 detractors");
            assertThat(withClass(t, null, "div", "flag").get(0).getTextContent()).isEqualTo("small sample: n < 30");
        });
    }

    @Test
    void marksSegmentsSignificantlyAboveOrBelowTheRest() throws Exception {
        // 40 promoters from "fans", 40 detractors from "critics"; "mixed" has 22 promoters and 18
        // detractors, NPS 10, against a rest of NPS 0: z ≈ 0.5 (adjusted Wald), not significant
        StringBuilder csv = new StringBuilder("channel,nps\n");
        for (int i = 0; i < 40; i++) {
            csv.append("fans,10\ncritics,0\nmixed,").append(i < 22 ? 10 : 0).append('\n');
        }
        Report report = RenderFixtures.report(csv.toString(), ReportOptions.defaults().withGrouping(g -> g.withSegment("channel")));
        Document doc = parse(html(report));
        List<Element> rows = withClass(svgs(doc, "segments").get(0), SVG, "g", "row");
        assertThat(rows).extracting(e -> e.getAttribute("data-segment")).containsExactly("critics", "fans", "mixed");
        assertThat(withClass(rows.get(0), SVG, "tspan", "sig")).singleElement()
                .satisfies(t -> assertThat(t.getTextContent()).isEqualTo("\u25bc below rest"));
        assertThat(withClass(rows.get(1), SVG, "tspan", "sig")).singleElement()
                .satisfies(t -> assertThat(t.getTextContent()).isEqualTo("\u25b2 above rest"));
        // mixed: not significant
        assertThat(withClass(rows.get(2), SVG, "tspan", "sig")).isEmpty();
        assertThat(rows.get(0).getAttribute("class")).isEqualTo("row significant");
    }

    @Test
    void thinsPeriodLabelsSoTheyDoNotOverlap() throws Exception {
        // a response in every second week of 2025: 52 ISO weeks on the axis, 26 of them empty
        StringBuilder csv = new StringBuilder("submitted_at,nps\n");
        for (int week = 0; week < 52; week += 2) {
            csv.append(java.time.LocalDate.of(2024, 12, 30).plusWeeks(week)).append(',').append(week % 11).append('\n');
        }
        Report report = RenderFixtures.report(csv.toString(), ReportOptions.defaults().withGrouping(g -> g.withBy(Granularity.WEEK)));
        assertThat(report.trend()).hasSize(51);
        Document doc = parse(html(report));
        Element chart = svgs(doc, "chart").get(0);
        List<Element> labels = withClass(chart, SVG, "text", "period");
        assertThat(labels).hasSizeLessThan(51).hasSizeGreaterThan(5);
        // 8-character labels at 6.5 px a character are 52 px wide: centres at least that far apart
        for (int i = 1; i < labels.size(); i++) {
            double gap = Double.parseDouble(labels.get(i).getAttribute("x"))
                    - Double.parseDouble(labels.get(i - 1).getAttribute("x"));
            assertThat(gap).isGreaterThanOrEqualTo(8 * 6.5);
        }
        assertThat(labels.get(0).getTextContent()).isEqualTo("2025-W01");
        // every other week is empty: no line piece joins two points, the points stand alone
        assertThat(withClass(chart, SVG, "path", "line")).isEmpty();
        assertThat(withClass(chart, SVG, "circle", "point")).hasSize(26);
    }

    @Test
    void rejectsNullArguments() {
        assertThatThrownBy(() -> HtmlReportWriter.write(null, new StringBuilder()))
                .isInstanceOf(NullPointerException.class).hasMessage("report");
        Report report = RenderFixtures.report("nps\n10\n", ReportOptions.defaults());
        assertThatThrownBy(() -> HtmlReportWriter.write(report, null))
                .isInstanceOf(NullPointerException.class).hasMessage("out");
    }

    @Nested
    class Helpers {
        @Test
        void markupEscapesAndReplacesWhatXmlCannotHold() throws Exception {
            StringBuilder out = new StringBuilder();
            Markup m = new Markup(out);
            m.start("p").attr("title", "a\"b'c<d>&").text("x\u0001y\uD800z \u00e9 \uD83D\uDE00").end();
            assertThat(out).hasToString("<p title=\"a&quot;b&#39;c&lt;d&gt;&amp;\">x&#65533;y&#65533;z &#233; "
                    + "&#128512;</p>");
            Document doc = parse(out.toString());
            assertThat(doc.getDocumentElement().getAttribute("title")).isEqualTo("a\"b'c<d>&");
            assertThat(doc.getDocumentElement().getTextContent()).isEqualTo("x\uFFFDy\uFFFDz \u00e9 \uD83D\uDE00");
        }

        @Test
        void markupClosesEmptyElementsTheWayHtmlReadsThem() {
            StringBuilder out = new StringBuilder();
            new Markup(out).start("div").start("meta").end().start("span").end().start("svg").start("path").end()
                    .end().end();
            assertThat(out).hasToString("<div><meta/><span></span><svg><path/></svg></div>");
        }

        @Test
        void markupRejectsUnsafeRawText() {
            Markup m = new Markup(new StringBuilder());
            assertThatThrownBy(() -> m.raw("a>b")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Raw markup must not contain '>' (index 1)");
        }

        @Test
        void coordinatesHaveAtMostTwoDecimals() {
            assertThat(Markup.number(12.0)).isEqualTo("12");
            assertThat(Markup.number(-0.001)).isEqualTo("0");
            assertThat(Markup.number(1.005)).isEqualTo("1");     // 1.005 is 1.00499999999999989… in binary
            assertThat(Markup.number(3.14159)).isEqualTo("3.14");
            assertThat(Markup.number(2.5)).isEqualTo("2.5");
            assertThatThrownBy(() -> Markup.number(Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Invalid coordinate (must be finite): NaN");
        }

        @Test
        void displayRoundsHalfUpWithARealMinusAndNoNegativeZero() {
            assertThat(DisplayFormat.score(Metric.NPS, 12.25)).isEqualTo("12.3");
            assertThat(DisplayFormat.score(Metric.NPS, -12.25)).isEqualTo("\u221212.3");
            assertThat(DisplayFormat.score(Metric.NPS, -0.04)).isEqualTo("0.0");
            assertThat(DisplayFormat.score(Metric.CSAT, 81.25)).isEqualTo("81.3 %");
            assertThat(DisplayFormat.score(Metric.CES, 5.125)).isEqualTo("5.13");
            assertThat(DisplayFormat.difference(Metric.CSAT, 2)).isEqualTo("+2.0 pp");
            assertThat(DisplayFormat.pValue(0.0004)).isEqualTo("p < 0.001");
            assertThat(DisplayFormat.pValue(0.0125)).isEqualTo("p = 0.013");
            assertThat(DisplayFormat.percent(0.95)).isEqualTo("95 %");
            assertThat(DisplayFormat.percent(0.995)).isEqualTo("99.5 %");
            assertThat(DisplayFormat.tick(0.30000000000000004, 0.1)).isEqualTo("0.3");
            assertThat(DisplayFormat.tick(2.5, 2.5)).isEqualTo("2.5");
            assertThat(DisplayFormat.tick(-20, 10)).isEqualTo("\u221220");
        }

        @Test
        void chartScaleHasNiceTicksInsideTheBounds() {
            assertThat(ChartScale.niceStep(3.7)).isEqualTo(5);
            assertThat(ChartScale.niceStep(0.21)).isEqualTo(0.25);
            assertThat(ChartScale.niceStep(12)).isEqualTo(20);
            // CSAT 88–97 on 0–100: span 9 widened to 10 (87.5–97.5), step 10/5 = 2 → 86–98
            ChartScale csat = ChartScale.of(88, 97, 0, 100, 10, 5, 200, 0);
            assertThat(csat.lo()).isEqualTo(86);
            assertThat(csat.hi()).isEqualTo(98);
            assertThat(csat.ticks()).containsExactly(86.0, 88.0, 90.0, 92.0, 94.0, 96.0, 98.0);
            assertThat(csat.map(86)).isEqualTo(200);
            assertThat(csat.map(98)).isEqualTo(0);
            // all at 100 %: the minimum span is shifted below the bound, not across it
            ChartScale full = ChartScale.of(100, 100, 0, 100, 10, 5, 0, 1);
            assertThat(full.hi()).isEqualTo(100);
            assertThat(full.lo()).isEqualTo(90);
            // no data: the bounds
            ChartScale none = ChartScale.of(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -100, 100, 10, 5, 0, 1);
            assertThat(none.lo()).isEqualTo(-100);
            assertThat(none.hi()).isEqualTo(100);
            // data beyond the bounds (a t interval past the scale) stays visible
            ChartScale ces = ChartScale.of(0.4, 7.6, 1, 7, 1, 5, 0, 1);
            assertThat(ces.lo()).isLessThanOrEqualTo(0.4);
            assertThat(ces.hi()).isGreaterThanOrEqualTo(7.6);
        }
    }
}
