package io.github.cxmetrics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import org.junit.jupiter.api.Test;

class JsonWriterTest {

    @Test
    void compactOutput() throws IOException {
        StringBuilder out = new StringBuilder();
        JsonWriter.compact(out).beginObject()
                .name("n").value(800)
                .name("score").value(12.5)
                .name("whole").value(12.0)
                .name("small").value(1.0E-5)
                .name("ok").value(true)
                .name("none").nullValue()
                .name("nullString").value((String) null)
                .name("tags").beginArray().value("a").beginArray().endArray().beginObject().endObject().endArray()
                .endObject();
        assertThat(out).hasToString("{\"n\":800,\"score\":12.5,\"whole\":12.0,\"small\":1.0E-5,\"ok\":true,"
                + "\"none\":null,\"nullString\":null,\"tags\":[\"a\",[],{}]}");
    }

    @Test
    void prettyOutputIndentsByTwoSpaces() throws IOException {
        StringBuilder out = new StringBuilder();
        JsonWriter.pretty(out).beginObject()
                .name("input").beginObject().name("rows").value(1000).endObject()
                .name("trend").beginArray().value(1).value(2).endArray()
                .name("segments").beginObject().endObject()
                .name("empty").beginArray().endArray()
                .endObject();
        assertThat(out).hasToString("{\n"
                + "  \"input\": {\n"
                + "    \"rows\": 1000\n"
                + "  },\n"
                + "  \"trend\": [\n"
                + "    1,\n"
                + "    2\n"
                + "  ],\n"
                + "  \"segments\": {},\n"
                + "  \"empty\": []\n"
                + "}");
    }

    @Test
    void topLevelScalarsAreDocuments() throws IOException {
        StringBuilder out = new StringBuilder();
        JsonWriter.compact(out).value("x");
        assertThat(out).hasToString("\"x\"");
    }

    @Test
    void escaping() throws IOException {
        StringBuilder out = new StringBuilder();
        JsonWriter.compact(out).value("q\" b\\ \b\f\n\r\t \u0000\u001f\u007f ë 😀 \ud800x \udc00 /");
        assertThat(out).hasToString("\"q\\\" b\\\\ \\b\\f\\n\\r\\t \\u0000\\u001f\u007f ë 😀 \\ud800x \\udc00 /\"");
        assertThat(new ObjectMapper().readTree(out.toString()).textValue())
                .isEqualTo("q\" b\\ \b\f\n\r\t \u0000\u001f\u007f ë 😀 \ud800x \udc00 /");
    }

    @Test
    void namesAreEscapedToo() throws IOException {
        StringBuilder out = new StringBuilder();
        JsonWriter.compact(out).beginObject().name("a\"b\n").value(1).endObject();
        assertThat(out).hasToString("{\"a\\\"b\\n\":1}");
    }

    @Test
    void nonFiniteDoublesAreRejectedNamingTheField() throws IOException {
        StringBuilder out = new StringBuilder();
        JsonWriter json = JsonWriter.compact(out).beginObject().name("overall").beginObject().name("nps").beginObject()
                .name("score");
        assertThatThrownBy(() -> json.value(Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Non-finite value NaN at $.overall.nps.score (JSON has no NaN or Infinity)");
        assertThatThrownBy(() -> json.value(Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Non-finite value Infinity at $.overall.nps.score");
        json.value(1.5).endObject().name("trend").beginArray().value(1.0);
        assertThatThrownBy(() -> json.value(Double.NEGATIVE_INFINITY))
                .hasMessageStartingWith("Non-finite value -Infinity at $.overall.trend[1]");
        assertThat(out).hasToString("{\"overall\":{\"nps\":{\"score\":1.5},\"trend\":[1.0");
    }

    @Test
    void misuseIsAnIllegalStateAndWritesNothing() throws IOException {
        StringBuilder out = new StringBuilder();
        JsonWriter json = JsonWriter.compact(out).beginObject();
        assertThatThrownBy(() -> json.value(1)).isInstanceOf(IllegalStateException.class)
                .hasMessage("Value inside an object without name() first, at $");
        assertThatThrownBy(json::beginArray).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(json::endArray).isInstanceOf(IllegalStateException.class)
                .hasMessage("endArray() without a matching begin, at $");
        json.name("a");
        assertThatThrownBy(() -> json.name("b")).isInstanceOf(IllegalStateException.class)
                .hasMessage("name(\"b\") after name(\"a\") without a value, at $.a");
        assertThatThrownBy(json::endObject).isInstanceOf(IllegalStateException.class)
                .hasMessage("endObject() after name(\"a\") without a value, at $.a");
        json.beginArray();
        assertThatThrownBy(() -> json.name("c")).isInstanceOf(IllegalStateException.class)
                .hasMessage("name(\"c\") outside an object, at $.a[0]");
        assertThatThrownBy(json::endObject).isInstanceOf(IllegalStateException.class);
        json.endArray().endObject();
        assertThatThrownBy(() -> json.value("again")).isInstanceOf(IllegalStateException.class)
                .hasMessage("JSON document already complete: a second top-level value");
        assertThatThrownBy(() -> JsonWriter.compact(new StringBuilder()).name("top"))
                .isInstanceOf(IllegalStateException.class).hasMessage("name(\"top\") outside an object, at $");
        assertThatThrownBy(() -> json.name(null)).isInstanceOf(NullPointerException.class);
        assertThat(out).hasToString("{\"a\":[]}");
    }

    @Test
    void closeChecksTheDocumentIsCompleteAndClosesTheOutput() throws IOException {
        StringWriter complete = new StringWriter();
        try (JsonWriter json = JsonWriter.pretty(complete)) {
            json.beginArray().endArray();
        }
        assertThat(complete).hasToString("[]");

        boolean[] closed = {false};
        Writer out = new StringWriter() {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        JsonWriter json = JsonWriter.compact(out).beginObject().name("a").beginArray();
        assertThatThrownBy(json::close).isInstanceOf(IllegalStateException.class)
                .hasMessage("Incomplete JSON document: 2 container(s) open at $.a[0]");
        assertThat(closed[0]).isTrue();
        assertThatThrownBy(() -> JsonWriter.compact(new StringBuilder()).close())
                .hasMessage("Incomplete JSON document: nothing written");
    }

    @Test
    void deepNesting() throws IOException {
        StringBuilder out = new StringBuilder();
        JsonWriter json = JsonWriter.compact(out);
        for (int i = 0; i < 100; i++) {
            json.beginArray();
        }
        for (int i = 0; i < 100; i++) {
            json.endArray();
        }
        assertThat(out).hasToString("[".repeat(100) + "]".repeat(100));
    }
}
