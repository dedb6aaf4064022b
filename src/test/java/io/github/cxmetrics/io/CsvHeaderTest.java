package io.github.cxmetrics.io;

import static io.github.cxmetrics.io.CsvTesting.reader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class CsvHeaderTest {

    @Test
    void namesAndLookup() throws IOException {
        try (CsvReader csv = reader("\uFEFF\"response id\",\"nps\",\"zeer, tevreden\"\n1,9,ja\n", ',')) {
            CsvHeader header = CsvHeader.read(csv);
            assertThat(header.names()).containsExactly("response id", "nps", "zeer, tevreden");
            assertThat(header.size()).isEqualTo(3);
            assertThat(header.name(2)).isEqualTo("zeer, tevreden");
            assertThat(header.indexOf("nps")).isEqualTo(1);
            assertThat(header.indexOf(" NPS ")).as("trimmed, any case").isEqualTo(1);
            assertThat(header.indexOf("Response ID")).isEqualTo(0);
            assertThat(header.require("zeer, tevreden")).isEqualTo(2);
            assertThat(header).hasToString("CsvHeader[response id, nps, zeer, tevreden]");
            assertThat(csv.next()).isTrue();
            assertThat(csv.line()).isEqualTo(2);
        }
    }

    @Test
    void headerOnly() throws IOException {
        try (CsvReader csv = reader("id,nps", ',')) {
            assertThat(CsvHeader.read(csv).names()).containsExactly("id", "nps");
            assertThat(csv.next()).isFalse();
        }
    }

    @Test
    void missingColumn() throws IOException {
        CsvHeader header = CsvHeader.read(reader("id,csat\n", ','));
        assertThatThrownBy(() -> header.require("nps"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("No column \"nps\" in header [id, csat]");
        assertThatThrownBy(() -> header.require("csta"))
                .hasMessage("No column \"csta\" in header [id, csat]; did you mean \"csat\"?");
        assertThatThrownBy(() -> header.name(2)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> header.names().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void duplicateNamesAreAnErrorOnlyWhenLookedUp() throws IOException {
        CsvHeader header = CsvHeader.read(reader("id,nps,csat,x,\"nps\",comment,Comment \n", ','));
        assertThat(header.indexOf("csat")).isEqualTo(2);
        assertThatThrownBy(() -> header.indexOf("nps"))
                .isInstanceOf(CsvFormatException.class)
                .hasMessage("line 1, column 5: duplicate column name \"nps\" (columns 2 and 5)");
        assertThat(header.indexOf("comment")).as("the exact name wins over a folded one").isEqualTo(5);
        assertThatThrownBy(() -> header.indexOf("COMMENT"))
                .hasMessage("line 1, column 7: duplicate column name \"Comment \" (columns 6 and 7)");
    }

    @Test
    void aHeaderOfGivenNames() {
        CsvHeader header = CsvHeader.of(java.util.List.of("V1", "StartDate", "Q1"), 2);
        assertThat(header.indexOf("q1")).isEqualTo(2);
        assertThat(header.closest("startdat")).contains("StartDate");
        assertThat(header.closest("zzzzzz")).isEmpty();
        assertThatThrownBy(() -> CsvHeader.of(java.util.List.of(), 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void emptyNamesMayRepeatAndCannotBeLookedUp() throws IOException {
        CsvHeader header = CsvHeader.read(reader("id,,nps,,\n", ','));
        assertThat(header.size()).isEqualTo(5);
        assertThat(header.indexOf("")).isEqualTo(-1);
        assertThat(header.indexOf("nps")).isEqualTo(2);
    }
}
