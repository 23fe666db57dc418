package dev.syncshift.migrator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * A variable or system property under the migrator's prefix that names no setting is refused, in each form Spring's
 * relaxed binding accepts for a real one; nothing else in the environment is looked at.
 */
class UnknownSettingsTest {

    @ParameterizedTest
    @ValueSource(strings = {"SYNCSHIFT_MIGRATOR_TABLE", "SYNCSHIFT_MIGRATOR_MAX_RPS", "SYNCSHIFT_MIGRATOR_MAXRPS",
        "SYNCSHIFT_MIGRATOR_IDENTITY_POOL_ID", "SYNCSHIFT_MIGRATOR_CLUSTER_ROLE",
        "SYNCSHIFT_MIGRATOR_CLUSTER_LOST_AFTER", "SYNCSHIFT_MIGRATOR_CLUSTER_BROKER_URL",
        "SYNCSHIFT_MIGRATOR_LOG_FORMAT", "SYNCSHIFT_MIGRATOR_API_ID",
        "SYNCSHIFT_MIGRATOR_APPSYNC_ENDPOINT", "SYNCSHIFT_MIGRATOR_ON_CONFLICT", "AWS_REGION", "SYNCSHIFT_BACKEND",
        // what Kubernetes sets for a service named syncshift-migrator
        "SYNCSHIFT_MIGRATOR_SERVICE_HOST", "SYNCSHIFT_MIGRATOR_SERVICE_PORT", "SYNCSHIFT_MIGRATOR_SERVICE_PORT_METRICS",
        "SYNCSHIFT_MIGRATOR_PORT", "SYNCSHIFT_MIGRATOR_PORT_8080_TCP", "SYNCSHIFT_MIGRATOR_PORT_8080_TCP_ADDR"})
    void aSettingsVariableOrAnotherOnePasses(String variable) {
        assertThat(UnknownSettings.first(environment(Map.of(variable, "x"), Map.of()))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"syncshift.migrator.table", "syncshift.migrator.max-rps", "syncshift.migrator.maxRps",
        "syncshift.migrator.cluster.heartbeat", "syncshift.migrator.cluster.poll-interval", "spring.datasource.url"})
    void aSettingsSystemPropertyOrAnotherOnePasses(String property) {
        assertThat(UnknownSettings.first(environment(Map.of(), Map.of(property, "x")))).isEmpty();
    }

    @Test
    void aMisspelledVariableIsNamed() {
        assertThat(UnknownSettings.first(environment(Map.of("SYNCSHIFT_MIGRATOR_TABEL", "store"), Map.of())))
                .hasValue("SYNCSHIFT_MIGRATOR_TABEL names no setting of the migrator: an option's name follows "
                        + "SYNCSHIFT_MIGRATOR_ (--max-rps: SYNCSHIFT_MIGRATOR_MAX_RPS); --help lists the options");
        assertThat(UnknownSettings.first(environment(Map.of("SYNCSHIFT_MIGRATOR_CLUSTER_HEARTBEATS", "1s"), Map.of())))
                .get().asString().startsWith("SYNCSHIFT_MIGRATOR_CLUSTER_HEARTBEATS names no setting");
    }

    @Test
    void aMisspelledSystemPropertyIsNamed() {
        assertThat(UnknownSettings.first(environment(Map.of(), Map.of("syncshift.migrator.tabel", "store"))))
                .hasValue("syncshift.migrator.tabel names no setting of the migrator: an option's name follows "
                        + "syncshift.migrator. (--max-rps: syncshift.migrator.max-rps); --help lists the options");
    }

    @Test
    void recoverIsForTheCommandLineOnly() {
        assertThat(UnknownSettings.first(environment(Map.of("SYNCSHIFT_MIGRATOR_RECOVER", "true"), Map.of())))
                .hasValue("SYNCSHIFT_MIGRATOR_RECOVER is not read: --recover is taken from the command line only, "
                        + "for the one run it is meant for");
    }

    @Test
    void theSettingsCommandsReadThemselvesAreKnownAndNoOtherOneIsRead() {
        assertThat(List.of("cluster.role", "log-format", "api-id", "appsync-endpoint", "table", "cluster.lost-after"))
                .allMatch(UnknownSettings::knows);
        assertThat(UnknownSettings.knows("tabel")).isFalse();
        SettingLayers layers = SettingLayers.of(Map.of(), Set.of());
        assertThatThrownBy(() -> layers.value("tabel", String.class)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tabel is not among the settings UnknownSettings knows; add it there");
    }

    private static StandardEnvironment environment(Map<String, Object> variables, Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        variables));
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME,
                new MapPropertySource(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME, properties));
        return environment;
    }
}
