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
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
        Process emulator = new ProcessBuilder(List.of(java, "-cp", classPath, AppSyncEmulator.class.getName(),
                "--template", TestApi.TEMPLATE.toString(), "--port", "0")).redirectErrorStream(true).start();
        try {
            URI endpoint = URI.create(readyLine(emulator));

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

    /** A run of the packaged jar: its exit code and everything it printed, trimmed. */
    record Ran(int exitCode, String output) {
    }

    private static Ran runJar(String... args) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
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

    /** The endpoint of the ready line, which must be the first line printed (no server chatter before it). */
    private static String readyLine(Process process) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        String first = out.readLine();
        assertThat(first).as("the emulator's first line").isNotNull();
        Matcher ready = READY.matcher(first);
        assertThat(ready.find()).as("the first line is the ready line: %s", first).isTrue();
        return ready.group(1);
    }
}
