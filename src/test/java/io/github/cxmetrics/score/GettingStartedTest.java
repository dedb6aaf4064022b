package io.github.cxmetrics.score;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiles and runs every {@code java} block of {@code docs/getting-started.md} (in order, as one
 * program, with the imports the page lists) against the built classes, and checks that what it
 * prints equals the page's {@code text} blocks. Runs in a separate JVM with the {@code java}
 * launcher's source-file mode.
 */
class GettingStartedTest {
    private static final Pattern BLOCK = Pattern.compile("```(java|text)\\n(.*?)```", Pattern.DOTALL);

    @Test
    void snippetsCompileRunAndPrintWhatThePageSays(@TempDir Path dir) throws IOException, InterruptedException {
        String page = Files.readString(Path.of("docs/getting-started.md"), StandardCharsets.UTF_8);
        StringBuilder code = new StringBuilder();
        StringBuilder expected = new StringBuilder();
        Matcher m = BLOCK.matcher(page);
        int javaBlocks = 0;
        while (m.find()) {
            if (m.group(1).equals("java")) {
                code.append("{\n").append(m.group(2)).append("}\n");
                javaBlocks++;
            } else {
                expected.append(m.group(2));
            }
        }
        assertThat(javaBlocks).isGreaterThanOrEqualTo(4);
        Path source = dir.resolve("Snippets.java");
        Files.writeString(source, String.join("\n",
                "import io.github.cxmetrics.scale.*;",
                "import io.github.cxmetrics.tally.*;",
                "import io.github.cxmetrics.score.*;",
                "import io.github.cxmetrics.stats.*;",
                "public class Snippets {",
                "  public static void main(String[] args) throws Exception {",
                code.toString(),
                "  }",
                "}"), StandardCharsets.UTF_8);
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "-cp", Path.of("target/classes").toAbsolutePath().toString(),
                source.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output.replace(File.separator.equals("\\") ? "\r\n" : "\r\n", "\n")).isEqualTo(expected.toString());
    }
}
