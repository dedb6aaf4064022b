package io.github.cxmetrics.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cxmetrics.scale.CesScale;
import io.github.cxmetrics.scale.CsatScale;
import io.github.cxmetrics.scale.NpsScale;
import io.github.cxmetrics.tally.Tally;
import io.github.cxmetrics.tally.WeightedTally;
import io.github.cxmetrics.tally.WeightedTallyAccumulator;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keyed tally files: the documented example, round trips, combining a folder, and every rejection. */
class TallyStoreTest {

    private static final Tally NPS = Tally.of(NpsScale.STANDARD, 2, 1, 1, 1, 2, 3, 6, 10, 14, 20, 40);
    private static final WeightedTally CSAT = new WeightedTallyAccumulator(CsatScale.FIVE_POINT).add(3, 1.5)
            .add(4, 2).add(5, 0.5).snapshot();

    /**
     * The example of the class comment and docs/tally-format.md. The checksum was computed
     * independently: python3 -c "import zlib; print('%08x' % zlib.crc32(open('f','rb').read()))" over
     * the header and the two tally lines, each with its \n.
     */
    private static final String EXAMPLE = "cxmetrics-tallies/1\n"
            + "cxtally/1 key=nps|2025-W03|phone NPS[0..10] n=100 counts=2,1,1,1,2,3,6,10,14,20,40\n"
            + "cxwtally/1 key=csat|2025-W03|phone CSAT[1..5] n=3 counts=0,0,1,1,1 sumw=0,0,1.5,2,0.5"
            + " sumw2=0,0,2.25,4,0.25\n"
            + "end tallies=2 crc32=f00327a7\n";

    private static TallyStore example() {
        return TallyStore.builder().put("nps|2025-W03|phone", NPS).put("csat|2025-W03|phone", CSAT).build();
    }

    @Test
    void writesTheDocumentedFile() {
        assertThat(example().format()).isEqualTo(EXAMPLE);
        TallyStore back = TallyStore.parse(EXAMPLE);
        assertThat(back).isEqualTo(example());
        assertThat(back.keys()).containsExactly("nps|2025-W03|phone", "csat|2025-W03|phone");
        assertThat(back.get("nps|2025-W03|phone")).contains(NPS);
        assertThat(back.weightedTally("csat|2025-W03|phone")).contains(CSAT);
        assertThat(back.get("csat|2025-W03|phone")).isEmpty();
        assertThat(back.weightedTally("nps|2025-W03|phone")).isEmpty();
        assertThat(back.get("nope")).isEmpty();
        assertThat(back.tallies()).containsOnlyKeys("nps|2025-W03|phone");
        assertThat(back.weightedTallies()).containsOnlyKeys("csat|2025-W03|phone");
        assertThat(back.size()).isEqualTo(2);
        assertThat(back.isEmpty()).isFalse();
        assertThat(back.hashCode()).isEqualTo(example().hashCode());
        assertThat(back.toString()).isEqualTo("TallyStore[2 tallies: nps|2025-W03|phone, csat|2025-W03|phone]");
    }

    @Test
    void emptyStore() {
        // zlib.crc32(b"cxmetrics-tallies/1\n") = 0x2a0d8092
        assertThat(TallyStore.empty().format()).isEqualTo("cxmetrics-tallies/1\nend tallies=0 crc32=2a0d8092\n");
        assertThat(TallyStore.parse(TallyStore.empty().format())).isEqualTo(TallyStore.empty());
        assertThat(TallyStore.builder().build()).isSameAs(TallyStore.empty());
        assertThat(TallyStore.empty().isEmpty()).isTrue();
    }

    @Test
    void acceptsCrlfAndAMissingFinalLineEnd() {
        assertThat(TallyStore.parse(EXAMPLE.replace("\n", "\r\n"))).isEqualTo(example());
        assertThat(TallyStore.parse(EXAMPLE.substring(0, EXAMPLE.length() - 1))).isEqualTo(example());
    }

