package dev.syncshift.emulator.appsync.template;

import dev.syncshift.emulator.appsync.api.ApiDefinition;
import dev.syncshift.emulator.appsync.store.TableDefinition;
import java.util.List;

/**
 * What a template declares for the emulator.
 *
 * @param api the GraphQL API
 * @param tables the DynamoDB tables to create
 */
public record LoadedTemplate(ApiDefinition api, List<TableDefinition> tables) {

    /** Copies the list. */
    public LoadedTemplate {
        tables = List.copyOf(tables);
    }
}
