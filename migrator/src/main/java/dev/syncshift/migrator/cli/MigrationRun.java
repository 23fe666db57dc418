package dev.syncshift.migrator.cli;

import dev.syncshift.migrator.MigratorApplication;
import dev.syncshift.migrator.config.CallStats;
import dev.syncshift.migrator.config.MigratorSettings;
import dev.syncshift.migrator.config.ProxyEnvironment;
import dev.syncshift.migrator.job.DiskSpaceWatch;
import dev.syncshift.migrator.job.RunLauncher;
import dev.syncshift.migrator.job.RunReports;
import dev.syncshift.migrator.job.RunStop;
import dev.syncshift.migrator.job.RunTables;
import dev.syncshift.migrator.job.remote.ManagerTakeover;
import dev.syncshift.migrator.report.Progress;
import dev.syncshift.migrator.report.ReportWriter;
import dev.syncshift.migrator.report.RunReport;
import dev.syncshift.migrator.report.Tally;
import dev.syncshift.migrator.target.StoreTableShape;
import dev.syncshift.migrator.verify.Preflight;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * One {@code migrate} or {@code verify}: starts the Spring application from the command's properties, runs the
 * preflight (nothing is written when it fails), runs or continues the job, then prints the summary, writes the
 * JSON report and decides the exit code. A run whose job repository is in its work dir holds the work dir's lock
 * ({@link WorkDirLock}) throughout. Ctrl-C or SIGTERM while the job runs ends the run, and the command still returns
 * the run's code ({@link StopSignals}).
 */
final class MigrationRun {

    private static final DateTimeFormatter REPORT_STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final PrintStream out;
    private final PrintStream err;

