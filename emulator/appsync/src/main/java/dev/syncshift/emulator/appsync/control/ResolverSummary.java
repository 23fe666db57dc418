package dev.syncshift.emulator.appsync.control;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A resolver as ListResolvers describes it (APPSYNC_JS, runtime version 1.0.0).
 *
 * @param typeName the parent type
 * @param fieldName the field
 * @param kind {@code UNIT} or {@code PIPELINE}
 * @param dataSourceName the data source of a UNIT resolver, else null
 * @param functionIds the function ids of a PIPELINE resolver, in order, else empty
 * @param code the code
 * @param resolverArn the resolver's ARN
 */
public record ResolverSummary(String typeName, String fieldName, String kind, @Nullable String dataSourceName,
        List<String> functionIds, String code, String resolverArn) {

    /** Copies the list. */
    public ResolverSummary {
        functionIds = List.copyOf(functionIds);
    }
}
