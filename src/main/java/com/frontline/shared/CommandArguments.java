package com.frontline.shared;

import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The command-line conventions of the app's commands ({@code eval-retrieval}, {@code eval-answers}, …): an option
 * takes its value as the next argument or after '=', a flag takes none, and {@code --some.property=value} goes to
 * Spring unchanged. Written here rather than with a parser library because each command has a handful of options
 * and its own messages; this keeps the splitting in one place.
 */
public final class CommandArguments {

    /** One option as given: a flag has no value. */
    public record Option(String name, @Nullable String value) {
    }

    /**
     * @param options the commands' own options, in the order given
     * @param spring  the {@code --some.property=value} arguments, for Spring
     */
    public record Parsed(List<Option> options, List<String> spring) {

        public Parsed {
            options = List.copyOf(options);
            spring = List.copyOf(spring);
        }
    }

    private CommandArguments() {
    }

    /**
     * @param flags  options that take no value ({@code --json})
     * @param valued options that take one value
     * @throws UsageException an unknown argument, a flag given a value, or an option without its value
     */
    public static Parsed parse(List<String> args, Set<String> flags, Set<String> valued) {
        List<Option> options = new ArrayList<>();
        List<String> spring = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            if (name.startsWith("--") && name.substring(2).contains(".") && value != null) {
                spring.add(arg);
            } else if (flags.contains(name)) {
                if (value != null) {
                    throw new UsageException(name + " takes no value");
                }
                options.add(new Option(name, null));
            } else if (valued.contains(name)) {
                if (value == null) {
                    if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
                        throw new UsageException(name + " needs a value");
                    }
                    value = args.get(++i);
                }
                if (value.isBlank()) {
                    throw new UsageException(name + " needs a value");
                }
                options.add(new Option(name, value));
            } else {
                throw new UsageException("Unknown argument: " + arg);
            }
        }
        return new Parsed(options, spring);
    }

    /** A whole number above 0. */
    public static int positive(String name, String value) {
        try {
            int number = Integer.parseInt(value);
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(name + " must be a whole number above 0, not '" + value + "'");
    }

    /** The arguments cannot be understood; a command prints this and its usage, and exits with 2. */
    public static class UsageException extends IllegalArgumentException {
        public UsageException(String message) {
            super(message);
        }
    }
}
