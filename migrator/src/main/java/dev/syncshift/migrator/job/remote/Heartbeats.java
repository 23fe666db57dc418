package dev.syncshift.migrator.job.remote;

import dev.syncshift.migrator.job.MigrationJobConfiguration;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The liveness rows of SYNCSHIFT_HEARTBEAT: a manager's per job instance, a worker's per partition (step execution)
 * it runs. Every time is the database's clock, so machines need not agree. Thread-safe.
 */
public final class Heartbeats {

    static final String MANAGER = "MANAGER";
    static final String PARTITION = "PARTITION";
    private static final String OLDER_THAN = "LOCALTIMESTAMP - (? * INTERVAL '1 millisecond')";

    private final JdbcTemplate jdbc;

    /** This process, as heartbeat rows name their owner: {@code pid@host}. */
    static String thisProcess() {
        return java.lang.management.ManagementFactory.getRuntimeMXBean().getName();
    }

    /** The rows in {@code dataSource} (PostgreSQL, with the cluster schema). */
    public Heartbeats(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** Records that {@code owner} is alive and runs {@code id} of {@code kind}. */
    void beat(String kind, long id, long jobInstance, String owner) {
        jdbc.update("INSERT INTO SYNCSHIFT_HEARTBEAT (KIND, ID, OWNER, JOB_INSTANCE_ID, BEAT) "
                + "VALUES (?, ?, ?, ?, LOCALTIMESTAMP) ON CONFLICT (KIND, ID) "
                + "DO UPDATE SET OWNER = EXCLUDED.OWNER, BEAT = EXCLUDED.BEAT", kind, id, owner, jobInstance);
    }

    /** Records that the partitions {@code stepExecutions} are alive. */
    void beatPartitions(Collection<Long> stepExecutions) {
        List<Object[]> ids = stepExecutions.stream().map(id -> new Object[] {id}).toList();
        jdbc.batchUpdate("UPDATE SYNCSHIFT_HEARTBEAT SET BEAT = LOCALTIMESTAMP WHERE KIND = 'PARTITION' AND ID = ?",
                ids);
    }

    /** Removes the row: {@code id} ended normally. */
    void end(String kind, long id) {
        jdbc.update("DELETE FROM SYNCSHIFT_HEARTBEAT WHERE KIND = ? AND ID = ?", kind, id);
    }

    /** Whether the manager of {@code jobInstance} beat once and then stopped for {@code lostAfter}. */
    boolean managerGone(long jobInstance, Duration lostAfter) {
        Integer stale = jdbc.queryForObject("SELECT COUNT(*) FROM SYNCSHIFT_HEARTBEAT WHERE KIND = 'MANAGER' "
                + "AND ID = ? AND BEAT < " + OLDER_THAN, Integer.class, jobInstance, lostAfter.toMillis());
        return stale != null && stale > 0;
    }

    /**
     * Takes over the manager's row of {@code jobInstance} for {@code owner}, when its manager stopped beating for
     * {@code lostAfter}: one conditional update, so of managers started at once exactly one gets it (PostgreSQL
     * re-checks the condition of a second update on the row the first one committed, and finds it fresh).
     *
     * @return whether {@code owner} took it over
     */
    boolean takeOverManager(long jobInstance, Duration lostAfter, String owner) {
        return jdbc.update("UPDATE SYNCSHIFT_HEARTBEAT SET OWNER = ?, BEAT = LOCALTIMESTAMP WHERE KIND = 'MANAGER' "
                + "AND ID = ? AND BEAT < " + OLDER_THAN, owner, jobInstance, lostAfter.toMillis()) == 1;
    }

    /**
     * The partitions of {@code jobExecution} that a worker started and then stopped beating for {@code lostAfter}
     * (or, when it died before its first beat, stopped updating its step execution).
     */
    List<Long> lostPartitions(long jobExecution, Duration lostAfter) {
        return jdbc.queryForList("SELECT S.STEP_EXECUTION_ID FROM BATCH_STEP_EXECUTION S "
                + "LEFT JOIN SYNCSHIFT_HEARTBEAT H ON H.KIND = 'PARTITION' AND H.ID = S.STEP_EXECUTION_ID "
                + "WHERE S.JOB_EXECUTION_ID = ? AND S.STEP_NAME LIKE ? AND S.STATUS = 'STARTED' "
                + "AND COALESCE(H.BEAT, S.LAST_UPDATED) < " + OLDER_THAN, Long.class, jobExecution,
                MigrationJobConfiguration.WORKER + ":%", lostAfter.toMillis());
    }

    /** How many partitions of {@code jobExecution} run on a worker that beat for them within {@code lostAfter}. */
    int livePartitions(long jobExecution, Duration lostAfter) {
        Integer live = jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_STEP_EXECUTION S JOIN SYNCSHIFT_HEARTBEAT H "
                + "ON H.KIND = 'PARTITION' AND H.ID = S.STEP_EXECUTION_ID WHERE S.JOB_EXECUTION_ID = ? "
                + "AND S.STEP_NAME LIKE ? AND S.STATUS = 'STARTED' AND H.BEAT >= " + OLDER_THAN, Integer.class,
                jobExecution, MigrationJobConfiguration.WORKER + ":%", lostAfter.toMillis());
        return live == null ? 0 : live;
    }

    /**
     * Marks the enumeration of each of {@code jobInstances} failed when it still runs but its manager is gone, so
     * the partitions waiting for more identities fail instead of waiting forever.
     *
     * @return how many enumerations were marked failed
     */
    int failEnumerationsOfLostManagers(Collection<Long> jobInstances, Duration lostAfter) {
        int failed = 0;
        for (long instance : jobInstances) {
            failed += jdbc.update("UPDATE SYNCSHIFT_RUN SET ENUMERATION = 'FAILED' WHERE JOB_INSTANCE_ID = ? "
                    + "AND ENUMERATION = 'RUNNING' AND EXISTS (SELECT 1 FROM SYNCSHIFT_HEARTBEAT WHERE KIND = "
                    + "'MANAGER' AND ID = ? AND BEAT < " + OLDER_THAN + ")", instance, instance,
                    lostAfter.toMillis());
        }
        return failed;
    }
}
