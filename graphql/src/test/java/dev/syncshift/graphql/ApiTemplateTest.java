package dev.syncshift.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.syncshift.core.layout.SyncStoreLayout;
import graphql.language.ArrayValue;
import graphql.language.FieldDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.StringValue;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The template, the schema and the resolver files describe one API: nothing is missing, nothing is left over. */
class ApiTemplateTest {

    /** AppSync's limit on a resolver's or function's code (API_Resolver, {@code code}). */
    private static final int MAX_CODE_CHARACTERS = 32_768;
    private static final List<String> ROOT_TYPES = List.of("Query", "Mutation", "Subscription");
    /** An APPSYNC_JS DynamoDB request's operation, or a transaction item's. */
    private static final Pattern OPERATION = Pattern.compile("operation: '(\\w+)'");
    /**
     * The IAM action DynamoDB authorizes each operation by. A TransactGetItems is authorized as GetItem of each item;
     * a TransactWriteItems has no action of its own, its items (written with their own operations) are authorized.
     */
    private static final Map<String, List<String>> DYNAMODB_ACTIONS = Map.of("GetItem", List.of("dynamodb:GetItem"),
            "TransactGetItems", List.of("dynamodb:GetItem"), "PutItem", List.of("dynamodb:PutItem"),
            "UpdateItem", List.of("dynamodb:UpdateItem"), "DeleteItem", List.of("dynamodb:DeleteItem"),
            "ConditionCheck", List.of("dynamodb:ConditionCheckItem"), "Query", List.of("dynamodb:Query"),
            "Scan", List.of("dynamodb:Scan"), "TransactWriteItems", List.of());
    private final ApiTemplate template = ApiTemplate.load();
    private final TypeDefinitionRegistry schema = schema();

    @Test
    void theSchemaBuildsWithAppSyncScalarsAndDirectives() {
        GraphQLSchema built = AppSyncSchema.build(schema);

        assertThat(built.getSubscriptionType()).isNotNull();
    }

    @Test
    void theTemplateUsesOnlyTheIntrinsicsTheEmulatorLoads() throws IOException {
        Matcher tags = Pattern.compile("!([A-Za-z]+)").matcher(Files.readString(template.file()));

        Set<String> used = new HashSet<>();
        while (tags.find()) {
            used.add(tags.group(1));
        }

        assertThat(used).isSubsetOf("Ref", "GetAtt", "Sub");
    }

    @Test
    void everyCodeLocationExists() {
        List<String> locations = new ArrayList<>(codeLocations());
        locations.add(only("AWS::AppSync::GraphQLSchema").get("DefinitionS3Location").asText());

        assertThat(locations).allSatisfy(location -> assertThat(template.local(location)).isRegularFile());
    }

    @Test
    void everyResolverFileIsReferenced() throws IOException {
        Set<Path> referenced = new HashSet<>();
        codeLocations().forEach(location -> referenced.add(template.local(location)));

        try (Stream<Path> files = Files.list(ApiTemplate.MODULE.resolve("resolvers"))) {
            assertThat(files.map(Path::normalize)).allSatisfy(file -> assertThat(referenced).contains(file));
        }
    }

    @Test
    void everyCodeFileFitsAppSyncsCodeSizeLimit() {
        assertThat(codeLocations()).allSatisfy(location -> assertThat(Files.readString(template.local(location)))
                .hasSizeLessThanOrEqualTo(MAX_CODE_CHARACTERS));
    }

    @Test
    void everyRootFieldHasExactlyOnePipelineResolverAndNothingElseHasOne() {
        List<String> fields = new ArrayList<>();
        ROOT_TYPES.forEach(type -> rootFields(type).forEach(field -> fields.add(type + "." + field.getName())));

        List<String> resolved = template.resources("AWS::AppSync::Resolver").stream()
                .map(Map.Entry::getValue)
                .peek(resolver -> assertThat(resolver.get("Kind").asText()).isEqualTo("PIPELINE"))
                .map(resolver -> resolver.get("TypeName").asText() + "." + resolver.get("FieldName").asText())
                .toList();

        assertThat(resolved).containsExactlyInAnyOrderElementsOf(fields);
    }

    @Test
    void pipelinesNameOnlyDeclaredFunctions() {
        Set<String> functions = new HashSet<>();
        template.resources("AWS::AppSync::FunctionConfiguration").forEach(f -> functions.add(f.getKey()));

        template.resources("AWS::AppSync::Resolver").forEach(resolver -> assertThat(
                resolver.getValue().at("/PipelineConfig/Functions"))
                .isNotEmpty()
                .allSatisfy(ref -> assertThat(ref.asText()).endsWith(".FunctionId")
                        .satisfies(text -> assertThat(functions).contains(text.replace(".FunctionId", "")))));
    }

