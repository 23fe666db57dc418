package dev.syncshift.emulator.cognitosync.junit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A UTC clock that tests move by hand, so time rules (the 24-hour bulk publish wait, credential expiry) run
 * instantly: pass it to {@code CognitoSyncEmulatorConfig.Builder.clock}. Thread-safe.
 */
public final class MutableClock extends Clock {

    private volatile Instant now;

    /**
     * A clock standing at {@code start}.
     *
     * @param start the first instant it tells
     */
    public MutableClock(Instant start) {
        this.now = start;
    }

    /**
     * Moves the clock on.
     *
     * @param duration how far; a negative one moves it back
     */
    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
