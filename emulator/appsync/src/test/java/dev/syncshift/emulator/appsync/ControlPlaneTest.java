package dev.syncshift.emulator.appsync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syncshift.emulator.appsync.junit.AppSyncEmulatorExtension;
import dev.syncshift.emulator.appsync.template.CloudFormationTemplate;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
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
import software.amazon.awssdk.services.appsync.model.AppSyncException;
import software.amazon.awssdk.services.appsync.model.AppSyncRuntime;
import software.amazon.awssdk.services.appsync.model.AuthenticationType;
import software.amazon.awssdk.services.appsync.model.BadRequestException;
import software.amazon.awssdk.services.appsync.model.DataSource;
import software.amazon.awssdk.services.appsync.model.DataSourceType;
import software.amazon.awssdk.services.appsync.model.EvaluateCodeResponse;
import software.amazon.awssdk.services.appsync.model.EvaluateCodeRequest;
import software.amazon.awssdk.services.appsync.model.FunctionConfiguration;
import software.amazon.awssdk.services.appsync.model.GetGraphqlApiResponse;
import software.amazon.awssdk.services.appsync.model.GraphQLApiType;
import software.amazon.awssdk.services.appsync.model.GraphqlApi;
import software.amazon.awssdk.services.appsync.model.ListResolversResponse;
import software.amazon.awssdk.services.appsync.model.NotFoundException;
import software.amazon.awssdk.services.appsync.model.OutputType;
import software.amazon.awssdk.services.appsync.model.Ownership;
import software.amazon.awssdk.services.appsync.model.Resolver;
import software.amazon.awssdk.services.appsync.model.ResolverKind;
import software.amazon.awssdk.services.appsync.model.RuntimeName;
import software.amazon.awssdk.services.appsync.model.UnauthorizedException;

