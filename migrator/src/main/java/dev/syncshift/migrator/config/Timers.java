package dev.syncshift.migrator.config;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** The migrator's background timers: one daemon thread each, named, so that none keeps the JVM from ending. */
public final class Timers {

    private Timers() {
    }

    /** A single-thread scheduler whose daemon thread is named {@code name}. */
    public static ScheduledExecutorService daemon(String name) {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, name);
            thread.setDaemon(true);
            return thread;
        });
    }
}
