package dev.syncshift.emulator.cognitosync.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;

/**
 * Runs a call in a loop on {@code threads} threads for timed rounds and reports requests per second, the median
 * over the rounds after one warm-up round that is not counted, and the process CPU time per request (client and
 * server together), which moves less than the rate when other processes share the machine.
 *
 * @param threads concurrent callers
 * @param rounds counted rounds
 * @param roundMillis the length of each round
 */
record Throughput(int threads, int rounds, long roundMillis) {

    private static final OperatingSystemMXBean CPU =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    /** The result of one measured call: each round's rate and their median. */
    record Result(List<Double> perRound, double median, double cpuMicrosPerRequest, long errors) {
    }

    /** A call made in a loop by one thread; {@code worker} is the thread's index. */
    @FunctionalInterface
    interface Call {
        void run() throws Exception;
    }

    /** Measures {@code calls}: one {@link Call} per worker thread. */
    Result measure(IntFunction<Call> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Call> workers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                workers.add(calls.apply(i));
            }
            LongAdder errors = new LongAdder();
            round(pool, workers, errors);
            List<Double> perRound = new ArrayList<>();
            List<Double> cpu = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                long cpuBefore = CPU.getProcessCpuTime();
                double rate = round(pool, workers, errors);
                perRound.add(rate);
                cpu.add((CPU.getProcessCpuTime() - cpuBefore) / 1000.0 / (rate * roundMillis / 1000.0));
            }
            return new Result(perRound, median(perRound), median(cpu), errors.sum());
        } finally {
            pool.shutdownNow();
        }
    }

    private static double median(List<Double> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
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
}
