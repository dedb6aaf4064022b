package io.github.cxmetrics.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cxmetrics.scale.NpsScale;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;
import net.jqwik.api.constraints.IntRange;

/**
 * Random header layouts, encodings, delimiters and skipped rows: the reader either detects exactly
 * what was written and reads the same scores and times, or throws a clear error; it never reads a
 * different result silently.
 */
class ExportReaderFuzzProperties {

    record Response(OptionalInt nps, int day, String comment) {
    }

    @Provide
    Arbitrary<List<Response>> responses() {
        Arbitrary<OptionalInt> nps = Arbitraries.integers().between(-1, 10).map(i -> i < 0 ? OptionalInt.empty() : OptionalInt.of(i));
        Arbitrary<String> comment = Arbitraries.strings().withChars("abé ü,;|\t\"\n=").ofMaxLength(12);
        return net.jqwik.api.Combinators.combine(nps, Arbitraries.integers().between(1, 28), comment).as(Response::new)
                .list().ofMinSize(1).ofMaxSize(15);
    }

    @Provide
    Arbitrary<List<String>> extraNames() {
        return Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(6)
                .filter(n -> !List.of("nps", "npsscore", "csat", "ces", "csatscore", "cesscore", "date", "timestamp",
                        "enddate", "createdat", "status", "finished").contains(n))
                .list().ofMaxSize(4).uniqueElements();
    }

    @Property(tries = 300)
    @StatisticsReport(onFailureOnly = true)
    void readsWhatWasWrittenOrFailsClearly(@ForAll("responses") List<Response> rows,
            @ForAll("extraNames") List<String> extra, @ForAll @IntRange(min = 0, max = 2) int layout,
            @ForAll @IntRange(min = 0, max = 3) int delimiterChoice, @ForAll @IntRange(min = 0, max = 4) int encodingChoice,
            @ForAll @IntRange(min = 0, max = 2) int junkRows) throws IOException {
        char d = ",;\t|".charAt(delimiterChoice);
        ExportFormat format = ExportFormat.values()[layout == 2 ? 3 : layout];
        List<String> names = new ArrayList<>(List.of("nps", "submitted_at", "comment"));
        names.addAll(extra);
        StringBuilder out = new StringBuilder();
        if (format == ExportFormat.SURVEYMONKEY) {
            List<String> row1 = new ArrayList<>(List.of("Respondent ID", "Collector ID"));
            row1.addAll(names);
            line(out, row1, d);
            List<String> row2 = new ArrayList<>(List.of("", ""));
            names.forEach(n -> row2.add("Response"));
            line(out, row2, d);
        } else {
            line(out, names, d);
        }
        if (format == ExportFormat.QUALTRICS) {
            List<String> text = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                text.add("Question " + i + ", text; with | delimiters");
                ids.add("{\"ImportId\":\"QID" + i + "\"}");
            }
            line(out, text, d);
            line(out, ids, d);
        }
        for (int j = 0; j < junkRows; j++) {
            line(out, List.of("junk " + j), d);
        }
        for (int r = 0; r < rows.size(); r++) {
            Response response = rows.get(r);
            List<String> cells = new ArrayList<>();
            if (format == ExportFormat.SURVEYMONKEY) {
                cells.add(String.valueOf(1000 + r));
                cells.add("7");
            }
            cells.add(response.nps().isPresent() ? String.valueOf(response.nps().getAsInt()) : "NA");
            cells.add(String.format("2024-03-%02dT10:00:00Z", response.day()));
            cells.add(response.comment());
            extra.forEach(n -> cells.add("x"));
            line(out, cells, d);
        }
        String text = out.toString();
        Charset[] charsets = {StandardCharsets.UTF_8, StandardCharsets.UTF_8, StandardCharsets.UTF_16LE,
            StandardCharsets.UTF_16BE, ExportEncoding.WINDOWS_1252};
        boolean bom = encodingChoice >= 1 && encodingChoice <= 3;
        byte[] bytes = ((bom ? "\uFEFF" : "") + text).getBytes(charsets[encodingChoice]);
        String expectedEncoding = encodingChoice == 4 && !isAscii(text) ? "windows-1252"
                : encodingChoice == 4 ? "UTF-8" : charsets[encodingChoice].name() + (bom ? " (BOM)" : "");

        ExportReader export;
        try {
            export = ExportReader.of(bytes, ExportReader.Options.defaults().withSkipRows(junkRows));
        } catch (CsvFormatException | IllegalArgumentException clearError) {
            assertThat(clearError.getMessage()).isNotBlank();
            Statistics.collect("clear error");
            return;
        }
        Statistics.collect("read");
        try (export) {
            assertThat(export.layout().format()).isEqualTo(format);
            assertThat(export.layout().delimiter()).isEqualTo(d);
            assertThat(export.layout().encoding()).isEqualTo(expectedEncoding);
            List<OptionalInt> scores = new ArrayList<>();
            List<Optional<Instant>> times = new ArrayList<>();
            List<String> comments = new ArrayList<>();
            while (export.next()) {
                scores.add(export.row().score(NpsScale.STANDARD));
                times.add(export.row().submittedAt());
                comments.add(export.row().cell("comment"));
            }
            assertThat(scores).containsExactlyElementsOf(rows.stream().map(Response::nps).toList());
            assertThat(times).containsExactlyElementsOf(rows.stream()
                    .map(r -> Optional.of(Instant.parse(String.format("2024-03-%02dT10:00:00Z", r.day())))).toList());
            assertThat(comments).containsExactlyElementsOf(rows.stream()
                    .map(Response::comment).toList());
        }
        // the generated exports are all valid, so the reader must read nearly all of them
        Statistics.coverage(c -> c.check("read").percentage(p -> p >= 95));
    }

    private static boolean isAscii(String s) {
        return s.chars().allMatch(c -> c < 0x80);
    }

    private static void line(StringBuilder out, List<String> cells, char d) {
        String sep = "";
        for (String cell : cells) {
            out.append(sep);
            boolean quote = cell.indexOf(d) >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0
                    || cell.indexOf('\r') >= 0 || cell.startsWith("\"");
            out.append(quote ? '"' + cell.replace("\"", "\"\"") + '"' : cell);
            sep = String.valueOf(d);
        }
        out.append("\r\n");
    }
}
