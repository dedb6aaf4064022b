package io.github.cxmetrics.cli;

import io.github.cxmetrics.io.CsvFormatException;
import io.github.cxmetrics.io.BadRowException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * The {@code cxmetrics} command line: {@code report} (the KPI report of a feedback export) and the
 * calculators {@code nps}, {@code csat}, {@code ces} and {@code compare}. A thin shell over the
 * library's {@code report} and {@code score} packages.
 *
 * <p>Exit codes: 0 success, 2 bad usage, 1 bad data or an I/O error. Errors are one line on
 * stderr; {@code --debug} adds the stack trace.
 */
public final class Main {
    static final String USAGE = String.join("\n",
            "usage: cxmetrics <command> [options]",
            "",
            "commands:",
            "  report FILE.csv       KPI report of a feedback export (NPS, CSAT, CES,",
            "                        trends, segments, targets)",
            "  nps                   NPS with its interval from counts",
            "  csat                  CSAT % satisfied with its interval from counts",
            "  ces                   CES mean with its interval from counts",
            "  compare nps|csat|ces  compare two groups: difference, interval, p-value",
            "  sample-size nps|csat|ces  responses needed for a margin, or to detect a change",
            "  drivers FILE.csv      key drivers: what explains the outcome, what to fix first",
            "",
            "Run 'cxmetrics <command> --help' for the options of a command.",
            "Add --debug to see stack traces.");

    private Main() {
    }

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        System.out.flush();
        System.exit(code);
    }

    /**
     * Runs the command line with the given streams.
     *
     * @return the exit code: 0 success, 1 bad data or I/O error, 2 bad usage
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        boolean debug = Arrays.asList(args).contains("--debug");
        String[] argv = Arrays.stream(args).filter(a -> !a.equals("--debug")).toArray(String[]::new);
        try {
            if (argv.length == 0) {
                err.println(USAGE);
                return 2;
            }
            String command = argv[0];
            switch (command) {
                case "--help", "-h", "help" -> {
                    out.println(USAGE);
                    return 0;
                }
                case "report" -> {
                    return ReportCommand.run(argv, out, err);
                }
                case "nps", "csat", "ces" -> {
                    return Calculators.score(command, argv, out);
                }
                case "compare" -> {
                    return Calculators.compare(argv, out);
                }
                case "sample-size" -> {
                    return SampleSizeCommand.run(argv, out);
                }
                case "drivers" -> {
                    return DriversCommand.run(argv, out);
                }
                default -> throw new UsageException("unknown command \"" + command + "\" (see cxmetrics --help)");
            }
        } catch (UsageException e) {
            err.println("cxmetrics: " + oneLine(e.getMessage()));
            trace(debug, e, err);
            return 2;
        } catch (BadRowException | CsvFormatException e) {
            err.println("cxmetrics: " + oneLine(e.getMessage()));
            trace(debug, e, err);
            return 1;
        } catch (IOException | UncheckedIOException e) {
            err.println("cxmetrics: I/O error: " + oneLine(e.getMessage()));
            trace(debug, e, err);
            return 1;
        } catch (IllegalArgumentException | IllegalStateException | ArithmeticException e) {
            err.println("cxmetrics: " + oneLine(e.getMessage()));
            trace(debug, e, err);
            return 1;
        } catch (RuntimeException e) {
            err.println("cxmetrics: internal error: " + oneLine(e.toString())
                    + " (run with --debug for the stack trace)");
            trace(debug, e, err);
            return 1;
        }
    }

    /**
     * The message on one line: a line break or other control character that came from the data
     * (a quoted CSV field, a column name) is written as {@code \n}, {@code \r}, {@code \t} or
     * a backslash-u escape with four hex digits, so that an error is always exactly one line.
     */
    static String oneLine(String message) {
        if (message == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder(message.length());
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            switch (c) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < ' ' || c == 0x7F || c == 0x85 || c == 0x2028 || c == 0x2029) {
                        sb.append(String.format("\\u%04X", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    private static void trace(boolean debug, Throwable e, PrintStream err) {
        if (debug) {
            e.printStackTrace(err);
        }
    }
}
