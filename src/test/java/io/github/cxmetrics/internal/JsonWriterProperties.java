package io.github.cxmetrics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.statistics.Statistics;

/** JsonWriter output parsed back by Jackson equals what was written. */
class JsonWriterProperties {
    private static final ObjectMapper JACKSON = new ObjectMapper();

    @Property
    void finiteDoublesReadBackExactly(@ForAll @DoubleRange(min = -Double.MAX_VALUE, max = Double.MAX_VALUE) double value)
            throws IOException {
        StringBuilder out = new StringBuilder();
        JsonWriter.compact(out).beginArray().value(value).endArray();
        JsonNode node = JACKSON.readTree(out.toString()).get(0);
        assertThat(node.isDouble()).isTrue();
        assertThat(Double.doubleToRawLongBits(node.doubleValue())).as(out.toString())
                .isEqualTo(Double.doubleToRawLongBits(value));
    }

    /** Uniformly random bit patterns: every exponent and subnormals, unlike range-based generators. */
    @Provide
    Arbitrary<Long> bitPatterns() {
        return Arbitraries.randomValue(random -> random.nextLong());
    }

    @Property
    void doublesFromRandomBitPatternsReadBackExactly(@ForAll("bitPatterns") long bits) throws IOException {
        double value = Double.longBitsToDouble(bits);
        StringBuilder out = new StringBuilder();
        JsonWriter json = JsonWriter.compact(out).beginObject().name("x");
        if (!Double.isFinite(value)) {
            Statistics.label("finite").collect(false);
            assertThatThrownBy(() -> json.value(value))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at $.x");
            return;
        }
        Statistics.label("finite").collect(true);
        json.value(value).endObject();
        assertThat(Double.doubleToRawLongBits(JACKSON.readTree(out.toString()).get("x").doubleValue())).isEqualTo(bits);
    }

    @Property
    void anyStringReadsBackExactly(@ForAll String text, @ForAll String name) throws IOException {
        StringBuilder out = new StringBuilder();
        JsonWriter.compact(out).beginObject().name(name).value(text).endObject();
        JsonNode tree = JACKSON.readTree(out.toString());
        assertThat(tree.size()).isEqualTo(1);
        assertThat(tree.get(name).textValue()).isEqualTo(text);
    }

    @Property
    void longsReadBackExactly(@ForAll long value) throws IOException {
        StringBuilder out = new StringBuilder();
        JsonWriter.pretty(out).value(value);
        assertThat(JACKSON.readTree(out.toString()).longValue()).isEqualTo(value);
    }

    @Provide
    Arbitrary<Object> trees() {
        Arbitrary<Object> leaf = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(8).map(s -> s),
                Arbitraries.longs().map(l -> l),
                Arbitraries.doubles().map(d -> d),
                Arbitraries.of(true, false).map(b -> b),
                Arbitraries.just(JsonNull.NULL));
        return Arbitraries.recursive(() -> leaf, this::container, 0, 4);
    }

    private Arbitrary<Object> container(Arbitrary<Object> element) {
        Arbitrary<Object> array = element.list().ofMaxSize(4).map(l -> l);
        Arbitrary<Object> object = Arbitraries.maps(Arbitraries.strings().ofMaxLength(6), element).ofMaxSize(4)
                .map(LinkedHashMap::new);
        return Arbitraries.oneOf(array, object);
    }

    /** Marks JSON null in a generated tree (jqwik does not generate Java nulls here). */
    enum JsonNull { NULL }

    @Property(tries = 500)
    void nestedStructuresReadBackEqual(@ForAll("trees") Object tree, @ForAll boolean pretty) throws IOException {
        StringBuilder out = new StringBuilder();
        JsonWriter json = pretty ? JsonWriter.pretty(out) : JsonWriter.compact(out);
        write(json, tree);
        json.close();
        Statistics.label("top level").collect(tree.getClass().getSimpleName());
        assertThat(fromJackson(JACKSON.readTree(out.toString()))).isEqualTo(tree);
    }

    private static void write(JsonWriter json, Object value) throws IOException {
        if (value instanceof List) {
            json.beginArray();
            for (Object element : (List<?>) value) {
                write(json, element);
            }
            json.endArray();
        } else if (value instanceof Map) {
            json.beginObject();
            for (Map.Entry<?, ?> member : ((Map<?, ?>) value).entrySet()) {
                json.name((String) member.getKey());
                write(json, member.getValue());
            }
            json.endObject();
        } else if (value instanceof String) {
            json.value((String) value);
        } else if (value instanceof Long) {
            json.value((long) (Long) value);
        } else if (value instanceof Double) {
            json.value((double) (Double) value);
        } else if (value instanceof Boolean) {
            json.value((boolean) (Boolean) value);
        } else {
            json.nullValue();
        }
    }

    private static Object fromJackson(JsonNode node) {
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(element -> list.add(fromJackson(element)));
            return list;
        }
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> member = it.next();
                map.put(member.getKey(), fromJackson(member.getValue()));
            }
            return map;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isIntegralNumber()) {
            return node.longValue();
        }
        if (node.isDouble()) {
            return node.doubleValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        assertThat(node.isNull()).isTrue();
        return JsonNull.NULL;
    }
}
