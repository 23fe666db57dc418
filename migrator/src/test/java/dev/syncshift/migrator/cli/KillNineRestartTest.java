package dev.syncshift.migrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncshift.migrator.LocalAws;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A migrator process killed with SIGKILL at several points of a run, then started again with the same command,
 * ends with the store exactly equal to the source and the report's counts equal to the source's.
 */
class KillNineRestartTest {

    static final int IDENTITIES = 80;

    static LocalAws aws;

    @TempDir
    Path work;

    @BeforeAll
    static void start() {
        aws = LocalAws.start(config -> config.generate(IDENTITIES).identityPoolId(LocalAws.POOL.value()).seed(11)
                .latencyMs(2));
    }

    @AfterAll
    static void stop() {
        aws.close();
    }

    @Test
    void killedAtSeveralPointsTheSameCommandFinishesExact() throws Exception {
        List<Long> killedAt = new ArrayList<>();
        for (long threshold : new long[] {30, 250, 600}) {
            Process child = ChildMigrator.start(work.resolve("child.log"), ChildMigrator.migrate(aws, work));
            killedAt.add(ChildMigrator.awaitItems(child, aws, threshold));
            child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        Process last = ChildMigrator.start(work.resolve("child.log"), ChildMigrator.migrate(aws, work));
        boolean ended = last.waitFor(5, TimeUnit.MINUTES);
        if (!ended) { // a thread dump into the child's log, for the failure message
            new ProcessBuilder("kill", "-QUIT", Long.toString(last.pid())).start().waitFor(10, TimeUnit.SECONDS);
            last.waitFor(2, TimeUnit.SECONDS);
            last.destroyForcibly();
        }

        assertThat(ended).as(Files.readString(work.resolve("child.log"))).isTrue();
        assertThat(last.exitValue()).as(Files.readString(work.resolve("child.log"))).isZero();
        assertThat(killedAt).as("each kill came mid-run").allSatisfy(items -> assertThat(items).isPositive());
        ChildMigrator.assertRunOneCopiedEverything(aws, work, IDENTITIES);
        assertThat(Files.readString(work.resolve("child.log"))).contains("never ended").contains("Restarting run 1");
    }
}
