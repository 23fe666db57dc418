package dev.syncshift.migrator;

import dev.syncshift.migrator.cli.MigratorCli;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The class path of the migrator's child JVMs in tests, and a class-data archive of it (Java 17's application
 * class-data sharing, as the README's "Starting faster" has users keep one) that each child maps instead of loading
 * the same classes again: most of a child's start is class loading. It is made once per test JVM, under
 * {@code target/child-jvm}, by one short run of the migrator against emulators of its own.
 *
 * <p>The JVM archives classes from jars only and refuses a class path that holds a directory: the module's classes
 * are given as a jar of themselves, and DynamoDB Local (whose manifest adds its own directory) stays off the
 * children's class path, as it is off the packaged jar's. Where the archive cannot be made, children start without
 * it; a jar changed since it was made makes the JVM ignore it, with its warning turned off so that no child's output
 * changes. {@code -Dsyncshift.test.class-archive=false} starts them without it, to compare.
 */
public final class ClassArchive {

    private static @Nullable ClassArchive made;

    private final String classPath;
    private final List<String> options;

    private ClassArchive(String classPath, List<String> options) {
        this.classPath = classPath;
        this.options = List.copyOf(options);
    }

    /** The archive of this test JVM, made by the first call. */
    public static synchronized ClassArchive get() {
        if (made == null) {
            try {
                made = make();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return made;
    }

    /**
     * What follows {@code java} and its heap options to start the migrator's command line: the options that map the
     * archive (none where it could not be made), the class path (this module's classes as a jar and its libraries,
     * not its test classes) with {@code after} appended, and the main class.
     */
    public List<String> launch(Path... after) {
        List<String> launch = new ArrayList<>(options);
        launch.add("-cp");
        launch.add(Stream.concat(Stream.of(classPath), Arrays.stream(after).map(Path::toString))
                .collect(Collectors.joining(File.pathSeparator)));
        launch.add(MigratorCli.class.getName());
        return launch;
    }

    /** The module's test classes (the directory), for a child that needs them after the class path. */
    public static Path testClasses() {
        return entries().filter(ClassArchive::isTestClasses).findFirst().orElseThrow();
    }

    private static ClassArchive make() throws IOException, InterruptedException {
        Path classes = entries().filter(e -> e.endsWith(Path.of("target", "classes"))).findFirst().orElseThrow();
        Path dir = Files.createDirectories(classes.resolveSibling("child-jvm").resolve(Long.toString(
                ProcessHandle.current().pid())));
        Path jar = jarOf(classes, dir.resolve("classes.jar"));
        String classPath = Stream.concat(Stream.of(jar), entries().filter(e -> !isTestClasses(e) && !e.equals(classes)
                && !e.getFileName().toString().startsWith("DynamoDBLocal-"))).map(Path::toString)
                .collect(Collectors.joining(File.pathSeparator));
        Path archive = dir.resolve("classes.jsa");
        boolean archived = Boolean.parseBoolean(System.getProperty("syncshift.test.class-archive", "true"))
                && archive(classPath, archive, dir) && Files.exists(archive);
        return new ClassArchive(classPath, archived ? List.of("-XX:SharedArchiveFile=" + archive,
                "-Xlog:cds=off,cds+dynamic=off") : List.of());
    }

    /** Runs a migration of a small pool with {@code classPath}, archiving its classes as it exits. */
    private static boolean archive(String classPath, Path archive, Path dir) throws IOException, InterruptedException {
        try (LocalAws aws = LocalAws.start(3)) {
            Path work = Files.createDirectories(dir.resolve("run"));
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-XX:ArchiveClassesAtExit=" + archive, "-Xmx512m", "-XX:TieredStopAtLevel=1",
                    "-XX:+UseSerialGC", "-cp", classPath, MigratorCli.class.getName(), "migrate",
                    "--identity-pool-id", LocalAws.POOL.value(), "--table", LocalAws.TABLE, "--cognito-endpoint",
                    aws.cognito().endpoint().toString(), "--dynamodb-endpoint", aws.dynamoDb().endpoint().toString(),
                    "--region", "us-east-1", "--work-dir", work.toString(), "--progress", "off"));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("archive.log").toFile());
            builder.environment().put("AWS_ACCESS_KEY_ID", "AKIDDEVELOPER");
            builder.environment().put("AWS_SECRET_ACCESS_KEY", "developer-secret");
            Process run = builder.start();
            if (!run.waitFor(3, TimeUnit.MINUTES)) {
                run.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                return false;
            }
            return run.exitValue() == 0;
        }
    }

    /** Writes the files and directories under {@code root} into {@code jar}, as {@code jar cf} does. */
    private static Path jarOf(Path root, Path jar) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
                Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.filter(p -> !p.equals(root)).sorted().toList()) {
                String name = root.relativize(path).toString().replace(File.separatorChar, '/');
                boolean directory = Files.isDirectory(path);
                out.putNextEntry(new JarEntry(directory ? name + "/" : name));
                if (!directory) {
                    Files.copy(path, out);
                }
                out.closeEntry();
            }
        }
        return jar;
    }

    private static Stream<Path> entries() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator)).map(Path::of);
    }

    private static boolean isTestClasses(Path entry) {
        return entry.endsWith(Path.of("target", "test-classes"));
    }
}
