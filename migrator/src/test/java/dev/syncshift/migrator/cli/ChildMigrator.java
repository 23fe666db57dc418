package dev.syncshift.migrator.cli;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The migrator's command line in a child JVM, so that it can be killed with SIGKILL. Its class path is this test's
 * without the test classes, so that it logs as the jar does (the tests' {@code logback-test.xml} stays out).
 */
final class ChildMigrator {

    private ChildMigrator() {
    }

    /** Starts {@code args}; its output goes to {@code log}. */
    static Process start(Path log, List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx512m", "-cp", classPathWithoutTests(),
                MigratorCli.class.getName()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("AWS_ACCESS_KEY_ID", "AKIDDEVELOPER");
        builder.environment().put("AWS_SECRET_ACCESS_KEY", "developer-secret");
        return builder.start();
    }

    private static String classPathWithoutTests() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !Path.of(entry).endsWith(Path.of("target", "test-classes")))
                .collect(Collectors.joining(File.pathSeparator));
    }
}
