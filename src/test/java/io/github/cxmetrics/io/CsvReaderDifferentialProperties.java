package io.github.cxmetrics.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Group;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * CsvReader against Apache Commons CSV ({@code CSVFormat.RFC4180} with the same delimiter) on
 * generated exports and on randomly damaged ones.
 *
 * <p>Where the two differ by design, the test says so and checks the difference precisely:
 * <ul>
 * <li>Commons CSV ends a record at a CR that is not followed by LF; CsvReader rejects such a CR
 *     outside quotes (RFC 4180 ends records with CRLF, and the accepted LF is the common
 *     extension), unless it is the last byte of the input.
 * <li>Commons CSV skips spaces and tabs between a closing quote and the delimiter; CsvReader
 *     rejects them, as RFC 4180 allows only the delimiter or a line end there.
 * </ul>
 * Everything else must agree: the same records, or both reject the input.
 */
class CsvReaderDifferentialProperties {

    /** A generated export: records, how it was written, and the text. */
    record Export(List<List<String>> records, char delimiter, String lineEnd, boolean finalLineEnd, String text) {
    }

    private static final List<String> FRAGMENTS = List.of(
            "a", "b", "9", " ", ",", ";", "\t", "\"", "\"\"", "\r", "\n", "\r\n", "ë", "ü", "😀", "zeer tevreden ë ü 😀", "");

    @Provide
    Arbitrary<Export> exports() {
        Arbitrary<String> field = Arbitraries.of(FRAGMENTS).list().ofMaxSize(5).map(parts -> String.join("", parts));
        Arbitrary<List<String>> record = field.list().ofMinSize(1).ofMaxSize(5);
        Arbitrary<List<List<String>>> records = record.list().ofMaxSize(6);
        return Combinators.combine(records, Arbitraries.of(',', ';', '\t'), Arbitraries.of("\n", "\r\n"),
                Arbitraries.of(true, false), Arbitraries.of(true, false))
                .as((recs, delimiter, lineEnd, finalLineEnd, quoteAll) ->
                        new Export(recs, delimiter, lineEnd, finalLineEnd, write(recs, delimiter, lineEnd, finalLineEnd, quoteAll)));
    }

