package dev.syncshift.migrator.cli;

import dev.syncshift.migrator.config.MigratorSettings;
import dev.syncshift.migrator.job.remote.ClusterSettings;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Finds a {@code SYNCSHIFT_MIGRATOR_*} environment variable or {@code syncshift.migrator.*} system property that names
 * no setting, such as a misspelled {@code SYNCSHIFT_MIGRATOR_TABEL}: left alone, the run would go on without it.
 * A name counts as known when Spring's relaxed binding maps it onto a setting, so {@code SYNCSHIFT_MIGRATOR_MAXRPS}
 * and {@code SYNCSHIFT_MIGRATOR_MAX_RPS} both are.
 */
final class UnknownSettings {

    private static final String PREFIX = SettingLayers.PREFIX;
    private static final String VARIABLE_PREFIX = "SYNCSHIFT_MIGRATOR_";

    /**
     * The variables Kubernetes gives every container for each service of its namespace, here for a service named
     * {@code syncshift-migrator} ({@code SYNCSHIFT_MIGRATOR_SERVICE_HOST},
     * {@code SYNCSHIFT_MIGRATOR_PORT_8080_TCP}...): not the user's, so never refused.
     */
    private static final Pattern SERVICE_LINK = Pattern.compile("SYNCSHIFT_MIGRATOR_(SERVICE_HOST"
            + "|SERVICE_PORT(_[A-Z0-9_]+)?|PORT(_[0-9]+_(TCP|UDP|SCTP)(_(PROTO|PORT|ADDR))?)?)");

    /** Every setting under {@code syncshift.migrator}: the migrator's, the cluster's and those commands read. */
    private static final List<ConfigurationPropertyName> KNOWN = known();

    private UnknownSettings() {
    }

    /** The first variable or system property of {@code environment} that names no setting, as a one-line problem. */
    static Optional<String> first(StandardEnvironment environment) {
        for (PropertySource<?> source : environment.getPropertySources()) {
            boolean variables = StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME.equals(source.getName());
            boolean properties = StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME.equals(source.getName());
            if ((variables || properties) && source instanceof EnumerablePropertySource<?> names) {
                for (String name : names.getPropertyNames()) {
                    if (name.startsWith(variables ? VARIABLE_PREFIX : PREFIX) && !known(name, variables)
                            && !(variables && SERVICE_LINK.matcher(name).matches())) {
                        return Optional.of(problem(name, variables));
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static String problem(String name, boolean variable) {
        if (name.equalsIgnoreCase(variable ? VARIABLE_PREFIX + "RECOVER" : PREFIX + "recover")) {
            return name + " is not read: --recover is taken from the command line only, for the one run it is "
                    + "meant for";
        }
        return name + " names no setting of the migrator: an option's name follows " + (variable
                ? VARIABLE_PREFIX + " (--max-rps: SYNCSHIFT_MIGRATOR_MAX_RPS)"
                : PREFIX + " (--max-rps: syncshift.migrator.max-rps)") + "; --help lists the options";
    }

    /**
     * Whether {@code setting} (without the prefix, dashed) is one of the settings: a command reading another one
     * ({@link SettingLayers#value}) would see its variable refused.
     */
    static boolean knows(String setting) {
        return KNOWN.contains(ConfigurationPropertyName.of(PREFIX + setting));
    }

    /** Whether {@code name}, alone in a source of its kind, binds to one of the settings. */
    private static boolean known(String name, boolean variable) {
        Map<String, Object> one = Map.of(name, "");
        ConfigurationPropertySource alone = ConfigurationPropertySource.from(variable
                ? new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, one)
                : new MapPropertySource(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME, one));
        return alone != null && KNOWN.stream().anyMatch(setting -> alone.getConfigurationProperty(setting) != null);
    }

    private static List<ConfigurationPropertyName> known() {
        List<String> names = new ArrayList<>();
        for (RecordComponent component : MigratorSettings.class.getRecordComponents()) {
            names.add(DataObjectPropertyName.toDashedForm(component.getName()));
        }
        for (RecordComponent component : ClusterSettings.class.getRecordComponents()) {
            names.add("cluster." + DataObjectPropertyName.toDashedForm(component.getName()));
        }
        // read by the commands themselves through SettingLayers#value (#role, #jsonLogs; CheckCommand)
        names.addAll(List.of("cluster.role", "log-format", "api-id", "appsync-endpoint"));
        return names.stream().map(name -> ConfigurationPropertyName.of(PREFIX + name)).toList();
    }
}
