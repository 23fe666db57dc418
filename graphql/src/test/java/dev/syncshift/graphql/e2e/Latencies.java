package dev.syncshift.graphql.e2e;

import java.util.Arrays;

/**
 * The latencies of one kind of call, in nanoseconds, and what a benchmark reports of them.
 *
 * @param name the call
 * @param nanos every call's latency, in call order
 * @param wallNanos the time all calls took together (for throughput)
 * @param cpuNanos the CPU time the whole JVM used meanwhile (client, server, DynamoDB Local, GC and JIT threads): less
 *     swayed than latencies by other processes on a busy machine
 */
record Latencies(String name, long[] nanos, long wallNanos, long cpuNanos) {

    double medianMillis() {
        return percentile(50) / 1e6;
    }

    double p99Millis() {
        return percentile(99) / 1e6;
    }

    double perSecond() {
        return nanos.length / (wallNanos / 1e9);
    }

    double cpuMillisPerCall() {
        return cpuNanos / 1e6 / nanos.length;
    }

    private double percentile(int p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    String line() {
        return String.format("| %-44s | %8.2f | %8.2f | %8.0f | %8.2f |", name, medianMillis(), p99Millis(),
                perSecond(), cpuMillisPerCall());
    }
}
