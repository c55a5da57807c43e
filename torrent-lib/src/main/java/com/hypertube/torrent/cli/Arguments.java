package com.hypertube.torrent.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A command's arguments: positionals, options with a value ({@code --port 6881}) and flags ({@code --json}). */
final class Arguments {

    private final List<String> positional = new ArrayList<>();
    private final Map<String, List<String>> options = new HashMap<>();

    Arguments(List<String> arguments, Set<String> withValue, Set<String> flags) throws UsageException {
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            if (withValue.contains(argument)) {
                if (i + 1 >= arguments.size()) {
                    throw new UsageException(argument + " needs a value");
                }
                options.computeIfAbsent(argument, key -> new ArrayList<>()).add(arguments.get(++i));
            } else if (flags.contains(argument)) {
                options.computeIfAbsent(argument, key -> new ArrayList<>()).add("true");
            } else if (argument.startsWith("-") && argument.length() > 1) {
                throw new UsageException("unknown option " + argument);
            } else {
                positional.add(argument);
            }
        }
    }

    String positional(int index, String name) throws UsageException {
        if (index >= positional.size()) {
            throw new UsageException("missing " + name);
        }
        return positional.get(index);
    }

    /** Every positional argument; at least one, which {@code name} names when missing. */
    List<String> positionals(String name) throws UsageException {
        if (positional.isEmpty()) {
            throw new UsageException("missing " + name);
        }
        return List.copyOf(positional);
    }

    void noMorePositionalsThan(int count) throws UsageException {
        if (positional.size() > count) {
            throw new UsageException("unexpected argument " + positional.get(count));
        }
    }

    String option(String name, String fallback) {
        List<String> values = options.get(name);
        return values == null ? fallback : values.getLast();
    }

    List<String> all(String name) {
        return options.getOrDefault(name, List.of());
    }

    boolean flag(String name) {
        return options.containsKey(name);
    }

    long number(String name, long fallback, long min, long max) throws UsageException {
        String value = option(name, null);
        if (value == null) {
            return fallback;
        }
        try {
            long number = Long.parseLong(value);
            if (number < min || number > max) {
                throw new UsageException(name + " must be between " + min + " and " + max);
            }
            return number;
        } catch (NumberFormatException e) {
            throw new UsageException(name + " must be a whole number, not '" + value + "'");
        }
    }
}
