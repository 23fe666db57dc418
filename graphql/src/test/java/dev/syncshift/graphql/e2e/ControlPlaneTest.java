package dev.syncshift.graphql.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syncshift.emulator.appsync.AppSyncEmulator;
import dev.syncshift.emulator.appsync.junit.AppSyncEmulatorExtension;
import dev.syncshift.graphql.AppSyncSchema;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaPrinter;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.appsync.AppSyncClient;
import software.amazon.awssdk.services.appsync.model.AuthenticationType;
import software.amazon.awssdk.services.appsync.model.EvaluateCodeResponse;
import software.amazon.awssdk.services.appsync.model.OutputType;
import software.amazon.awssdk.services.appsync.model.Resolver;
import software.amazon.awssdk.services.appsync.model.RuntimeName;

/**
 * The preflight the migrator's {@code check} runs against a deployed API, run against the emulator serving the real
 * template, through the real AWS SDK {@code AppSyncClient}.
 */
class ControlPlaneTest {

    @RegisterExtension
    static final AppSyncEmulatorExtension APPSYNC = SyncshiftApi.extension();

    private static AppSyncClient appSync;
    private static String apiId;

    @BeforeAll
    static void client(AppSyncEmulator emulator) {
        appSync = AppSyncClient.builder().endpointOverride(emulator.controlPlaneEndpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        SyncshiftApi.MIGRATOR.accessKeyId(), SyncshiftApi.MIGRATOR.secretAccessKey())))
                .httpClient(UrlConnectionHttpClient.create()).build();
        apiId = emulator.apiId();
    }

    @AfterAll
    static void closeClient() {
        appSync.close();
    }

    @Test
    void theApiIsIamAuthorized() {
        assertThat(appSync.getGraphqlApi(b -> b.apiId(apiId)).graphqlApi().authenticationType())
                .isEqualTo(AuthenticationType.AWS_IAM);
    }

    @Test
    void theIntrospectedSchemaIsSchemaGraphql() throws Exception {
        String served = appSync.getIntrospectionSchema(b -> b.apiId(apiId).format(OutputType.SDL)).schema()
                .asUtf8String();

        String deployed = Files.readString(SyncshiftApi.MODULE.resolve("schema.graphql"));
        assertThat(print(served)).isEqualTo(print(deployed));
    }

    @Test
    void everyRootFieldHasItsAppSyncJsResolver() throws Exception {
        GraphQLSchema schema = AppSyncSchema.parse(Files.readString(SyncshiftApi.MODULE
                .resolve("schema.graphql")));
        for (String type : List.of("Query", "Mutation", "Subscription")) {
            List<Resolver> resolvers = appSync.listResolvers(b -> b.apiId(apiId).typeName(type)).resolvers();

            assertThat(resolvers).extracting(Resolver::fieldName).containsExactlyInAnyOrderElementsOf(
                    fields(schema, type));
            assertThat(resolvers).allSatisfy(r -> assertThat(r.runtime().name()).isEqualTo(RuntimeName.APPSYNC_JS));
        }
    }

    @Test
    void evaluateCodeRunsAResolverFileOfTheApi() throws Exception {
        String code = Files.readString(SyncshiftApi.MODULE.resolve("resolvers/readIdentity.js"));

        EvaluateCodeResponse answer = evaluate(code, "request",
                "{\"arguments\":{},\"stash\":{\"identityId\":\"us-east-1:00000000-0000-4000-8000-0\"}}");

        ObjectMapper json = new ObjectMapper();
        assertThat(answer.error()).isNull();
        assertThat(json.readTree(answer.evaluationResult()).at("/operation").asText()).isEqualTo("Query");
        assertThat(json.readTree(answer.evaluationResult()).at("/query/expressionValues/:pk/S").asText())
                .isEqualTo("I#us-east-1:00000000-0000-4000-8000-0");
    }

    @Test
    void readIdentityQueriesAWholePageAndRefusesAPartitionThatDoesNotFit() throws Exception {
        String code = Files.readString(SyncshiftApi.MODULE.resolve("resolvers/readIdentity.js"));

        EvaluateCodeResponse request = evaluate(code, "request",
                "{\"arguments\":{},\"stash\":{\"identityId\":\"us-east-1:x\"}}");
        EvaluateCodeResponse partial = evaluate(code, "response",
                "{\"arguments\":{},\"stash\":{\"identityId\":\"us-east-1:x\",\"datasetName\":\"d\"},"
                        + "\"result\":{\"items\":[],\"nextToken\":\"more\"}}");

        assertThat(new ObjectMapper().readTree(request.evaluationResult()).has("limit")).isFalse();
        assertThat(partial.error().message()).contains("more dataset metadata than one DynamoDB page");
    }

    private static EvaluateCodeResponse evaluate(String code, String function, String context) {
        return appSync.evaluateCode(b -> b.runtime(r -> r.name(RuntimeName.APPSYNC_JS).runtimeVersion("1.0.0"))
                .code(code).function(function).context(context));
    }

    static String print(String sdl) {
        return new SchemaPrinter(SchemaPrinter.Options.defaultOptions().includeScalarTypes(false)
                .includeDirectiveDefinitions(false)).print(AppSyncSchema.parse(sdl));
    }

    private static List<String> fields(GraphQLSchema schema, String type) {
        return schema.getObjectType(type).getFieldDefinitions().stream().map(GraphQLFieldDefinition::getName).toList();
    }
}
