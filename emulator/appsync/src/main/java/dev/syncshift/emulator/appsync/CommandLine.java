package dev.syncshift.emulator.appsync;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Parses the command line into a configuration; only the entry point reads arguments. */
final class CommandLine {

    private static final Set<String> OPTIONS = Set.of("--template", "--port", "--host", "--credentials",
            "--dynamodb-endpoint", "--region", "--keep-alive-seconds", "--cognito-endpoint");

    private CommandLine() {
    }

    static AppSyncEmulatorConfig parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!OPTIONS.contains(args[i]) || i + 1 >= args.length) {
                throw new IllegalArgumentException("usage: --template FILE [--port N] [--host ADDR] "
                        + "[--credentials FILE] [--dynamodb-endpoint URL] [--region R] [--keep-alive-seconds N] "
                        + "[--cognito-endpoint URL]");
            }
            values.put(args[i], args[i + 1]);
        }
        if (!values.containsKey("--template")) {
            throw new IllegalArgumentException("--template FILE is required");
        }
        return new AppSyncEmulatorConfig(
                Path.of(values.get("--template")),
                values.getOrDefault("--host", "127.0.0.1"),
                Integer.parseInt(values.getOrDefault("--port", "0")),
                values.containsKey("--credentials") ? Path.of(values.get("--credentials")) : null,
                values.containsKey("--dynamodb-endpoint") ? URI.create(values.get("--dynamodb-endpoint")) : null,
                values.getOrDefault("--region", "us-east-1"),
                Duration.ofSeconds(Long.parseLong(values.getOrDefault("--keep-alive-seconds", "60"))),
                values.containsKey("--cognito-endpoint") ? URI.create(values.get("--cognito-endpoint")) : null);
    }
}
