package dev.syncshift.emulator.appsync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syncshift.emulator.appsync.auth.Identity;
import dev.syncshift.emulator.appsync.rules.GraphQlRequest;
import dev.syncshift.emulator.appsync.rules.GraphQlRules;
import dev.syncshift.emulator.appsync.store.InMemorySubscriptionStore;
import dev.syncshift.emulator.appsync.template.CloudFormationTemplate;
import graphql.ExecutionResult;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ctx each handler of a resolver call gets: its fixed members (arguments, identity, source, info, env, request)
 * are its own, parsed when it first reads them, yet look and behave as plain members.
 */
class HandlerContextTest {

    private static final Identity IDENTITY = new Identity("123456789012", null, null, null, null,
            "arn:aws:sts::123456789012:assumed-role/Tester/test", "AROA:test", List.of("127.0.0.1"));
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aHandlersChangesToFixedMembersAreItsOwnAndMembersKeepTheirOrder() throws IOException {
        JsonNode seen = run("""
                const same = ctx.args === ctx.arguments;
                ctx.args.x = 'changed';
                ctx.identity = null;
                ctx.stash.first = { same, keys: Object.keys(ctx), x: ctx.arguments.x };
                return {};
                """, """
                const copy = JSON.parse(JSON.stringify(ctx));
                return JSON.stringify({ first: ctx.stash.first, x: ctx.args.x, identity: ctx.identity.username,
                    keys: Object.keys(ctx), copied: [copy.arguments.x, copy.info.fieldName, copy.request.headers.h],
                    spread: Object.keys({ ...ctx }).length });
                """);

        assertThat(seen.path("first").path("same").asBoolean()).isTrue();
        assertThat(seen.path("first").path("x").asText()).isEqualTo("changed");
        assertThat(seen.path("first").path("keys")).extracting(JsonNode::asText).containsExactly("arguments",
                "identity", "source", "stash", "info", "env", "request", "prev", "args");
        assertThat(seen.path("x").asText()).as("the response handler's own arguments").isEqualTo("a");
        assertThat(seen.path("identity").asText()).isEqualTo("AROA:test");
        assertThat(seen.path("keys")).extracting(JsonNode::asText).containsExactly("arguments", "identity", "source",
                "stash", "info", "env", "request", "prev", "result", "args");
        assertThat(seen.path("copied")).extracting(JsonNode::asText).containsExactly("a", "f", "v");
        assertThat(seen.path("spread").asInt()).isEqualTo(10);
    }

    @Test
    void aFrozenCtxStillReadsItsMembers() throws IOException {
        JsonNode seen = run("""
                Object.freeze(ctx);
                ctx.stash.x = ctx.args.x;
                ctx.stash.field = ctx.info.fieldName;
                return {};
                """, """
                return JSON.stringify({ x: ctx.stash.x, field: ctx.stash.field, same: ctx.args === ctx.arguments });
                """);

        assertThat(seen.path("x").asText()).isEqualTo("a");
        assertThat(seen.path("field").asText()).isEqualTo("f");
        assertThat(seen.path("same").asBoolean()).isTrue();
    }

    @Test
    void unauthorizedNamesTheFieldWhenTheHandlerNeverReadInfo() throws IOException {
        ExecutionResult result = execute("util.unauthorized();", "return ctx.result;");

        assertThat(result.getErrors()).singleElement().satisfies(error ->
                assertThat(error.getMessage()).isEqualTo("Not Authorized to access f on type Query"));
    }

    private JsonNode run(String request, String response) throws IOException {
        ExecutionResult result = execute(request, response);
        assertThat(result.getErrors()).isEmpty();
        Map<String, Object> data = result.getData();
        return JSON.readTree(String.valueOf(data.get("f")));
    }

    private ExecutionResult execute(String request, String response) throws IOException {
        try (GraphQlRules rules = new GraphQlRules(CloudFormationTemplate.load(template(request, response)).api(),
                new ClientItemStore(() -> {
                    throw new IllegalStateException("no DynamoDB here");
                }), new InMemorySubscriptionStore<>(), Duration.ofSeconds(30))) {
            return rules.execute(new GraphQlRequest("{ f(x: \"a\") }", Map.of(), null), IDENTITY, Map.of("h", "v"));
        }
    }

    private Path template(String request, String response) throws IOException {
        String code = "import { util } from '@aws-appsync/utils';\nexport function request(ctx) {\n" + request
                + "}\nexport function response(ctx) {\n" + response + "}\n";
        return OneFieldTemplate.write(dir, "type Query { f(x: String): String }",
                "Runtime: { Name: APPSYNC_JS, RuntimeVersion: 1.0.0 }", code);
    }
}