    @Test
    void functionsUseDeclaredDataSourcesAndTheTableSourceIsTheTable() {
        Set<String> sources = new HashSet<>();
        template.resources("AWS::AppSync::DataSource").forEach(source -> sources.add(source.getKey() + ".Name"));

        template.resources("AWS::AppSync::FunctionConfiguration").forEach(function -> assertThat(sources)
                .contains(function.getValue().get("DataSourceName").asText()));
        assertThat(template.resource("TableDataSource").at("/Properties/DynamoDBConfig/TableName").asText())
                .isEqualTo("Table");
        assertThat(template.resource("NoneDataSource").at("/Properties/Type").asText()).isEqualTo("NONE");
    }

    @Test
    void allCodeRunsOnAppSyncJs() {
        Stream.concat(template.resources("AWS::AppSync::Resolver").stream(),
                        template.resources("AWS::AppSync::FunctionConfiguration").stream())
                .forEach(code -> {
                    assertThat(code.getValue().at("/Runtime/Name").asText()).isEqualTo("APPSYNC_JS");
                    assertThat(code.getValue().at("/Runtime/RuntimeVersion").asText()).isEqualTo("1.0.0");
                });
    }

    @Test
    void theTableIsTheCoreLayout() {
        JsonNode table = only("AWS::DynamoDB::Table");

        assertThat(table.at("/KeySchema/0/AttributeName").asText()).isEqualTo(SyncStoreLayout.PARTITION_KEY);
        assertThat(table.at("/KeySchema/1/AttributeName").asText()).isEqualTo(SyncStoreLayout.SORT_KEY);
        assertThat(table.get("LocalSecondaryIndexes")).hasSize(2);
        String logicalId = template.resources("AWS::DynamoDB::Table").get(0).getKey();
        assertThat(template.resource(logicalId).path("DeletionPolicy").asText()).isEqualTo("Retain");
        assertThat(template.resource(logicalId).path("UpdateReplacePolicy").asText()).isEqualTo("Retain");
        index(table.at("/LocalSecondaryIndexes/0"), SyncStoreLayout.SYNC_COUNT_INDEX, SyncStoreLayout.SYNC_COUNT);
        index(table.at("/LocalSecondaryIndexes/1"), SyncStoreLayout.LIVE_INDEX, SyncStoreLayout.LIVE_SORT_KEY);
    }

    private static void index(JsonNode index, String name, String sortKey) {
        assertThat(index.get("IndexName").asText()).isEqualTo(name);
        assertThat(index.at("/KeySchema/0/AttributeName").asText()).isEqualTo(SyncStoreLayout.PARTITION_KEY);
        assertThat(index.at("/KeySchema/1/AttributeName").asText()).isEqualTo(sortKey);
        assertThat(index.at("/Projection/ProjectionType").asText()).isEqualTo("ALL");
    }

    @Test
    void theApiUsesIamAndValidEnvironmentVariables() {
        JsonNode api = only("AWS::AppSync::GraphQLApi");

        assertThat(api.get("AuthenticationType").asText()).isEqualTo("AWS_IAM");
        List<String> names = new ArrayList<>();
        api.get("EnvironmentVariables").fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactlyInAnyOrder("SYNCSHIFT_TABLE", "SYNCSHIFT_ADMIN_ROLE_ARN")
                .allSatisfy(name -> assertThat(name).matches("[A-Za-z][A-Za-z0-9_]+"));
    }

    @Test
    void usersMayCallOnlyUserFieldsAndTheMigratorOnlyAdminFields() {
        List<String> fields = new ArrayList<>();
        ROOT_TYPES.forEach(type -> rootFields(type).forEach(f -> fields.add("/types/" + type + "/fields/"
                + f.getName())));

        assertThat(grantedFields("AuthenticatedUserPolicy"))
                .containsExactlyInAnyOrderElementsOf(fields.stream().filter(f -> !f.contains("/admin")).toList());
        assertThat(grantedFields("MigratorPolicy"))
                .containsExactlyInAnyOrderElementsOf(fields.stream().filter(f -> f.contains("/admin")).toList());
    }

