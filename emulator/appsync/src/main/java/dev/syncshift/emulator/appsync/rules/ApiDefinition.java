package dev.syncshift.emulator.appsync.rules;

import java.util.List;
import java.util.Map;

/**
 * Everything the emulator serves, read from a template.
 *
 * @param schema the GraphQL SDL
 * @param resolvers the resolvers
 * @param environment {@code ctx.env}
 */
public record ApiDefinition(String schema, List<ResolverDefinition> resolvers, Map<String, String> environment) {

    /** Copies the collections. */
    public ApiDefinition {
        resolvers = List.copyOf(resolvers);
        environment = Map.copyOf(environment);
    }
}
