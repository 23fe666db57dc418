package dev.syncshift.migrator.cli;

import dev.syncshift.migrator.config.InvalidSetting;
import dev.syncshift.migrator.config.MigratorSettings;
import dev.syncshift.migrator.config.ProxyEnvironment;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * A command's settings in the order they win: the options given on its command line, then the environment and system
 * properties ({@code SYNCSHIFT_MIGRATOR_*}), then the options' defaults. Every command binds them the same way.
 *
 * @param commandLine the options given, as {@code syncshift.migrator.*} properties
 * @param defaults the options' defaults as {@code syncshift.migrator.*} properties; {@code migrate} and {@code verify}
 *     add Spring's own defaults to them (a mutable map)
 */
record SettingLayers(MapPropertySource commandLine, Map<String, Object> defaults) {

    static final String PREFIX = "syncshift.migrator.";

    /**
     * Layers {@code settings} (without the prefix).
     *
     * @param defaulted the names of {@code settings} left at their options' defaults ({@link PoolOptions#defaulted})
     */
    static SettingLayers of(Map<String, String> settings, Set<String> defaulted) {
        Map<String, Object> given = new HashMap<>();
        Map<String, Object> defaults = new HashMap<>();
        settings.forEach((name, value) -> (defaulted.contains(name) ? defaults : given)
                .put(PREFIX + name, value));
        return new SettingLayers(new MapPropertySource("the command line", given), defaults);
    }

    /** The environment and system properties under the command line's settings (the defaults are not in it). */
    StandardEnvironment environment() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(commandLine);
        return environment;
    }

    /**
     * How the user wrote setting {@code name} (without the prefix) when the environment or a system property set it
     * (e.g. {@code SYNCSHIFT_MIGRATOR_IDENTITIES_FILE}); empty when the command line set it, or nothing did.
     */
    Optional<String> outsideName(String name) {
        String property = PREFIX + name;
        if (commandLine.containsProperty(property)) {
            return Optional.empty();
        }
        ConfigurationPropertyName wanted = ConfigurationPropertyName.of(property);
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment())) {
            ConfigurationProperty found = source.getConfigurationProperty(wanted);
            if (found != null) {
                return Optional.of(Messages.writtenName(found));
            }
        }
        return Optional.empty();
    }

    /**
     * {@code migrate}'s role ({@code cluster.role}): the command line's {@code --role}, else
     * {@code SYNCSHIFT_MIGRATOR_CLUSTER_ROLE} (or its system property), else {@code local}.
     *
     * @throws Refused naming the setting as the user wrote it, when the role set from outside is bad
     */
    String role() {
        String role = value("cluster.role", String.class).orElse("local");
        SettingChecks.role(shownName("cluster.role", "--role"), role).ifPresent(problem -> {
            throw new Refused(problem);
        });
        return role;
    }

    /**
     * Whether the logs are Spring Boot's structured JSON: {@code --log-format}, else
     * {@code SYNCSHIFT_MIGRATOR_LOG_FORMAT} (or its system property), {@code text} or {@code json}; text when neither
     * says.
     *
     * @throws Refused naming the setting, when it is neither
     */
    boolean jsonLogs() {
        String format = value("log-format", String.class).orElse("text");
        SettingChecks.logFormat(shownName("log-format", "--log-format"), format).ifPresent(problem -> {
            throw new Refused(problem);
        });
        return "json".equals(format);
    }

    /**
     * Setting {@code name} (without the prefix) as the command line gives it, else the environment or a system
     * property; empty when none does (the options' defaults are not consulted).
     *
     * @throws Refused naming the setting, when its value is not a {@code type}
     * @throws IllegalArgumentException when {@code name} is not one of the settings {@link UnknownSettings} knows:
     *     the environment would refuse its variable as naming no setting
     */
    <T> Optional<T> value(String name, Class<T> type) {
        if (!UnknownSettings.knows(name)) {
            throw new IllegalArgumentException(name + " is not among the settings UnknownSettings knows; add it there");
        }
        try {
            return Optional.ofNullable(Binder.get(environment()).bind(PREFIX + name, type).orElse(null));
        } catch (BindException e) {
            throw refusal(e);
        }
    }

    private Refused refusal(BindException failure) {
        return new Refused(badSetting(failure).orElseThrow());
    }

    /**
     * When {@code failure} is a setting that could not be bound, one line naming it as the user wrote it: the
     * settings' own checks ({@link InvalidSetting}) know the setting but not where its value came from; else as
     * {@link Messages#badSetting}.
     */
    Optional<String> badSetting(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidSetting invalid) {
                return Optional.of(invalid.named(shownName(invalid.setting(), invalid.option())));
            }
        }
        return Messages.badSetting(failure);
    }

    /** The name to tell a problem of setting {@code name} under: as the user wrote it outside, else its option. */
    String shownName(String name, String option) {
        return outsideName(name).orElse(option);
    }

    /** Whether the environment or a system property sets {@code name} (without the prefix). */
    static boolean setOutside(String name) {
        return of(Map.of(), Set.of()).outsideName(name).isPresent();
    }

    private StandardEnvironment withDefaults() {
        StandardEnvironment environment = environment();
        environment.getPropertySources().addLast(new MapPropertySource("the options' defaults", defaults));
        return environment;
    }

    /**
     * Binds the migrator's settings as the application will. A bad {@code SYNCSHIFT_MIGRATOR_*} setting fails here,
     * before anything is opened.
     *
     * @throws BindException naming the setting ({@link Messages#badSetting})
     */
    private MigratorSettings bind() {
        return Binder.get(withDefaults()).bindOrCreate("syncshift.migrator", MigratorSettings.class);
    }

    /**
     * Binds the settings ({@link #bind}) and checks those set from outside the command line: none may name no
     * setting ({@link UnknownSettings}), and each is checked as its option is ({@link SettingChecks#fromOutside}); so
     * are the proxy variables ({@link ProxyEnvironment}) and the AWS SDK's own settings
     * ({@link SettingChecks#sdkSettings}).
     *
     * @throws Refused with one line naming the setting, when a value is bad
     */
    MigratorSettings bindChecked() {
        UnknownSettings.first(environment()).ifPresent(problem -> {
            throw new Refused(problem);
        });
        MigratorSettings bound;
        try {
            bound = bind();
        } catch (BindException e) {
            throw refusal(e);
        }
        SettingChecks.fromOutside(bound, this).ifPresent(problem -> {
            throw new Refused(problem);
        });
        try {
            ProxyEnvironment.ofProcess();
        } catch (ProxyEnvironment.NotAProxy e) {
            throw new Refused(e.problem());
        }
        SettingChecks.sdkSettings().ifPresent(problem -> {
            throw new Refused(problem);
        });
        return bound;
    }

    /** A setting refused, in one line that names it: a usage error. */
    static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message, null, false, false);
        }
    }
}
