package dev.syncshift.migrator.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.syncshift.migrator.SharedPostgres;
import dev.syncshift.migrator.report.Issue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * Every issue of a run read back through the cursor the JSON report is written from, more than one fetch of them, in
 * both job repositories the migrator runs on (H2, PostgreSQL), and only that run's.
 */
class IssueCursorTest {

    private static final int ISSUES = 2_500;

    @Test
    void everyIssueOfTheRunIsHandedOverFromH2() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:issue-cursor-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");

        readsEveryIssueOfOneRun(h2);
    }

    @Test
    void everyIssueOfTheRunIsHandedOverFromPostgres() throws Exception {
        HikariConfig config = new HikariConfig();
        // a pool, as the migrator's job repository has: a connection per statement costs PostgreSQL a process
        config.setDataSource(SharedPostgres.get().newDataSource());
        try (HikariDataSource pool = new HikariDataSource(config)) {
            readsEveryIssueOfOneRun(pool);
        }
    }

    private static void readsEveryIssueOfOneRun(DataSource database) {
        RunTables tables = new RunTables(database);
        List<Issue> written = IntStream.range(0, ISSUES).mapToObj(i -> new Issue(Issue.Kind.FAILURE,
                String.format(Locale.ROOT, "us-east-1:00000000-0000-4000-8000-%012d", i), "game", null,
                "refused")).toList();
        written.forEach(issue -> tables.addIssue(7, issue));
        tables.addIssue(8, new Issue(Issue.Kind.MISMATCH, "us-east-1:another-run", "prefs", "k", "differs"));
        List<Issue> read = new ArrayList<>();

        long handed = tables.forEachIssue(7, read::add);

        assertThat(handed).isEqualTo(ISSUES);
        assertThat(read).containsExactlyInAnyOrderElementsOf(written);
    }
}
