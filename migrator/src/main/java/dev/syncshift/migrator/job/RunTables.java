package dev.syncshift.migrator.job;

import dev.syncshift.migrator.report.Issue;
import dev.syncshift.core.IdentityId;
import dev.syncshift.migrator.source.ListedIdentity;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * The migrator's own tables in the job repository database ({@code schema.sql}): per run its partition count and
 * enumeration state, the manifest of enumerated identities, the issues (failures, conflicts, mismatches) the
 * report lists, and whether its report is owed. Writes join the caller's transaction (a chunk's), so they commit or
 * roll back with it.
 */
public final class RunTables {

    /** The enumeration is running, or will run again on restart. */
    public static final String RUNNING = "RUNNING";
    /** Every identity is in the manifest. */
    public static final String DONE = "DONE";
    /** The enumeration failed; the partitions stop too and the run restarts. */
    public static final String FAILED = "FAILED";

    private static final String ISSUES = "SELECT KIND, IDENTITY_ID, DATASET_NAME, RECORD_KEY, DETAIL "
            + "FROM SYNCSHIFT_ISSUE WHERE JOB_INSTANCE_ID = ?";
    private static final int FETCH = 1000;

    private final JdbcTemplate jdbc;

    /** The tables in {@code dataSource}, created when missing. */
    public RunTables(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        new ResourceDatabasePopulator(new ClassPathResource("dev/syncshift/migrator/job/schema.sql"))
                .execute(dataSource);
    }

    /** The partition count of run {@code jobInstance}, fixed by its first start at {@code partitions}. */
    public int partitions(long jobInstance, int partitions) {
        jdbc.update("INSERT INTO SYNCSHIFT_RUN (JOB_INSTANCE_ID, PARTITIONS, ENUMERATION, LISTED) SELECT ?, ?, ?, 0 "
                + "WHERE NOT EXISTS (SELECT 1 FROM SYNCSHIFT_RUN WHERE JOB_INSTANCE_ID = ?)",
                jobInstance, partitions, RUNNING, jobInstance);
        // The row is there (inserted just now or by an earlier execution) and PARTITIONS is NOT NULL.
        return Objects.requireNonNull(jdbc.queryForObject(
                "SELECT PARTITIONS FROM SYNCSHIFT_RUN WHERE JOB_INSTANCE_ID = ?", Integer.class, jobInstance));
    }

    /** Sets the enumeration state of a run. */
    public void enumeration(long jobInstance, String state) {
        jdbc.update("UPDATE SYNCSHIFT_RUN SET ENUMERATION = ? WHERE JOB_INSTANCE_ID = ?", state, jobInstance);
    }

    /** The enumeration state of a run. */
    public String enumeration(long jobInstance) {
        return Objects.requireNonNull(jdbc.queryForObject(
                "SELECT ENUMERATION FROM SYNCSHIFT_RUN WHERE JOB_INSTANCE_ID = ?", String.class, jobInstance),
                "ENUMERATION is NOT NULL");
    }

    /**
     * How far the enumeration of a run is.
     *
     * @param listed identities enumerated so far
     * @param done whether the enumeration is done
     */
    public record Listing(long listed, boolean done) {
    }

    /** How far the enumeration of a run is; nothing listed while the run has not started its enumeration. */
    public Listing listing(long jobInstance) {
        return jdbc.query("SELECT LISTED, ENUMERATION FROM SYNCSHIFT_RUN WHERE JOB_INSTANCE_ID = ?",
                (row, n) -> new Listing(row.getLong(1), DONE.equals(row.getString(2))), jobInstance).stream()
                .findFirst().orElse(new Listing(0, false));
    }

    /**
     * Adds identities to the manifest, each to partition {@code position % partitions}, but those already in it (an
     * identities file that names one twice, in a row or not): their positions stay empty, which the partitions'
     * readers pass over. The look for the identity is a subquery correlated with the row to add: H2 answers an
     * uncorrelated one whose parameters are those of its last execution with that execution's result, although this
     * very transaction has added the identity since, so an id on two lines in a row was added twice.
     *
     * @return how many were added
     */
    public long addToManifest(long jobInstance, int partitions, List<? extends ListedIdentity> identities) {
        int[][] inserted = jdbc.batchUpdate("INSERT INTO SYNCSHIFT_MANIFEST (JOB_INSTANCE_ID, POSITION, PARTITION_NO, "
                + "IDENTITY_ID) SELECT GIVEN.RUN, GIVEN.POS, GIVEN.PART, GIVEN.ID FROM (VALUES (CAST(? AS BIGINT), "
                + "CAST(? AS BIGINT), CAST(? AS INT), CAST(? AS VARCHAR(64)))) AS GIVEN (RUN, POS, PART, ID) "
                + "WHERE NOT EXISTS (SELECT 1 FROM SYNCSHIFT_MANIFEST HELD WHERE HELD.JOB_INSTANCE_ID = GIVEN.RUN "
                + "AND HELD.IDENTITY_ID = GIVEN.ID)", identities, identities.size(),
                (statement, identity) -> {
                    statement.setLong(1, jobInstance);
                    statement.setLong(2, identity.position());
                    statement.setInt(3, (int) (identity.position() % partitions));
                    statement.setString(4, identity.identityId().value());
                });
        long added = Arrays.stream(inserted).flatMapToInt(Arrays::stream)
                .filter(n -> n > 0 || n == Statement.SUCCESS_NO_INFO).count();
        jdbc.update("UPDATE SYNCSHIFT_RUN SET LISTED = LISTED + ? WHERE JOB_INSTANCE_ID = ?", added, jobInstance);
        return added;
    }

