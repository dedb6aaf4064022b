package io.github.cxmetrics.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cxmetrics.scale.CesScale;
import io.github.cxmetrics.scale.CsatScale;
import io.github.cxmetrics.scale.NpsScale;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The cell rules of {@link ExportValues}, as a reader of the records applies them. */
class ExportValuesTest {

    private static ExportValues values(String csv, ExportReader.Options options) throws IOException {
        try (ExportReader export = ExportReader.of(csv.getBytes(StandardCharsets.UTF_8), options)) {
            return export.values();
        }
    }

    private static final String PLAIN = "id,nps,csat,ces,submitted_at\n1,9,5,7,2024-01-05T10:00:00Z\n";

    @Test
    void scoresMarkersAndLabels() throws IOException {
        ExportValues v = values(PLAIN, ExportReader.Options.defaults());
        assertThat(v.scoreColumn("nps")).isEqualTo(1);
        assertThat(v.scoreColumn("CSAT")).isEqualTo(2);
        assertThat(v.score(" 9 ", 1, NpsScale.STANDARD, 2)).hasValue(9);
        assertThat(v.score("10 - Extremely likely", 1, NpsScale.STANDARD, 2)).hasValue(10);
        for (String missing : List.of("", "  ", "NA", "n/a", "#N/A", "-", "NULL")) {
            assertThat(v.score(missing, 1, NpsScale.STANDARD, 2)).as(missing).isEmpty();
            assertThat(v.isMissing(missing)).as(missing).isTrue();
        }
        assertThat(v.score("Zeer tevreden", 2, CsatScale.FIVE_POINT, 2)).hasValue(5);
        assertThat(v.score("Somewhat agree", 3, CesScale.AGREEMENT_7, 2)).hasValue(5);
        // a decimal is neither a score nor a leading-score label: 4.5 is not read as 4
        assertThatThrownBy(() -> v.score("4.5", 2, CsatScale.FIVE_POINT, 7))
                .isInstanceOf(CsvValueException.class)
                .hasMessageStartingWith("line 7, column 3: unknown label");
        assertThatThrownBy(() -> v.score("11", 1, NpsScale.STANDARD, 3))
                .hasMessageContaining("not on the scale");
        // a vocabulary applies only to a scale of its length: Very satisfied is not a CES score
        assertThatThrownBy(() -> v.score("Very satisfied", 3, CesScale.AGREEMENT_7, 3))
                .hasMessageContaining("unknown label");
    }

    @Property(tries = 200)
    void aPlainIntegerOnTheScaleIsItself(@ForAll @IntRange(min = 0, max = 10) int score) throws IOException {
        ExportValues v = values(PLAIN, ExportReader.Options.defaults());
        assertThat(v.score(Integer.toString(score), 1, NpsScale.STANDARD, 2)).hasValue(score);
        assertThatThrownBy(() -> v.score(score + ".5", 1, NpsScale.STANDARD, 2)).isInstanceOf(CsvValueException.class);
    }

    @Test
    void decimalsTakeAPointOrAComma() throws IOException {
        ExportValues v = values(PLAIN, ExportReader.Options.defaults());
        assertThat(v.decimal("34,5", 0, 2)).hasValue(34.5);
        assertThat(v.decimal("34.5", 0, 2)).hasValue(34.5);
        assertThat(v.decimal("NA", 0, 2)).isEmpty();
        assertThatThrownBy(() -> v.decimal("1.234,5", 0, 2)).hasMessageContaining("no thousands separator");
    }

    @Test
    void timestampsInTheDetectedForm() throws IOException {
        ExportValues v = values("Timestamp,nps\n13/1/2024 9:00,9\n", ExportReader.Options.defaults());
        assertThat(v.isoTimestamps()).isFalse();
        assertThat(v.timestampColumn()).isZero();
        assertThat(v.timestamp("13/1/2024 9:00", 2)).contains(Instant.parse("2024-01-13T09:00:00Z"));
        assertThat(v.timestamp("N/A", 3)).isEmpty();
        assertThatThrownBy(() -> v.timestamp("yesterday", 4)).hasMessageContaining("--timestamp-format");
        ExportValues none = values(PLAIN, ExportReader.Options.defaults().withoutTimestamps());
        assertThat(none.timestampColumn()).isEqualTo(-1);
        assertThatThrownBy(() -> none.timestamp("2024-01-01", 2)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void qualtricsExclusions() throws IOException {
        String csv = "Status,Finished,Q1\nResponse Type,Finished,Q\n{\"ImportId\":\"status\"},{\"ImportId\":\"finished\"},"
                + "{\"ImportId\":\"QID1\"}\n";
        ExportValues v = values(csv, ExportReader.Options.defaults());
        Map<Integer, String> preview = Map.of(0, "Survey Preview", 1, "True");
        Map<Integer, String> unfinished = Map.of(0, "IP Address", 1, "False");
        Map<Integer, String> fine = Map.of(0, "0", 1, "1");
        assertThat(v.excludes()).isTrue();
        assertThat(v.exclusion(i -> preview.getOrDefault(i, ""))).contains("preview, test or spam");
        assertThat(v.exclusion(i -> unfinished.getOrDefault(i, ""))).contains("unfinished");
        assertThat(v.exclusion(i -> fine.getOrDefault(i, ""))).isEqualTo(Optional.empty());
        ExportValues all = values(csv, ExportReader.Options.defaults().withIncludeUnfinished(true));
        assertThat(all.exclusion(i -> unfinished.getOrDefault(i, ""))).isEmpty();
        assertThat(values(PLAIN, ExportReader.Options.defaults()).excludes()).isFalse();
    }
}
