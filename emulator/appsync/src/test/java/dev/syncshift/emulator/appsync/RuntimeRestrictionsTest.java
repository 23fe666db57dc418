package dev.syncshift.emulator.appsync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.syncshift.emulator.appsync.api.BadRequestException;
import dev.syncshift.emulator.appsync.auth.Identity;
import dev.syncshift.emulator.appsync.rules.GraphQlRequest;
import dev.syncshift.emulator.appsync.rules.GraphQlRules;
import dev.syncshift.emulator.appsync.rules.ResolverError;
import dev.syncshift.emulator.appsync.store.InMemorySubscriptionStore;
import dev.syncshift.emulator.appsync.template.CloudFormationTemplate;
import dev.syncshift.emulator.appsync.template.LoadedTemplate;
import graphql.ExecutionResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Code the APPSYNC_JS runtime refuses (AWS docs {@code supported-features.html}) does not start either. */
class RuntimeRestrictionsTest {

    private static final Identity IDENTITY = new Identity("123456789012", null, null, null, null,
            "arn:aws:sts::123456789012:assumed-role/Tester/test", "AROA:test", List.of("127.0.0.1"));

    @TempDir
    Path dir;

    /** A request handler body and the problem AppSync reports for it. */
    record Rejection(String name, String code, String problem) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Rejection> rejections() {
        return Stream.of(
                new Rejection("try/catch", "try { f(); } catch (e) { }", "try statement is not supported"),
                new Rejection("finally", "try { f(); } finally { }", "finally clause is not supported"),
                new Rejection("throw", "throw new Error('x');", "throw statement is not supported"),
                new Rejection("while", "while (ctx.args.x) { }", "while statement is not supported"),
                new Rejection("do-while", "do { } while (ctx.args.x);", "do-while statement is not supported"),
                new Rejection("classic for", "for (let i = 0; i < 3; i = i + 1) { }",
                        "for(initialization; condition; afterthought) loop is not supported"),
                new Rejection("continue", "for (const x of [1]) { continue; }", "continue statement is not supported"),
                new Rejection("labels", "outer: for (const x of [1]) { break outer; }",
                        "labeled statement is not supported"),
                new Rejection("++", "let i = 0; i++;", "unary operator ++ is not supported"),
                new Rejection("--", "let i = 0; --i;", "unary operator -- is not supported"),
                new Rejection("~", "const i = ~1;", "unary operator ~ is not supported"),
                new Rejection("in operator", "if ('x' in ctx.args) { }", "in operator is not supported"),
                new Rejection("over 32,768 characters", "return {}; // " + "x".repeat(32_768),
                        "the limit is 32768."),
                new Rejection("unbundled import", "return {};\n}\nimport { chunk } from 'lodash';\nfunction unused() {",
                        "cannot resolve import 'lodash'"),
                new Rejection("a quote in a regular expression does not hide a while",
                        "const q = /'/; while (ctx.args.x) { }", "while statement is not supported"),
                new Rejection("a comment opener in a regular expression does not hide a try",
                        "const r = /[/*]/; try { f(); } catch (e) { }", "try statement is not supported"),
                new Rejection("a loop inside a template literal's expression",
                        "const s = `${(() => { while (ctx.args.x) { } return 1; })()}`;",
                        "while statement is not supported"),
                new Rejection("catch and finally both", "try { f(); } catch (e) { } finally { }",
                        "finally clause is not supported"),
                new Rejection("code that is not JavaScript", "return {;", "Unexpected token"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejections")
    void refusesToStart(Rejection rejection) throws IOException {
        Path template = template(rejection.code(), "Runtime: { Name: APPSYNC_JS, RuntimeVersion: 1.0.0 }");

        assertThatThrownBy(() -> AppSyncEmulator.start(AppSyncEmulatorConfig.of(template, null)))
                .isInstanceOf(BadRequestException.class)
                .hasMessageStartingWith("The code contains one or more errors.")
                .hasMessageContaining(rejection.problem());
    }

    @Test
    void acceptsWhatTheRuntimeSupports() throws IOException {
        String code = "for (const k in ctx.args) { } for (const v of [1]) { } const s = `in ${'try'} while`;\n"
                + "  // do-while in a comment\n  const o = { try: 1, in: 2 }; o.catch = Object.hasOwn(o, 'try');\n"
                + "  const re = /while (x) { try { } }/; const q = '/* while */'; /* i++ */\n"
                + "  return { payload: s.length + re.source.length + q.length };";

        GraphQlRules.validate(CloudFormationTemplate.load(
                template(code, "Runtime: { Name: APPSYNC_JS, RuntimeVersion: 1.0.0 }")).api());

        assertThat(code).isNotEmpty();
    }

    @Test
    void interruptsAHandlerThatRunsTooLong() throws IOException {
        String code = "const forever = { [Symbol.iterator]() { return { next() { return { done: false } } }; } };\n"
                + "  for (const x of forever) { }\n  return {};";
        LoadedTemplate loaded = CloudFormationTemplate.load(
                template(code, "Runtime: { Name: APPSYNC_JS, RuntimeVersion: 1.0.0 }"));

        try (GraphQlRules rules = new GraphQlRules(loaded.api(), new ClientItemStore(() -> {
            throw new IllegalStateException("no DynamoDB here");
        }), new InMemorySubscriptionStore<>(), Duration.ofMillis(300))) {
            ExecutionResult result = rules.execute(new GraphQlRequest("{ f }", Map.of(), null), IDENTITY, Map.of());

            assertThat(result.getErrors()).singleElement().satisfies(error -> {
                assertThat(error.getMessage()).isEqualTo("Execution timed out.");
                assertThat(((ResolverError) error).errorTypeName()).isEqualTo("ExecutionTimeout");
            });
        }
    }

    @Test
    void refusesVtlResolvers() throws IOException {
        Path template = template("return {};", "RequestMappingTemplate: '{}'");

        assertThatThrownBy(() -> AppSyncEmulator.start(AppSyncEmulatorConfig.of(template, null)))
                .isInstanceOf(BadRequestException.class)
                .hasMessage("Resolver Query.f: only the APPSYNC_JS runtime is supported (VTL is not)");
    }

    @Test
    void refusesResolversOfFieldsTheSchemaLacks() throws IOException {
        Path template = template("return {};", "Runtime: { Name: APPSYNC_JS, RuntimeVersion: 1.0.0 }");
        Files.writeString(template, Files.readString(template).replace("FieldName: f", "FieldName: g"));

        assertThatThrownBy(() -> AppSyncEmulator.start(AppSyncEmulatorConfig.of(template, null)))
                .isInstanceOf(BadRequestException.class)
                .hasMessage("No field named g found on type Query");
    }

    private Path template(String requestBody, String runtime) throws IOException {
        String code = "import { util } from '@aws-appsync/utils';\nexport function request(ctx) {\n  " + requestBody
                + "\n}\nexport function response(ctx) {\n  return ctx.result;\n}\n";
        return OneFieldTemplate.write(dir, "type Query { f: String }", runtime, code);
    }
}