    /**
     * Cognito Sync serves a pool's guests (unauthenticated identities) as it serves signed-in users, through the
     * pool's unauthenticated role; a stack that granted the API to authenticated identities only would lock every
     * guest out of the data migrated for them.
     */
    @Test
    void thePoolsGuestsAndSignedInUsersMayBothCallTheUserFields() {
        List<String> amrs = new ArrayList<>();
        template.resources("AWS::IAM::Role").forEach(role -> {
            JsonNode statement = role.getValue().at("/AssumeRolePolicyDocument/Statement/0");
            if ("cognito-identity.amazonaws.com".equals(statement.at("/Principal/Federated").asText())
                    && "IdentityPoolId".equals(statement.at("/Condition/StringEquals")
                            .path("cognito-identity.amazonaws.com:aud").asText())
                    && role.getValue().path("ManagedPolicyArns").toString().contains("\"AuthenticatedUserPolicy\"")) {
                amrs.add(statement.at("/Condition/ForAnyValue:StringLike").path("cognito-identity.amazonaws.com:amr")
                        .asText());
            }
        });

        assertThat(amrs).containsExactlyInAnyOrder("authenticated", "unauthenticated");
    }

    /**
     * The emulator evaluates no IAM policy: a function that asked DynamoDB for an operation its data source's role
     * does not allow would pass every test here and be refused on AWS. The role allows exactly what the table's
     * functions ask for, on the table, and on its indexes since functions query them.
     */
    @Test
    void theDataSourceRoleAllowsExactlyWhatTheTableFunctionsAsk() throws IOException {
        Set<String> asked = new TreeSet<>();
        boolean queriesAnIndex = false;
        for (Map.Entry<String, JsonNode> function : template.resources("AWS::AppSync::FunctionConfiguration")) {
            if ("TableDataSource.Name".equals(function.getValue().get("DataSourceName").asText())) {
                String code = Files.readString(template.local(function.getValue().get("CodeS3Location").asText()));
                Matcher operation = OPERATION.matcher(code);
                while (operation.find()) {
                    assertThat(DYNAMODB_ACTIONS).containsKey(operation.group(1));
                    asked.addAll(DYNAMODB_ACTIONS.get(operation.group(1)));
                }
                queriesAnIndex |= code.contains("index:");
            }
        }
        JsonNode statements = template.resource("DataSourceRole").at("/Properties/Policies/0/PolicyDocument/Statement");
        Set<String> allowed = new TreeSet<>();
        statements.get(0).get("Action").forEach(action -> allowed.add(action.asText()));

        assertThat(queriesAnIndex).isTrue();
        assertThat(statements).hasSize(1);
        assertThat(allowed).isEqualTo(asked);
        assertThat(statements.get(0).get("Resource")).extracting(JsonNode::asText)
                .containsExactly("Table.Arn", "${Table.Arn}/index/*");
    }

    @Test
    void theSubscriptionListensToMutationsOfItsOwnType() {
        FieldDefinition subscription = rootFields("Subscription").get(0);
        ArrayValue mutations = (ArrayValue) subscription.getDirectives("aws_subscribe").get(0)
                .getArgument("mutations").getValue();

        assertThat(mutations.getValues()).isNotEmpty().allSatisfy(value -> {
            String name = ((StringValue) value).getValue();
            FieldDefinition mutation = rootFields("Mutation").stream()
                    .filter(f -> f.getName().equals(name)).findFirst().orElseThrow();
            assertThat(mutation.getType().toString()).contains(subscription.getType().toString()
                    .replace("TypeName{name='", "").replace("'}", ""));
        });
    }

    private List<String> grantedFields(String policy) {
        List<String> granted = new ArrayList<>();
        template.resource(policy).at("/Properties/PolicyDocument/Statement").forEach(statement -> {
            if ("appsync:GraphQL".equals(statement.path("Action").asText())) {
                statement.get("Resource").forEach(arn -> granted.add(arn.asText().replace("${Api.Arn}", "")));
            }
        });
        return granted;
    }

    private List<String> codeLocations() {
        return Stream.concat(template.resources("AWS::AppSync::Resolver").stream(),
                        template.resources("AWS::AppSync::FunctionConfiguration").stream())
                .map(code -> code.getValue().get("CodeS3Location").asText())
                .toList();
    }

    private JsonNode only(String type) {
        List<Map.Entry<String, JsonNode>> found = template.resources(type);
        assertThat(found).hasSize(1);
        return found.get(0).getValue();
    }

    private List<FieldDefinition> rootFields(String type) {
        return schema.getType(type, ObjectTypeDefinition.class).orElseThrow().getFieldDefinitions();
    }

    private TypeDefinitionRegistry schema() {
        Path file = template.local(only("AWS::AppSync::GraphQLSchema").get("DefinitionS3Location").asText());
        return new SchemaParser().parse(file.toFile());
    }
}
