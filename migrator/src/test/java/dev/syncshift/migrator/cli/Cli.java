package dev.syncshift.migrator.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs the command line in this JVM and captures what it prints. */
public final class Cli {

    private Cli() {
    }

    /** What one run printed and returned. */
    public record Result(int exitCode, String out, String err) {
    }

    /** Runs {@code args}. Developer credentials come from the {@code aws.*} system properties the tests set. */
    public static Result run(String... args) {
        System.setProperty("aws.accessKeyId", "AKIDDEVELOPER");
        System.setProperty("aws.secretAccessKey", "developer-secret");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = MigratorCli.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
