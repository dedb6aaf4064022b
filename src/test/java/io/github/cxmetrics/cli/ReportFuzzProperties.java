package io.github.cxmetrics.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * Random bytes and randomly damaged copies of a valid export, fed to the real {@code Main.run}
 * under several option sets. The only outcomes allowed: exit 0 with JSON that Jackson parses (and
 * that {@code --from-tallies} reproduces byte for byte), or exit 1 with exactly one stderr line of
 * a documented shape (a CSV or row error with its line, a missing or absent score column); never
 * another exit code, an internal error, a stack trace, nor more than 10 s for one input.
 */
class ReportFuzzProperties {
    private static final byte[] EXPORT = head(ReportEndToEndTest.EXAMPLE, 50);
    private static final Path WORK = createWork();
    private static final Pattern DOCUMENTED = Pattern.compile("cxmetrics: (line [0-9]+(, column [^\\n]*)?: [^\\n]+"
            + "|No score column found: [^\\n]+|Missing required column [^\\n]+)\\n");
    private static final List<List<String>> OPTIONS = List.of(
            List.of(),
            List.of("--on-bad-row", "skip"),
            List.of("--on-bad-row", "skip", "--by", "week", "--segment", "channel", "--weight", "weight"),
            List.of("--on-bad-row", "skip", "--by", "month", "--segment", "region", "--zone", "Europe/Amsterdam"),
            List.of("--metrics", "nps,csat", "--segment", "team"),
            List.of("--delimiter", ";", "--on-bad-row", "skip"));

