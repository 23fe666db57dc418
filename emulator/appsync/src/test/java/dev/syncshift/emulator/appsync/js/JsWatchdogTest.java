package dev.syncshift.emulator.appsync.js;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.junit.jupiter.api.Test;

/**
 * The deadline each handler runs under: overdue handlers are interrupted, handlers that ended are left alone, and a
 * failure while interrupting one handler leaves the watch over the others running.
 */
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

    @Test
    void aFailureToInterruptOneHandlerDoesNotStopTheWatchOverTheNext() throws Exception {
        CountDownLatch failed = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        // closed by cancelling it, which also ends its loop should the watchdog fail to
        Context looping = Context.newBuilder("js").engine(JsRuntime.sharedEngine()).build();
        try (JsWatchdog watchdog = new JsWatchdog(Duration.ofMillis(200));
                Context stuck = Context.newBuilder("js").engine(JsRuntime.sharedEngine()).build()) {
            // Java code called from a handler holds off its interruption, which then times out after 1 s; telling the
            // runtime so fails here, as any step of an interruption could.
            stuck.getBindings("js").putMember("busyInJava", (ProxyExecutable) args -> {
                long until = System.nanoTime() + Duration.ofMillis(1500).toNanos();
                while (System.nanoTime() < until) {
                    Thread.onSpinWait();
                }
                return 0;
            });
            Future<?> first = threads.submit(() -> watchdog.watch(stuck, () -> {
                failed.countDown();
                throw new IllegalStateException("the runtime could not take the context back");
            }, () -> stuck.eval("js", "busyInJava()")));
            assertThat(failed.await(10, TimeUnit.SECONDS)).as("the first handler's interruption timed out").isTrue();

            Future<?> next = threads.submit(() -> watchdog.watch(looping, () -> { },
                    () -> looping.eval("js", "for (;;) {}")));

            try {
                assertThatThrownBy(() -> next.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                        .cause().isInstanceOfSatisfying(PolyglotException.class,
                                e -> assertThat(e.isInterrupted()).isTrue());
            } finally {
                looping.close(true);
                awaitEnd(first);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /** A context may be closed only once no thread runs in it. */
    private static void awaitEnd(Future<?> handler) throws InterruptedException, TimeoutException {
        try {
            handler.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            // interrupted once its Java call returned, or not: either way it has ended
        }
    }

    private static String busyFor(int millis) {
        return "(() => { let n = 0; const until = Date.now() + " + millis + "; while (Date.now() < until) { n++; } "
                + "return n; })()";
    }
}
