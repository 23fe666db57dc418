package dev.syncshift.emulator.appsync.api;

import java.util.List;
import java.util.Map;

/**
 * Everything the emulator serves, read from a template.
 *
 * @param name the API's {@code Name}
 * @param authenticationType the API's {@code AuthenticationType}; the emulator serves {@code AWS_IAM} only
 * @param schema the GraphQL SDL
 * @param resolvers the resolvers
 * @param environment {@code ctx.env}
 * @param tags the API's {@code Tags}, by key
 */
public record ApiDefinition(String name, String authenticationType, String schema,
        List<ResolverDefinition> resolvers, Map<String, String> environment, Map<String, String> tags) {

    /** Copies the collections. */
    public ApiDefinition {
        resolvers = List.copyOf(resolvers);
        environment = Map.copyOf(environment);
        tags = Map.copyOf(tags);
    }

    /**
     * The API's id: 26 lower-case letters and digits as on AppSync, derived from the name, so a template keeps its
     * id across restarts.
     *
     * @return the id
     */
    public String apiId() {
        return ResourceIds.of("api/" + name);
    }

    /**
     * The distinct functions of the pipeline resolvers, in template order.
     *
     * @return the functions
     */
    public List<FunctionDefinition> functions() {
        return resolvers.stream().flatMap(r -> r.functions().stream()).distinct().toList();
    }
}