/** The control plane through the real AWS SDK {@code AppSyncClient}, against the test API. */
class ControlPlaneTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** AppSync names every request, and the SDK reads the name into responses and exceptions. */
    private static final String REQUEST_ID = "[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}";

    @RegisterExtension
    static final AppSyncEmulatorExtension APPSYNC = TestApi.extension();
    private static final AppSyncRuntime JS = AppSyncRuntime.builder().name(RuntimeName.APPSYNC_JS)
            .runtimeVersion("1.0.0").build();

    private static AppSyncClient appSync;
    private static String apiId;

    @BeforeAll
    static void client(AppSyncEmulator emulator) {
        appSync = client(emulator, "AKIDALICE", "alice-secret");
        apiId = emulator.apiId();
    }

    @AfterAll
    static void closeClient() {
        appSync.close();
    }

    static AppSyncClient client(AppSyncEmulator emulator, String accessKeyId, String secret) {
        return AppSyncClient.builder().endpointOverride(emulator.controlPlaneEndpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secret)))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    @Test
    void getGraphqlApiDescribesTheTemplatesApi(AppSyncEmulator emulator) {
        GetGraphqlApiResponse response = appSync.getGraphqlApi(b -> b.apiId(apiId));
        GraphqlApi api = response.graphqlApi();

        assertThat(api.apiId()).isEqualTo(apiId).matches("[a-z0-9]{26}");
        assertThat(api.name()).isEqualTo("emulator-test");
        assertThat(api.authenticationType()).isEqualTo(AuthenticationType.AWS_IAM);
        assertThat(api.arn()).isEqualTo("arn:aws:appsync:us-east-1:123456789012:apis/" + apiId);
        assertThat(api.uris()).containsEntry("GRAPHQL", emulator.endpoint().toString())
                .containsEntry("REALTIME", emulator.realtimeEndpoint().toString());
        assertThat(response.responseMetadata().requestId()).matches(REQUEST_ID);
    }

    @Test
    void theApiIdIsTheSameForTheSameTemplate() {
        assertThat(CloudFormationTemplate.load(TestApi.TEMPLATE).api().apiId()).isEqualTo(apiId);
    }

    @Test
    void anUnknownApiIdIsNotFound() {
        assertThatThrownBy(() -> appSync.getGraphqlApi(b -> b.apiId("nosuchapi")))
                .isInstanceOfSatisfying(NotFoundException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NotFoundException");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("GraphQL API nosuchapi not found.");
                    assertThat(e.requestId()).matches(REQUEST_ID);
                });
        assertThatThrownBy(() -> appSync.listFunctions(b -> b.apiId("nosuchapi")))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void anOperationTheEmulatorDoesNotServeSaysSoInTheControlPlanesShape() {
        // was the data plane's {"errors":[...]}, where the SDKs (the Java SDK and botocore alike) find no message
        assertThatThrownBy(() -> appSync.createApiKey(b -> b.apiId(apiId)))
                .isInstanceOfSatisfying(AppSyncException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnknownOperationException");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The AppSync emulator's control plane "
                            + "is read-only: it serves ListGraphqlApis, GetGraphqlApi, "
                            + "GetGraphqlApiEnvironmentVariables, GetIntrospectionSchema, ListTypes, GetType, "
                            + "ListDataSources, GetDataSource, ListResolvers, GetResolver, ListFunctions, GetFunction, "
                            + "ListTagsForResource and EvaluateCode");
                });
    }

    @Test
    void listGraphqlApisFindsTheOneApiUnlessItsFiltersLeaveItOut(AppSyncEmulator emulator) {
        List<GraphqlApi> apis = appSync.listGraphqlApis(b -> { }).graphqlApis();

        assertThat(apis).singleElement().satisfies(api -> {
            assertThat(api.apiId()).isEqualTo(apiId);
            assertThat(api.uris()).containsEntry("GRAPHQL", emulator.endpoint().toString());
        });
        assertThat(appSync.listGraphqlApis(b -> b.apiType(GraphQLApiType.MERGED)).graphqlApis()).isEmpty();
        assertThat(appSync.listGraphqlApis(b -> b.owner(Ownership.OTHER_ACCOUNTS)).graphqlApis()).isEmpty();
        assertThatThrownBy(() -> appSync.listGraphqlApis(b -> b.owner("NOBODY")))
                .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.awsErrorDetails()
                        .errorMessage()).isEqualTo("Invalid owner: NOBODY. Valid values are CURRENT_ACCOUNT and "
                                + "OTHER_ACCOUNTS."));
    }

    @Test
    void theTemplatesEnvironmentVariablesAreWhatResolversReadAsCtxEnv() {
        assertThat(appSync.getGraphqlApiEnvironmentVariables(b -> b.apiId(apiId)).environmentVariables())
                .containsEntry("GREETING", "hello").containsKey("NOTES_TABLE");
        assertThatThrownBy(() -> appSync.getGraphqlApiEnvironmentVariables(b -> b.apiId("nosuchapi")))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void dataSourcesAreListedAndDescribedByName() {
        List<DataSource> listed = appSync.listDataSources(b -> b.apiId(apiId)).dataSources();
        DataSource notes = appSync.getDataSource(b -> b.apiId(apiId).name("notes")).dataSource();

        assertThat(listed).extracting(DataSource::name).containsExactlyInAnyOrder("notes", "none");
        assertThat(notes.type()).isEqualTo(DataSourceType.AMAZON_DYNAMODB);
        assertThat(notes.dataSourceArn()).isEqualTo("arn:aws:appsync:us-east-1:123456789012:apis/" + apiId
                + "/datasources/notes");
        assertThat(notes.dynamodbConfig().awsRegion()).isEqualTo("us-east-1");
        assertThat(notes.dynamodbConfig().tableName()).isEqualTo(appSync.getGraphqlApiEnvironmentVariables(
                b -> b.apiId(apiId)).environmentVariables().get("NOTES_TABLE"));
        assertThat(listed.stream().filter(d -> d.name().equals("none")).findFirst().orElseThrow().type())
                .isEqualTo(DataSourceType.NONE);
        assertThatThrownBy(() -> appSync.getDataSource(b -> b.apiId(apiId).name("nosuch")))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("No data source found named nosuch."));
    }

    @Test
    void aResolverAndAFunctionAreDescribedAsTheirListsDescribeThem() {
        Resolver listed = appSync.listResolvers(b -> b.apiId(apiId).typeName("Query")).resolvers().stream()
                .filter(r -> r.fieldName().equals("getNote")).findFirst().orElseThrow();
        FunctionConfiguration first = appSync.listFunctions(b -> b.apiId(apiId)).functions().get(0);

        assertThat(appSync.getResolver(b -> b.apiId(apiId).typeName("Query").fieldName("getNote")).resolver())
                .isEqualTo(listed);
        assertThat(appSync.getFunction(b -> b.apiId(apiId).functionId(first.functionId())).functionConfiguration())
                .isEqualTo(first);
        assertThatThrownBy(() -> appSync.getResolver(b -> b.apiId(apiId).typeName("Query").fieldName("nosuch")))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("No resolver found."));
        assertThatThrownBy(() -> appSync.getFunction(b -> b.apiId(apiId).functionId("nosuchfunction")))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("No function found."));
    }

    @Test
    void aWrongSecretIsUnauthorized(AppSyncEmulator emulator) {
        try (AppSyncClient forged = client(emulator, "AKIDALICE", "not-alice-secret")) {
            assertThatThrownBy(() -> forged.getGraphqlApi(b -> b.apiId(apiId)))
                    .isInstanceOfSatisfying(UnauthorizedException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(401);
                        assertThat(e.awsErrorDetails().errorMessage())
                                .startsWith("The request signature we calculated");
                    });
        }
    }

    @Test
    void getIntrospectionSchemaPrintsTheSchemaAsSdlAndJson() throws Exception {
        String sdl = appSync.getIntrospectionSchema(b -> b.apiId(apiId).format(OutputType.SDL)).schema()
                .asUtf8String();
        String json = appSync.getIntrospectionSchema(b -> b.apiId(apiId).format(OutputType.JSON)).schema()
                .asUtf8String();

        assertThat(sdl).contains("type Query").contains("@aws_subscribe").doesNotContain("scalar AWSDateTime");
        assertThat(appSync.getIntrospectionSchema(b -> b.apiId(apiId).format(OutputType.SDL)
                .includeDirectives(false)).schema().asUtf8String()).doesNotContain("@aws_subscribe");
        assertThat(JSON.readTree(json).at("/data/__schema/queryType/name").asText())
                .isEqualTo("Query");
    }

    @Test
    void listResolversPagesThroughATypesResolvers() {
        List<Resolver> all = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String next = token;
            ListResolversResponse page = appSync.listResolvers(b -> b.apiId(apiId).typeName("Query").maxResults(5)
                    .nextToken(next));
            all.addAll(page.resolvers());
            token = page.nextToken();
            pages++;
        } while (token != null);

        assertThat(pages).isGreaterThan(1);
        assertThat(all).extracting(Resolver::fieldName).doesNotHaveDuplicates().contains("getNote", "early");
        Resolver getNote = all.stream().filter(r -> r.fieldName().equals("getNote")).findFirst().orElseThrow();
        assertThat(getNote.kind()).isEqualTo(ResolverKind.UNIT);
        assertThat(getNote.runtime()).isEqualTo(JS);
        assertThat(getNote.code()).contains("operation: 'GetItem'");
        assertThat(getNote.dataSourceName()).isEqualTo("notes");
    }

    @Test
    void pipelineResolversNameTheirFunctionsByTheIdsListFunctionsGives() {
        List<FunctionConfiguration> functions = appSync.listFunctions(b -> b.apiId(apiId)).functions();
        List<Resolver> pipelines = appSync.listResolvers(b -> b.apiId(apiId).typeName("Query")).resolvers().stream()
                .filter(r -> r.kind() == ResolverKind.PIPELINE).toList();

        assertThat(functions).isNotEmpty().allSatisfy(f -> {
            assertThat(f.functionId()).matches("[a-z0-9]{26}");
            assertThat(f.runtime()).isEqualTo(JS);
            assertThat(f.code()).contains("export function request");
        });
        assertThat(pipelines).isNotEmpty().allSatisfy(r -> assertThat(functions).extracting(
                FunctionConfiguration::functionId).containsAll(r.pipelineConfig().functions()));
    }

    @Test
    void listsRefuseTokensTheyDidNotHandOut() {
        assertThatThrownBy(() -> appSync.listResolvers(b -> b.apiId(apiId).typeName("Query").nextToken("bogus")))
                .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.statusCode()).isEqualTo(400));
        assertThatThrownBy(() -> appSync.listFunctions(b -> b.apiId(apiId).maxResults(26)))
                .isInstanceOf(BadRequestException.class);
    }

    @Test
    void evaluateCodeRunsARequestHandlerAgainstAContext() throws Exception {
        String code = Files.readString(Path.of("src/test/resources/api/resolvers/getNote.js"));

        EvaluateCodeResponse answer = evaluate(code, "{\"arguments\":{\"id\":\"n1\"},\"identity\":"
                + "{\"cognitoIdentityId\":\"us-east-1:abc\"}}", "request");

        assertThat(answer.error()).isNull();
        assertThat(JSON.readTree(answer.evaluationResult())).isEqualTo(JSON
                .readTree("{\"operation\":\"GetItem\",\"key\":{\"owner\":{\"S\":\"us-east-1:abc\"},"
                        + "\"id\":{\"S\":\"n1\"}},\"consistentRead\":true}"));
    }

    @Test
    void evaluateCodeEncodesTheUtf8OfNonAsciiInBase64() throws Exception {
        String code = "import { util } from '@aws-appsync/utils';\n"
                + "export function request(ctx) { console.log('encoding', ctx.args.text); "
                + "return util.base64Encode(ctx.args.text); }\n"
                + "export function response(ctx) { return ctx.result; }\n";
        String text = "Grüße, 東京 🚀";

        EvaluateCodeResponse answer = evaluate(code, "{\"arguments\":{\"text\":\"" + text + "\"}}", "request");

        assertThat(JSON.readTree(answer.evaluationResult()).asText())
                .isEqualTo(Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)));
        assertThat(answer.logs()).containsExactly("INFO - encoding " + text);
    }

    @Test
    void evaluateCodeReportsUtilErrorAndCodeOutsideAppSyncJs() {
        String failing = "import { util } from '@aws-appsync/utils';\n"
                + "export function request(ctx) { util.error('no way', 'Refused'); }\n";
        String looping = "export function request(ctx) { let i = 0; while (i < 3) { i = i + 1; } return i; }\n";
        String broken = "export function request(ctx) { return {; }\n";

        assertThat(evaluate(failing, "{}", "request").error().message()).isEqualTo("no way");
        assertThat(evaluate(looping, "{}", "request").error().codeErrors()).singleElement()
                .satisfies(e -> assertThat(e.errorType()).isEqualTo("LINT_ERROR"));
        assertThat(evaluate(broken, "{}", "request").error().codeErrors()).singleElement().satisfies(e -> {
            assertThat(e.errorType()).isEqualTo("PARSER_ERROR");
            assertThat(e.location().line()).isEqualTo(1);
        });
    }

    @Test
    void evaluateCodeRefusesAnotherRuntimeAndAContextThatIsNoObject() {
        assertThatThrownBy(() -> appSync.evaluateCode(EvaluateCodeRequest.builder()
                .runtime(b -> b.name(RuntimeName.APPSYNC_JS).runtimeVersion("2.0.0")).code("x").context("{}")
                .build()))
                .isInstanceOf(BadRequestException.class);
        assertThatThrownBy(() -> evaluate("export function request(ctx) { return 1; }", "[1, 2]", "request"))
                .isInstanceOf(BadRequestException.class);
    }

    private static EvaluateCodeResponse evaluate(String code, String context, String function) {
        return appSync.evaluateCode(EvaluateCodeRequest.builder().runtime(JS).code(code).context(context)
                .function(function).build());
    }
}
