package dev.syncshift.graphql;

import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;

/** Builds schema.graphql the way AppSync reads it: with AppSync's scalars and directives predefined. */
public final class AppSyncSchema {

    private static final String APPSYNC_DEFINITIONS = """
            scalar AWSTimestamp
            scalar AWSDateTime
            scalar AWSDate
            scalar AWSTime
            scalar AWSJSON
            scalar AWSEmail
            scalar AWSURL
            scalar AWSPhone
            scalar AWSIPAddress
            directive @aws_iam on OBJECT | FIELD_DEFINITION
            directive @aws_subscribe(mutations: [String]) on FIELD_DEFINITION
            """;

    private AppSyncSchema() {
    }

    static GraphQLSchema build(TypeDefinitionRegistry schema) {
        TypeDefinitionRegistry registry = new SchemaParser().parse(APPSYNC_DEFINITIONS).merge(schema);
        return new SchemaGenerator().makeExecutableSchema(registry, RuntimeWiring.MOCKED_WIRING);
    }

    /**
     * Builds a schema from SDL text, as AppSync reads it.
     *
     * @param sdl the schema's SDL
     * @return the schema
     */
    public static GraphQLSchema parse(String sdl) {
        return build(new SchemaParser().parse(sdl));
    }

    static GraphQLSchema load() {
        return build(new SchemaParser().parse(ApiTemplate.MODULE.resolve("schema.graphql").toFile()));
    }
}
