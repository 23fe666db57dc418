package dev.syncshift.migrator.job;

import dev.syncshift.migrator.source.ListedIdentity;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import org.jspecify.annotations.Nullable;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemStreamSupport;

/**
 * Reads one partition of the run's manifest while the enumeration is still adding to it: when it has caught up it
 * waits for more until the enumeration is done, and fails when the enumeration failed (so the partition is not
 * marked complete and continues on restart). It also fails, at its next read or while waiting, once its step is
 * asked to end ({@link StepExecution#setTerminateOnly()}, as a worker does when it is stopped). Its cursor is the
 * position of the last identity returned. Not thread-safe.
 */
class ManifestReader extends ItemStreamSupport implements ItemStreamReader<ListedIdentity> {

    private static final String AFTER = "after";
    private static final int BATCH = 200;

    private final RunTables tables;
    private final StepExecution step;
    private final long jobInstance;
    private final int partition;
    private final Duration poll;
    private final Deque<ListedIdentity> buffer = new ArrayDeque<>();
    private long after = -1;

    ManifestReader(RunTables tables, StepExecution step, Duration poll) {
        this.tables = tables;
        this.step = step;
        this.jobInstance = step.getJobExecution().getJobInstance().getInstanceId();
        this.partition = MigrationJobConfiguration.partitionOf(step);
        this.poll = poll;
        setName("manifest");
    }

    @Override
    public void open(ExecutionContext context) {
        after = context.getLong(getExecutionContextKey(AFTER), -1);
    }

    @Override
    public @Nullable ListedIdentity read() throws InterruptedException {
        while (buffer.isEmpty()) {
            failIfAskedToEnd();
            String state = tables.enumeration(jobInstance);
            buffer.addAll(tables.manifest(jobInstance, partition, lastQueued(), BATCH));
            if (!buffer.isEmpty()) {
                break;
            }
            if (RunTables.DONE.equals(state)) {
                return null;
            }
            if (RunTables.FAILED.equals(state)) {
                throw new IllegalStateException("the enumeration of identities failed");
            }
            Thread.sleep(poll.toMillis());
        }
        failIfAskedToEnd();
        ListedIdentity next = buffer.poll();
        after = next.position();
        return next;
    }

    private void failIfAskedToEnd() {
        if (step.isTerminateOnly()) {
            throw new IllegalStateException("this process is stopping; the partition continues where it stopped "
                    + "when the run is restarted");
        }
    }

    private long lastQueued() {
        return buffer.isEmpty() ? after : buffer.peekLast().position();
    }

    @Override
    public void update(ExecutionContext context) {
        context.putLong(getExecutionContextKey(AFTER), after);
    }
}
