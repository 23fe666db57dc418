package dev.syncshift.emulator.appsync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The packaged emulator started as its README says, with DynamoDB Local from the class path file the build
 * writes: it prints one line with its loopback {@code /graphql} endpoint when ready, answers there in AppSync's
 * shape, and stops when killed.
 */
class StandaloneJarIT {

    private static final Path JAR = Path.of("target/appsync-emulator.jar");
    private static final Path DYNAMODB_LOCAL = Path.of("target/dynamodb-local.classpath");
    private static final Pattern READY = Pattern.compile("ready at (http://127\\.0\\.0\\.1:\\d+/graphql) ");

    @Test
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void theJarPrintsItsEndpointAndServesTheTemplate() throws Exception {
        String classPath = JAR + File.pathSeparator + Files.readString(DYNAMODB_LOCAL).trim();
        String java = ProcessHandle.current().info().command().orElse("java");
        // Standard error apart: a library's warning there (DynamoDB Local's SQLite binding logs through
        // java.util.logging) is no chatter on standard output, where the ready line must come first.
        Path errors = Files.createTempFile("appsync-emulator", ".err");
        Process emulator = new ProcessBuilder(List.of(java, "-cp", classPath, AppSyncEmulator.class.getName(),
                "--template", TestApi.TEMPLATE.toString(), "--port", "0")).redirectError(errors.toFile()).start();
        try {
            URI endpoint = URI.create(readyLine(emulator, errors));

            HttpResponse<String> unsigned = HttpClient.newHttpClient().send(HttpRequest.newBuilder(endpoint)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ __typename }\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(unsigned.statusCode()).isEqualTo(401);
            assertThat(unsigned.body()).contains("\"errorType\":\"UnauthorizedException\"");
        } finally {
            emulator.destroy();
        }
        assertThat(emulator.waitFor(30, TimeUnit.SECONDS)).as("stops when killed").isTrue();
        Files.delete(errors);
    }

    @Test
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void theJarAnswersHelpAndMisuseInOneLineWithoutAStackTrace() throws Exception {
        Ran help = runJar("--help");
        Ran misuse = runJar("--template", "t.yaml", "--port", "abc");
        Ran missing = runJar("--template", "no-such-template.yaml");

        assertThat(help.exitCode()).isZero();
        assertThat(help.output()).startsWith("Usage: appsync-emulator");
        assertThat(misuse.exitCode()).isEqualTo(2);
        assertThat(misuse.output()).isEqualTo("appsync-emulator: Invalid value for option '--port': 'abc' is not an "
                + "int (see --help)");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.output()).isEqualTo("appsync-emulator: --template no-such-template.yaml cannot be read "
                + "(see --help)");
    }

    /**
     * GraalJS 23.1 cannot run on Java 22 or later: the jar says so in one line, without the JVM's stack trace. Runs
     * where such a JDK is installed beside this one (a folder of {@code /usr/lib/jvm} whose {@code release} file
     * names Java 22 or later), and says it is skipped elsewhere.
     */
    @Test
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void onAJavaNewerThanGraalJsRunsOnTheJarSaysWhichJavaToUse() throws Exception {
        Optional<Path> newer = newerJava();
        Assumptions.assumeTrue(newer.isPresent(), "no JDK 22 or later under /usr/lib/jvm to start the jar with");

        Ran ran = run(newer.get().resolve("bin/java").toString(), "--template", TestApi.TEMPLATE.toString(),
                "--port", "0");

        assertThat(ran.exitCode()).isEqualTo(1);
        assertThat(ran.output()).matches("appsync-emulator: the AppSync emulator runs resolvers with GraalJS 23\\.1, "
                + "which runs on Java 17 to 21, not on this Java 2[2-9]: start it with Java 17 or 21 \\(JAVA_HOME\\)");
    }

    /** A JDK of Java 22 or later installed beside this one, if any. */
    private static Optional<Path> newerJava() throws Exception {
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        try (Stream<Path> installed = Files.list(jvms)) {
            return installed.filter(jdk -> Files.isExecutable(jdk.resolve("bin/java")))
                    .filter(jdk -> feature(jdk.resolve("release")) >= 22).findFirst();
        }
    }

    private static int feature(Path release) {
        try {
            Matcher version = Pattern.compile("JAVA_VERSION=\"(\\d+)").matcher(Files.readString(release));
            return version.find() ? Integer.parseInt(version.group(1)) : 0;
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    /** A run of the packaged jar: its exit code and everything it printed, trimmed. */
    record Ran(int exitCode, String output) {
    }

    private static Ran runJar(String... args) throws Exception {
        return run(ProcessHandle.current().info().command().orElse("java"), args);
    }

    private static Ran run(String java, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(java, "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        return new Ran(process.waitFor(), output);
    }

    @Test
    void theJarCarriesItsLoggerWhichEmbeddersDoNotGet() throws Exception {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            assertThat(jar.getEntry("org/slf4j/simple/SimpleLogger.class")).isNotNull();
        }
        assertThat(Files.readString(Path.of("pom.xml"))).containsPattern(
                "<artifactId>slf4j-simple</artifactId>\\s*<scope>runtime</scope>\\s*<optional>true</optional>");
    }

    /**
     * The endpoint of the ready line, which must be the first line on standard output (no server chatter before it);
     * a failure shows what the emulator wrote to standard error ({@code errors}).
     */
    private static String readyLine(Process process, Path errors) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        String first = out.readLine();
        assertThat(first).as("the emulator's first line (standard error: %s)", Files.readString(errors)).isNotNull();
        Matcher ready = READY.matcher(first);
        assertThat(ready.find()).as("the first line is the ready line: %s (standard error: %s)", first,
                Files.readString(errors)).isTrue();
        return ready.group(1);
    }
}
