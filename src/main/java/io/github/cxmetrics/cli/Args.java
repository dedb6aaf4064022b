package io.github.cxmetrics.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parsed arguments of one subcommand: {@code --name value} options (some repeatable), flags,
 * and positional arguments. Unknown options, missing values and repeated single options are usage
 * errors.
 */
final class Args {
    private final Map<String, List<String>> options = new HashMap<>();
    private final List<String> positional = new ArrayList<>();

    private Args() {
    }

    /**
     * @param valued options that take a value
     * @param flags options without a value
     * @param repeatable the valued options that may be given more than once
     */
    static Args parse(String command, String[] argv, int from, Set<String> valued, Set<String> flags,
            Set<String> repeatable) {
        Args a = new Args();
        for (int i = from; i < argv.length; i++) {
            String arg = argv[i];
            if (arg.startsWith("--") && arg.length() > 2) {
                String name = arg;
                String value = null;
                int eq = arg.indexOf('=');
                if (eq > 0) {
                    name = arg.substring(0, eq);
                    value = arg.substring(eq + 1);
                }
                if (flags.contains(name)) {
                    if (value != null) {
                        throw new UsageException(command + ": option " + name + " takes no value");
                    }
                    a.options.computeIfAbsent(name, k -> new ArrayList<>()).add("true");
                } else if (valued.contains(name)) {
                    if (value == null) {
                        if (i + 1 >= argv.length) {
                            throw new UsageException(command + ": option " + name + " needs a value");
                        }
                        value = argv[++i];
                    }
                    List<String> values = a.options.computeIfAbsent(name, k -> new ArrayList<>());
                    if (!values.isEmpty() && !repeatable.contains(name)) {
                        throw new UsageException(command + ": option " + name + " given twice");
                    }
                    values.add(value);
                } else {
                    throw new UsageException(command + ": unknown option " + name + " (see cxmetrics " + command
                            + " --help)");
                }
            } else {
                a.positional.add(arg);
            }
        }
        return a;
    }

    boolean has(String name) {
        return options.containsKey(name);
    }

    String get(String name) {
        List<String> v = options.get(name);
        return v == null ? null : v.get(0);
    }

    String get(String name, String fallback) {
        String v = get(name);
        return v == null ? fallback : v;
    }

    List<String> all(String name) {
        return options.getOrDefault(name, List.of());
    }

    List<String> positional() {
        return positional;
    }

    String require(String command, String name) {
        String v = get(name);
        if (v == null) {
            throw new UsageException(command + ": missing option " + name);
        }
        return v;
    }

    double doubleValue(String command, String name, double fallback) {
        String v = get(name);
        if (v == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new UsageException(command + ": " + name + " expects a number, got \"" + v + "\"");
        }
    }

    long longValue(String command, String name) {
        String v = require(command, name);
        try {
            return Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            throw new UsageException(command + ": " + name + " expects a whole number, got \"" + v + "\"");
        }
    }

    static long[] counts(String command, String name, String text) {
        String[] parts = text.split(",", -1);
        long[] out = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                out[i] = Long.parseLong(parts[i].strip());
            } catch (NumberFormatException e) {
                throw new UsageException(command + ": " + name + " expects comma-separated whole numbers, got \""
                        + parts[i] + "\" at position " + (i + 1));
            }
            if (out[i] < 0) {
                throw new UsageException(command + ": " + name + " counts must be >= 0, got " + out[i]
                        + " at position " + (i + 1));
            }
        }
        return out;
    }
}
