package dev.syncshift.migrator.job.remote;

import dev.syncshift.migrator.config.Timers;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.integration.jdbc.channel.PostgresSubscribableChannel;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Makes a worker's free partition threads look for requests. A notification sets one thread polling the table, and
 * that thread runs the request it takes for as long as the partition lasts; requests that were waiting before the
 * worker started (it joined a running job), or whose notification came while every thread was busy, are found by
 * the free threads this nudges every {@code interval}.
 */
final class FreeThreadNudger implements AutoCloseable {

    private final ScheduledExecutorService timer = Timers.daemon("syncshift-request-poll");

    FreeThreadNudger(PostgresSubscribableChannel channel, ThreadPoolTaskExecutor threads, Duration interval) {
        timer.scheduleWithFixedDelay(() -> {
            int free = threads.getMaxPoolSize() - threads.getActiveCount() - threads.getQueueSize();
            for (int i = 0; i < free; i++) {
                channel.notifyUpdate();
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
