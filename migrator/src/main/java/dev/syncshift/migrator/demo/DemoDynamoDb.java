package dev.syncshift.migrator.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * DynamoDB Local on loopback for the demo. Its licence forbids redistribution, so it is never in the migrator's jar:
 * the build writes {@code dynamodb-local.classpath} beside the jar, naming the jars in the user's own Maven cache,
 * and the demo loads them in a class loader of their own (sharing nothing with the migrator but the JDK), so
 * DynamoDB Local's dependencies never meet the migrator's. Where DynamoDB Local is already on the class path (the
 * tests), it runs there.
 */
final class DemoDynamoDb implements AutoCloseable {

    static final String LAUNCHER = "dev.syncshift.emulator.dynamodblocal.LoopbackDynamoDb";
    static final String CLASSPATH_FILE = "dynamodb-local.classpath";

    private final AutoCloseable server;
    private final URI endpoint;
    private final @Nullable URLClassLoader loader;

    private DemoDynamoDb(AutoCloseable server, URI endpoint, @Nullable URLClassLoader loader) {
        this.server = server;
        this.endpoint = endpoint;
        this.loader = loader;
    }

    /**
     * Starts it.
     *
     * @param classpathFile the class path file to use, or null to look beside the running jar
     * @throws IllegalStateException saying how to get DynamoDB Local when it cannot be found
     */
    static DemoDynamoDb start(@Nullable Path classpathFile) {
        if (classpathFile == null && onClassPath()) {
            return launch(DemoDynamoDb.class.getClassLoader(), null);
        }
        Path file = classpathFile != null ? classpathFile : besideJar();
        if (!Files.isReadable(file)) {
            throw new IllegalStateException("DynamoDB Local is not bundled (its licence forbids it) and " + file
                    + " is missing: build with './mvnw -B -q package -DskipTests' (it writes that file from your "
                    + "Maven cache), or pass --dynamodb-local-classpath FILE");
        }
        URLClassLoader loader = new URLClassLoader(urls(file, launcherJar(file)), ClassLoader.getPlatformClassLoader());
        return launch(loader, loader);
    }

    /** Its HTTP endpoint. */
    URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() throws Exception {
        try {
            server.close();
        } finally {
            if (loader != null) {
                loader.close();
            }
        }
    }

    private static DemoDynamoDb launch(ClassLoader classes, @Nullable URLClassLoader owned) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // DynamoDB Local's logging looks classes up through the context class loader; its server threads inherit it
        thread.setContextClassLoader(classes);
        System.setProperty("slf4j.internal.verbosity", "ERROR");
        try {
            Class<?> launcher = Class.forName(LAUNCHER, true, classes);
            Object server = launcher.getMethod("start").invoke(null);
            Method endpoint = launcher.getMethod("endpoint");
            return new DemoDynamoDb((AutoCloseable) server, (URI) endpoint.invoke(server), owned);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("could not start DynamoDB Local: " + rootMessage(e), e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static boolean onClassPath() {
        try {
            Class.forName("software.amazon.dynamodb.services.local.server.LocalDynamoDBRequestHandler", false,
                    DemoDynamoDb.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static Path besideJar() {
        Path jar = Path.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator)[0]);
        Path dir = jar.toAbsolutePath().getParent();
        return (dir == null ? Path.of(".") : dir).resolve(CLASSPATH_FILE);
    }

    /** The loopback launcher's own jar, which the build puts beside the class path file. */
    private static Path launcherJar(Path classpathFile) {
        Path dir = classpathFile.toAbsolutePath().getParent();
        try (var jars = Files.list(dir == null ? Path.of(".") : dir)) {
            return jars.filter(p -> p.getFileName().toString().matches("syncshift-dynamodb-local-.*\\.jar"))
                    .findFirst().orElseThrow(() -> new IllegalStateException("the DynamoDB Local launcher jar "
                            + "(syncshift-dynamodb-local-*.jar) is missing beside " + classpathFile));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static URL[] urls(Path file, Path launcher) {
        try {
            List<URL> urls = new ArrayList<>(List.of(launcher.toUri().toURL()));
            for (String entry : Files.readString(file).strip().split(java.io.File.pathSeparator)) {
                if (!entry.isBlank()) {
                    urls.add(Path.of(entry).toUri().toURL());
                }
            }
            return urls.toArray(URL[]::new);
        } catch (MalformedURLException e) {
            throw new IllegalStateException("bad entry in " + file, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getName() : root.getMessage();
    }
}
