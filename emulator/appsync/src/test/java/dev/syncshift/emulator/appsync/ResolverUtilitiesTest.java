package dev.syncshift.emulator.appsync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.JsonNode;
import dev.syncshift.emulator.appsync.junit.AppSyncEmulatorExtension;
import dev.syncshift.emulator.appsync.junit.SignedGraphQlClient;
import java.io.IOException;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The {@code @aws-appsync/utils} functions resolvers use, as seen through a resolver's result. */
class ResolverUtilitiesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final AppSyncEmulatorExtension APPSYNC = TestApi.extension();

    private static JsonNode results;

    /** A utility and the JSON it produced. */
    record Row(String pointer, String expected) {
        @Override
        public String toString() {
            return pointer;
        }
    }

    @BeforeAll
    static void callUtilities(AppSyncEmulator emulator) throws IOException {
        SignedGraphQlClient.Answer answer = new SignedGraphQlClient(emulator.endpoint()).post(Caller.ALICE
                .credentials(),
                "query($in: AWSJSON) { utilities(input: $in) }", Map.of("in", "{\"k\":[1,2]}"));
        results = JSON.readTree(answer.body().at("/data/utilities").asText());
    }

    static Stream<Row> rows() {
        return Stream.of(
                new Row("/autoIdLength", "36"),
                new Row("/nowIsRecent", "true"),
                new Row("/isoParses", "1704164645000"),
                new Row("/epochSeconds", "1700000000"),
                new Row("/toDynamoDB", "{\"M\":{\"a\":{\"N\":\"1\"},\"b\":{\"L\":[{\"S\":\"x\"},{\"BOOL\":true}]},"
                        + "\"c\":{\"NULL\":true}}}"),
                new Row("/toMapValues", "{\"s\":{\"S\":\"v\"},\"n\":{\"N\":\"2\"}}"),
                new Row("/typeOfList", "\"List\""),
                new Row("/isNullOrEmpty", "true"),
                new Row("/matches", "true"),
                new Row("/base64", "\"aGk=\""),
                new Row("/getRequest", "{\"operation\":\"GetItem\",\"key\":{\"id\":{\"S\":\"k\"}},"
                        + "\"consistentRead\":false}"),
                new Row("/input", "{\"k\":[1,2]}"),
                new Row("/hasOwn", "true"),
                new Row("/subscriptionFilter", "{\"filterGroup\":["
                        + "{\"filters\":[{\"fieldName\":\"a\",\"operator\":\"eq\",\"value\":1},"
                        + "{\"fieldName\":\"b\",\"operator\":\"gt\",\"value\":2}]},"
                        + "{\"filters\":[{\"fieldName\":\"a\",\"operator\":\"eq\",\"value\":1},"
                        + "{\"fieldName\":\"c\",\"operator\":\"in\",\"value\":[\"x\"]}]}]}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void utilityBehavesAsDocumented(Row row) {
        assertThat(results.at(row.pointer()).toString()).isEqualTo(row.expected());
    }
}
