package dev.syncshift.emulator.appsync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syncshift.emulator.appsync.junit.AppSyncEmulatorExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.appsync.AppSyncClient;
import software.amazon.awssdk.services.appsync.model.AppSyncException;
import software.amazon.awssdk.services.appsync.model.BadRequestException;
import software.amazon.awssdk.services.appsync.model.ListTypesResponse;
import software.amazon.awssdk.services.appsync.model.NotFoundException;
import software.amazon.awssdk.services.appsync.model.Type;
import software.amazon.awssdk.services.appsync.model.TypeDefinitionFormat;

/**
 * ListTypes, GetType and ListTagsForResource through the real AWS SDK {@code AppSyncClient}, against the test API
 * (whose template tags the API and whose schema describes {@code Note}).
 */
class ControlPlaneTypesAndTagsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ACCOUNT_ARN = "arn:aws:appsync:us-east-1:123456789012:apis/";
    private static final List<String> DECLARED = List.of("Mutation", "Note", "NoteInput", "NotePage", "Query",
            "Subscription");

    @RegisterExtension
    static final AppSyncEmulatorExtension APPSYNC = TestApi.extension();

    private static AppSyncClient appSync;
    private static String apiId;

    @BeforeAll
    static void client(AppSyncEmulator emulator) {
        appSync = ControlPlaneTest.client(emulator, "AKIDALICE", "alice-secret");
        apiId = emulator.apiId();
    }

    @AfterAll
    static void closeClient() {
        appSync.close();
    }

    @Test
    void listTypesPagesThroughTheDeclaredTypesInSdl() {
        List<Type> types = allTypes(TypeDefinitionFormat.SDL, 2);

        assertThat(types).extracting(Type::name).containsExactlyElementsOf(DECLARED);
        assertThat(types).allSatisfy(t -> {
            assertThat(t.format()).isEqualTo(TypeDefinitionFormat.SDL);
            assertThat(t.arn()).isEqualTo(ACCOUNT_ARN + apiId + "/types/" + t.name());
        });
        Type note = types.get(1);
        assertThat(note.description()).isEqualTo("A note one owner keeps.");
        assertThat(note.definition()).contains("type Note @aws_iam {").contains("shout: String")
                .doesNotContain("type NotePage");
        assertThat(types.get(2).definition()).startsWith("input NoteInput {");
        assertThat(types.get(5).definition()).contains("@aws_subscribe");
        assertThat(types.get(0).description()).isNull();
    }

    @Test
    void getTypeDescribesOneTypeAsListTypesDoesInSdlAndJson() throws Exception {
        Type sdl = appSync.getType(b -> b.apiId(apiId).typeName("Note").format(TypeDefinitionFormat.SDL)).type();
        Type json = appSync.getType(b -> b.apiId(apiId).typeName("Note").format(TypeDefinitionFormat.JSON)).type();

        assertThat(sdl).isEqualTo(allTypes(TypeDefinitionFormat.SDL, 25).get(1));
        assertThat(json).isEqualTo(allTypes(TypeDefinitionFormat.JSON, 0).get(1));
        assertThat(json.format()).isEqualTo(TypeDefinitionFormat.JSON);
        JsonNode described = JSON.readTree(json.definition());
        assertThat(described.path("kind").asText()).isEqualTo("OBJECT");
        assertThat(described.path("name").asText()).isEqualTo("Note");
        assertThat(described.path("description").asText()).isEqualTo("A note one owner keeps.");
        assertThat(described.path("fields").findValuesAsText("name")).contains("owner", "shout");
    }

    @Test
    void listTagsForResourceAnswersTheTemplatesTagsOfTheApi() {
        Map<String, String> tags = appSync.listTagsForResource(b -> b.resourceArn(ACCOUNT_ARN + apiId)).tags();

        assertThat(tags).containsExactlyInAnyOrderEntriesOf(Map.of("team", "sync", "stage", "test"));
        assertThat(appSync.getGraphqlApi(b -> b.apiId(apiId)).graphqlApi().tags()).isEqualTo(tags);
    }

    @Test
    void anUnknownApiOrTypeIsNotFound() {
        List<Type> before = allTypes(TypeDefinitionFormat.SDL, 0);

        assertNotFound(() -> appSync.listTypes(b -> b.apiId("nosuchapi").format(TypeDefinitionFormat.SDL)),
                "GraphQL API nosuchapi not found.");
        assertNotFound(() -> appSync.getType(b -> b.apiId("nosuchapi").typeName("Note")
                .format(TypeDefinitionFormat.SDL)), "GraphQL API nosuchapi not found.");
        assertNotFound(() -> appSync.getType(b -> b.apiId(apiId).typeName("Nope").format(TypeDefinitionFormat.SDL)),
                "Type Nope not found.");
        assertNotFound(() -> appSync.getType(b -> b.apiId(apiId).typeName("String").format(TypeDefinitionFormat.JSON)),
                "Type String not found.");
        assertThat(allTypes(TypeDefinitionFormat.SDL, 0)).isEqualTo(before);
    }

    @Test
    void aBadFormatPageSizeOrTokenIsABadRequest() {
        String bogus = "Invalid format: XML. Valid values are SDL and JSON.";
        String tokenOfAnotherList = appSync.listResolvers(b -> b.apiId(apiId).typeName("Query").maxResults(1))
                .nextToken();
        String sdlToken = appSync.listTypes(b -> b.apiId(apiId).format(TypeDefinitionFormat.SDL).maxResults(1))
                .nextToken();

        assertBadRequest(() -> appSync.listTypes(b -> b.apiId(apiId).format("XML")), bogus);
        assertBadRequest(() -> appSync.getType(b -> b.apiId(apiId).typeName("Note").format("XML")), bogus);
        assertBadRequest(() -> appSync.getType(b -> b.apiId(apiId).typeName("Note")),
                "Invalid format: null. Valid values are SDL and JSON.");
        assertBadRequest(() -> appSync.listTypes(b -> b.apiId(apiId).format(TypeDefinitionFormat.SDL).maxResults(26)),
                "maxResults must be between 0 and 25.");
        assertBadRequest(() -> appSync.listTypes(b -> b.apiId(apiId).format(TypeDefinitionFormat.SDL).maxResults(-1)),
                "maxResults must be between 0 and 25.");
        assertBadRequest(() -> appSync.listTypes(b -> b.apiId(apiId).format(TypeDefinitionFormat.SDL)
                .nextToken("bogus")), "Invalid pagination token.");
        assertBadRequest(() -> appSync.listTypes(b -> b.apiId(apiId).format(TypeDefinitionFormat.SDL)
                .nextToken(tokenOfAnotherList)), "Invalid pagination token.");
        assertBadRequest(() -> appSync.listTypes(b -> b.apiId(apiId).format(TypeDefinitionFormat.JSON)
                .nextToken(sdlToken)), "Invalid pagination token.");
    }

    @Test
    void aMalformedArnIsABadRequestAndAnotherApisIsNotFound() {
        String shortArn = ACCOUNT_ARN + "abc";
        String dataSourceArn = ACCOUNT_ARN + apiId + "/datasources/notes";
        String otherService = "arn:aws:dynamodb:us-east-1:123456789012:apis/" + apiId;
        String otherApi = ACCOUNT_ARN + "a".repeat(26);
        String otherRegion = "arn:aws:appsync:eu-west-1:123456789012:apis/" + apiId;

        assertBadRequest(() -> tags(shortArn), "1 validation error detected: Value '" + shortArn
                + "' at 'resourceArn' failed to satisfy constraint: Member must have length between 70 and 75");
        assertBadRequest(() -> tags(dataSourceArn), "1 validation error detected: Value '" + dataSourceArn
                + "' at 'resourceArn' failed to satisfy constraint: Member must have length between 70 and 75");
        assertBadRequest(() -> tags(otherService), "1 validation error detected: Value '" + otherService
                + "' at 'resourceArn' failed to satisfy constraint: Member must satisfy regular expression pattern: "
                + "^arn:aws:appsync:[A-Za-z0-9_/.-]{0,63}:\\d{12}:apis/[0-9A-Za-z_-]{26}$");
        assertNotFound(() -> tags(otherApi), "GraphQL API " + "a".repeat(26) + " not found.");
        assertNotFound(() -> tags(otherRegion), "GraphQL API " + apiId + " not found.");
        assertThat(tags(ACCOUNT_ARN + apiId)).containsEntry("team", "sync");
    }

    private static Map<String, String> tags(String arn) {
        return appSync.listTagsForResource(b -> b.resourceArn(arn)).tags();
    }

    private static List<Type> allTypes(TypeDefinitionFormat format, int pageSize) {
        List<Type> all = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            ListTypesResponse page = appSync.listTypes(b -> b.apiId(apiId).format(format).maxResults(pageSize)
                    .nextToken(next));
            assertThat(page.types()).hasSizeLessThanOrEqualTo(pageSize == 0 ? 25 : pageSize);
            all.addAll(page.types());
            token = page.nextToken();
        } while (token != null);
        return all;
    }

    private static void assertNotFound(ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(NotFoundException.class, e -> assertError(e, 404, message));
    }

    private static void assertBadRequest(ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(BadRequestException.class, e -> assertError(e, 400, message));
    }

    private static void assertError(AppSyncException e, int status, String message) {
        assertThat(e.statusCode()).isEqualTo(status);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo(e.getClass().getSimpleName());
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
    }
}
