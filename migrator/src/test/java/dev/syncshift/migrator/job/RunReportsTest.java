package dev.syncshift.migrator.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

/** The one-line messages people read when a run fails: the root cause's, and a refused file's in words. */
class RunReportsTest {

    @Test
    void aFileTheSystemRefusedIsNamedWithTheReasonNotOnlyItsName() {
        Exception wrapped = new IllegalStateException("step failed",
                new UncheckedIOException("cannot read", new NoSuchFileException("/data/ids.txt")));

        assertThat(RunReports.rootMessage(wrapped)).isEqualTo("/data/ids.txt: no such file or folder");
        assertThat(RunReports.rootMessage(new AccessDeniedException("/data/work")))
                .isEqualTo("/data/work: permission denied");
        assertThat(RunReports.rootMessage(new FileSystemException("/data/work", null, "Read-only file system")))
                .isEqualTo("/data/work: Read-only file system");
    }

    @Test
    void otherFailuresGiveTheFirstLineOfTheRootCausesMessage() {
        Exception failure = new IllegalStateException("outer", new IOException("disk full\nmore detail"));

        assertThat(RunReports.rootMessage(failure)).isEqualTo("disk full");
        assertThat(RunReports.fileProblem(new IOException("disk full\nmore detail"))).isEqualTo("disk full");
        assertThat(RunReports.fileProblem(new FileSystemException("/x"))).isEqualTo("the file system refused it");
    }
}
