package dev.syncshift.emulator.appsync.api;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An {@code AWS::AppSync::Resolver} (APPSYNC_JS).
 *
 * @param typeName the parent type, e.g. {@code Query}
 * @param fieldName the field
 * @param code the ES module source (the before/after steps for PIPELINE)
 * @param dataSource the data source of a UNIT resolver, null for PIPELINE
 * @param functions the functions of a PIPELINE resolver, empty for UNIT
 */
public record ResolverDefinition(
        String typeName,
        String fieldName,
        String code,
        @Nullable DataSourceDefinition dataSource,
        List<FunctionDefinition> functions) {

    /** Checks that exactly one of data source and functions is given. */
    public ResolverDefinition {
        functions = List.copyOf(functions);
        if (dataSource == null == functions.isEmpty()) {
            throw new BadRequestException("Resolver " + typeName + "." + fieldName
                    + " needs a data source (UNIT) or functions (PIPELINE)");
        }
    }

    /**
     * Whether this is a PIPELINE resolver (it has functions, no data source).
     *
     * @return true for PIPELINE, false for UNIT
     */
    public boolean isPipeline() {
        return dataSource == null;
    }
}