    /** Writes RFC 4180: quotes a field when it must (or always), doubling its quotes. */
    static String write(List<List<String>> records, char delimiter, String lineEnd, boolean finalLineEnd, boolean quoteAll) {
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < records.size(); r++) {
            List<String> record = records.get(r);
            for (int i = 0; i < record.size(); i++) {
                if (i > 0) {
                    out.append(delimiter);
                }
                String f = record.get(i);
                boolean lonelyEmpty = record.size() == 1 && f.isEmpty(); // else it would be an empty line
                if (quoteAll || lonelyEmpty || f.indexOf(delimiter) >= 0 || f.indexOf('"') >= 0
                        || f.indexOf('\r') >= 0 || f.indexOf('\n') >= 0) {
                    out.append('"').append(f.replace("\"", "\"\"")).append('"');
                } else {
                    out.append(f);
                }
            }
            if (finalLineEnd || r < records.size() - 1) {
                out.append(lineEnd);
            }
        }
        return out.toString();
    }

    /** The outcome of reading a text: records, or the failure. */
    record Outcome(List<List<String>> records, Exception failure) {
        boolean ok() {
            return failure == null;
        }
    }

    static Outcome ours(String text, char delimiter, int bufferSize) {
        try {
            return new Outcome(CsvTesting.readAll(CsvTesting.utf8(text), delimiter, bufferSize), null);
        } catch (CsvFormatException e) {
            return new Outcome(null, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Outcome commons(String text, char delimiter) {
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).get();
        try {
            List<List<String>> records = new ArrayList<>();
            for (CSVRecord r : format.parse(new StringReader(text))) {
                records.add(r.toList());
            }
            return new Outcome(records, null);
        } catch (IOException | UncheckedIOException e) {
            return new Outcome(null, e);
        }
    }

    @Property
    void generatedExportsReadBackExactlyAndAsCommonsCsvReadsThem(@ForAll("exports") Export export,
            @ForAll("bufferSizes") int bufferSize) {
        Outcome ours = ours(export.text(), export.delimiter(), bufferSize);
        Outcome theirs = commons(export.text(), export.delimiter());
        Statistics.label("records").collect(export.records().size());
        Statistics.label("multi-line field").collect(export.records().stream().flatMap(List::stream)
                .anyMatch(f -> f.contains("\n") || f.contains("\r")));
        assertThat(ours.failure()).isNull();
        assertThat(ours.records()).isEqualTo(export.records());
        assertThat(theirs.records()).isEqualTo(export.records());
    }

    @Provide
    Arbitrary<Integer> bufferSizes() {
        return Arbitraries.of(4, 5, 7, 16, CsvReader.DEFAULT_BUFFER_SIZE);
    }

    /** A damaged export: up to three code points inserted, deleted or replaced. */
    @Provide
    Arbitrary<String[]> damagedExports() {
        Arbitrary<String> insert = Arbitraries.of("\"", ",", ";", "\t", "\r", "\n", "a", "ë", "😀", " ");
        Arbitrary<int[]> edit = Combinators.combine(Arbitraries.integers().between(0, 2), Arbitraries.integers().between(0, 10_000))
                .as((kind, at) -> new int[] {kind, at});
        return Combinators.combine(exports(), edit.list().ofMinSize(1).ofMaxSize(3), insert.list().ofSize(3))
                .as((export, edits, inserts) -> {
                    List<String> cps = export.text().codePoints().mapToObj(Character::toString).collect(Collectors.toList());
                    for (int i = 0; i < edits.size(); i++) {
                        int kind = edits.get(i)[0];
                        int at = cps.isEmpty() ? 0 : edits.get(i)[1] % (cps.size() + (kind == 0 ? 1 : 0));
                        if (kind == 0 || cps.isEmpty()) {
                            cps.add(Math.min(at, cps.size()), inserts.get(i));
                        } else if (kind == 1) {
                            cps.remove(at);
                        } else {
                            cps.set(at, inserts.get(i));
                        }
                    }
                    return new String[] {String.join("", cps), String.valueOf(export.delimiter())};
                });
    }

    @Property(tries = 3000)
    void damagedExportsAreReadAsCommonsCsvReadsThemOrRejectedByBoth(@ForAll("damagedExports") String[] damaged,
            @ForAll("bufferSizes") int bufferSize) {
        String text = damaged[0];
        char delimiter = damaged[1].charAt(0);
        Outcome ours = ours(text, delimiter, bufferSize);
        Outcome theirs = commons(text, delimiter);
        Statistics.label("outcome").collect(ours.ok() ? "both read" : theirs.ok() ? "only Commons reads" : "both reject");
        if (ours.ok()) {
            assertThat(theirs.failure()).as("Commons CSV accepts what CsvReader accepts").isNull();
            assertThat(ours.records()).isEqualTo(theirs.records());
        } else if (theirs.ok()) {
            assertThat(((CsvFormatException) ours.failure()).reason()).as("a documented difference")
                    .isIn(BARE_CR, "unexpected character ' ' after closing quote", "unexpected byte 0x09 after closing quote");
        }
    }

    private static final String BARE_CR =
            "carriage return not followed by line feed outside quotes (records must end with LF or CRLF)";

    @Group
    class KnownDifferences {
        @Property(tries = 1)
        void whitespaceAfterAClosingQuoteIsSkippedByCommonsAndAnErrorHere() {
            assertThat(commons("\"a\" \t,b\n", ',').records()).containsExactly(List.of("a", "b"));
            assertThat(ours("\"a\" \t,b\n", ',', 1024).failure())
                    .hasMessage("line 1, column 1: unexpected character ' ' after closing quote");
        }

        @Property(tries = 1)
        void bothReadAnEmptyLineAsOneEmptyField() throws IOException {
            assertThat(CsvTesting.readAll("a\n\n\"\"\n", ',')).containsExactly(List.of("a"), List.of(""), List.of(""));
            assertThat(commons("a\n\n\"\"\n", ',').records()).containsExactly(List.of("a"), List.of(""), List.of(""));
        }

        @Property(tries = 1)
        void bareCrEndsARecordInCommonsAndIsAnErrorHere() {
            assertThat(commons("a\rb\n", ',').records()).containsExactly(List.of("a"), List.of("b"));
            assertThat(ours("a\rb\n", ',', 1024).failure()).hasMessageStartingWith("line 1, column 1: carriage return");
        }
    }
}
