package dev.syncshift.migrator.job.remote;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** A cluster test whose job repository is a fresh database of one embedded PostgreSQL that the test class shares. */
abstract class PostgresClusterScenario extends ClusterScenario {

    static SharedPostgres postgres;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = SharedPostgres.start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        postgres.close();
    }

    @Override
    String newDatabase() throws Exception {
        return postgres.newDatabase();
    }
}
