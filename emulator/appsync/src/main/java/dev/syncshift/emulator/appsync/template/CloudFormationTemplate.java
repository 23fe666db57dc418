package dev.syncshift.emulator.appsync.template;

import dev.syncshift.emulator.appsync.api.ApiDefinition;
import dev.syncshift.emulator.appsync.api.BadRequestException;
import dev.syncshift.emulator.appsync.api.DataSourceDefinition;
import dev.syncshift.emulator.appsync.api.FunctionDefinition;
import dev.syncshift.emulator.appsync.api.ResolverDefinition;
import dev.syncshift.emulator.appsync.store.TableDefinition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads the AppSync and DynamoDB resources of a CloudFormation template (YAML or JSON): the schema
 * ({@code Definition} or a local {@code DefinitionS3Location}), data sources (AMAZON_DYNAMODB, NONE),
 * APPSYNC_JS functions and resolvers ({@code Code} or a local {@code CodeS3Location}), the API's
 * {@code EnvironmentVariables} and {@code Tags}, and the tables. Paths are relative to the template, as
 * {@code aws cloudformation package} accepts them.
 */
public final class CloudFormationTemplate {

    private final Path directory;
    private final Map<String, Map<String, Object>> resources = new LinkedHashMap<>();
    private final Intrinsics intrinsics;

    @SuppressWarnings("unchecked")
    private CloudFormationTemplate(Path file) {
        // A file's absolute path has a parent: only a root has none, and a root is not a template.
        this.directory = Objects.requireNonNull(file.toAbsolutePath().getParent(), "the template's directory");
        Map<?, ?> top = read(file);
        if (!(top.get("Resources") instanceof Map<?, ?> declared)) {
            throw new BadRequestException("Template " + file + " has no Resources");
        }
        declared.forEach((id, r) -> {
            if (!(r instanceof Map<?, ?>)) {
                throw new BadRequestException("Template " + file + ": resource " + id + " is not a mapping");
            }
            resources.put(String.valueOf(id), (Map<String, Object>) r);
        });
        Object parameters = top.get("Parameters");
        this.intrinsics = new Intrinsics(resources,
                parameters instanceof Map<?, ?> p ? (Map<String, Object>) p : Map.of());
    }

