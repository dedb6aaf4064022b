package io.github.cxmetrics.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * Two copies of an export in the format of {@code shared/bench/GenResponses.java}, for the benchmark
 * of the parallel scan on the forms real exports come in ({@code ExportFormsBenchmark}):
 * <ul>
 * <li>{@code NAME-quoted.csv}: every field quoted, the header too ({@code "1","2025-…","phone",""}),
 *     as Excel with "quote all" and many survey tools write; the same rows and values;
 * <li>{@code NAME-strings.csv}: the text fields quoted and the numbers not, the header quoted
 *     ({@code 1,"2025-…","phone","north","team-9",9,5,,16.5,"true",0.98}), as R's {@code write.csv}
 *     writes;
 * <li>{@code NAME-cp1252.csv}: the same rows in windows-1252 (Excel's "CSV" in western Europe),
 *     with the channels in French so that segment values have non-ASCII letters
 *     ({@code téléphone}, {@code réseaux sociaux}; bytes 0xE9 and 0xE8 in the file);
 * <li>{@code NAME-accents.csv}: the rows of the windows-1252 copy in UTF-8, to tell the encoding's
 *     cost from that of the longer segment values.
 * </ul>
 * Run: {@code java bench/src/main/java/io/github/cxmetrics/bench/ExportCopies.java bench/data/r2m.csv}
 * (plain JDK, no class path). Only copies that are missing or older than the export are written.
 */
public final class ExportCopies {
    /** GenResponses' channels, in French. */
    static final Map<String, String> CHANNELS = Map.of("phone", "téléphone", "email", "courriel", "chat", "chat",
            "social", "réseaux sociaux", "store", "magasin");
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    /** The channel column of GenResponses' layout. */
    private static final int CHANNEL = 2;
    /** GenResponses' text columns: submitted_at, channel, region, team, resolved_first_contact. */
    private static final List<Integer> TEXT_COLUMNS = List.of(1, 2, 3, 4, 9);

    private ExportCopies() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1 || !args[0].endsWith(".csv")) {
            System.err.println("usage: java ExportCopies.java EXPORT.csv");
            System.exit(2);
        }
        Path export = Path.of(args[0]);
        String stem = args[0].substring(0, args[0].length() - 4);
        copy(export, Path.of(stem + "-quoted.csv"), StandardCharsets.UTF_8, i -> true, false);
        copy(export, Path.of(stem + "-strings.csv"), StandardCharsets.UTF_8, TEXT_COLUMNS::contains, false);
        copy(export, Path.of(stem + "-cp1252.csv"), WINDOWS_1252, i -> false, true);
        copy(export, Path.of(stem + "-accents.csv"), StandardCharsets.UTF_8, i -> false, true);
    }

    /** The path of a copy of an export, as {@link #main} names it. */
    static Path copyOf(Path export, String form) {
        String name = export.getFileName().toString();
        return export.resolveSibling(name.substring(0, name.length() - 4) + "-" + form + ".csv");
    }

    private static void copy(Path from, Path to, Charset charset, IntPredicate quoted, boolean french)
            throws IOException {
        if (Files.exists(to) && Files.getLastModifiedTime(to).compareTo(Files.getLastModifiedTime(from)) > 0) {
            return;
        }
        Path tmp = to.resolveSibling(to.getFileName() + ".tmp");
        try (BufferedReader in = Files.newBufferedReader(from, StandardCharsets.UTF_8);
                BufferedWriter out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(tmp), charset),
                        1 << 16)) {
            StringBuilder sb = new StringBuilder(256);
            boolean quoteHeader = quoted.test(TEXT_COLUMNS.get(0)); // any quotes: the header's too
            boolean header = true;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] fields = line.split(",", -1); // GenResponses writes no quotes
                if (french && !header) {
                    fields[CHANNEL] = CHANNELS.getOrDefault(fields[CHANNEL], fields[CHANNEL]);
                }
                sb.setLength(0);
                for (int i = 0; i < fields.length; i++) {
                    if (i > 0) {
                        sb.append(',');
                    }
                    if (header ? quoteHeader : quoted.test(i)) {
                        sb.append('"').append(fields[i].replace("\"", "\"\"")).append('"');
                    } else {
                        sb.append(fields[i]);
                    }
                }
                out.append(sb).append('\n');
                header = false;
            }
        }
        Files.move(tmp, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
