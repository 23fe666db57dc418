package dev.syncshift.migrator.cli;

import dev.syncshift.migrator.config.MigratorSettings;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
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

    /**
     * Layers {@code settings} (without the prefix).
     *
     * @param defaulted the names of {@code settings} left at their options' defaults ({@link PoolOptions#defaulted})
     */
    static SettingLayers of(Map<String, String> settings, Set<String> defaulted) {
        Map<String, Object> given = new HashMap<>();
        Map<String, Object> defaults = new HashMap<>();
        settings.forEach((name, value) -> (defaulted.contains(name) ? defaults : given)
                .put("syncshift.migrator." + name, value));
        return new SettingLayers(new MapPropertySource("the command line", given), defaults);
    }

    /** The environment and system properties under the command line's settings (the defaults are not in it). */
    StandardEnvironment environment() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(commandLine);
        return environment;
    }

    /**
     * Binds the migrator's settings as the application will. A bad {@code SYNCSHIFT_MIGRATOR_*} setting fails here,
     * before anything is opened.
     *
     * @throws BindException naming the setting ({@link Messages#badSetting})
     */
    MigratorSettings bind() {
        StandardEnvironment environment = environment();
        environment.getPropertySources().addLast(new MapPropertySource("the options' defaults", defaults));
        return Binder.get(environment).bindOrCreate("syncshift.migrator", MigratorSettings.class);
    }
}
