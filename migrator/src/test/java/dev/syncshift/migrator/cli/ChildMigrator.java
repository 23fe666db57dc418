package dev.syncshift.migrator.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The migrator's command line in a child JVM (this test's class path), so that it can be killed with SIGKILL. */
final class ChildMigrator {

    private ChildMigrator() {
    }

    /** Starts {@code args}; its output goes to {@code log}. */
    static Process start(Path log, List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                MigratorCli.class.getName()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("AWS_ACCESS_KEY_ID", "AKIDDEVELOPER");
        builder.environment().put("AWS_SECRET_ACCESS_KEY", "developer-secret");
        return builder.start();
    }
}