    private static byte[] head(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return (String.join("\n", all.subList(0, lines)) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path createWork() {
        try {
            return Files.createTempDirectory("cxmetrics-fuzz");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterContainer
    static void removeWork() throws IOException {
        try (Stream<Path> files = Files.walk(WORK)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Bytes with a bias to what matters to a CSV reader: delimiters, quotes, line ends, digits, high bytes. */
    @Provide
    Arbitrary<byte[]> randomBytes() {
        Arbitrary<Byte> interesting = Arbitraries.of((byte) ',', (byte) ';', (byte) '"', (byte) '\n', (byte) '\r',
                (byte) '0', (byte) '9', (byte) '1', (byte) 'n', (byte) 'p', (byte) 's', (byte) 0xC3, (byte) 0xFF,
                (byte) 0xEF, (byte) 0xBB, (byte) 0xBF, (byte) 0);
        Arbitrary<Byte> any = Arbitraries.bytes();
        Arbitrary<byte[]> noise = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, interesting), net.jqwik.api.Tuple.of(1, any))
                .list().ofMaxSize(600).map(ReportFuzzProperties::toArray);
        // a plausible header in front of the noise makes the reader go past line 1 more often
        Arbitrary<String> header = Arbitraries.of("", "nps\n", "nps,csat,ces\n", "id,nps,channel\n",
                "submitted_at,nps,channel,weight,region,team\n");
        return Combinators.combine(header, noise).as((h, n) -> concat(h.getBytes(StandardCharsets.UTF_8), n));
    }

    private static byte[] toArray(List<Byte> list) {
        byte[] out = new byte[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = list.get(i);
        }
        return out;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** One edit of the export: what it does, where, and a byte. */
    record Mutation(int kind, double at, double length, byte value) {
        byte[] apply(byte[] in) {
            int pos = (int) (at * in.length);
            int len = 1 + (int) (length * 20);
            ByteArrayOutputStream out = new ByteArrayOutputStream(in.length + len);
            switch (kind) {
                case 0 -> { // delete a range
                    out.write(in, 0, pos);
                    int end = Math.min(in.length, pos + len);
                    out.write(in, end, in.length - end);
                }
                case 1 -> { // insert a byte
                    out.write(in, 0, pos);
                    out.write(value);
                    out.write(in, pos, in.length - pos);
                }
                case 2 -> { // replace a byte
                    out.write(in, 0, in.length);
                    byte[] b = out.toByteArray();
                    if (pos < b.length) {
                        b[pos] = value;
                    }
                    return b;
                }
                case 3, 4 -> { // drop (3) or duplicate (4) the next delimiter, quote or line end
                    int i = pos;
                    while (i < in.length && in[i] != ',' && in[i] != '"' && in[i] != '\n') {
                        i++;
                    }
                    if (i >= in.length) {
                        return in;
                    }
                    out.write(in, 0, i + (kind == 4 ? 1 : 0));
                    int from = kind == 3 ? i + 1 : i;
                    out.write(in, from, in.length - from);
                }
                case 5 -> out.write(in, 0, pos); // cut
                default -> { // insert a quote
                    out.write(in, 0, pos);
                    out.write('"');
                    out.write(in, pos, in.length - pos);
                }
            }
            return out.toByteArray();
        }
    }

    @Provide
    Arbitrary<byte[]> mutatedExports() {
        Arbitrary<Byte> value = Arbitraries.of((byte) ',', (byte) '"', (byte) '\n', (byte) '\r', (byte) ';',
                (byte) '1', (byte) '0', (byte) 'x', (byte) 0xFF, (byte) 0xC3, (byte) ' ', (byte) '-', (byte) '.');
        Arbitrary<Mutation> mutation = Combinators.combine(Arbitraries.integers().between(0, 6),
                Arbitraries.doubles().between(0, 1), Arbitraries.doubles().between(0, 1), value).as(Mutation::new);
        return mutation.list().ofMinSize(1).ofMaxSize(8).map(list -> {
            byte[] b = EXPORT;
            for (Mutation m : list) {
                b = m.apply(b);
            }
            return b;
        });
    }

    @Property(tries = 300)
    void randomBytesGiveAReportOrADocumentedError(@ForAll("randomBytes") byte[] input,
            @ForAll("optionSets") List<String> options) throws IOException {
        check(input, options, false);
    }

    @Property(tries = 300)
    void mutatedExportsGiveAReportOrADocumentedError(@ForAll("mutatedExports") byte[] input,
            @ForAll("optionSets") List<String> options) throws IOException {
        check(input, options, true);
        // both outcomes really occur: damaged exports that still give a report, and refused ones
        Statistics.coverage(coverage -> {
            coverage.check("report").count(c -> c > 0);
            coverage.check("error").count(c -> c > 0);
        });
    }

    @Provide
    Arbitrary<List<String>> optionSets() {
        return Arbitraries.of(OPTIONS);
    }

    private static void check(byte[] input, List<String> options, boolean roundTrip) throws IOException {
        Path file = Files.createTempFile(WORK, "in", ".csv");
        Path store = Files.createTempDirectory(WORK, "tallies");
        Files.write(file, input);
        List<String> args = new ArrayList<>(List.of("report", file.toString(), "--format", "json"));
        args.addAll(options);
        if (roundTrip) {
            args.addAll(List.of("--save-tallies", store.toString()));
        }
        MainTest.Run r = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> MainTest.run(args.toArray(String[]::new)));
        Statistics.collect(r.code() == 0 ? "report" : "error");
        if (r.code() == 0) {
            assertThat(r.err()).isEmpty();
            JsonNode json = MainTest.JSON.readTree(r.out());
            assertThat(json.get("input").get("rows").asLong()).isGreaterThanOrEqualTo(0);
            if (roundTrip) {
                List<String> again = new ArrayList<>(List.of("report", "--from-tallies", store.toString(), "--format",
                        "json"));
                MainTest.Run back = assertTimeoutPreemptively(Duration.ofSeconds(10),
                        () -> MainTest.run(again.toArray(String[]::new)));
                assertThat(back.code()).as(back.err()).isZero();
                assertThat(back.out()).isEqualTo(r.out());
            }
        } else {
            assertThat(r.code()).as(r.err()).isEqualTo(1);
            assertThat(r.out()).isEmpty();
            assertThat(r.err()).matches(DOCUMENTED);
        }
        Files.delete(file);
    }
}
