package io.github.cxmetrics.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Key drivers against R: the swiss data (R's {@code datasets::swiss}, Fertility on the five other
 * columns), whose R² = 0.7067 and LMG shares relaimpo's documentation publishes; the reference
 * values in {@code src/test/resources/drivers/swiss-reference.txt} were computed by
 * {@code swiss-reference.R} with base R only: LMG from {@code lm()} fits of all 32 subsets, relative
 * weights from {@code eigen()}, independently of this code.
 */
class KeyDriversTest {
    private static final Path DIR = Path.of("src/test/resources/drivers");
    private static final List<String> DRIVERS = List.of("Agriculture", "Examination", "Education", "Catholic",
            "Infant.Mortality");

    static List<double[]> swissRows() throws IOException {
        List<String> lines = Files.readAllLines(DIR.resolve("swiss.csv"));
        return lines.subList(1, lines.size()).stream().map(line -> {
            String[] f = line.substring(line.indexOf("\",") + 2).split(",");
            double[] row = new double[f.length];
            for (int i = 0; i < f.length; i++) {
                row[i] = Double.parseDouble(f[i]);
            }
            return row;
        }).toList();
    }

    static DriverTally swiss() throws IOException {
        DriverTallyAccumulator acc = new DriverTallyAccumulator("Fertility", DRIVERS);
        for (double[] row : swissRows()) {
            acc.add(row[0], java.util.Arrays.copyOfRange(row, 1, row.length));
        }
        return acc.snapshot();
    }

    private static Map<String, double[]> reference() throws IOException {
        Map<String, double[]> out = new HashMap<>();
        for (String line : Files.readAllLines(DIR.resolve("swiss-reference.txt"))) {
            String[] f = line.split(" ");
            if (f[0].equals("r2")) {
                out.put("r2", new double[] {Double.parseDouble(f[1])});
            } else {
                out.put(f[0], new double[] {Double.parseDouble(f[2]), Double.parseDouble(f[4]),
                        Double.parseDouble(f[6]), Double.parseDouble(f[8]), Double.parseDouble(f[10])});
            }
        }
        return out;
    }

    @Test
    void swissMatchesR() throws IOException {
        KeyDrivers k = KeyDrivers.of(swiss());
        Map<String, double[]> ref = reference();
        assertThat(k.n()).isEqualTo(47);
        assertThat(k.r2()).isCloseTo(ref.get("r2")[0], within(1e-9));
        assertThat(k.r2()).isCloseTo(0.7067, within(5e-5)); // relaimpo's documented value
        for (Driver d : k.drivers()) {
            double[] r = ref.get(d.name());
            assertThat(d.lmg()).as(d.name() + " lmg").isCloseTo(r[0], within(1e-6));
            assertThat(d.relativeWeight()).as(d.name() + " relative weight").isCloseTo(r[1], within(1e-6));
            assertThat(d.beta()).as(d.name() + " beta").isCloseTo(r[2], within(1e-9));
            assertThat(d.correlation()).as(d.name() + " r").isCloseTo(r[3], within(1e-9));
            assertThat(d.score()).as(d.name() + " mean").isCloseTo(r[4], within(1e-9));
        }
    }

    @Test
    void swissRanksAndQuadrants() throws IOException {
        KeyDrivers k = KeyDrivers.of(swiss());
        Map<String, Driver> by = new HashMap<>();
        k.drivers().forEach(d -> by.put(d.name(), d));
        // LMG order from the R reference: Education, Examination, Infant.Mortality, Catholic, Agriculture
        assertThat(by.get("Education").rank()).isEqualTo(1);
        assertThat(by.get("Examination").rank()).isEqualTo(2);
        assertThat(by.get("Infant.Mortality").rank()).isEqualTo(3);
        assertThat(by.get("Catholic").rank()).isEqualTo(4);
        assertThat(by.get("Agriculture").rank()).isEqualTo(5);
        // median importance is Infant.Mortality's (0.1128); median mean is Infant.Mortality's (19.94):
        // Education (11.0) and Examination (16.5) are important and below it
        assertThat(by.get("Education").quadrant()).isEqualTo(Quadrant.FIX_FIRST);
        assertThat(by.get("Examination").quadrant()).isEqualTo(Quadrant.FIX_FIRST);
        assertThat(by.get("Infant.Mortality").quadrant()).isEqualTo(Quadrant.KEEP_UP);
        assertThat(by.get("Catholic").quadrant()).isEqualTo(Quadrant.POSSIBLE_OVERKILL);
        assertThat(by.get("Agriculture").quadrant()).isEqualTo(Quadrant.POSSIBLE_OVERKILL);
        // expected gain of Education: its lm() coefficient -0.87094 (summary(lm(Fertility ~ ., swiss))),
        // times the distance from its mean 10.979 to the median of the other four means (Infant.Mortality
        // 19.943 and Catholic 41.144: 30.543)
        assertThat(by.get("Education").expectedGain()).isCloseTo(-0.87094 * ((19.942553191489 + 41.143829787234) / 2
                - 10.978723404255), within(1e-3));
        assertThat(k.improvementOrder()).extracting(Driver::name).first().isEqualTo("Examination");
    }

