package dev.syncshift.migrator.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syncshift.core.RecordKey;
import dev.syncshift.core.layout.SyncStoreLayout;
import dev.syncshift.migrator.config.ProxyEnvironment;
import graphql.language.FieldDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.appsync.AppSyncClient;
import software.amazon.awssdk.services.appsync.model.AuthenticationType;
import software.amazon.awssdk.services.appsync.model.EvaluateCodeResponse;
import software.amazon.awssdk.services.appsync.model.FunctionConfiguration;
import software.amazon.awssdk.services.appsync.model.GraphqlApi;
import software.amazon.awssdk.services.appsync.model.OutputType;
import software.amazon.awssdk.services.appsync.model.Resolver;
import software.amazon.awssdk.services.appsync.model.RuntimeName;

/**
 * Checks the deployed AppSync API with the AWS SDK's AppSync client, changing nothing: it is AWS_IAM; its schema
 * declares the types and fields of syncshift's {@code schema.graphql}; every root field has an APPSYNC_JS resolver;
 * its DynamoDB data source reads the table the migrator writes; and, through EvaluateCode, the deployed
 * {@code readRecords} function computes record sort keys as the migrator does (its UTF-8 comes from
 * {@code util.base64Encode}, which the runtime must encode as UTF-8).
 */
public final class AppSyncCheck {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Short non-ASCII, and a 1,024-character key of 4-byte characters (hashed: 4,096 UTF-8 bytes). */
    private static final List<String> PROBE_KEYS = List.of("Grüße, 東京 🚀", "😀".repeat(1024));

    private final AppSyncClient appSync;
    private final ProxyEnvironment.@Nullable Proxy proxy;

    /** A check through {@code appSync}, whose calls go through {@code proxy} (null: direct). */
    public AppSyncCheck(AppSyncClient appSync, ProxyEnvironment.@Nullable Proxy proxy) {
        this.appSync = appSync;
        this.proxy = proxy;
    }

    /** Checks API {@code apiId} over {@code table}; facts, problems and warnings go into {@code findings}. */
    public void check(String apiId, String table, Preflight.Findings findings) {
        try {
            GraphqlApi api = appSync.getGraphqlApi(r -> r.apiId(apiId)).graphqlApi();
            if (api.authenticationType() == AuthenticationType.AWS_IAM) {
                findings.facts().add("API " + apiId + " (" + api.name() + ") uses AWS_IAM");
            } else {
                findings.problems().add("appsync: API " + apiId + " uses " + api.authenticationTypeAsString()
                        + ", not AWS_IAM");
            }
            checkSchema(apiId, findings);
            checkResolvers(apiId, findings);
            checkTable(apiId, table, findings);
            checkSortKeys(apiId, findings);
        } catch (SdkException e) {
            findings.problems().add("appsync: " + SdkFailures.describe(e, proxy));
        }
    }

    private void checkSchema(String apiId, Preflight.Findings findings) {
        String deployed = appSync.getIntrospectionSchema(r -> r.apiId(apiId).format(OutputType.SDL)).schema()
                .asUtf8String();
        Map<String, Set<String>> expected = fields(new SchemaParser().parse(expectedSchema()));
        Map<String, Set<String>> actual = fields(new SchemaParser().parse(deployed));
        List<String> missing = new ArrayList<>();
        expected.forEach((type, names) -> names.stream().filter(f -> !actual.getOrDefault(type, Set.of()).contains(f))
                .forEach(f -> missing.add(type + "." + f)));
        if (missing.isEmpty()) {
            findings.facts().add("schema declares every type and field of syncshift's schema.graphql");
        } else {
            findings.problems().add("appsync: the deployed schema lacks " + String.join(", ", missing));
        }
    }

    private void checkResolvers(String apiId, Preflight.Findings findings) {
        Map<String, Set<String>> expected = fields(new SchemaParser().parse(expectedSchema()));
        List<String> missing = new ArrayList<>();
        for (String root : List.of("Query", "Mutation", "Subscription")) {
            Set<String> resolved = new TreeSet<>();
            String token = null;
            do {
                String next = token;
                var page = appSync.listResolvers(r -> r.apiId(apiId).typeName(root).nextToken(next));
                page.resolvers().stream().filter(r -> r.runtime() != null
                        && r.runtime().name() == RuntimeName.APPSYNC_JS).map(Resolver::fieldName)
                        .forEach(resolved::add);
                token = page.nextToken();
            } while (token != null);
            expected.getOrDefault(root, Set.of()).stream().filter(f -> !resolved.contains(f))
                    .forEach(f -> missing.add(root + "." + f));
        }
        if (missing.isEmpty()) {
            findings.facts().add("every Query, Mutation and Subscription field has an APPSYNC_JS resolver");
        } else {
            findings.problems().add("appsync: no APPSYNC_JS resolver for " + String.join(", ", missing));
        }
    }

