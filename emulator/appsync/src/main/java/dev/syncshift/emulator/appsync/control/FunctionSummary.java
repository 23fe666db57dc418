package dev.syncshift.emulator.appsync.control;

/**
 * A function as ListFunctions describes it (APPSYNC_JS, runtime version 1.0.0).
 *
 * @param functionId the id
 * @param name the name
 * @param dataSourceName its data source
 * @param code the code
 * @param functionArn the function's ARN
 */
public record FunctionSummary(String functionId, String name, String dataSourceName, String code,
        String functionArn) {
}
