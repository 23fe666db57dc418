package dev.syncshift.emulator.cognitosync.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;

/**
 * Runs two targets' calls in loops on {@code threads} threads, in alternating timed rounds after warm-up rounds of
 * each, so that JIT warm-up and the load of other processes fall on both alike. For each target it reports the
 * median requests per second, the process CPU time per request (client and server together) and the CPU time of
 * the server's threads per request; the CPU figures move less than the rates when other processes share the machine.
 *
 * @param threads concurrent callers
 * @param warmups uncounted rounds of each target before the counted ones
 * @param rounds counted rounds of each target
 * @param roundMillis the length of each round
 */
record Throughput(int threads, int warmups, int rounds, long roundMillis) {

    private static final OperatingSystemMXBean CPU =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    /** One target's figures: each counted round's rate and the medians. */
    record Result(List<Double> perRound, double median, double cpuMicrosPerRequest, double serverMicrosPerRequest,
            long errors) {
    }

    /** A call made in a loop by one thread. */
    @FunctionalInterface
    interface Call {
        void run() throws Exception;
    }

    /** Measures {@code first} and {@code second} (one {@link Call} per worker index each), alternating rounds. */
    List<Result> compare(IntFunction<Call> first, IntFunction<Call> second) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Target> targets = List.of(new Target(workers(first)), new Target(workers(second)));
            for (int r = 0; r < warmups; r++) {
                for (Target target : targets) {
                    round(pool, target.workers(), target.errors());
                }
            }
            for (int r = 0; r < rounds; r++) {
                for (Target target : targets) {
                    target.measure(this, pool);
                }
            }
            return targets.stream().map(Target::result).toList();
        } finally {
            pool.shutdownNow();
        }
    }

    private List<Call> workers(IntFunction<Call> calls) {
        List<Call> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            workers.add(calls.apply(i));
        }
        return workers;
    }

    private double round(ExecutorService pool, List<Call> workers, LongAdder errors) throws Exception {
        LongAdder done = new LongAdder();
        long start = System.nanoTime();
        long deadline = start + roundMillis * 1_000_000;
        List<Future<?>> running = new ArrayList<>();
        for (Call call : workers) {
            running.add(pool.submit(() -> loop(call, deadline, done, errors)));
        }
        for (Future<?> future : running) {
            future.get();
        }
        return done.sum() / ((System.nanoTime() - start) / 1e9);
    }

    private static void loop(Call call, long deadline, LongAdder done, LongAdder errors) {
        while (System.nanoTime() < deadline) {
            try {
                call.run();
                done.increment();
            } catch (Exception e) {
                errors.increment();
            }
        }
    }

    /** CPU time of Jetty's request threads (named qtp...), which serve both the emulator and the baseline. */
    private static long serverCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith("qtp")) {
                total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return total;
    }

    private static double median(List<Double> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }

    /** One target's workers and the figures of its counted rounds so far. */
    private record Target(List<Call> workers, LongAdder errors, List<Double> rates, List<Double> cpu,
            List<Double> server) {

        Target(List<Call> workers) {
            this(workers, new LongAdder(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        }

        void measure(Throughput throughput, ExecutorService pool) throws Exception {
            long cpuBefore = CPU.getProcessCpuTime();
            long serverBefore = serverCpuNanos();
            double rate = throughput.round(pool, workers, errors);
            double requests = rate * throughput.roundMillis() / 1000.0;
            rates.add(rate);
            cpu.add((CPU.getProcessCpuTime() - cpuBefore) / 1000.0 / requests);
            server.add((serverCpuNanos() - serverBefore) / 1000.0 / requests);
        }

        Result result() {
            return new Result(rates, median(rates), median(cpu), median(server), errors.sum());
        }
    }
}
