package dev.syncshift.emulator.appsync.rules;

import graphql.language.Definition;
import graphql.language.DirectiveDefinition;
import graphql.language.SDLDefinition;
import graphql.language.ScalarTypeDefinition;
import graphql.parser.Parser;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;

/**
 * The scalars and directives AppSync predefines (AWS docs {@code scalars.html},
 * {@code security-authz.html}), added to a schema unless it declares
 * them itself.
 */
final class SchemaPrelude {

    private static final String AUTH_LOCATIONS = " on OBJECT | FIELD_DEFINITION | INTERFACE | UNION | ENUM"
            + " | INPUT_OBJECT\n";
    private static final String PRELUDE = "scalar AWSDateTime\nscalar AWSDate\nscalar AWSTime\n"
            + "scalar AWSTimestamp\nscalar AWSJSON\nscalar AWSEmail\nscalar AWSURL\nscalar AWSPhone\n"
            + "scalar AWSIPAddress\n"
            + "directive @aws_subscribe(mutations: [String]) on FIELD_DEFINITION\n"
            + "directive @aws_publish(subscriptions: [String]) on FIELD_DEFINITION\n"
            + "directive @aws_iam" + AUTH_LOCATIONS
            + "directive @aws_api_key" + AUTH_LOCATIONS
            + "directive @aws_oidc" + AUTH_LOCATIONS
            + "directive @aws_lambda" + AUTH_LOCATIONS
            + "directive @aws_cognito_user_pools(cognito_groups: [String])" + AUTH_LOCATIONS
            + "directive @aws_auth(cognito_groups: [String]) on FIELD_DEFINITION\n";

    private SchemaPrelude() {
    }

    static TypeDefinitionRegistry parse(String sdl) {
        TypeDefinitionRegistry registry = new SchemaParser().parse(sdl);
        for (Definition<?> parsed : Parser.parse(PRELUDE).getDefinitions()) {
            SDLDefinition<?> definition = (SDLDefinition<?>) parsed;
            boolean present = definition instanceof ScalarTypeDefinition s
                    ? registry.getTypeOrNull(s.getName()) != null || registry.scalars().containsKey(s.getName())
                    : registry.getDirectiveDefinition(((DirectiveDefinition) definition).getName()).isPresent();
            if (!present) {
                registry.add(definition);
            }
        }
        return registry;
    }
}
