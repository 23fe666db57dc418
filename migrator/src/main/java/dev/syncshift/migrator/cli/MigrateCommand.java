package dev.syncshift.migrator.cli;

import dev.syncshift.migrator.config.RunMode;
import dev.syncshift.migrator.target.ConflictPolicy;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code migrate}: copies the pool into the store, in a full or a delta pass; or, going back, writes what devices wrote
 * on AppSync into Cognito Sync (a write-back pass).
 */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = "Copy an identity pool from Cognito Sync into the AppSync store (full or delta pass), or "
                + "write what devices wrote on AppSync back into Cognito Sync (write-back pass). A failed or killed "
                + "run continues when the same command is run again.",
        footer = {MigratorCli.ENVIRONMENT, "The cluster's options are SYNCSHIFT_MIGRATOR_CLUSTER_ and their name: "
                + "SYNCSHIFT_MIGRATOR_CLUSTER_ROLE, _TRANSPORT, _BROKER_URL, _LOST_AFTER."})
final class MigrateCommand implements Callable<Integer> {

    @Mixin
    PoolOptions pool = new PoolOptions();

    @Mixin
    RunOptions runOptions = new RunOptions();

    @Mixin
    ClusterOptions cluster = new ClusterOptions();

    @Option(names = "--mode", paramLabel = "full|delta|write-back", defaultValue = "full",
            description = "full: read every record; delta: only datasets changed since the last pass; write-back: a "
                    + "delta pass, then every dataset of the store written into Cognito Sync as the store holds it, "
                    + "for devices going back (default: ${DEFAULT-VALUE}).")
    String mode = "full";

    @Option(names = "--on-conflict", paramLabel = "POLICY", defaultValue = "later-wins",
            description = "How a change made on both sides since the last pass is settled: later-wins, "
                    + "keep-appsync or keep-cognito (default: ${DEFAULT-VALUE}).")
    String onConflict = "later-wins";

    @Option(names = "--dry-run", description = "Read and plan everything, write nothing to the table.")
    boolean dryRun;

    @Option(names = "--create-table", description = "Create the table with the store layout if it is missing.")
    boolean createTable;

    private final MigrationRun run;

    MigrateCommand(MigrationRun run) {
        this.run = run;
    }

    @Override
    public Integer call() {
        Map<String, String> settings = runOptions.addTo(pool.properties());
        if (!"full".equals(mode) && !"delta".equals(mode) && !"write-back".equals(mode)) {
            throw pool.usage("--mode takes full, delta or write-back, not '" + mode + "'");
        }
        if (dryRun && "write-back".equals(mode)) {
            throw pool.usage("--dry-run cannot be used with --mode write-back, which writes into Cognito Sync");
        }
        try {
            ConflictPolicy.of(onConflict);
        } catch (IllegalArgumentException e) {
            throw pool.usage("--on-conflict: " + e.getMessage());
        }
        settings.put("mode", RunMode.of(mode).option());
        settings.put("on-conflict", onConflict);
        settings.put("dry-run", Boolean.toString(dryRun));
        settings.put("create-table", Boolean.toString(createTable));
        settings.putAll(cluster.properties());
        return run.run(settings, pool.defaulted(settings), runOptions.recover).code();
    }
}