    MigrationRun(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /**
     * Runs.
     *
     * @param settings the {@code syncshift.migrator.*} properties, without the prefix
     * @param defaulted the names of {@code settings} left at their options' defaults, which the environment may set;
     *     the others win over it
     * @param recover whether a run that never ended may be recovered although the repository is shared
     * @return the outcome; {@link #lastReport()} has the report when a run took place
     */
    ExitCode run(Map<String, String> settings, Set<String> defaulted, boolean recover) {
        SettingLayers layers = SettingLayers.of(settings, defaulted);
        MigratorSettings bound;
        String role;
        boolean jsonLogs;
        try {
            bound = layers.bindChecked();
            // only migrate's settings hold a role: verify runs in one process whatever its environment says
            role = settings.containsKey("cluster.role") ? layers.role() : "local";
            jsonLogs = layers.jsonLogs();
        } catch (SettingLayers.Refused e) {
            err.println("syncshift-migrator: " + e.getMessage());
            return ExitCode.USAGE;
        }
        String workDirName = layers.shownName("work-dir", "--work-dir");
        Optional<String> problem = JobRepositoryUrl.refusal().or(() -> makeWorkDir(bound.workDir(), workDirName));
        if (problem.isPresent()) {
            err.println("syncshift-migrator: " + problem.get());
            return ExitCode.USAGE;
        }
        Supplier<ExitCode> start = () -> startAndRun(layers, bound, role, jsonLogs, recover);
        if (JobRepositoryUrl.given() != null) {
            return start.get();
        }
        Optional<String> shortage = DiskSpaceWatch.shortage(bound.workDir(),
                DiskSpaceWatch.usableSpace(bound.workDir()).getAsLong(), bound.workDirMinFreeMb());
        if (shortage.isPresent()) {
            err.println("syncshift-migrator: " + shortage.get() + ": free some space, or give another work dir ("
                    + workDirName + ")");
            return ExitCode.UNAVAILABLE;
        }
        return whileLocked(bound.workDir(), workDirName, start);
    }

    /**
     * Runs {@code body} holding the work dir's lock ({@link WorkDirLock}), or refuses when another migrator holds it.
     *
     * @param name the work dir's setting as the user gave it ({@code --work-dir}, {@code SYNCSHIFT_MIGRATOR_WORK_DIR})
     */
    private ExitCode whileLocked(Path workDir, String name, Supplier<ExitCode> body) {
        Optional<WorkDirLock> taken;
        try {
            taken = WorkDirLock.take(workDir);
        } catch (IOException e) {
            err.println("syncshift-migrator: the work dir " + workDir + " cannot be locked: "
                    + RunReports.fileProblem(e));
            return ExitCode.USAGE;
        }
        if (taken.isEmpty()) {
            err.println("syncshift-migrator: the work dir " + workDir + " is in use by another syncshift-migrator"
                    + WorkDirLock.holder(workDir).map(pid -> " (process " + pid + ")").orElse("")
                    + "; let it end, or give this one another work dir (" + name + ")");
            return ExitCode.UNAVAILABLE;
        }
        try (WorkDirLock lock = taken.get()) {
            return body.get();
        }
    }

    /** Starts the application and runs (or, in a worker, serves) the job. */
    private ExitCode startAndRun(SettingLayers layers, MigratorSettings bound, String role, boolean jsonLogs,
            boolean recover) {
        ConfigurableApplicationContext context;
        try {
            context = start(layers, bound, role, jsonLogs);
        } catch (RuntimeException e) {
            // the settings bound only as the application starts (the cluster's) are checked there
            Optional<String> badSetting = layers.badSetting(e);
            err.println("syncshift-migrator: " + badSetting.orElseGet(() -> cannotStart(e, bound)));
            return badSetting.isPresent() ? ExitCode.USAGE : ExitCode.UNAVAILABLE;
        }
        if (WorkerRun.isWorker(context)) {
            try (context) {
                return new WorkerRun(err).serve(context);
            }
        }
        // handles Ctrl-C and SIGTERM from the run's start until the application is closed: the process exits with
        // the code the summary gives
        StopSignals signals = new StopSignals(context.getBean(RunStop.class), "local".equals(role));
        try (signals; context) {
            return signals.decided(run(context, recover, signals));
        }
    }

    private @Nullable RunReport report;

    /** The report of the last run, or null. */
    @Nullable RunReport lastReport() {
        return report;
    }

    private ExitCode run(ConfigurableApplicationContext context, boolean recover, StopSignals signals) {
        MigratorSettings settings = context.getBean(MigratorSettings.class);
        Preflight preflight = new Preflight(context.getBean(CognitoIdentityClient.class),
                context.getBean(CognitoSyncClient.class), context.getBean(DynamoDbClient.class),
                context.getBean(ProxyEnvironment.class));
        // a machine set up for DynamoDB Local (AWS_ENDPOINT_URL_DYNAMODB, say) would otherwise be written unseen
        preflight.endpointsFromSdk(settings).forEach(line -> err.println("syncshift-migrator: " + line));
        Preflight.Findings findings = preflight.check(settings, settings.createTable() && !settings.dryRun());
        if (!findings.ok()) {
            findings.problems().forEach(problem -> err.println("syncshift-migrator: " + problem));
            return ExitCode.UNAVAILABLE;
        }
        createTableIfAsked(context, settings, findings);
        String url = context.getEnvironment().getProperty("spring.datasource.url", "");
        boolean ownsRepository = recover || url.startsWith("jdbc:h2:")
                || ManagerTakeover.previousManagerGone(context, settings);
        signals.install();
        try {
            return launch(context, settings, ownsRepository);
        } finally {
            context.getBean(RunStop.class).reported(); // a stop waiting for the report may go on
        }
    }

    private ExitCode launch(ConfigurableApplicationContext context, MigratorSettings settings,
            boolean ownsRepository) {
        JobExecution execution;
        try (ProgressDisplay display = ProgressDisplay.start(context.getBean(Progress.class), settings.progress(),
                err); DiskSpaceWatch watch = watchDisk(context, settings)) {
            execution = context.getBean(RunLauncher.class).run(settings, ownsRepository);
        } catch (RunLauncher.RunInProgressException e) {
            err.println("syncshift-migrator: " + e.getMessage());
            return ExitCode.UNAVAILABLE;
        } catch (Exception e) {
            err.println("syncshift-migrator: the run could not start: " + Messages.rootMessage(e));
            return ExitCode.INCOMPLETE;
        }
        return finish(context, settings, execution);
    }

    /** Stops the run when the disk of its local job repository fills ({@link DiskSpaceWatch}); null otherwise. */
    private static @Nullable DiskSpaceWatch watchDisk(ConfigurableApplicationContext context,
            MigratorSettings settings) {
        if (JobRepositoryUrl.given() != null || settings.workDirMinFreeMb() == 0) {
            return null;
        }
        RunStop stop = context.getBean(RunStop.class);
        return DiskSpaceWatch.start(settings.workDir(), DiskSpaceWatch.usableSpace(settings.workDir()),
                settings.workDirMinFreeMb(), DiskSpaceWatch.EVERY, stop::stop);
    }

    private void createTableIfAsked(ConfigurableApplicationContext context, MigratorSettings settings,
            Preflight.Findings findings) {
        boolean missing = findings.facts().stream().anyMatch(f -> f.contains("does not exist yet"));
        if (missing) {
            StoreTableShape.create(context.getBean(DynamoDbClient.class), settings.table());
            err.println("syncshift-migrator: created table " + settings.table());
        }
    }

    private ExitCode finish(ConfigurableApplicationContext context, MigratorSettings settings,
            JobExecution execution) {
        RunTables tables = context.getBean(RunTables.class);
        MeterRegistry meters = context.getBean(MeterRegistry.class);
        RunReport read = RunReports.of(execution, context.getBean(JobRepository.class), tables,
                context.getBean(CallStats.class), meters, 0, "");
        ExitCode code = exitCode(execution, read.tally());
        report = read.withOutcome(code.code(), code.meaning());
        Path file = settings.report();
        ReportWriter.summary(report, file, out);
        long instance = execution.getJobInstance().getInstanceId();
        if (file == null || writeJson(report, file, tables, instance)) {
            tables.reported(instance); // a run whose process ends before this owes its report (RunLauncher)
        }
        if (code != ExitCode.OK) {
            err.println("syncshift-migrator: " + code.meaning() + (report.failure() == null ? ""
                    : ": " + report.failure()));
        }
        return code;
    }

    /** Writes the JSON report of run {@code instance} to {@code file}; false, saying why, when it cannot. */
    private boolean writeJson(RunReport report, Path file, RunTables tables, long instance) {
        try {
            ReportWriter.writeJson(report, file, each -> tables.forEachIssue(instance, each));
            return true;
        } catch (IOException e) {
            err.println("syncshift-migrator: cannot write the report to " + file + ": " + RunReports.fileProblem(e));
            return false;
        }
    }

    private static ExitCode exitCode(JobExecution execution, Tally tally) {
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            return ExitCode.INCOMPLETE;
        }
        return tally.failures() + tally.mismatches() > 0 ? ExitCode.MISMATCH : ExitCode.OK;
    }

