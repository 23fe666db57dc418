package dev.syncshift.migrator.job;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.syncshift.migrator.report.Issue;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * What the log says about datasets not migrated or differing: capped at ten of each kind where a report file lists
 * them all, every one where the log is the only list (a worker, or a shared job repository without {@code --report}).
 * Logback's own list appender records what the logger was given.
 */
class IssueLogTest {

    private final Logger logger = (Logger) LoggerFactory.getLogger(IssueLog.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private Level level;

    @BeforeEach
    void listen() {
        level = logger.getLevel();
        logger.setLevel(Level.DEBUG);
        logged.start();
        logger.addAppender(logged);
    }

    @AfterEach
    void stopListening() {
        logger.detachAppender(logged);
        logger.setLevel(level);
    }

    @Test
    void withAReportFileTenOfEachKindAreWarningsThenOneLineSaysWhereTheRestAre() {
        IssueLog log = new IssueLog(true);

        for (int i = 0; i < 15; i++) {
            log.log(new Issue(Issue.Kind.MISMATCH, "us-east-1:id-" + i, "prefs", null, "differs"));
        }
        log.log(new Issue(Issue.Kind.FAILURE, "us-east-1:other", "game", null, "refused"));

        assertThat(lines(Level.WARN)).hasSize(12).filteredOn(line -> line.startsWith("Mismatch: ")).hasSize(10);
        assertThat(lines(Level.WARN)).contains("More than 10 datasets differ: the others are in the run's report, not "
                + "here (LOGGING_LEVEL_DEV_SYNCSHIFT_MIGRATOR_JOB=DEBUG logs each)",
                "Not migrated: us-east-1:other/game: refused");
        assertThat(lines(Level.DEBUG)).hasSize(5).allMatch(line -> line.startsWith("Mismatch: "));
    }

    @Test
    void withoutAReportFileEveryIssueIsAWarningForTheLogIsTheOnlyList() {
        IssueLog log = new IssueLog(false);

        for (int i = 0; i < 15; i++) {
            log.log(new Issue(Issue.Kind.FAILURE, "us-east-1:id-" + i, null, null, "refused"));
        }

        assertThat(lines(Level.WARN)).hasSize(15).allMatch(line -> line.startsWith("Not migrated: us-east-1:id-"));
        assertThat(lines(Level.DEBUG)).isEmpty();
    }

    private List<String> lines(Level at) {
        return logged.list.stream().filter(event -> event.getLevel() == at).map(ILoggingEvent::getFormattedMessage)
                .toList();
    }
}
