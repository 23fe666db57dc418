package dev.syncshift.emulator.appsync.rules;

/**
 * An {@code AWS::AppSync::FunctionConfiguration} (APPSYNC_JS).
 *
 * @param name the function's name (its logical id when unnamed)
 * @param code the ES module source
 * @param dataSource its data source
 */
public record FunctionDefinition(String name, String code, DataSourceDefinition dataSource) {
}