    /** Why the application did not start; a failure of the job repository's database names the repository. */
    private static String cannotStart(RuntimeException failure, MigratorSettings bound) {
        if (!JobRepositoryUrl.isDatabaseFailure(failure)) {
            return "cannot start: " + Messages.rootMessage(failure);
        }
        String url = JobRepositoryUrl.given();
        return "the job repository " + (url == null ? "in " + bound.workDir() : JobRepositoryUrl.shown(url))
                + " cannot be used: " + Messages.rootMessage(failure);
    }

    private static ConfigurableApplicationContext start(SettingLayers layers, MigratorSettings bound, String role,
            boolean jsonLogs) {
        Map<String, Object> properties = layers.defaults();
        String url = JobRepositoryUrl.given();
        if (url == null) {
            // H2 closes its database in a JVM shutdown hook of its own unless told not to; the run still writes to it
            // while a stopped process ends it (RunStop), and the data source closes it with the application. H2 also
            // writes a commit to its file up to half a second later unless told not to: a process killed meanwhile
            // lost a chunk that had committed, and with it the conflicts recorded ahead of their store writes.
            url = "jdbc:h2:file:" + bound.workDir().toAbsolutePath()
                    + "/job-repository;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
            properties.put("spring.datasource.url", url);
            if (bound.report() == null) {
                properties.put("syncshift.migrator.report", defaultReport(bound).toString());
            }
        }
        properties.put("spring.datasource.hikari.maximum-pool-size", bound.threads() * 2 + 8);
        properties.put("spring.profiles.active", role);
        if (jsonLogs) {
            properties.put("logging.structured.format.console", "ecs");
        }
        return new SpringApplicationBuilder(MigratorApplication.class).environment(layers.environment())
                .properties(properties).listeners(new PreloadAfterLogging(url.startsWith("jdbc:h2:")))
                .logStartupInfo(false).run();
    }

    /**
     * Makes the job repository's folder as bound (from {@code --work-dir}, or {@code SYNCSHIFT_MIGRATOR_WORK_DIR}),
     * unless the repository is a shared database. It comes after every other check, so a refused command leaves
     * nothing behind, and a folder that cannot be made is a usage error rather than the database's failure to open.
     *
     * @param name the work dir's setting as the user gave it, for the problem's advice
     * @return why it cannot be made, if it cannot
     */
    private static Optional<String> makeWorkDir(Path folder, String name) {
        if (JobRepositoryUrl.given() != null) {
            return Optional.empty();
        }
        if (folder.toAbsolutePath().toString().contains(";")) {
            // H2 would read what follows a ';' in its URL as a setting of the database, and fail on it
            return Optional.of("the work dir " + folder + " holds a ';', which the job repository's file name may not "
                    + "hold: choose another (" + name + ")");
        }
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            return Optional.of("the work dir " + folder + " is not a folder");
        }
        try {
            Files.createDirectories(folder);
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("the work dir " + folder + " cannot be made: " + RunReports.fileProblem(e));
        }
    }

    /**
     * Where the JSON report goes without {@code --report} when the job repository is the work dir's: the work dir's
     * {@code reports} folder, named by the mode and the start (UTC), e.g. {@code verify-20261203-134255.json}.
     */
    private static Path defaultReport(MigratorSettings settings) {
        String mode = settings.mode().option() + (settings.dryRun() ? RunReport.DRY_RUN : "");
        return settings.workDir().resolve("reports").resolve(mode + "-" + REPORT_STAMP.format(Instant.now())
                + ".json");
    }

    /**
     * Starts the {@link Preloader} once Spring has configured logback, not before: its reset leaves a moment in which
     * any log line of the preloader's SDK calls makes logback print "No appenders present". Unordered, it runs after
     * Boot's own logging listener.
     */
    private record PreloadAfterLogging(boolean h2) implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {
        @Override
        public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
            Preloader.start(h2);
        }
    }
}
