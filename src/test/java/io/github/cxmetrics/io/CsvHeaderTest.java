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
            assertThat(header.indexOf("NPS")).as("exact match").isEqualTo(-1);
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
        assertThatThrownBy(() -> header.name(2)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> header.names().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void duplicateNamesNameBothColumns() {
        assertThatThrownBy(() -> CsvHeader.read(reader("id,nps,csat,x,\"nps\"\n", ',')))
                .isInstanceOf(CsvFormatException.class)
                .hasMessage("line 1, column 5: duplicate column name \"nps\" (columns 2 and 5)");
    }

    @Test
    void emptyNamesMayRepeatAndCannotBeLookedUp() throws IOException {
        CsvHeader header = CsvHeader.read(reader("id,,nps,,\n", ','));
        assertThat(header.size()).isEqualTo(5);
        assertThat(header.indexOf("")).isEqualTo(-1);
        assertThat(header.indexOf("nps")).isEqualTo(2);
    }
}
