package dev.syncshift.emulator.appsync.api;

import org.jspecify.annotations.Nullable;

/**
 * An {@code AWS::AppSync::DataSource}.
 *
 * @param name the data source name
 * @param type {@code AMAZON_DYNAMODB} or {@code NONE}
 * @param tableName the table for AMAZON_DYNAMODB, else null
 */
public record DataSourceDefinition(String name, String type, @Nullable String tableName) {

    /** Rejects types the emulator does not run. */
    public DataSourceDefinition {
        if (!type.equals("AMAZON_DYNAMODB") && !type.equals("NONE")) {
            throw new BadRequestException("Data source " + name + ": type " + type + " is not supported");
        }
        if (type.equals("AMAZON_DYNAMODB") && tableName == null) {
            throw new BadRequestException("Data source " + name + ": DynamoDBConfig.TableName is required");
        }
    }
}
