package com.hypertube.torrent.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/**
 * {@code java -jar hypertube-torrent.jar <command>}: the entry point. Bad input ends with one line on
 * stderr and exit code 2; a failure while working (no peer answered, a disk error) with exit code 1.
 */
public final class HypertubeTorrent {

    static final String USAGE = """
            usage: hypertube-torrent <command> [options]

              info <torrent|magnet> [--json]
              create <path> [--tracker URL]... [--piece-length BYTES] -o FILE
              download <torrent|magnet> [-o DIR] [--file N]... [--peer HOST:PORT]... [--port P] [--timeout S] [--json]
              seed <torrent>... --data DIR [--port P] [--bind ADDRESS] [--tracker-port P] [--json]
              read <torrent|magnet> --file N --offset BYTES --length BYTES [--peer HOST:PORT]... [-o DIR] [--port P]
              selftest [--size MIB] [--timeout S]
            """;

    private HypertubeTorrent() {}

    public static void main(String[] args) {
        System.exit(run(Arrays.asList(args), System.out, System.err));
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty()
                || args.getFirst().equals("--help")
                || args.getFirst().equals("help")) {
            (args.isEmpty() ? err : out).print(USAGE);
            return args.isEmpty() ? 2 : 0;
        }
        List<String> rest = args.subList(1, args.size());
        try {
            return switch (args.getFirst()) {
                case "info" -> new InfoCommand(out).run(rest);
                case "create" -> new CreateCommand(out).run(rest);
                case "download" -> new DownloadCommand(out, err).run(rest);
                case "seed" -> new SeedCommand(out, err).run(rest);
                case "read" -> new ReadCommand(out, err).run(rest);
                case "selftest" -> new SelfTestCommand(out).run(rest);
                default -> throw new UsageException("unknown command '" + args.getFirst() + "'");
            };
        } catch (UsageException e) {
            err.println("hypertube-torrent: " + e.getMessage());
            err.println("run 'hypertube-torrent --help' for the commands");
            return 2;
        } catch (IOException | CommandFailedException e) {
            err.println("hypertube-torrent: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("hypertube-torrent: interrupted");
            return 130;
        } catch (RuntimeException e) {
            // A bug of ours: still one line, never a stack trace in the user's face.
            err.println("hypertube-torrent: unexpected error: " + e);
            return 1;
        }
    }

    /** The command could not do its work, for a reason the message gives. */
    static final class CommandFailedException extends Exception {
        CommandFailedException(String message) {
            super(message);
        }
    }
}