    /** Up to {@code limit} identities of a partition after {@code position}, in order. */
    public List<ListedIdentity> manifest(long jobInstance, int partition, long after, int limit) {
        return jdbc.query("SELECT POSITION, IDENTITY_ID FROM SYNCSHIFT_MANIFEST WHERE JOB_INSTANCE_ID = ? "
                + "AND PARTITION_NO = ? AND POSITION > ? ORDER BY POSITION LIMIT " + limit,
                (row, n) -> new ListedIdentity(row.getLong(1), new IdentityId(row.getString(2))),
                jobInstance, partition, after);
    }

    /** Records that the report of run {@code jobInstance} is owed, until {@link #reported} says it was written. */
    public void reportDue(long jobInstance) {
        jdbc.update("INSERT INTO SYNCSHIFT_REPORT_DUE (JOB_INSTANCE_ID) SELECT ? WHERE NOT EXISTS "
                + "(SELECT 1 FROM SYNCSHIFT_REPORT_DUE WHERE JOB_INSTANCE_ID = ?)", jobInstance, jobInstance);
    }

    /** Whether the report of run {@code jobInstance} is owed: an execution started, and no report was written since. */
    public boolean reportOwed(long jobInstance) {
        return !jdbc.queryForList("SELECT JOB_INSTANCE_ID FROM SYNCSHIFT_REPORT_DUE WHERE JOB_INSTANCE_ID = ?",
                Long.class, jobInstance).isEmpty();
    }

    /** Records that the report of run {@code jobInstance} has been written. */
    public void reported(long jobInstance) {
        jdbc.update("DELETE FROM SYNCSHIFT_REPORT_DUE WHERE JOB_INSTANCE_ID = ?", jobInstance);
    }

    /** Records an issue of a run. */
    public void addIssue(long jobInstance, Issue issue) {
        jdbc.update("INSERT INTO SYNCSHIFT_ISSUE (JOB_INSTANCE_ID, KIND, IDENTITY_ID, DATASET_NAME, RECORD_KEY, "
                + "DETAIL) VALUES (?, ?, ?, ?, ?, ?)", jobInstance, issue.kind().name(), issue.identityId(),
                issue.dataset(), issue.key(), abbreviate(issue.detail()));
    }

    /**
     * Records an issue of a run unless the run already has the very same one (a conflict recorded ahead of its
     * chunk). The look for it is correlated with the row to add, as in {@link #addToManifest}.
     */
    public void addIssueOnce(long jobInstance, Issue issue) {
        jdbc.update("INSERT INTO SYNCSHIFT_ISSUE (JOB_INSTANCE_ID, KIND, IDENTITY_ID, DATASET_NAME, RECORD_KEY, "
                + "DETAIL) SELECT G.RUN, G.KIND, G.ID, G.DS, G.RK, G.DETAIL FROM (VALUES (CAST(? AS BIGINT), "
                + "CAST(? AS VARCHAR(16)), CAST(? AS VARCHAR(64)), CAST(? AS VARCHAR(128)), CAST(? AS VARCHAR(4200)), "
                + "CAST(? AS VARCHAR(2000)))) AS G (RUN, KIND, ID, DS, RK, DETAIL) WHERE NOT EXISTS (SELECT 1 FROM "
                + "SYNCSHIFT_ISSUE HELD WHERE HELD.JOB_INSTANCE_ID = G.RUN AND HELD.KIND = G.KIND "
                + "AND HELD.IDENTITY_ID = G.ID AND HELD.DATASET_NAME IS NOT DISTINCT FROM G.DS "
                + "AND HELD.RECORD_KEY IS NOT DISTINCT FROM G.RK AND HELD.DETAIL = G.DETAIL)", jobInstance,
                issue.kind().name(), issue.identityId(), issue.dataset(), issue.key(), abbreviate(issue.detail()));
    }

    /** How many issues of {@code kind} a run has. */
    public long issueCount(long jobInstance, Issue.Kind kind) {
        return Objects.requireNonNull(jdbc.queryForObject("SELECT COUNT(*) FROM SYNCSHIFT_ISSUE "
                + "WHERE JOB_INSTANCE_ID = ? AND KIND = ?", Long.class, jobInstance, kind.name()), "COUNT(*)");
    }

    /** The issues of a run, at most {@code limit}, in no particular order. */
    public List<Issue> issues(long jobInstance, int limit) {
        return jdbc.query(ISSUES + " LIMIT " + limit, (row, n) -> issue(row), jobInstance);
    }

    /**
     * Hands every issue of a run to {@code each}, in no particular order, read through a cursor ({@value #FETCH}
     * rows a fetch, in a transaction of its own that is rolled back: PostgreSQL's driver otherwise reads a whole
     * result at once), so that a run with millions of issues is never held in memory.
     *
     * @return how many were handed over
     */
    public long forEachIssue(long jobInstance, Consumer<Issue> each) {
        Long count = jdbc.execute((ConnectionCallback<Long>) connection -> {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            long handed = 0;
            try (PreparedStatement query = connection.prepareStatement(ISSUES)) {
                query.setFetchSize(FETCH);
                query.setLong(1, jobInstance);
                try (ResultSet rows = query.executeQuery()) {
                    for (; rows.next(); handed++) {
                        each.accept(issue(rows));
                    }
                }
            } finally {
                connection.rollback();
                connection.setAutoCommit(autoCommit);
            }
            return handed;
        });
        return Objects.requireNonNull(count, "the callback returns a count");
    }

    private static Issue issue(ResultSet row) throws SQLException {
        return new Issue(Issue.Kind.valueOf(row.getString(1)), row.getString(2), row.getString(3), row.getString(4),
                row.getString(5));
    }

    private static String abbreviate(String detail) {
        return detail.length() <= 2000 ? detail : detail.substring(0, 1997) + "...";
    }
}
