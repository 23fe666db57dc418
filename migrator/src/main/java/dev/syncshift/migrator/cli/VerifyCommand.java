package dev.syncshift.migrator.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code verify}: compares the pool with the store, record by record; writes nothing but the report. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Compare every dataset of the pool with the store, record for record. Writes nothing; exit "
                + "code 0 only when everything matches.", footer = MigratorCli.ENVIRONMENT)
final class VerifyCommand implements Callable<Integer> {

    @Mixin
    PoolOptions pool = new PoolOptions();

    @Mixin
    RunOptions runOptions = new RunOptions();

    private final MigrationRun run;

    VerifyCommand(MigrationRun run) {
        this.run = run;
    }

    @Override
    public Integer call() {
        Map<String, String> settings = runOptions.addTo(pool.properties());
        settings.put("mode", "verify");
        return run.run(settings, pool.defaulted(settings), runOptions.recover).code();
    }
}
