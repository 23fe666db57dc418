package dev.syncshift.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a test program's {@code main} in a JVM of its own, on this one's class path: the only way to give a program an
 * environment of its own, or to see whether it ends by itself. The child gets no proxy variables but those given.
 * A child lives seconds: C1 alone and the serial collector start it sooner, as the migrator's child JVMs do.
 */
final class ChildJvm {

    private ChildJvm() {
    }

    /**
     * Runs {@code main} with {@code args} and waits for it to end by itself, for {@code limit} at most.
     *
     * @param log where the child's output goes
     * @param environment variables the child gets beside this JVM's own (but their proxy variables)
     * @return how it ended; a child still running after {@code limit} is killed and reported as such
     */
    static Ended run(Path log, Map<String, String> environment, Duration limit, Class<?> main, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.toLowerCase(Locale.ROOT).endsWith("_proxy"));
        builder.environment().putAll(environment);
        Process child = builder.start();
        boolean ended = child.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
        if (!ended) {
            child.destroyForcibly().waitFor();
        }
        return new Ended(ended ? child.exitValue() : KILLED, Files.readString(log, StandardCharsets.UTF_8));
    }

    /** As {@link #run}, on a thread of its own, for children that run at once: the future fails as run would. */
    static CompletableFuture<Ended> runAsync(Path log, Map<String, String> environment, Duration limit, Class<?> main,
            String... args) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return run(log, environment, limit, main, args);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }, task -> new Thread(task, "child-jvm " + log.getFileName()).start());
    }

    /** The exit code {@link Ended} reports for a child that did not end by itself within its limit. */
    static final int KILLED = -1;

    /** How a child JVM ended: its exit code ({@link #KILLED}: it did not end by itself) and what it printed. */
    record Ended(int exitCode, String output) {
    }
}
