package dev.syncshift.migrator.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * A partition that has caught up with the enumeration waits for more identities; when its worker is stopped
 * (SIGTERM sets the step's terminate-only flag) it must end while it waits, not when the enumeration goes on — with
 * the manager dead, the enumeration never would.
 */
class ManifestReaderTest {

    private static final long RUN = 7;

    private final ExecutorService thread = Executors.newSingleThreadExecutor();
    private RunTables tables;
    private StepExecution step;

    @BeforeEach
    void aRunWhoseEnumerationIsStillRunningAndListedNothingYet() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:manifest-reader-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        tables = new RunTables(dataSource);
        tables.partitions(RUN, 2);
        step = new StepExecution(11, "copyPartition:partition0",
                new JobExecution(3, new JobInstance(RUN, "migrate"), new JobParameters()));
        step.getExecutionContext().putInt("partition", 0);
    }

    @AfterEach
    void stop() {
        thread.shutdownNow();
    }

    @Test
    void aPartitionWaitingForIdentitiesEndsOnceItsStepIsAskedToEnd() throws Exception {
        Future<?> read = aReadThatWaits();

        step.setTerminateOnly();

        assertThatThrownBy(() -> read.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(IllegalStateException.class).hasMessageContaining("this process is stopping");
    }

    @Test
    void withoutTheRequestItWaitsUntilTheEnumerationEnds() throws Exception {
        Future<?> read = aReadThatWaits();

        tables.enumeration(RUN, RunTables.DONE);

        assertThat(read.get(10, TimeUnit.SECONDS)).isNull();
    }

    /** A read on another thread, once it sleeps in its poll: it found nothing and is in its wait loop. */
    private Future<?> aReadThatWaits() {
        ManifestReader reader = new ManifestReader(tables, step, Duration.ofMillis(50));
        reader.open(new ExecutionContext());
        AtomicReference<Thread> reading = new AtomicReference<>();
        Future<?> read = thread.submit(() -> {
            reading.set(Thread.currentThread());
            return reader.read();
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (reading.get() == null || reading.get().getState() != Thread.State.TIMED_WAITING) {
            assertThat(System.nanoTime()).as("the reader reached its wait loop").isLessThan(deadline);
            Thread.onSpinWait();
        }
        assertThat(read).isNotDone();
        return read;
    }
}
