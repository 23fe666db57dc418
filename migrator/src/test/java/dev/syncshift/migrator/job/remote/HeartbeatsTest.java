package dev.syncshift.migrator.job.remote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncshift.migrator.SharedPostgres;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The heartbeat rows on a real PostgreSQL: managers started together after their run's manager died take the run
 * over once, not once each.
 */
class HeartbeatsTest {

    private static final long INSTANCE = 7;
    private static final Duration LOST_AFTER = Duration.ofSeconds(20);

    private static SharedPostgres postgres;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = SharedPostgres.get();
    }

    @Test
    void ofManagersTakingOverADeadManagersRunAtOnceExactlyOneGetsIt() throws Exception {
        DataSource database = newDatabaseWithStaleManager();
        Heartbeats heartbeats = new Heartbeats(database);
        int managers = 4;
        CyclicBarrier start = new CyclicBarrier(managers);
        ExecutorService pool = Executors.newFixedThreadPool(managers);
        try {
            List<Future<Boolean>> took = new ArrayList<>();
            for (int i = 0; i < managers; i++) {
                String owner = "manager-" + i;
                took.add(pool.submit(() -> {
                    start.await();
                    return heartbeats.takeOverManager(INSTANCE, LOST_AFTER, owner);
                }));
            }
            List<Boolean> answers = new ArrayList<>();
            for (Future<Boolean> answer : took) {
                answers.add(answer.get());
            }

            assertThat(answers).containsOnlyOnce(true);
            String owner = new JdbcTemplate(database).queryForObject("SELECT OWNER FROM SYNCSHIFT_HEARTBEAT "
                    + "WHERE KIND = 'MANAGER' AND ID = ?", String.class, INSTANCE);
            assertThat(owner).isEqualTo("manager-" + answers.indexOf(true));
            assertThat(heartbeats.managerGone(INSTANCE, LOST_AFTER)).isFalse();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aManagerThatStillBeatsIsNotTakenOver() throws SQLException {
        DataSource database = newDatabaseWithStaleManager();
        Heartbeats heartbeats = new Heartbeats(database);
        heartbeats.beat(Heartbeats.MANAGER, INSTANCE, INSTANCE, "the-old-manager");

        assertThat(heartbeats.takeOverManager(INSTANCE, LOST_AFTER, "a-new-manager")).isFalse();
    }

    /** A fresh database with the cluster schema, holding a manager row of {@link #INSTANCE} silent for an hour. */
    private static DataSource newDatabaseWithStaleManager() throws SQLException {
        DataSource database = postgres.newDataSource();
        ClusterSchema.create(database);
        new JdbcTemplate(database).update("INSERT INTO SYNCSHIFT_HEARTBEAT (KIND, ID, OWNER, JOB_INSTANCE_ID, BEAT) "
                + "VALUES ('MANAGER', ?, 'the-dead-manager', ?, LOCALTIMESTAMP - INTERVAL '1 hour')", INSTANCE,
                INSTANCE);
        return database;
    }
}