    @Test
    void readerAndWriterRoundTrip() throws IOException {
        StringWriter out = new StringWriter();
        example().writeTo(out);
        assertThat(out.toString()).isEqualTo(EXAMPLE);
        assertThat(TallyStore.read(new StringReader(out.toString()))).isEqualTo(example());
    }

    @Test
    void readerFailuresAreIoExceptions() {
        Reader broken = new Reader() {
            @Override
            public int read(char[] buf, int off, int len) throws IOException {
                throw new IOException("disk on fire");
            }

            @Override
            public void close() {
            }
        };
        assertThatThrownBy(() -> TallyStore.read(broken)).isInstanceOf(IOException.class).hasMessage("disk on fire");
    }

    @Test
    void writesFilesAtomicallyAndReadsThemBack(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("week.cxtally");
        example().write(file);
        assertThat(Files.readString(file)).isEqualTo(EXAMPLE);
        TallyStore other = TallyStore.builder().put("x", Tally.empty(CesScale.AGREEMENT_7)).build();
        other.write(file);
        assertThat(TallyStore.read(file)).isEqualTo(other);
        try (var listing = Files.list(dir)) {
            assertThat(listing.map(p -> p.getFileName().toString())).containsExactly("week.cxtally");
        }
        assertThatThrownBy(() -> example().write(dir.resolve("missing/folder/x.cxtally")))
                .isInstanceOf(NoSuchFileException.class);
        assertThatThrownBy(() -> TallyStore.read(dir.resolve("absent.cxtally"))).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void combinesAFolderOfWeeklyFiles(@TempDir Path dir) throws IOException {
        Tally w1 = Tally.of(CsatScale.FIVE_POINT, 1, 0, 0, 2, 3);
        Tally w2 = Tally.of(CsatScale.FIVE_POINT, 0, 1, 0, 0, 4);
        WeightedTally v1 = new WeightedTallyAccumulator(CsatScale.FIVE_POINT).add(5, 0.25).snapshot();
        WeightedTally v2 = new WeightedTallyAccumulator(CsatScale.FIVE_POINT).add(5, 0.75).add(1, 3).snapshot();
        TallyStore.builder().put("csat|phone", w1).put("wcsat", v1).build().write(dir.resolve("2025-W01.cxtally"));
        TallyStore.builder().put("csat|phone", w2).put("csat|email", w1).put("wcsat", v2).build()
                .write(dir.resolve("2025-W02.cxtally"));
        Files.writeString(dir.resolve("notes.txt"), "not a tally file");
        Files.createDirectory(dir.resolve("old.cxtally"));
        TallyStore all = TallyStore.readDirectory(dir);
        assertThat(all.keys()).containsExactly("csat|phone", "wcsat", "csat|email");
        // 1+0, 0+1, 0+0, 2+0, 3+4
        assertThat(all.get("csat|phone")).contains(Tally.of(CsatScale.FIVE_POINT, 1, 1, 0, 2, 7));
        assertThat(all.get("csat|email")).contains(w1);
        assertThat(all.weightedTally("wcsat")).contains(new WeightedTallyAccumulator(CsatScale.FIVE_POINT)
                .add(5, 0.25).add(5, 0.75).add(1, 3).snapshot());
    }

    @Test
    void readDirectoryNamesTheBadFile(@TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> TallyStore.readDirectory(dir)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(dir + ": no *.cxtally file to read");
        TallyStore.builder().put("k", Tally.empty(CsatScale.FIVE_POINT)).build().write(dir.resolve("a.cxtally"));
        TallyStore.builder().put("k", Tally.empty(CsatScale.of(1, 7))).build().write(dir.resolve("b.cxtally"));
        assertThatThrownBy(() -> TallyStore.readDirectory(dir)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(dir.resolve("b.cxtally") + ": Cannot combine key k: Scale mismatch: CSAT[1..5] / CSAT[1..7]");
        Files.writeString(dir.resolve("b.cxtally"), "cxmetrics-tallies/1\n");
        assertThatThrownBy(() -> TallyStore.readDirectory(dir)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(dir.resolve("b.cxtally") + ": truncated");
        assertThatThrownBy(() -> TallyStore.readDirectory(dir.resolve("none"))).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void plusMergesSameKeysExactly() {
        TallyStore a = TallyStore.builder().put("n", Tally.of(CsatScale.FIVE_POINT, 1, 2, 3, 4, 5)).build();
        TallyStore b = TallyStore.builder().put("n", Tally.of(CsatScale.FIVE_POINT, 5, 4, 3, 2, 1))
                .put("m", CSAT).build();
        TallyStore sum = a.plus(b);
        assertThat(sum.get("n")).contains(Tally.of(CsatScale.FIVE_POINT, 6, 6, 6, 6, 6));
        assertThat(sum.weightedTally("m")).contains(CSAT);
        assertThat(a.plus(TallyStore.empty())).isEqualTo(a);
        assertThat(TallyStore.empty().plus(a)).isEqualTo(a);
        TallyStore w = TallyStore.builder().put("m", CSAT).build();
        assertThat(w.plus(w).weightedTally("m")).contains(CSAT.plus(CSAT));
        TallyStore kindClash = TallyStore.builder().put("n", CSAT).build();
        assertThatThrownBy(() -> a.plus(kindClash)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot combine key n: a weighted and an unweighted tally (each key must keep its kind)");
        assertThatThrownBy(() -> kindClash.plus(a)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Cannot combine key n");
        TallyStore weightedClash = TallyStore.builder()
                .put("m", WeightedTally.empty(CsatScale.of(1, 7))).build();
        assertThatThrownBy(() -> w.plus(weightedClash)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot combine key m: Scale mismatch: CSAT[1..5] / CSAT[1..7]");
    }

    @Test
    void builderRejectsBadKeysAndLeavesItselfUnchanged() {
        TallyStore.Builder b = TallyStore.builder().put("k", NPS);
        assertThatThrownBy(() -> b.put("k", CSAT)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Duplicate key (each key once per store): k");
        assertThatThrownBy(() -> b.put("", NPS)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid key (valid values: non-empty text): \"\"");
        assertThatThrownBy(() -> b.put(null, NPS)).isInstanceOf(NullPointerException.class).hasMessage("key");
        assertThatThrownBy(() -> b.put("j", (Tally) null)).isInstanceOf(NullPointerException.class).hasMessage("tally");
        assertThat(b.build().keys()).containsExactly("k");
    }

    @Test
    void keysWithAnyCharacterRoundTrip() {
        TallyStore s = TallyStore.builder().put("week 3 \u00e9\u20ac%\n\"end tallies=0", NPS).build();
        String text = s.format();
        assertThat(text.lines()).hasSize(3);
        assertThat(TallyStore.parse(text)).isEqualTo(s);
    }

    @Test
    void rejectsEveryBrokenFile() {
        String tallyLine = "cxtally/1 key=k CSAT[1..5] n=1 counts=0,0,0,0,1";
        List<String[]> cases = List.of(
            new String[] {"", "tally text: empty (expected the header cxmetrics-tallies/1)"},
            new String[] {"\n", "tally text, line 1: not a tally file (expected the header cxmetrics-tallies/1): \"\""},
            new String[] {"cxmetrics-tallies/2\nend tallies=0 crc32=00000000\n",
                "tally text, line 1: unsupported tally file version 2 (this library reads version 1)"},
            new String[] {"cxmetrics-tallies/one\n", "tally text, line 1: not a tally file"},
            new String[] {"response_id,nps\n1,9\n", "tally text, line 1: not a tally file (expected the header"
                + " cxmetrics-tallies/1): \"response_id,nps\""},
            new String[] {"cxmetrics-tallies/1\n", "tally text: truncated (no end line after line 1;"
                + " expected \"end tallies=N crc32=XXXXXXXX\")"},
            new String[] {"cxmetrics-tallies/1\n" + tallyLine + "\n", "tally text: truncated (no end line after line 2"},
            new String[] {"cxmetrics-tallies/1\n" + tallyLine.substring(0, 30), "tally text, line 2: Invalid"},
            new String[] {"cxmetrics-tallies/1\ncxtally/1 CSAT[1..5] n=0 counts=0,0,0,0,0\nend tallies=1 crc32=00000000\n",
                "tally text, line 2: missing key (every tally in a file has key=...)"},
            new String[] {"cxmetrics-tallies/1\n" + tallyLine + "\n" + tallyLine + "\n",
                "tally text, line 3: duplicate key k (first on line 2)"},
            new String[] {"cxmetrics-tallies/1\n" + tallyLine.replace("n=1", "n=2") + "\n",
                "tally text, line 2: Invalid n (expected the sum of the counts, 1): 2"},
            new String[] {"cxmetrics-tallies/1\nend\n", "tally text, line 2: invalid end line"},
            new String[] {"cxmetrics-tallies/1\nend tallies=0 crc32=2A0D8092\n", "tally text, line 2: invalid end line"},
            new String[] {"cxmetrics-tallies/1\nend tallies=1 crc32=2a0d8092\n",
                "tally text, line 2: the end line declares 1 tallies but the file has 0 (lines lost or added)"},
            new String[] {"cxmetrics-tallies/1\nend tallies=0 crc32=2a0d8093\n",
                "tally text, line 2: checksum mismatch (the end line declares crc32=2a0d8093, the content gives"
                + " 2a0d8092): the file is corrupted"},
            new String[] {"cxmetrics-tallies/1\nend tallies=0 crc32=2a0d8092\n\n", "tally text, line 3: text after the end line: \"\""},
            new String[] {"cxmetrics-tallies/1\nend tallies=0 crc32=2a0d8092\nend tallies=0 crc32=2a0d8092\n",
                "tally text, line 3: text after the end line"},
            new String[] {"cxmetrics-tallies/1\r\r\n", "tally text, line 1, column 20: invalid character U+000D"},
            new String[] {"cxmetrics-tallies/1\n\u00e9\n", "tally text, line 2, column 1: invalid character U+00E9"
                + " (a tally file is printable ASCII; keys are percent-encoded)"},
            new String[] {"cxmetrics-tallies/1\n\tx\n", "tally text, line 2, column 1: invalid character U+0009"});
        for (String[] c : cases) {
            assertThatThrownBy(() -> TallyStore.parse(c[0])).as(c[0]).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(c[1]);
        }
    }

    @Test
    void aChangedDigitIsCaughtByTheChecksum() {
        // 14 -> 15 promoters-to-be at score 8 and 40 -> 39 at 10 keep n = 100: only the checksum notices
        String edited = EXAMPLE.replace("6,10,14,20,40", "6,10,15,20,39");
        assertThatThrownBy(() -> TallyStore.parse(edited)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("tally text, line 4: checksum mismatch (the end line declares crc32=f00327a7");
    }

    @Test
    void nonAsciiBytesInAFileAreNamedByLineAndColumn(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.cxtally");
        byte[] bytes = ("cxmetrics-tallies/1\nab" + "\u00e9").getBytes(StandardCharsets.UTF_8);
        Files.write(file, bytes);
        assertThatThrownBy(() -> TallyStore.read(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(file + ", line 2, column 3: non-ASCII byte 0xC3 (a tally file is ASCII; keys are"
                        + " percent-encoded)");
        Files.write(file, new byte[] {(byte) 0xFF});
        assertThatThrownBy(() -> TallyStore.read(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(file + ", line 1, column 1: non-ASCII byte 0xFF");
        Files.writeString(file, "cxmetrics-tallies/1\n");
        assertThatThrownBy(() -> TallyStore.read(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(file + ": truncated (no end line after line 1; expected \"end tallies=N crc32=XXXXXXXX\")");
    }
}
