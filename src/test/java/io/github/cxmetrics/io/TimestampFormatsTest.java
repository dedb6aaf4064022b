package io.github.cxmetrics.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The detection of a timestamp column's form, for shapes found in real exports. */
class TimestampFormatsTest {
    private static final Pattern HINT = Pattern.compile("--timestamp-format PATTERN \\((.+) or (.+)\\)$");

    /**
     * When every value reads both ways, the error suggests a pattern for each order, and each
     * suggestion reads the first value as that order does. The first row is the real export
     * surveymonkey-fivethirtyeight-sleeping-alone.csv, whose two-digit years "yyyy" cannot read.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "7/10/14 18:39|d/M/yy H:mm|M/d/yy H:mm",
        "01/08/2023 11:13|d/M/yyyy H:mm|M/d/yyyy H:mm",
        "4/11/2026 12:33:18|d/M/yyyy H:mm:ss|M/d/yyyy H:mm:ss",
        "1-2-2024|d-M-yyyy|M-d-yyyy",
        "3/4/2024 1:05:09 PM|d/M/yyyy h:mm:ss a|M/d/yyyy h:mm:ss a",
        "3/4/24 11:05AM|d/M/yy h:mma|M/d/yy h:mma",
        "03/04/2024T10:00|d/M/yyyy'T'H:mm|M/d/yyyy'T'H:mm"})
    void ambiguityHintReadsTheFirstValue(String value, String dayFirst, String monthFirst) {
        TimestampFormats.Detector detector = new TimestampFormats.Detector("EndDate", 2);
        assertThat(detector.accept(value, 3)).isFalse();
        CsvFormatException e = catchThrowableOfType(detector::result, CsvFormatException.class);
        Matcher m = HINT.matcher(e.getMessage());
        assertThat(m.find()).as(e.getMessage()).isTrue();
        assertThat(m.group(1)).isEqualTo(dayFirst);
        assertThat(m.group(2)).isEqualTo(monthFirst);
        char separator = value.charAt(value.indexOf('/') >= 0 ? value.indexOf('/') : value.indexOf('-'));
        assertThat(TimestampFormats.ofPattern(dayFirst).parse(value, ZoneOffset.UTC))
                .isEqualTo(TimestampFormats.numeric(separator, true).parse(value, ZoneOffset.UTC));
        assertThat(TimestampFormats.ofPattern(monthFirst).parse(value, ZoneOffset.UTC))
                .isEqualTo(TimestampFormats.numeric(separator, false).parse(value, ZoneOffset.UTC));
    }
}
