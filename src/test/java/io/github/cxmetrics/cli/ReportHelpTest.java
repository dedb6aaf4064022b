package io.github.cxmetrics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code cxmetrics report --help} lists exactly the options the command accepts, in 80 columns. */
class ReportHelpTest {
    private static final Pattern OPTION_LINE = Pattern.compile("^  (--[a-z][a-z0-9-]*)", Pattern.MULTILINE);

    @Test
    void theHelpListsEveryAcceptedOptionAndNoOther() {
        Set<String> listed = new TreeSet<>();
        Matcher m = OPTION_LINE.matcher(ReportCommand.HELP);
        while (m.find()) {
            listed.add(m.group(1));
        }
        Set<String> accepted = new TreeSet<>(ReportCommand.options());
        accepted.remove("--help");
        assertThat(listed).isEqualTo(accepted);
    }

    @Test
    void theHelpFitsEightyColumns() {
        assertThat(ReportCommand.HELP.lines()).allSatisfy(line -> assertThat(line.length()).as(line)
                .isLessThanOrEqualTo(80));
    }
}
