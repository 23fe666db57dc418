package dev.syncshift.emulator.appsync.js;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.junit.jupiter.api.Test;

/** The deadline each handler runs under: overdue handlers are interrupted, handlers that ended are left alone. */
class JsWatchdogTest {

    @Test
    void interruptsAHandlerPastItsDeadlineAndLeavesItsContextUsable() {
        AtomicBoolean cancelled = new AtomicBoolean();
        try (JsWatchdog watchdog = new JsWatchdog(Duration.ofMillis(200));
                Context context = Context.newBuilder("js").engine(JsRuntime.sharedEngine()).build()) {
            assertThatThrownBy(() -> watchdog.watch(context, () -> cancelled.set(true),
                    () -> context.eval("js", "for (;;) {}")))
                    .isInstanceOfSatisfying(PolyglotException.class, e -> assertThat(e.isInterrupted()).isTrue());

            assertThat(watchdog.watch(context, () -> cancelled.set(true), () -> context.eval("js", "6 * 7").asInt()))
                    .isEqualTo(42);
            assertThat(cancelled).isFalse();
        }
    }

    @Test
    void aHandlerThatEndedIsNotInterruptedOnceItsDeadlinePasses() {
        try (JsWatchdog watchdog = new JsWatchdog(Duration.ofMillis(1000));
                Context context = Context.newBuilder("js").engine(JsRuntime.sharedEngine()).build()) {
            watchdog.watch(context, () -> { }, () -> context.eval("js", "1"));
            context.eval("js", busyFor(500));
            // The first handler's deadline passes while the second runs, 300 ms within its own.
            int rounds = watchdog.watch(context, () -> { }, () -> context.eval("js", busyFor(700)).asInt());

            assertThat(rounds).isPositive();
        }
    }

    private static String busyFor(int millis) {
        return "(() => { let n = 0; const until = Date.now() + " + millis + "; while (Date.now() < until) { n++; } "
                + "return n; })()";
    }
}
