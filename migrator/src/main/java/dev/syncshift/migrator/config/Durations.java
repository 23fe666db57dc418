package dev.syncshift.migrator.config;

import java.time.Duration;

/** Durations in messages, written as the command line and the settings take them. */
public final class Durations {

    private Durations() {
    }

    /** {@code duration} as an option's value: {@code 90s}, or {@code 1500ms} when not whole seconds. */
    public static String shown(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + "s" : duration.toMillis() + "ms";
    }
}
