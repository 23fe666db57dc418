package dev.syncshift.migrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncshift.migrator.LocalAws;
import dev.syncshift.migrator.SourceTruth;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job repository on a real PostgreSQL (embedded binaries, no Docker), configured by spring.datasource.*. */
class PostgresJobRepositoryTest {

    static LocalAws aws;
    static EmbeddedPostgres postgres;

    @TempDir
    Path work;

    @BeforeAll
    static void start() throws Exception {
        aws = LocalAws.start(25);
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stop() throws Exception {
        System.clearProperty("spring.datasource.url");
        System.clearProperty("spring.datasource.username");
        postgres.close();
        aws.close();
    }

    @Test
    void aRunAndItsSecondPassKeepTheirStateInPostgres() {
        System.setProperty("spring.datasource.url", postgres.getJdbcUrl("postgres", "postgres"));
        System.setProperty("spring.datasource.username", "postgres");

        Cli.Result first = Cli.run(args());
        Cli.Result second = Cli.run(args());

        assertThat(first.exitCode()).as(first.err()).isZero();
        SourceTruth.assertStoreEqualsSource(aws);
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(second.out()).contains("run 2: COMPLETED").containsPattern("written 0,");
        assertThat(work.resolve("job-repository.mv.db")).doesNotExist();
    }

    private String[] args() {
        return new String[] {"migrate", "--identity-pool-id", LocalAws.POOL.value(), "--table", LocalAws.TABLE,
            "--cognito-endpoint", aws.cognito().endpoint().toString(), "--dynamodb-endpoint",
            aws.dynamoDb().endpoint().toString(), "--region", "us-east-1", "--work-dir", work.toString(),
            "--threads", "4", "--progress", "off"};
    }
}
