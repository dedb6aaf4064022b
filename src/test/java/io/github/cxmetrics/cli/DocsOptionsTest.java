package io.github.cxmetrics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The documentation names only options that run: every {@code --option} in README.md and
 * {@code docs/} is accepted by a {@code cxmetrics} command (or belongs to another tool the docs
 * show, listed below with where it is from), and every {@code cxmetrics report} command line in
 * them uses only options that {@code cxmetrics report} accepts.
 */
class DocsOptionsTest {
    private static final Pattern OPTION = Pattern.compile("(?<![\\w-])--[a-z][a-z0-9-]*");
    /** A {@code cxmetrics report} command, up to the end of its line (continuations joined first). */
    private static final Pattern REPORT_COMMAND = Pattern.compile("cxmetrics report([^`\\n|]*)");

    /** Options of other programs the docs show, each with the program. */
    private static final Map<String, String> OTHER_TOOLS = Map.ofEntries(
            Map.entry("--add-opens", "java (Spark on Java 17)"),
            Map.entry("--add-reads", "java (module path)"),
            Map.entry("--add-modules", "java (module path)"),
            Map.entry("--jars", "spark-submit"),
            Map.entry("--master", "spark-submit (docs/spark.md: ReportJob)"),
            Map.entry("--class", "spark-submit (docs/spark.md: ReportJob)"),
            Map.entry("--conf", "spark-submit (docs/spark.md: ReportJob)"),
            Map.entry("--release", "javac (README: the build)"),
            Map.entry("--rows", "../shared/bench/GenResponses.java"),
            Map.entry("--seed", "../shared/bench/GenResponses.java"),
            Map.entry("--bogus", "docs/errors.md: the example of an unknown option"),
            Map.entry("--debug", "cxmetrics itself (cli.Main: any command)"),
            Map.entry("--days", "the grouping line of a stored-tally manifest (docs/tally-format.md), set by --calendar"),
            Map.entry("--survey-text", "the grouping line of a stored-tally manifest: the survey definition (--survey FILE)"));

    @Test
    void everyOptionInTheDocsExists() throws IOException {
        Set<String> known = new TreeSet<>(ReportCommand.options());
        known.addAll(SampleSizeCommand.OPTIONS);
        known.addAll(Calculators.SCORE_OPTIONS);
        known.addAll(Calculators.COMPARE_OPTIONS);
        known.addAll(DriversCommand.OPTIONS);
        known.addAll(Calculators.COMPARE_FLAGS);
        known.add("--help");
        known.addAll(OTHER_TOOLS.keySet());
        List<String> unknown = new ArrayList<>();
        for (Path doc : docs()) {
            Matcher m = OPTION.matcher(Files.readString(doc));
            while (m.find()) {
                if (!known.contains(m.group())) {
                    unknown.add(doc + ": " + m.group());
                }
            }
        }
        assertThat(unknown).as("options named in the docs that no command accepts").isEmpty();
    }

    @Test
    void everyReportCommandLineInTheDocsUsesReportOptions() throws IOException {
        Set<String> accepted = ReportCommand.options();
        List<String> wrong = new ArrayList<>();
        int commands = 0;
        for (Path doc : docs()) {
            String text = Files.readString(doc).replace("\\\n", " ");
            Matcher command = REPORT_COMMAND.matcher(text);
            while (command.find()) {
                commands++;
                Matcher m = OPTION.matcher(command.group(1));
                while (m.find()) {
                    if (!accepted.contains(m.group()) && !m.group().equals("--debug")) {
                        wrong.add(doc + ": " + command.group().strip());
                    }
                }
            }
        }
        assertThat(commands).as("report command lines found").isGreaterThan(10);
        assertThat(wrong).as("report command lines with options report does not accept").isEmpty();
    }

    @Test
    void theCheckFindsAnOptionThatDoesNotExist() {
        Matcher m = OPTION.matcher("run `cxmetrics report x.csv --rake-it 1` or x--y");
        assertThat(m.find()).isTrue();
        assertThat(m.group()).isEqualTo("--rake-it");
        assertThat(ReportCommand.options()).doesNotContain("--rake-it");
        assertThat(m.find()).isFalse();
    }

    private static List<Path> docs() throws IOException {
        List<Path> out = new ArrayList<>();
        out.add(Path.of("README.md"));
        try (Stream<Path> files = Files.list(Path.of("docs"))) {
            files.filter(p -> p.toString().endsWith(".md")).sorted().forEach(out::add);
        }
        return out;
    }
}