    @Test
    void mergedTalliesEqualOnePass() throws IOException {
        List<double[]> rows = swissRows();
        DriverTallyAccumulator a = new DriverTallyAccumulator("Fertility", DRIVERS);
        DriverTallyAccumulator b = new DriverTallyAccumulator("Fertility", DRIVERS);
        for (int i = 0; i < rows.size(); i++) {
            double[] row = rows.get(i);
            (i % 3 == 0 ? a : b).add(row[0], java.util.Arrays.copyOfRange(row, 1, row.length));
        }
        assertThat(b.addAll(a).snapshot()).isEqualTo(swiss());
    }

    @Test
    void badInputIsRefusedWithItsValue() {
        assertThatThrownBy(() -> new DriverTallyAccumulator("y", List.of()))
                .hasMessageContaining("at least one driver");
        assertThatThrownBy(() -> new DriverTallyAccumulator("y", List.of("a", "a")))
                .hasMessageContaining("\"a\"");
        assertThatThrownBy(() -> new DriverTallyAccumulator("y", List.of("a", "y")))
                .hasMessageContaining("not the outcome");
        DriverTallyAccumulator acc = new DriverTallyAccumulator("y", List.of("a", "b"));
        assertThatThrownBy(() -> acc.add(1, 2)).hasMessageContaining("valid values 2");
        assertThatThrownBy(() -> acc.add(1, 2, Double.NaN)).hasMessageContaining("driver b")
                .hasMessageContaining("NaN");
        assertThat(acc.snapshot().n()).isZero();
        acc.add(1, 1, 2).add(2, 2, 4).add(3, 3, 6).add(5, 4, 8);
        assertThatThrownBy(() -> KeyDrivers.of(acc.snapshot())).hasMessageContaining("collinear");
        DriverTallyAccumulator flat = new DriverTallyAccumulator("y", List.of("a"));
        flat.add(1, 3).add(2, 3).add(4, 3);
        assertThatThrownBy(() -> KeyDrivers.of(flat.snapshot())).hasMessageContaining("driver a");
        DriverTallyAccumulator few = new DriverTallyAccumulator("y", List.of("a", "b"));
        few.add(1, 3, 1).add(2, 4, 2).add(4, 1, 1);
        assertThatThrownBy(() -> KeyDrivers.of(few.snapshot())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("n >= 4").hasMessageContaining(": 3");
    }

    @Test
    void eigenDecompositionRebuildsTheMatrix() {
        double[][] a = {{1, 0.5, 0.2}, {0.5, 1, -0.3}, {0.2, -0.3, 1}};
        Matrices.Eigen e = Matrices.eigen(a);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double s = 0;
                for (int k = 0; k < 3; k++) {
                    s += e.vectors()[i][k] * e.values()[k] * e.vectors()[j][k];
                }
                assertThat(s).isCloseTo(a[i][j], within(1e-12));
            }
        }
    }

    @Test
    void bootstrapQuantilesAreRsTypeSeven() {
        double[] v = {1, 2, 3, 4, 10};
        // R: quantile(c(1,2,3,4,10), c(0.025, 0.9, 0.5)) = 1.1, 7.6, 3.0
        assertThat(DriverBootstrap.quantile(v, 0.025)).isCloseTo(1.1, within(1e-12));
        assertThat(DriverBootstrap.quantile(v, 0.9)).isCloseTo(7.6, within(1e-12));
        assertThat(DriverBootstrap.quantile(v, 0.5)).isEqualTo(3.0);
    }

    @Test
    void bootstrapIsRepeatableAndBracketsTheEstimates() throws IOException {
        DriverBootstrap a = DriverBootstrap.of("Fertility", DRIVERS, swissRows(), 300, 42, 0.9);
        DriverBootstrap b = DriverBootstrap.of("Fertility", DRIVERS, swissRows(), 300, 42, 0.9);
        KeyDrivers k = KeyDrivers.of(swiss());
        for (int j = 0; j < DRIVERS.size(); j++) {
            assertThat(a.lmgInterval(j)).containsExactly(b.lmgInterval(j));
            assertThat(a.lmgInterval(j)[0]).isLessThan(k.drivers().get(j).lmg());
            assertThat(a.lmgInterval(j)[1]).isGreaterThan(k.drivers().get(j).lmg());
            assertThat(a.rankInterval(j)[0]).isBetween(1.0, 5.0);
            assertThat(a.rankInterval(j)[1]).isBetween(a.rankInterval(j)[0], 5.0);
        }
        assertThat(a.degenerate()).isZero();
        assertThatThrownBy(() -> DriverBootstrap.of("Fertility", DRIVERS, swissRows(), 5, 1, 0.95))
                .hasMessageContaining("valid values 10 - 100000");
        assertThatThrownBy(() -> DriverBootstrap.of("Fertility", DRIVERS, List.of(new double[] {1, 2}), 10, 1, 0.95))
                .hasMessageContaining("valid values 6");
    }

    @Test
    void repeatedAnswersEqualAddingThemOneByOne() {
        DriverTallyAccumulator once = new DriverTallyAccumulator("y", List.of("a", "b"));
        DriverTallyAccumulator repeated = new DriverTallyAccumulator("y", List.of("a", "b"));
        for (int i = 0; i < 3; i++) {
            once.add(7, 4, 2.5);
        }
        repeated.addRepeated(3, 7, 4, 2.5);
        assertThat(repeated.snapshot()).isEqualTo(once.snapshot());
        assertThat(repeated.addRepeated(0, 1, 1, 1).snapshot().n()).isEqualTo(3);
        assertThatThrownBy(() -> repeated.addRepeated(-1, 1, 1, 1)).hasMessageContaining("valid values >= 0");
    }
}