    /**
     * Reads a template as it is written, for what the emulator does not run (its IAM policies, say): a tree of maps,
     * lists and scalars, each short-form intrinsic in its long form ({@code !Ref X} as {@code {"Ref": "X"}},
     * {@code !GetAtt X.Arn} as {@code {"Fn::GetAtt": ["X", "Arn"]}}), nothing resolved.
     *
     * @param file the template
     * @return its top-level mapping; empty when the document is not a mapping
     * @throws BadRequestException when the file is not YAML or JSON
     * @throws UncheckedIOException when it cannot be read
     */
    public static Map<?, ?> read(Path file) {
        Object root;
        try {
            root = new Yaml(new IntrinsicConstructor()).load(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read template " + file, e);
        } catch (MarkedYAMLException e) {
            Mark at = e.getProblemMark();
            throw new BadRequestException("Template " + file + " is not YAML or JSON: " + e.getProblem()
                    + (at == null ? "" : " (line " + (at.getLine() + 1) + ", column " + (at.getColumn() + 1) + ")"));
        } catch (YAMLException e) {
            throw new BadRequestException("Template " + file + " is not YAML or JSON: " + e.getMessage());
        }
        return root instanceof Map<?, ?> map ? map : Map.of();
    }

    /**
     * Loads a template.
     *
     * @param file the template
     * @return the API and tables it declares
     * @throws BadRequestException when the file is not YAML or JSON, or a resource is malformed or unsupported
     * @throws UncheckedIOException when a file cannot be read
     */
    public static LoadedTemplate load(Path file) {
        CloudFormationTemplate template = new CloudFormationTemplate(file);
        Map<String, DataSourceDefinition> dataSources = template.dataSources();
        Map<String, FunctionDefinition> functions = template.functions(dataSources);
        Map<String, Object> api = template.apiProperties();
        ApiDefinition definition = new ApiDefinition(template.intrinsics.string(api.getOrDefault("Name", "api")),
                template.intrinsics.string(api.getOrDefault("AuthenticationType", "AWS_IAM")), template.schema(),
                template.resolvers(dataSources, functions), template.environment(), template.tags());
        return new LoadedTemplate(definition, template.tables());
    }

    private List<Map.Entry<String, Map<String, Object>>> ofType(String type) {
        return resources.entrySet().stream().filter(e -> type.equals(e.getValue().get("Type"))).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(Map<String, Object> resource) {
        Object properties = resource.get("Properties");
        return properties instanceof Map<?, ?> ? (Map<String, Object>) properties : Map.of();
    }

    private String schema() {
        var schemas = ofType("AWS::AppSync::GraphQLSchema");
        if (schemas.size() != 1) {
            throw new BadRequestException("Template must declare exactly one AWS::AppSync::GraphQLSchema");
        }
        return inlineOrFile(properties(schemas.get(0).getValue()), "Definition", "DefinitionS3Location");
    }

    private String inlineOrFile(Map<String, Object> properties, String inline, String location) {
        if (properties.containsKey(inline)) {
            return intrinsics.string(properties.get(inline));
        }
        Object path = properties.get(location);
        if (path == null) {
            throw new BadRequestException("Missing " + inline + " or " + location);
        }
        try {
            return Files.readString(directory.resolve(intrinsics.string(path)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    private Map<String, Object> apiProperties() {
        var apis = ofType("AWS::AppSync::GraphQLApi");
        if (apis.size() > 1) {
            throw new BadRequestException("Template must declare at most one AWS::AppSync::GraphQLApi");
        }
        return apis.isEmpty() ? Map.of() : properties(apis.get(0).getValue());
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        Object vars = apiProperties().get("EnvironmentVariables");
        if (vars instanceof Map<?, ?> map) {
            ((Map<String, Object>) map).forEach((k, v) -> env.put(k, intrinsics.string(v)));
        }
        AppSyncConstraints.environment(env);
        return env;
    }

    /** The API's {@code Tags}: a list of {@code Key}/{@code Value} pairs, as CloudFormation declares them. */
    private Map<String, String> tags() {
        Map<String, String> tags = new LinkedHashMap<>();
        Object declared = apiProperties().get("Tags");
        if (declared == null) {
            return tags;
        }
        if (!(declared instanceof List<?> list)) {
            throw new BadRequestException("AWS::AppSync::GraphQLApi Tags must be a list of Key and Value");
        }
        for (Object tag : list) {
            if (!(tag instanceof Map<?, ?> pair) || pair.get("Key") == null || pair.get("Value") == null) {
                throw new BadRequestException("AWS::AppSync::GraphQLApi Tags: each tag needs a Key and a Value");
            }
            tags.put(intrinsics.string(pair.get("Key")), intrinsics.string(pair.get("Value")));
        }
        return tags;
    }

    @SuppressWarnings("unchecked")
    private Map<String, DataSourceDefinition> dataSources() {
        Map<String, DataSourceDefinition> byName = new LinkedHashMap<>();
        for (var entry : ofType("AWS::AppSync::DataSource")) {
            Map<String, Object> p = properties(entry.getValue());
            String name = AppSyncConstraints.name("Data source",
                    p.containsKey("Name") ? intrinsics.string(p.get("Name")) : entry.getKey());
            Object ddb = p.get("DynamoDBConfig");
            String table = ddb instanceof Map<?, ?> m ? intrinsics.string(((Map<String, Object>) m).get("TableName"))
                    : null;
            byName.put(name, new DataSourceDefinition(name, intrinsics.string(p.get("Type")), table));
        }
        return byName;
    }

    private Map<String, FunctionDefinition> functions(Map<String, DataSourceDefinition> dataSources) {
        Map<String, FunctionDefinition> byId = new LinkedHashMap<>();
        for (var entry : ofType("AWS::AppSync::FunctionConfiguration")) {
            Map<String, Object> p = properties(entry.getValue());
            String name = AppSyncConstraints.name("Function",
                    p.containsKey("Name") ? intrinsics.string(p.get("Name")) : entry.getKey());
            byId.put(entry.getKey(), new FunctionDefinition(name, code("Function " + name, p),
                    dataSource(dataSources, p.get("DataSourceName"), "Function " + name)));
        }
        return byId;
    }

    @SuppressWarnings("unchecked")
    private List<ResolverDefinition> resolvers(Map<String, DataSourceDefinition> dataSources,
            Map<String, FunctionDefinition> functions) {
        List<ResolverDefinition> resolvers = new ArrayList<>();
        for (var entry : ofType("AWS::AppSync::Resolver")) {
            Map<String, Object> p = properties(entry.getValue());
            String field = intrinsics.string(p.get("TypeName")) + "." + intrinsics.string(p.get("FieldName"));
            List<FunctionDefinition> steps = new ArrayList<>();
            DataSourceDefinition dataSource = null;
            if ("PIPELINE".equals(p.get("Kind"))) {
                Object config = p.get("PipelineConfig");
                List<Object> ids = config instanceof Map<?, ?> c && c.get("Functions") instanceof List<?> l
                        ? (List<Object>) l : List.of();
                ids.forEach(id -> steps.add(function(functions, intrinsics.string(id), field)));
            } else {
                dataSource = dataSource(dataSources, p.get("DataSourceName"), "Resolver " + field);
            }
            resolvers.add(new ResolverDefinition(intrinsics.string(p.get("TypeName")),
                    intrinsics.string(p.get("FieldName")), code("Resolver " + field, p), dataSource,
                    steps));
        }
        return resolvers;
    }

    private static FunctionDefinition function(Map<String, FunctionDefinition> functions, String id, String field) {
        FunctionDefinition byId = functions.get(id);
        if (byId != null) {
            return byId;
        }
        return functions.values().stream().filter(f -> f.name().equals(id)).findFirst().orElseThrow(
                () -> new BadRequestException("Resolver " + field + ": unknown function " + id));
    }

    private DataSourceDefinition dataSource(Map<String, DataSourceDefinition> dataSources, @Nullable Object ref,
            String owner) {
        String name = ref == null ? "" : intrinsics.string(ref);
        DataSourceDefinition found = dataSources.get(name);
        if (found == null) {
            throw new BadRequestException(owner + ": unknown data source '" + name + "'");
        }
        return found;
    }

    /** A function's or resolver's APPSYNC_JS code, inline or from its file, as AppSync would accept it. */
    private String code(String owner, Map<String, Object> p) {
        AppSyncConstraints.runtime(owner, p.get("Runtime"));
        return inlineOrFile(p, "Code", "CodeS3Location");
    }

    private List<TableDefinition> tables() {
        List<TableDefinition> tables = new ArrayList<>();
        for (var entry : ofType("AWS::DynamoDB::Table")) {
            tables.add(TableDefinitions.of(intrinsics.tableName(entry.getKey()), properties(entry.getValue())));
        }
        return tables;
    }
}
