package io.github.cxmetrics.stats;

import static io.github.cxmetrics.stats.Accuracy.assertRelative;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NormalTest {

    /**
     * {x, 1 − Φ(x)}. Generated with mpmath 1.3.0, mp.dps = 50: {@code float(ncdf(-mpf(x)))} for the
     * exact binary value of each double x.
     */
    private static final double[][] UPPER_TAIL = {
        {0.0, 0.5},
        {1e-10, 0.49999999996010575},
        {-1e-10, 0.5000000000398942},
        {0.3, 0.3820885778110474},
        {-0.3, 0.6179114221889527},
        {0.66, 0.25462691467133614},
        {-0.66, 0.7453730853286639},
        {0.67, 0.2514288950953101},
        {-0.67, 0.7485711049046899},
        {1.0, 0.15865525393145705},
        {-1.0, 0.8413447460685429},
        {1.5, 0.06680720126885807},
        {-1.5, 0.9331927987311419},
        {1.959963984540054, 0.025000000000000012},
        {-1.959963984540054, 0.975},
        {2.0, 0.02275013194817921},
        {-2.0, 0.9772498680518208},
        {3.0, 0.0013498980316300946},
        {-3.0, 0.9986501019683699},
        {4.5, 3.3976731247300603e-06},
        {-4.5, 0.9999966023268753},
        {5.65, 8.022391850663497e-09},
        {-5.65, 0.9999999919776081},
        {5.66, 7.568649751997714e-09},
        {-5.66, 0.9999999924313503},
        {7.5, 3.1908916729108963e-14},
        {-7.5, 0.9999999999999681},
        {10.0, 7.619853024160525e-24},
        {-10.0, 1.0},
        {15.0, 3.670966199312751e-51},
        {-15.0, 1.0},
        {20.0, 2.7536241186062337e-89},
        {-20.0, 1.0},
        {26.5, 4.8461626603033206e-155},
        {-26.5, 1.0},
        {30.0, 4.906713927148187e-198},
        {-30.0, 1.0},
        {35.0, 1.1249107064724062e-268},
        {-35.0, 1.0},
        {37.0, 5.725571222524577e-300},
        {-37.0, 1.0},
        {37.5, 4.605353009581955e-308},
        {-37.5, 1.0},
    };

    /**
     * {p, Φ⁻¹(p)}. Generated with mpmath 1.3.0, mp.dps = 50: {@code sqrt(2)*erfinv(2*mpf(p)-1)}, and
     * for p < 1e-30 {@code -findroot(lambda z: log(ncdf(-z)) - log(p), z0, tol=1e-45)}; p is the
     * exact binary value of the double.
     */
    private static final double[][] QUANTILE = {
        {1e-300, -37.0470962993612},
        {1e-100, -21.273453560965326},
        {1e-20, -9.262340089798407},
        {1e-16, -8.222082216130435},
        {1e-10, -6.361340902404057},
        {1e-05, -4.264890793922825},
        {0.001, -3.0902323061678136},
        {0.025, -1.9599639845400543},
        {0.05, -1.6448536269514726},
        {0.075, -1.439531470938456},
        {0.0751, -1.43882539275254},
        {0.3, -0.5244005127080408},
        {0.4999999999, -2.506628482030354e-10},
        {0.5, 0.0},
        {0.5000000001, 2.506628482030354e-10},
        {0.6, 0.2533471031357997},
        {0.9, 1.2815515655446006},
        {0.975, 1.9599639845400538},
        {0.99, 2.3263478740408408},
        {0.999, 3.090232306167813},
        {0.9999999999, 6.361340889697422},
        {0.9999999999999999, 8.209536151601387},
        {2.2250738585072014e-308, -37.5193793471445},
    };

    @Test
    void upperTailAndCdfMatchMpmathToOneUlpOrSo() {
        for (double[] c : UPPER_TAIL) {
            // measured worst case 7.8e-16 over 1,200 random points in [-40, 40]
            assertRelative(Normal.upperTail(c[0]), c[1], 1e-15, "upperTail(" + c[0] + ")");
            assertRelative(Normal.cdf(-c[0]), c[1], 1e-15, "cdf(" + -c[0] + ")");
        }
    }

    @Test
    void subnormalTailIsAsCloseAsTheFormatAllows() {
        // mpmath 1.3.0, mp.dps = 50: float(ncdf(-38)) = 2.88542835e-316, float(ncdf(-38.4)) = 6.4e-323
        assertThat(Math.abs(Normal.upperTail(38) - 2.88542835e-316)).isLessThanOrEqualTo(4 * Double.MIN_VALUE);
        assertThat(Math.abs(Normal.cdf(-38.4) - 6.4e-323)).isLessThanOrEqualTo(2 * Double.MIN_VALUE);
        assertThat(Normal.upperTail(38.6)).isZero(); // exact value 1.5e-326, below Double.MIN_VALUE
        assertThat(Normal.upperTail(Double.POSITIVE_INFINITY)).isZero();
        assertThat(Normal.cdf(Double.NEGATIVE_INFINITY)).isZero();
        assertThat(Normal.cdf(Double.POSITIVE_INFINITY)).isEqualTo(1.0);
        assertThat(Normal.upperTail(Double.NEGATIVE_INFINITY)).isEqualTo(1.0);
    }

    @Test
    void quantileMatchesMpmathToOneUlpOrSo() {
        for (double[] c : QUANTILE) {
            // measured worst case 4.4e-16 over 600 random p in [1e-300, 1]
            assertRelative(Normal.quantile(c[0]), c[1], 1e-15, "quantile(" + c[0] + ")");
        }
        assertThat(Normal.quantile(0)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(Normal.quantile(1)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(Normal.quantile(0.5)).isZero();
    }

    @Test
    void twoSidedPValueDoesNotUnderflow() {
        // mpmath 1.3.0, mp.dps = 50: float(2*ncdf(-37)) = 1.1451142445049154e-299
        assertRelative(Normal.twoSidedPValue(37), 1.1451142445049154e-299, 1e-15, "twoSidedPValue(37)");
        assertRelative(Normal.twoSidedPValue(-37), 1.1451142445049154e-299, 1e-15, "twoSidedPValue(-37)");
        assertThat(Normal.twoSidedPValue(0)).isEqualTo(1.0);
        assertRelative(Normal.twoSidedPValue(1.959963984540054), 0.05, 1e-15, "twoSidedPValue(1.96)");
    }

    @Test
    void criticalValuesOfTheProjectReferenceFile() {
        // /work/shared/reference/intervals.json, "z_crit": Φ⁻¹(1 − (1 − conf)/2) at 60 digits, rounded once
        assertRelative(Normal.criticalValue(0.90), 1.6448536269514729, 1e-15, "z_crit(0.90)");
        assertRelative(Normal.criticalValue(0.95), 1.9599639845400538, 1e-15, "z_crit(0.95)");
        assertRelative(Normal.criticalValue(0.99), 2.5758293035489004, 1e-15, "z_crit(0.99)");
        // exact to the last bit
        assertThat(Normal.criticalValue(0.90)).isEqualTo(1.6448536269514729);
        assertThat(Normal.criticalValue(0.95)).isEqualTo(1.9599639845400538);
        assertThat(Normal.criticalValue(0.99)).isEqualTo(2.5758293035489004);
    }

    @Test
    void criticalValueStaysAccurateForConfidenceCloseToOne() {
        // mpmath 1.3.0, mp.dps = 50: float(-sqrt(2)*erfinv(2*((1-mpf(c))/2)-1)) for the doubles
        // c = 1 - 1e-12 and c = 1 - 2^-53
        assertRelative(Normal.criticalValue(1 - 1e-12), 7.130509892879273, 1e-15, "z_crit(1-1e-12)");
        assertRelative(Normal.criticalValue(1 - 0x1.0p-53), 8.292361075813595, 1e-15, "z_crit(1-2^-53)");
    }
}
