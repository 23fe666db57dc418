package dev.syncshift.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncshift.core.IdentityId;
import java.io.IOException;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * An app on the module path ({@code requires dev.syncshift.client;}) finds the client and core under stable names,
 * set in their jars' manifests, not names derived from the jars' file names (which build tools warn against
 * depending on). Run on the packaged jars, after {@code package}.
 */
class ModuleNameIT {

    @Test
    void theClientAndCoreJarsNameTheirModules() throws Exception {
        assertThat(moduleNameOf(clientJar())).isEqualTo("dev.syncshift.client");
        Path core = Path.of(IdentityId.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertThat(core.toString()).as("core, as a dependency").endsWith(".jar");
        assertThat(moduleNameOf(core)).isEqualTo("dev.syncshift.core");
    }

    private static Path clientJar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            List<Path> jars = files.filter(file -> file.getFileName().toString().matches(
                    "syncshift-compat-client-[^-]+(-SNAPSHOT)?\\.jar")).toList();
            assertThat(jars).as("the packaged client in target/").hasSize(1);
            return jars.get(0);
        }
    }

    private static String moduleNameOf(Path jar) {
        List<ModuleReference> modules = List.copyOf(ModuleFinder.of(jar).findAll());
        assertThat(modules).hasSize(1);
        return modules.get(0).descriptor().name();
    }
}
