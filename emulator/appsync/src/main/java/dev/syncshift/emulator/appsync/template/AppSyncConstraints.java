package dev.syncshift.emulator.appsync.template;

import dev.syncshift.emulator.appsync.api.BadRequestException;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What AppSync's API reference requires of the values a template gives it, checked when the template is loaded so
 * that a template the emulator runs is one AppSync accepts: the APPSYNC_JS runtime and its only version, the names
 * of functions and data sources, and the API's environment variables. (What AppSync requires of the code itself,
 * its size included, is checked where the code is compiled.)
 */
final class AppSyncConstraints {

    /** The pattern of a function's and a data source's name. */
    private static final Pattern NAME = Pattern.compile("[_A-Za-z][_0-9A-Za-z]*");
    /** An environment variable's key: a letter first, then letters, digits or underscores; 2 to 64 of them. */
    private static final Pattern ENV_KEY = Pattern.compile("[A-Za-z]\\w{1,63}");
    private static final int MAX_ENV_VALUE = 512;
    private static final int MAX_ENV_ENTRIES = 50;

    private AppSyncConstraints() {
    }

    /** Runtime {Name: APPSYNC_JS, RuntimeVersion: 1.0.0}, the only runtime and version AppSync has for code. */
    static void runtime(String owner, @Nullable Object runtime) {
        if (!(runtime instanceof Map<?, ?> r) || !"APPSYNC_JS".equals(r.get("Name"))) {
            throw new BadRequestException(owner + ": only the APPSYNC_JS runtime is supported (VTL is not)");
        }
        Object version = r.get("RuntimeVersion");
        if (!"1.0.0".equals(String.valueOf(version))) {
            throw new BadRequestException(owner + ": Runtime RuntimeVersion must be 1.0.0, the only APPSYNC_JS version"
                    + (version == null ? " (it is missing)" : ", not " + version));
        }
    }

    static String name(String kind, String name) {
        if (!NAME.matcher(name).matches()) {
            throw new BadRequestException(kind + " name '" + name + "' is not valid: AppSync requires "
                    + NAME.pattern());
        }
        return name;
    }

    static void environment(Map<String, String> variables) {
        if (variables.size() > MAX_ENV_ENTRIES) {
            throw new BadRequestException("AWS::AppSync::GraphQLApi EnvironmentVariables: " + variables.size()
                    + " variables; AppSync takes at most " + MAX_ENV_ENTRIES);
        }
        variables.forEach((key, value) -> {
            if (!ENV_KEY.matcher(key).matches()) {
                throw new BadRequestException("AWS::AppSync::GraphQLApi EnvironmentVariables: key '" + key
                        + "' is not valid: a letter, then letters, digits or _, 2 to 64 characters");
            }
            if (value.length() > MAX_ENV_VALUE) {
                throw new BadRequestException("AWS::AppSync::GraphQLApi EnvironmentVariables: " + key + " is "
                        + value.length() + " characters; AppSync takes at most " + MAX_ENV_VALUE);
            }
        });
    }
}
