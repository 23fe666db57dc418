package dev.syncshift.emulator.appsync.api;

/**
 * An {@code AWS::AppSync::FunctionConfiguration} (APPSYNC_JS).
 *
 * @param name the function's name (its logical id when unnamed)
 * @param code the ES module source
 * @param dataSource its data source
 */
public record FunctionDefinition(String name, String code, DataSourceDefinition dataSource) {

    /**
     * The function's id, shaped like AppSync's and derived from its name (unique within an API).
     *
     * @return the id
     */
    public String functionId() {
        return ResourceIds.of("function/" + name);
    }
}
