package dev.syncshift.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.language.Document;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLSchema;
import graphql.validation.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** operations.graphql, the shapes clients send, is valid against the schema and covers every root field. */
class OperationsTest {

    private final GraphQLSchema schema = AppSyncSchema.load();

    @Test
    void everyOperationIsValid() throws IOException {
        Document operations = Parser.parse(Files.readString(ApiTemplate.MODULE.resolve("operations.graphql")));

        assertThat(new Validator().validateDocument(schema, operations, Locale.ENGLISH)).isEmpty();
    }

    @Test
    void everyRootFieldHasAnOperation() throws IOException {
        Document operations = Parser.parse(Files.readString(ApiTemplate.MODULE.resolve("operations.graphql")));
        List<String> used = operations.getDefinitionsOfType(OperationDefinition.class).stream()
                .map(op -> ((Field) op.getSelectionSet().getSelections().get(0)).getName())
                .toList();

        List<String> fields = Stream.of(schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType())
                .flatMap(type -> type.getFieldDefinitions().stream()).map(GraphQLFieldDefinition::getName).toList();
        assertThat(used).containsExactlyInAnyOrderElementsOf(fields);
    }
}
