package dev.syncshift.emulator.appsync;

import dev.syncshift.emulator.appsync.junit.AppSyncEmulatorExtension;
import java.nio.file.Path;
import java.time.Duration;

/** The small test API under {@code src/test/resources/api}, served once per test run. */
final class TestApi {

    static final Path TEMPLATE = Path.of("src/test/resources/api/template.yaml");
    static final Path CREDENTIALS = Path.of("src/test/resources/credentials.json");
    static final AppSyncEmulatorConfig CONFIG = new AppSyncEmulatorConfig(TEMPLATE, "127.0.0.1", 0, CREDENTIALS,
            null, "us-east-1", Duration.ofSeconds(1));

    private TestApi() {
    }

    static AppSyncEmulatorExtension extension() {
        return new AppSyncEmulatorExtension(CONFIG);
    }
}
