package io.github.cxmetrics.io;

import static io.github.cxmetrics.io.CsvTesting.BUFFER_SIZES;
import static io.github.cxmetrics.io.CsvTesting.readAll;
import static io.github.cxmetrics.io.CsvTesting.reader;
import static io.github.cxmetrics.io.CsvTesting.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CsvReaderTest {

    static List<String> rec(String... fields) {
        return List.of(fields);
    }

    @SafeVarargs
    static List<List<String>> recs(List<String>... records) {
        return List.of(records);
    }

    /** RFC 4180 cases: name, input, delimiter, expected records. Each runs with every buffer size. */
    static Stream<Arguments> dialect() {
        List<Arguments> cases = List.of(
                Arguments.of("LF line ends", "a,b\nc,d\n", ',', recs(rec("a", "b"), rec("c", "d"))),
                Arguments.of("CRLF line ends", "a,b\r\nc,d\r\n", ',', recs(rec("a", "b"), rec("c", "d"))),
                Arguments.of("mixed line ends", "a\r\nb\nc\r\n", ',', recs(rec("a"), rec("b"), rec("c"))),
                Arguments.of("last record without line end", "a,b\nc,d", ',', recs(rec("a", "b"), rec("c", "d"))),
                Arguments.of("last record ends with a CR before the end", "a,b\r", ',', recs(rec("a", "b"))),
                Arguments.of("empty cells", ",a,,b,\n,,\n", ',', recs(rec("", "a", "", "b", ""), rec("", "", ""))),
                Arguments.of("trailing delimiter at end of input", "a,", ',', recs(rec("a", ""))),
                Arguments.of("semicolon", "nps;opmerking\n9;\"goed; snel\"\n", ';',
                        recs(rec("nps", "opmerking"), rec("9", "goed; snel"))),
                Arguments.of("tab", "a\tb c\t\"d\te\"\n", '\t', recs(rec("a", "b c", "d\te"))),
                Arguments.of("comma is data with another delimiter", "1,5;2\n", ';', recs(rec("1,5", "2"))),
                Arguments.of("quoted delimiter", "\"a,b\",c\n", ',', recs(rec("a,b", "c"))),
                Arguments.of("quoted LF", "\"a\nb\",c\n", ',', recs(rec("a\nb", "c"))),
                Arguments.of("quoted CRLF", "\"a\r\nb\",c\r\n", ',', recs(rec("a\r\nb", "c"))),
                Arguments.of("lone CR inside quotes is data", "\"a\rb\"\n", ',', recs(rec("a\rb"))),
                Arguments.of("doubled quotes", "\"he said \"\"hi\"\"\",\"\"\"\"\n", ',', recs(rec("he said \"hi\"", "\""))),
                Arguments.of("quoted empty", "\"\",\"\"\n", ',', recs(rec("", ""))),
                Arguments.of("quoted field at end of input", "a,\"b\"", ',', recs(rec("a", "b"))),
                Arguments.of("quoted field then CRLF", "\"a\"\r\n\"b\"\r\n", ',', recs(rec("a"), rec("b"))),
                Arguments.of("quote inside unquoted field is data", "5\" scherm,b\"\"c\n", ',', recs(rec("5\" scherm", "b\"\"c"))),
                Arguments.of("spaces are data", " a , \"b\"\n", ',', recs(rec(" a ", " \"b\""))),
                Arguments.of("empty line is one empty field", "a\n\nb\n", ',', recs(rec("a"), rec(""), rec("b"))),
                Arguments.of("trailing empty line", "a\n\n", ',', recs(rec("a"), rec(""))),
                Arguments.of("only a line end", "\n", ',', recs(rec(""))),
                Arguments.of("empty input", "", ',', recs()),
                Arguments.of("BOM is skipped", "\uFEFFid,nps\n1,9\n", ',', recs(rec("id", "nps"), rec("1", "9"))),
                Arguments.of("BOM only", "\uFEFF", ',', recs()),
                Arguments.of("BOM then quoted header", "\uFEFF\"id\",\"nps\"\n", ',', recs(rec("id", "nps"))),
                Arguments.of("BOM later is data", "a\n\uFEFFb\n", ',', recs(rec("a"), rec("\uFEFFb"))),
                Arguments.of("UTF-8 text", "zeer tevreden ë ü 😀,\"ë,😀\"\n", ',', recs(rec("zeer tevreden ë ü 😀", "ë,😀"))),
                Arguments.of("ragged rows are reported as they are", "a,b,c\n1\n1,2,3,4\n", ',',
                        recs(rec("a", "b", "c"), rec("1"), rec("1", "2", "3", "4"))));
        List<Arguments> withSizes = new ArrayList<>();
        for (Arguments c : cases) {
            for (int size : BUFFER_SIZES) {
                Object[] a = c.get();
                withSizes.add(Arguments.of(a[0], a[1], a[2], a[3], size));
            }
        }
        return withSizes.stream();
    }

    @ParameterizedTest(name = "{0} (buffer {4})")
    @MethodSource("dialect")
    void readsTheRfc4180Dialect(String name, String input, char delimiter, List<List<String>> expected, int bufferSize)
            throws IOException {
        assertThat(readAll(utf8(input), delimiter, bufferSize)).isEqualTo(expected);
    }

    @Test
    void readsFromAStreamThatDeliversOneByteAtATime() throws IOException {
        String input = "\uFEFF\"a\"\"b\",c\r\nd,\"e\r\nf\"\r\n";
        try (CsvReader csv = new CsvReader(CsvTesting.trickle(utf8(input)), ',', 8, 64, 64, 16)) {
            assertThat(readAll(csv)).isEqualTo(recs(rec("a\"b", "c"), rec("d", "e\r\nf")));
        }
    }

    @Test
    void emptyCellsAreEmptyWhetherQuotedOrNot() throws IOException {
        try (CsvReader csv = reader(",\"\", \n", ',')) {
            assertThat(csv.next()).isTrue();
            assertThat(csv.fieldCount()).isEqualTo(3);
            assertThat(csv.isEmpty(0)).isTrue();
            assertThat(csv.isEmpty(1)).isTrue();
            assertThat(csv.isEmpty(2)).isFalse();
            assertThat(csv.fieldLength(2)).isEqualTo(1);
        }
    }

    @Test
    void lineIsThePhysicalLineWhereTheRecordStarts() throws IOException {
        try (CsvReader csv = reader("h1,h2\r\n1,\"two\nlines\"\n\n3,x\n", ',')) {
            assertThat(csv.line()).isZero();
            List<Long> lines = new ArrayList<>();
            while (csv.next()) {
                lines.add(csv.line());
            }
            assertThat(lines).containsExactly(1L, 2L, 4L, 5L);
        }
    }

    @Test
    void bytesReadCountsInputUpToTheEndOfTheCurrentRecord() throws IOException {
        byte[] input = utf8("\uFEFFa,b\r\nccc\nd");
        for (int size : BUFFER_SIZES) {
            try (CsvReader csv = reader(input, ',', size)) {
                assertThat(csv.bytesRead()).isZero();
                List<Long> progress = new ArrayList<>();
                while (csv.next()) {
                    progress.add(csv.bytesRead());
                }
                assertThat(progress).as("buffer %d", size).containsExactly(8L, 12L, 13L);
            }
        }
    }

    @Test
    void fieldsAsBytesWithoutDecoding() throws IOException {
        try (CsvReader csv = reader("phone,\"chat\",e-mail,ë\n", ',')) {
            assertThat(csv.next()).isTrue();
            byte[] chat = utf8("chat");
            assertThat(csv.fieldEquals(1, chat)).isTrue();
            assertThat(csv.fieldEquals(0, chat)).isFalse();
            assertThat(csv.fieldEquals(0, utf8("phon"))).isFalse();
            assertThat(csv.fieldBytes(3)).isEqualTo(utf8("ë"));
            for (int i = 0; i < 4; i++) {
                assertThat(csv.hash(i)).isEqualTo(Arrays.hashCode(csv.fieldBytes(i)));
            }
        }
    }

    @Test
    void smallIntParsesSignedDecimals() throws IOException {
        try (CsvReader csv = reader("0,10,-3,+7,007,2147483647,-2147483648,\"42\"\n", ',')) {
            assertThat(csv.next()).isTrue();
            int[] values = new int[csv.fieldCount()];
            for (int i = 0; i < values.length; i++) {
                values[i] = csv.smallInt(i);
            }
            assertThat(values).containsExactly(0, 10, -3, 7, 7, Integer.MAX_VALUE, Integer.MIN_VALUE, 42);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-", "+", "4.5", " 5", "5 ", "1e3", "x", "--1", "9a", "１"})
    void smallIntRejectsWhatIsNotAnInteger(String text) throws IOException {
        try (CsvReader csv = reader("id,nps\n1,\"" + text.replace("\"", "\"\"") + "\"\n", ',')) {
            CsvHeader.read(csv);
            assertThat(csv.next()).isTrue();
            assertThatThrownBy(() -> csv.smallInt(1))
                    .isInstanceOf(CsvValueException.class)
                    .hasMessage("line 2, column 2: not an integer: \"" + text + "\"")
                    .satisfies(e -> assertThat(((CsvValueException) e).rawValue()).isEqualTo(text));
            assertThat(csv.smallInt(0)).as("the reader stays usable").isEqualTo(1);
            assertThat(csv.next()).isFalse();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2147483648", "-2147483649", "99999999999999999999999"})
    void smallIntRejectsValuesOutsideIntRange(String text) throws IOException {
        try (CsvReader csv = reader(text, ',')) {
            assertThat(csv.next()).isTrue();
            assertThatThrownBy(() -> csv.smallInt(0))
                    .isInstanceOf(CsvValueException.class)
                    .hasMessage("line 1, column 1: integer out of range [-2147483648, 2147483647]: \"" + text + "\"");
        }
    }

    @Test
    void valueMessagesShortenLongText() {
        String raw = "x".repeat(100);
        assertThat(new CsvValueException(3, 2, "not an integer", raw))
                .hasMessage("line 3, column 2: not an integer: \"" + "x".repeat(60) + "\"... (100 characters)");
    }

    @Test
    void accessorsCheckTheFieldIndex() throws IOException {
        try (CsvReader csv = reader("a,b\n", ',')) {
            assertThatThrownBy(() -> csv.field(0)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThat(csv.next()).isTrue();
            assertThatThrownBy(() -> csv.field(2)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> csv.isEmpty(-1)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThat(csv.next()).isFalse();
            assertThat(csv.fieldCount()).isZero();
            assertThat(csv.next()).as("end is repeatable").isFalse();
        }
    }

    @Test
    void readsAFileAndClosesIt(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("export.csv");
        Files.write(file, utf8("\uFEFFkanaal;nps\r\ntelefoon;9\r\n"));
        CsvReader csv = CsvReader.open(file, ';');
        assertThat(readAll(csv)).isEqualTo(recs(rec("kanaal", "nps"), rec("telefoon", "9")));
        csv.close();
        csv.close();
        assertThatThrownBy(csv::next).isInstanceOf(IllegalStateException.class).hasMessage("CsvReader is closed");
    }

    @ParameterizedTest
    @ValueSource(chars = {'"', '\r', '\n', 'é', '€'})
    void rejectsDelimitersThatCannotWork(char delimiter) {
        assertThatThrownBy(() -> CsvReader.of(InputStream.nullInputStream(), delimiter))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Invalid delimiter (valid: an ASCII character other than '\"', CR and LF): U+");
    }

    @Nested
    class Errors {
        private CsvFormatException failure(String input, int bufferSize) {
            CsvReader csv = reader(utf8(input), ',', bufferSize);
            try {
                while (csv.next()) {
                    for (int i = 0; i < csv.fieldCount(); i++) {
                        csv.field(i);
                    }
                }
            } catch (CsvFormatException e) {
                return e;
            } catch (IOException e) {
                throw new AssertionError(e);
            }
            throw new AssertionError("no error for " + input);
        }

        private void assertFailure(String input, long line, int column, String reason) {
            for (int size : BUFFER_SIZES) {
                CsvFormatException e = failure(input, size);
                assertThat(e.line()).as("line, buffer %d", size).isEqualTo(line);
                assertThat(e.column()).as("column, buffer %d", size).isEqualTo(column);
                assertThat(e.reason()).isEqualTo(reason);
                assertThat(e).hasMessage("line " + line + ", column " + column + ": " + reason);
            }
        }

        @Test
        void unterminatedQuoteNamesWhereTheQuoteOpened() {
            assertFailure("a,b\nc,d,\"e\nf\ng", 2, 3, "unterminated quoted field");
            assertFailure("\"", 1, 1, "unterminated quoted field");
            assertFailure("a,\"b\"\"", 1, 2, "unterminated quoted field");
        }

        @Test
        void characterAfterClosingQuote() {
            assertFailure("a\n\"b\"c,d\n", 2, 1, "unexpected character 'c' after closing quote");
            assertFailure("x,\"b\" ,d\n", 1, 2, "unexpected character ' ' after closing quote");
            assertFailure("\"multi\nline\"x", 2, 1, "unexpected character 'x' after closing quote");
            assertFailure("\"b\"\u00e9", 1, 1, "unexpected byte 0xC3 after closing quote");
            assertFailure("\"b\"\t", 1, 1, "unexpected byte 0x09 after closing quote");
        }

        @Test
        void bareCarriageReturnOutsideQuotes() {
            String reason = "carriage return not followed by line feed outside quotes (records must end with LF or CRLF)";
            assertFailure("a,b\rc,d\r", 1, 2, reason);
            assertFailure("h\na\rb\n", 2, 1, reason);
            assertFailure("\"a\"\rb", 1, 1, reason);
        }

        @Test
        void invalidUtf8IsReportedWhenTheFieldIsDecoded() throws IOException {
            byte[] input = {'o', 'k', ',', 'a', (byte) 0xC3, '(', '\n', 'n', 'e', 'x', 't', '\n'};
            try (CsvReader csv = reader(input, ',', 16)) {
                assertThat(csv.next()).isTrue();
                assertThat(csv.fieldBytes(1)).hasSize(3);
                assertThatThrownBy(() -> csv.field(1))
                        .isInstanceOf(CsvFormatException.class)
                        .isNotInstanceOf(CsvValueException.class)
                        .hasMessage("line 1, column 2: invalid UTF-8: byte 0xC3 at offset 1 of the field");
                assertThat(csv.field(0)).isEqualTo("ok");
                assertThat(csv.next()).isTrue();
                assertThat(csv.field(0)).isEqualTo("next");
            }
        }

        @Test
        void encodedReplacementCharacterIsValid() throws IOException {
            assertThat(readAll("\uFFFD,a\uFFFDb\n", ',')).isEqualTo(recs(rec("\uFFFD", "a\uFFFDb")));
        }

        @Test
        void surrogatesAndOverlongFormsAreInvalidUtf8() {
            byte[][] inputs = {
                {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, // an encoded surrogate
                {(byte) 0xC0, (byte) 0xAF}, // an overlong '/'
                {(byte) 0xF0, (byte) 0x9F, (byte) 0x98}, // a truncated 4-byte sequence
                {(byte) 0xFF},
            };
            for (byte[] input : inputs) {
                CsvReader csv = reader(input, ',', 16);
                assertThatThrownBy(() -> {
                    csv.next();
                    csv.field(0);
                }).isInstanceOf(CsvFormatException.class).hasMessageContaining("invalid UTF-8");
            }
        }

        @Test
        void aFailedReaderKeepsFailing() throws IOException {
            CsvReader csv = reader("a\n\"b\"c\nd\n", ',');
            assertThat(csv.next()).isTrue();
            CsvFormatException first = null;
            try {
                csv.next();
            } catch (CsvFormatException e) {
                first = e;
            }
            assertThat(first).isNotNull();
            assertThat(csv.fieldCount()).isZero();
            assertThatThrownBy(csv::next).isSameAs(first);
        }

        @Test
        void emptyFileHasNoHeader() {
            assertThatThrownBy(() -> CsvHeader.read(reader("", ',')))
                    .isInstanceOf(CsvFormatException.class)
                    .hasMessage("line 1: empty file: no header row")
                    .satisfies(e -> {
                        assertThat(((CsvFormatException) e).reason()).isEqualTo("empty file: no header row");
                        assertThat(((CsvFormatException) e).column()).isZero();
                    });
            assertThatThrownBy(() -> CsvHeader.read(reader("\uFEFF", ',')))
                    .hasMessage("line 1: empty file: no header row");
        }

        @Test
        void exceptionArgumentsAreChecked() {
            assertThatThrownBy(() -> new CsvFormatException(0, 1, "x")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("line");
            assertThatThrownBy(() -> new CsvFormatException(1, -1, "x")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("column");
            assertThatThrownBy(() -> new CsvFormatException(1, 1, null)).isInstanceOf(NullPointerException.class);
        }
    }

    @Nested
    class Sizes {
        @Test
        void oneMegabyteFieldsWork() throws IOException {
            String big = "zeer tevreden ë ü 😀 \"quoted\"\r\n".repeat(1 << 15); // about 1.1 MB
            String unquotedBig = "x".repeat(1 << 20);
            String input = "id,comment,tail\n1,\"" + big.replace("\"", "\"\"") + "\",end\n2," + unquotedBig + ",end";
            try (CsvReader csv = reader(input, ',')) {
                assertThat(CsvHeader.read(csv).size()).isEqualTo(3);
                assertThat(csv.next()).isTrue();
                assertThat(csv.field(1)).isEqualTo(big);
                assertThat(csv.field(2)).isEqualTo("end");
                assertThat(csv.next()).isTrue();
                assertThat(csv.line()).isEqualTo(3 + (1 << 15));
                assertThat(csv.fieldLength(1)).isEqualTo(1 << 20);
                assertThat(csv.field(2)).isEqualTo("end");
                assertThat(csv.next()).isFalse();
            }
        }

        @Test
        void aFieldAtTheLimitIsRead() throws IOException {
            byte[] input = utf8("a,\"" + "y".repeat(30) + "\"\n" + "z".repeat(30) + "\n");
            try (CsvReader csv = new CsvReader(new ByteArrayInputStream(input), ',', 8, 30, 40, 4)) {
                assertThat(readAll(csv)).isEqualTo(recs(rec("a", "y".repeat(30)), rec("z".repeat(30))));
            }
        }

        @ParameterizedTest
        @ValueSource(strings = {"a,\"yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy\"\n", "a,yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy\n",
            "a,yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy", "a,\"yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy"})
        void aLongerFieldIsAnError(String text) {
            CsvReader csv = new CsvReader(new ByteArrayInputStream(utf8(text)), ',', 8, 30, 40, 4);
            assertThatThrownBy(csv::next).isInstanceOf(CsvFormatException.class)
                    .hasMessage("line 1, column 2: field longer than 30 bytes");
        }

        @Test
        void aLongerRecordIsAnError() {
            String text = "h\n" + "y".repeat(30) + ",\"" + "y".repeat(15) + "\"\n";
            CsvReader csv = new CsvReader(new ByteArrayInputStream(utf8(text)), ',', 8, 30, 40, 4);
            assertThatThrownBy(() -> readAll(csv)).isInstanceOf(CsvFormatException.class)
                    .hasMessage("line 2, column 2: record longer than 40 bytes");
        }

        @Test
        void tooManyFieldsIsAnError() {
            CsvReader csv = new CsvReader(new ByteArrayInputStream(utf8("a,b,c,d\n1,2,3,4,5\n")), ',', 8, 30, 40, 4);
            assertThatThrownBy(() -> readAll(csv)).isInstanceOf(CsvFormatException.class)
                    .hasMessage("line 2, column 5: record has more than 4 fields");
        }

        @Test
        void aFieldOverSixtyFourMebibytesIsAnErrorNotAnOutOfMemory() {
            long size = (64L << 20) + 1;
            InputStream endless = new InputStream() {
                private long left = size;

                @Override
                public int read() {
                    return left-- > 0 ? 'x' : -1;
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    if (left <= 0) {
                        return -1;
                    }
                    int n = (int) Math.min(len, left);
                    Arrays.fill(b, off, off + n, (byte) 'x');
                    left -= n;
                    return n;
                }
            };
            CsvReader csv = CsvReader.of(endless, ',');
            assertThatThrownBy(csv::next).isInstanceOf(CsvFormatException.class)
                    .hasMessage("line 1, column 1: field longer than 67108864 bytes");
        }
    }

    @Test
    void defaultsAreTheDocumentedOnes() {
        assertThat(CsvReader.DEFAULT_BUFFER_SIZE).isEqualTo(1 << 20);
        assertThat(CsvReader.MAX_FIELD_BYTES).isEqualTo(67_108_864);
        assertThat(CsvReader.MAX_RECORD_BYTES).isEqualTo(134_217_728);
        assertThat(CsvReader.MAX_FIELDS).isEqualTo(1_048_576);
        assertThat(new String(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, StandardCharsets.UTF_8)).isEqualTo("\uFEFF");
    }
}
