package dev.syncshift.migrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncshift.migrator.LocalAws;
import dev.syncshift.migrator.SharedPostgres;
import dev.syncshift.migrator.SourceTruth;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job repository on a real PostgreSQL (embedded binaries, no Docker), configured by spring.datasource.*. */
class PostgresJobRepositoryTest {

    static LocalAws aws;
    static SharedPostgres postgres;

    @TempDir
    Path work;

    /** A fresh job repository database of the PostgreSQL this test JVM shares. */
    String database;

    @BeforeAll
    static void start() throws Exception {
        aws = LocalAws.start(25);
        postgres = SharedPostgres.get();
    }

    @AfterAll
    static void stop() throws Exception {
        System.clearProperty("spring.datasource.url");
        System.clearProperty("spring.datasource.username");
        aws.close();
    }

    @Test
    void aRunAndItsSecondPassKeepTheirStateInPostgres() throws Exception {
        database = postgres.newDatabase();
        System.setProperty("spring.datasource.url", database);
        System.setProperty("spring.datasource.username", "postgres");

        Cli.Result first = Cli.run(args());
        Cli.Result second = Cli.run(args());

        assertThat(first.exitCode()).as(first.err()).isZero();
        SourceTruth.assertStoreEqualsSource(aws);
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(second.out()).contains("run 2: COMPLETED").containsPattern("written 0,");
        assertThat(work.resolve("job-repository.mv.db")).doesNotExist();
    }

    /**
     * A job repository that keeps refusing to record the run's steps (here a lock the test holds, which the database
     * gives up waiting for after 100 ms, past the migrator's retries) ends the run in one line, with exit code 4 and
     * no stack trace.
     */
    @Test
    void aRepositoryThatRefusesTheRunsStepsEndsItInOneLineWithoutAStackTrace() throws Exception {
        database = postgres.newDatabase();
        System.setProperty("spring.datasource.url", database);
        System.setProperty("spring.datasource.username", "postgres");
        Cli.Result schema = Cli.run(args()); // makes the job repository's tables
        assertThat(schema.exitCode()).as(schema.err()).isZero();

        Path log = work.resolve("refused.log");
        try (Connection holder = SharedPostgres.dataSource(database).getConnection()) {
            holder.setAutoCommit(false);
            try (Statement statement = holder.createStatement()) {
                statement.execute("LOCK TABLE BATCH_STEP_EXECUTION IN EXCLUSIVE MODE");
            }
            Process child = ChildMigrator.start(log, List.of(args()), Map.of("SPRING_DATASOURCE_URL",
                    database + "&options=-c%20lock_timeout%3D100ms",
                    "SPRING_DATASOURCE_USERNAME", "postgres"));
            assertThat(child.waitFor(3, TimeUnit.MINUTES)).as("the refused run ends").isTrue();
            holder.rollback();
            assertThat(child.exitValue()).as(Files.readString(log)).isEqualTo(ExitCode.INCOMPLETE.code());
        }
        assertThat(Files.readString(log)).contains("run did not complete: ERROR: canceling statement due to lock "
                + "timeout").doesNotContain("\tat ", "Exception");
    }

    private String[] args() {
        return new String[] {"migrate", "--identity-pool-id", LocalAws.POOL.value(), "--table", LocalAws.TABLE,
            "--cognito-endpoint", aws.cognito().endpoint().toString(), "--dynamodb-endpoint",
            aws.dynamoDb().endpoint().toString(), "--region", "us-east-1", "--work-dir", work.toString(),
            "--threads", "4", "--progress", "off"};
    }
}
