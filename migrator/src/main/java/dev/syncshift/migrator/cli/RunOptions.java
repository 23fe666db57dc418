package dev.syncshift.migrator.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The options of the commands that run a job ({@code migrate}, {@code verify}) beside {@link PoolOptions}: how many
 * threads, where the job repository and the report go, what the console shows. {@code check} runs no job and
 * offers none of them.
 */
public final class RunOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "8",
            description = "Identities migrated at once (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--report", paramLabel = "FILE", description = "Write the JSON report here (default: the work "
            + "dir's reports folder, unless the job repository is shared).")
    @Nullable Path report;

    @Option(names = "--work-dir", paramLabel = "DIR", defaultValue = "syncshift-work",
            description = "Where the job repository (an H2 file) lives (default: ${DEFAULT-VALUE}).")
    Path workDir = Path.of("syncshift-work");

    @Option(names = "--progress", paramLabel = "WHEN", defaultValue = "auto",
            description = "auto (a bar on a terminal, lines otherwise), bar, lines or off.")
    String progress = "auto";

    @Option(names = "--log-format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, or json (Spring Boot's structured ECS logging).")
    String logFormat = "text";

    @Option(names = "--recover",
            description = "Recover a run whose process died while using a shared (PostgreSQL) job repository.")
    boolean recover;

    /**
     * Checks the values and adds them to {@code properties} (the {@link PoolOptions}' ones): the job repository's
     * folder ({@code --work-dir} when given, unless the repository is a shared database) and the report
     * ({@code --report}) can be written (they, and any missing parent folders, are made when needed: the folder by
     * {@link MigrationRun} once the settings are bound, as the environment may name another).
     *
     * @return {@code properties}
     * @throws ParameterException with a one-line message when a value is bad
     */
    Map<String, String> addTo(Map<String, String> properties) {
        if (threads < 1 || threads > 512) {
            throw usage("--threads must be between 1 and 512, not " + threads);
        }
        if (!progress.matches("auto|bar|lines|off")) {
            throw usage("--progress takes auto, bar, lines or off, not '" + progress + "'");
        }
        SettingChecks.logFormat("--log-format", logFormat).ifPresent(problem -> {
            throw usage(problem);
        });
        if (JobRepositoryUrl.given() == null && spec.commandLine().getParseResult().hasMatchedOption(
                "--work-dir")) {
            checkWritable("--work-dir", workDir, true);
        }
        if (report != null) {
            checkWritable("--report", report, false);
            properties.put("report", report.toString());
        }
        properties.put("threads", Integer.toString(threads));
        properties.put("work-dir", workDir.toAbsolutePath().toString());
        properties.put("progress", progress);
        properties.put("log-format", logFormat);
        return properties;
    }

    private void checkWritable(String option, Path path, boolean folder) {
        Optional<String> problem = SettingChecks.writable(option, path, folder);
        if (problem.isPresent()) {
            throw usage(problem.get());
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
