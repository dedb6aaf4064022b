package io.github.cxmetrics.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a feedback export the way the report will, and prints the throughput. Not a unit test
 * (surefire does not pick it up); run by hand after {@code mvn test-compile}:
 * <pre>
 * java ../shared/bench/GenResponses.java --rows 10000000 --seed 1 --out /tmp/r10m.csv
 * java -cp target/classes:target/test-classes io.github.cxmetrics.io.CsvReaderBenchmark /tmp/r10m.csv 3
 * </pre>
 */
public final class CsvReaderBenchmark {
    private CsvReaderBenchmark() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args the CSV file, and optionally the number of passes (default 3)
     * @throws IOException if the file cannot be read
     */
    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        long size = Files.size(file);
        for (int pass = 1; pass <= passes; pass++) {
            long t0 = System.nanoTime();
            long[] nps = new long[11];
            long rows = 0;
            long phone = 0;
            long hashes = 0;
            byte[] phoneBytes = "phone".getBytes(StandardCharsets.UTF_8);
            try (CsvReader csv = CsvReader.open(file, ',')) {
                CsvHeader header = CsvHeader.read(csv);
                int npsColumn = header.require("nps");
                int channel = header.require("channel");
                int week = header.require("submitted_at");
                while (csv.next()) {
                    rows++;
                    if (!csv.isEmpty(npsColumn)) {
                        nps[csv.smallInt(npsColumn)]++;
                    }
                    if (csv.fieldEquals(channel, phoneBytes)) {
                        phone++;
                    }
                    hashes += csv.hash(week);
                }
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf("pass %d: %,d rows, %,d bytes in %.2f s = %.0f MB/s (%,d phone, nps[10]=%,d, %d)%n",
                    pass, rows, size, seconds, size / seconds / 1e6, phone, nps[10], hashes & 1);
        }
    }
}
