package dev.syncshift.emulator.cognitosync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncshift.emulator.cognitosync.junit.CognitoSyncEmulatorExtension;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
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
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentity.model.IdentityDescription;

/**
 * The packaged emulator started as the README says: {@code java -jar cognito-sync-emulator.jar --port 0 ...}
 * prints one line with its loopback endpoint when ready, serves the generated pool there, and stops when killed.
 */
class StandaloneJarIT {

    private static final Path JAR = Path.of("target/cognito-sync-emulator.jar");
    private static final Pattern READY = Pattern.compile("ready at (http://127\\.0\\.0\\.1:\\d+)$");
    private static final String POOL = "us-east-1:0a1b2c3d-0000-4000-8000-000000000001";

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void theJarPrintsItsEndpointAndServesTheGeneratedPool() throws Exception {
        assertThat(JAR).exists();
        String java = ProcessHandle.current().info().command().orElse("java");
        Process emulator = new ProcessBuilder(List.of(java, "-jar", JAR.toString(), "--port", "0",
                "--generate", "3", "--identity-pool-id", POOL, "--seed", "7")).redirectErrorStream(true).start();
        try {
            URI endpoint = URI.create(readyLine(emulator));
            CognitoIdentityClient identity = CognitoSyncEmulatorExtension.identityClient(endpoint,
                    CognitoSyncEmulatorExtension.DEVELOPER);

            List<IdentityDescription> identities = identity.listIdentities(r -> r.identityPoolId(POOL).maxResults(60))
                    .identities();

            assertThat(identities).hasSize(3);
        } finally {
            emulator.destroy();
        }
        assertThat(emulator.waitFor(30, TimeUnit.SECONDS)).as("stops when killed").isTrue();
    }

    @Test
    void theJarCarriesItsLoggerAndCommandLineWhichEmbeddersDoNotGet() throws Exception {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            assertThat(jar.getEntry("org/slf4j/simple/SimpleLogger.class")).isNotNull();
            assertThat(jar.getEntry("picocli/CommandLine.class")).isNotNull();
        }
        String pom = Files.readString(Path.of("pom.xml"));
        assertThat(pom).containsPattern("<artifactId>slf4j-simple</artifactId>\\s*<scope>runtime</scope>\\s*"
                + "<optional>true</optional>").containsPattern("<artifactId>picocli</artifactId>\\s*"
                + "<optional>true</optional>");
    }

    private static String readyLine(Process process) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            Matcher ready = READY.matcher(line);
            if (ready.find()) {
                return ready.group(1);
            }
        }
        throw new AssertionError("the emulator exited without printing its endpoint");
    }
}
