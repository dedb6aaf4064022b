package io.github.cxmetrics.io;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Shared helpers for the CSV tests: readers over strings and bytes, with small buffers. */
final class CsvTesting {
    /** Buffer sizes that put buffer boundaries everywhere in short inputs, and the real size. */
    static final int[] BUFFER_SIZES = {4, 5, 7, 16, CsvReader.DEFAULT_BUFFER_SIZE};

    private CsvTesting() {
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static CsvReader reader(byte[] input, char delimiter, int bufferSize) {
        return new CsvReader(new ByteArrayInputStream(input), delimiter, bufferSize,
                CsvReader.MAX_FIELD_BYTES, CsvReader.MAX_RECORD_BYTES, CsvReader.MAX_FIELDS);
    }

    static CsvReader reader(String input, char delimiter) {
        return CsvReader.of(new ByteArrayInputStream(utf8(input)), delimiter);
    }

    /** Reads every record as strings. */
    static List<List<String>> readAll(CsvReader csv) throws IOException {
        List<List<String>> records = new ArrayList<>();
        while (csv.next()) {
            List<String> record = new ArrayList<>();
            for (int i = 0; i < csv.fieldCount(); i++) {
                record.add(csv.field(i));
            }
            records.add(record);
        }
        return records;
    }

    static List<List<String>> readAll(byte[] input, char delimiter, int bufferSize) throws IOException {
        try (CsvReader csv = reader(input, delimiter, bufferSize)) {
            return readAll(csv);
        }
    }

    static List<List<String>> readAll(String input, char delimiter) throws IOException {
        return readAll(utf8(input), delimiter, CsvReader.DEFAULT_BUFFER_SIZE);
    }

    /** A stream that hands out at most one byte per read, as a slow pipe might. */
    static InputStream trickle(byte[] input) {
        return new ByteArrayInputStream(input) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1));
            }
        };
    }
}
