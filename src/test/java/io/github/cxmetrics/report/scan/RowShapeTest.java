package io.github.cxmetrics.report.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * {@link RowShape}: the rows after a position read with it inside quotes and outside. The right
 * reading finds rows of the right form; the wrong one inverts every quote and finds none.
 */
class RowShapeTest {
    private static int rows(String text, boolean endOfInput, boolean inQuotes) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return new RowShape(b, b.length, endOfInput, (byte) ',', 3).rowsAfter(inQuotes);
    }

    @Test
    void allQuotedRowsFromInsideAField() {
        String rest = "one\",\"8\",\"x\"\n\"2\",\"9\",\"y\"\n\"3\",\"10\",\"z\"\n";
        assertThat(rows(rest, true, true)).isEqualTo(2);
        assertThat(rows(rest, true, false)).isEqualTo(-1); // every line feed looks quoted
    }

    @Test
    void unquotedRowsFromInsideAField() {
        String rest = "ne,8,x\n2,9,y\n3,10,z";
        assertThat(rows(rest, true, false)).isEqualTo(2);
        assertThat(rows(rest, false, false)).isEqualTo(1); // the last row may go on
        assertThat(rows(rest, true, true)).isEqualTo(-1); // no quote to leave the field by
    }

    @Test
    void aLineFeedInsideAQuotedComment() {
        // inside "it was fine\nbut slow, ""really""": the first line feed is quoted
        String rest = "fine\nbut slow, \"\"really\"\"\"\n2,9,\"ok\"\n3,10,\"a\nb\"\n4,7,x\n";
        assertThat(rows(rest, true, true)).isEqualTo(3);
        assertThat(rows(rest, true, false)).isEqualTo(-1); // "but slow, " then a quote in an unquoted field
    }

    @Test
    void theWrongNumberOfFieldsIsNotARow() {
        assertThat(rows("x\n1,2\n", true, false)).isEqualTo(-1);
        assertThat(rows("x\n1,2,3,4\n", true, false)).isEqualTo(-1);
        assertThat(rows("x\n1,2,3\r\n4,5,\"6\"\r\n", true, false)).isEqualTo(2);
        assertThat(rows("x\n1,\"2\"3,4\n", true, false)).isEqualTo(-1); // text after a closing quote
        assertThat(rows("x\n1,2,3\r4,5,6\n", true, false)).isEqualTo(-1); // a bare CR
        assertThat(rows("x\n1,2,\"3\n", true, false)).isEqualTo(-1); // unterminated at the end of input
        assertThat(rows("x\n1,2,\"3\n", false, false)).isEqualTo(0); // it may end later
    }
}
