package dev.syncshift.migrator.job.remote;

import dev.syncshift.migrator.SharedPostgres;
import org.junit.jupiter.api.BeforeAll;

/** A cluster test whose job repository is a fresh database of the embedded PostgreSQL that the test JVM shares. */
abstract class PostgresClusterScenario extends ClusterScenario {

    static SharedPostgres postgres;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = SharedPostgres.get();
    }

    @Override
    String newDatabase() throws Exception {
        return postgres.newDatabase();
    }
}
