package dev.syncshift.migrator.job.remote;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The cluster as users run it: a manager and two workers, each {@code java -jar target/syncshift-migrator.jar migrate
 * --role …}, over the default transport (the PostgreSQL job repository's own channel) of an embedded PostgreSQL.
 * An integration test, so that the jar the build packaged is the one started; the other cluster tests run the same
 * classes from the test class path.
 */
class RemotePartitioningJarIT extends PostgresClusterScenario {

    @Override
    Optional<Path> jar() {
        return Optional.of(Path.of("target/syncshift-migrator.jar").toAbsolutePath());
    }

    @Test
    void aManagerAndTwoWorkersOfThePackagedJarCopyThePoolExactly() throws Exception {
        assertTwoWorkersCopyExactly();
    }
}