    /**
     * The table the API's DynamoDB data sources read must be the one the migrator writes: a stack deployed twice, or
     * a table name copied from the wrong one, would otherwise copy the pool where no device ever reads it.
     */
    private void checkTable(String apiId, String table, Preflight.Findings findings) {
        Set<String> read = new TreeSet<>();
        try {
            String token = null;
            do {
                String next = token;
                var page = appSync.listDataSources(r -> r.apiId(apiId).nextToken(next));
                page.dataSources().stream().filter(d -> d.dynamodbConfig() != null)
                        .forEach(d -> read.add(d.dynamodbConfig().tableName()));
                token = page.nextToken();
            } while (token != null);
        } catch (SdkException e) {
            findings.warnings().add("could not read the API's data sources (" + SdkFailures.describe(e) + "): "
                    + "make sure it reads table " + table + "; " + (SdkFailures.isAccessDenied(e)
                    ? "allow appsync:ListDataSources to check it" : "run check again to check it"));
            return;
        }
        if (read.contains(table)) {
            findings.facts().add("the API's data source reads table " + table);
        } else {
            findings.problems().add("appsync: the API reads " + (read.isEmpty() ? "no DynamoDB table"
                    : "table " + String.join(", ", read)) + ", not " + table + ": the migrator would copy the pool "
                    + "where the API does not read it");
        }
    }

    /** Runs the deployed readRecords function's request handler on probe keys and compares the sort keys. */
    private void checkSortKeys(String apiId, Preflight.Findings findings) {
        FunctionConfiguration readRecords = functions(apiId).stream().filter(f -> "readRecords".equals(f.name()))
                .findFirst().orElse(null);
        if (readRecords == null) {
            findings.problems().add("appsync: the API has no readRecords function");
            return;
        }
        for (String key : PROBE_KEYS) {
            String expected = SyncStoreLayout.recordSortKey(new RecordKey(key));
            String computed = computedSortKey(readRecords.code(), key, findings);
            if (computed != null && !computed.equals(expected)) {
                findings.problems().add("appsync: readRecords computes sort key " + abbreviate(computed) + " for a "
                        + key.length() + "-unit key where the store layout has " + abbreviate(expected)
                        + " (does util.base64Encode encode UTF-8?)");
                return;
            }
        }
        findings.facts().add("EvaluateCode: readRecords computes the store's sort keys (UTF-8, SHA-256) as the "
                + "migrator does");
    }

    private @Nullable String computedSortKey(String code, String key, Preflight.Findings findings) {
        Map<String, Object> context = Map.of(
                "arguments", Map.of("patches", List.of(Map.of("op", "replace", "key", key, "value", "v",
                        "syncCount", 0))),
                "stash", Map.of("partition", "D#check", "admin", false, "now", 0, "by", "check"),
                "env", Map.of("SYNCSHIFT_TABLE", "check"));
        try {
            EvaluateCodeResponse answer = appSync.evaluateCode(r -> r.runtime(js -> js.name(RuntimeName.APPSYNC_JS)
                    .runtimeVersion("1.0.0")).code(code).function("request").context(json(context)));
            if (answer.error() != null) {
                findings.problems().add("appsync: EvaluateCode of readRecords failed: " + answer.error().message());
                return null;
            }
            JsonNode request = JSON.readTree(answer.evaluationResult());
            return request.path("transactItems").path(0).path("key").path("sk").path("S").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<FunctionConfiguration> functions(String apiId) {
        List<FunctionConfiguration> functions = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            var page = appSync.listFunctions(r -> r.apiId(apiId).nextToken(next));
            functions.addAll(page.functions());
            token = page.nextToken();
        } while (token != null);
        return functions;
    }

    private static Map<String, Set<String>> fields(TypeDefinitionRegistry registry) {
        Map<String, Set<String>> fields = new TreeMap<>();
        registry.getTypes(ObjectTypeDefinition.class).forEach(type -> fields.put(type.getName(),
                new TreeSet<>(type.getFieldDefinitions().stream().map(FieldDefinition::getName).toList())));
        registry.objectTypeExtensions().forEach((name, extensions) -> extensions.forEach(extension ->
                fields.computeIfAbsent(name, n -> new TreeSet<>()).addAll(extension.getFieldDefinitions().stream()
                        .map(FieldDefinition::getName).toList())));
        return fields;
    }

    /** syncshift's schema.graphql, from the syncshift-graphql jar. */
    static String expectedSchema() {
        try (InputStream in = AppSyncCheck.class.getResourceAsStream("/syncshift/graphql/schema.graphql")) {
            if (in == null) {
                throw new IllegalStateException("syncshift/graphql/schema.graphql is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String abbreviate(String sortKey) {
        return sortKey.length() > 40 ? sortKey.substring(0, 40) + "…" : sortKey;
    }
}
