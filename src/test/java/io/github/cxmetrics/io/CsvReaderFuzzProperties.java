package io.github.cxmetrics.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Random bytes into CsvReader: the only exceptions are the documented ones, reading always
 * finishes, and the outcome does not depend on how the input arrives (buffer size, one byte per
 * read).
 */
class CsvReaderFuzzProperties {

    /** Bytes that matter to the scanner, often, and any byte, sometimes. */
    @Provide
    Arbitrary<byte[]> inputs() {
        Arbitrary<Byte> special = Arbitraries.of((byte) '"', (byte) ',', (byte) ';', (byte) '\r', (byte) '\n',
                (byte) 'a', (byte) '1', (byte) '-', (byte) ' ', (byte) 0xC3, (byte) 0xA9, (byte) 0xEF, (byte) 0xBB,
                (byte) 0xBF, (byte) 0xF0, (byte) 0x80, (byte) 0xFF, (byte) 0);
        Arbitrary<Byte> any = Arbitraries.bytes();
        return Arbitraries.frequencyOf(Tuple.of(4, special), Tuple.of(1, any))
                .list().ofMaxSize(48)
                .map(list -> {
                    byte[] bytes = new byte[list.size()];
                    for (int i = 0; i < bytes.length; i++) {
                        bytes[i] = list.get(i);
                    }
                    return bytes;
                });
    }

    /** Everything a caller can ask of each record, as text; or the failure's message. */
    static List<String> readEverything(CsvReader csv, int inputLength) {
        List<String> seen = new ArrayList<>();
        try {
            int records = 0;
            while (csv.next()) {
                records++;
                assertThat(records).as("every record consumes input").isLessThanOrEqualTo(inputLength + 1);
                assertThat(csv.fieldCount()).isPositive();
                assertThat(csv.line()).isPositive();
                StringBuilder record = new StringBuilder("line " + csv.line() + ":");
                for (int i = 0; i < csv.fieldCount(); i++) {
                    byte[] bytes = csv.fieldBytes(i);
                    assertThat(csv.hash(i)).isEqualTo(Arrays.hashCode(bytes));
                    assertThat(csv.fieldEquals(i, bytes)).isTrue();
                    assertThat(csv.isEmpty(i)).isEqualTo(bytes.length == 0);
                    record.append(' ').append(Arrays.toString(bytes));
                    try {
                        record.append(" int=").append(csv.smallInt(i));
                    } catch (CsvValueException e) {
                        record.append(" notInt");
                    }
                    try {
                        record.append(" text=").append(csv.field(i));
                    } catch (CsvFormatException e) {
                        assertThat(e.reason()).startsWith("invalid UTF-8");
                        record.append(' ').append(e.getMessage());
                    }
                }
                seen.add(record.toString());
                assertThat(csv.bytesRead()).isLessThanOrEqualTo(inputLength);
            }
            assertThat(csv.bytesRead()).isEqualTo(inputLength);
        } catch (CsvFormatException e) {
            seen.add("failed: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return seen;
    }

    @Property(tries = 2000)
    void randomBytesGiveRecordsOrACsvFormatExceptionAndTheSameWhateverTheBuffering(@ForAll("inputs") byte[] input) {
        List<String> reference = assertTimeoutPreemptively(Duration.ofSeconds(10), () ->
                readEverything(CsvTesting.reader(input, ',', CsvReader.DEFAULT_BUFFER_SIZE), input.length));
        Statistics.label("outcome").collect(reference.isEmpty() ? "no record"
                : reference.get(reference.size() - 1).startsWith("failed") ? "rejected" : "read");
        for (int size : new int[] {4, 5, 7, 16}) {
            assertThat(readEverything(CsvTesting.reader(input, ',', size), input.length)).as("buffer %d", size)
                    .isEqualTo(reference);
        }
        CsvReader trickle = new CsvReader(CsvTesting.trickle(input), ',', 4, CsvReader.MAX_FIELD_BYTES,
                CsvReader.MAX_RECORD_BYTES, CsvReader.MAX_FIELDS);
        assertThat(readEverything(trickle, input.length)).as("one byte per read").isEqualTo(reference);
    }

    @Property(tries = 500)
    void tightLimitsFailCleanly(@ForAll("inputs") byte[] input) {
        CsvReader csv = new CsvReader(new ByteArrayInputStream(input), ';', 4, 5, 12, 3);
        List<String> seen = readEverything(csv, input.length);
        String last = seen.isEmpty() ? "" : seen.get(seen.size() - 1);
        Statistics.label("limit hit").collect(last.contains("longer than") || last.contains("more than"));
    }

    @Property(tries = 1000)
    void whatWasReadWritesBackToTheSameRecords(@ForAll("inputs") byte[] input) throws IOException {
        List<List<String>> records;
        try {
            records = CsvTesting.readAll(input, ',', 16);
        } catch (CsvFormatException e) {
            return;
        }
        // a leading U+FEFF in the data would be written where a reader takes it for a byte order mark
        Assume.that(records.isEmpty() || !records.get(0).get(0).startsWith("\uFEFF"));
        String again = CsvReaderDifferentialProperties.write(records, ',', "\r\n", true, false);
        assertThat(CsvTesting.readAll(again, ',')).isEqualTo(records);
    }
}
