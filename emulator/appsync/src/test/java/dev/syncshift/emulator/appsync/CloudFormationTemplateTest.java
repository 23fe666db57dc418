package dev.syncshift.emulator.appsync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.syncshift.emulator.appsync.api.BadRequestException;
import dev.syncshift.emulator.appsync.template.CloudFormationTemplate;
import dev.syncshift.emulator.appsync.template.LoadedTemplate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** How template values resolve: intrinsics in YAML short and long form, JSON templates, broken references. */
class CloudFormationTemplateTest {

    @TempDir
    Path dir;

    /** An environment variable's template value and what {@code ctx.env} gets. */
    record Value(String name, String yaml, String expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Value> values() {
        return Stream.of(
                new Value("plain", "hello", "hello"),
                new Value("!Ref table", "!Ref Table", "items-dev"),
                new Value("!Ref parameter default", "!Ref Stage", "dev"),
                new Value("!Ref pseudo parameter", "!Ref AWS::Region", "us-east-1"),
                new Value("!Sub with parameter and pseudo", "!Sub '${Stage}-${AWS::AccountId}'", "dev-123456789012"),
                new Value("!Sub with variables", "!Sub ['${A}/${Table}', {A: x}]", "x/items-dev"),
                new Value("!Sub with GetAtt", "!Sub '${Source.Name}'", "items"),
                new Value("!Join", "!Join ['-', [a, !Ref Stage, c]]", "a-dev-c"),
                new Value("long form Fn::GetAtt", "{'Fn::GetAtt': [Source, Name]}", "items"),
                new Value("!GetAtt Table.Arn in !Sub", "!Sub '${Table.Arn}/index/*'",
                        "arn:aws:dynamodb:us-east-1:123456789012:table/items-dev/index/*"),
                new Value("!GetAtt Role.Arn", "!GetAtt Role.Arn", "arn:aws:iam::123456789012:role/migrator"),
                new Value("!GetAtt Role.Arn without RoleName", "!GetAtt Unnamed.Arn",
                        "arn:aws:iam::123456789012:role/Unnamed"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("values")
    void resolvesEnvironmentValues(Value value) throws IOException {
        LoadedTemplate template = CloudFormationTemplate.load(yaml("VALUE: " + value.yaml()));

        assertThat(template.api().environment()).containsEntry("VALUE", value.expected());
        assertThat(template.tables()).singleElement()
                .satisfies(t -> assertThat(t.tableName()).isEqualTo("items-dev"));
    }

    @Test
    void readsJsonTemplates() throws IOException {
        Path file = dir.resolve("template.json");
        Files.writeString(file, """
                {"Resources": {
                  "Schema": {"Type": "AWS::AppSync::GraphQLSchema",
                             "Properties": {"Definition": "type Query { f: String }"}},
                  "Api": {"Type": "AWS::AppSync::GraphQLApi",
                          "Properties": {"EnvironmentVariables": {"KEY": {"Fn::Join": ["", ["a", "b"]]}}}}
                }}
                """);

        LoadedTemplate template = CloudFormationTemplate.load(file);

        assertThat(template.api().environment()).containsEntry("KEY", "ab");
        assertThat(template.api().schema()).isEqualTo("type Query { f: String }");
    }

    @Test
    void readsTheApisTagsAndRefusesTagsThatAreNoKeyValueList() throws IOException {
        LoadedTemplate tagged = CloudFormationTemplate.load(yaml("KEY: v\n      Tags: [{Key: s, Value: !Ref Stage}]"));

        assertThat(tagged.api().tags()).containsExactlyEntriesOf(Map.of("s", "dev"));
        assertThat(CloudFormationTemplate.load(yaml("KEY: v")).api().tags()).isEmpty();
        Path map = yaml("KEY: v\n      Tags: {stage: dev}");
        assertThatThrownBy(() -> CloudFormationTemplate.load(map)).isInstanceOf(BadRequestException.class)
                .hasMessage("AWS::AppSync::GraphQLApi Tags must be a list of Key and Value");
        Path keyOnly = yaml("KEY: v\n      Tags: [{Key: stage}]");
        assertThatThrownBy(() -> CloudFormationTemplate.load(keyOnly)).isInstanceOf(BadRequestException.class)
                .hasMessage("AWS::AppSync::GraphQLApi Tags: each tag needs a Key and a Value");
    }

    @Test
    void refusesUnknownDataSources() throws IOException {
        Path file = yaml("KEY: v\n  Resolver:\n    Type: AWS::AppSync::Resolver\n    Properties:\n"
                + "      TypeName: Query\n      FieldName: f\n      DataSourceName: nowhere\n"
                + "      Runtime: {Name: APPSYNC_JS, RuntimeVersion: 1.0.0}\n"
                + "      Code: 'export function request() {}'");

        assertThatThrownBy(() -> CloudFormationTemplate.load(file))
                .isInstanceOf(BadRequestException.class)
                .hasMessage("Resolver Query.f: unknown data source 'nowhere'");
    }

    /** A template CloudFormation or AppSync would refuse, and the emulator's message for it. */
    record Refused(String name, String yaml, String message) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Refused> refused() {
        String function = "KEY: v\n  Fn:\n    Type: AWS::AppSync::FunctionConfiguration\n    Properties:\n"
                + "      Name: %s\n      DataSourceName: items\n      Runtime: {Name: APPSYNC_JS, RuntimeVersion: %s}\n"
                + "      Code: '%s'";
        String code = "export function request() {}";
        return Stream.of(
                new Refused("GetAtt of an attribute the type does not have", "KEY: !GetAtt Table.TableName",
                        "Fn::GetAtt Table.TableName: AWS::DynamoDB::Table has no attribute TableName (it has Arn, "
                                + "StreamArn)"),
                new Refused("GetAtt of an undeclared resource", "KEY: !Sub '${Nowhere.Arn}'",
                        "Fn::GetAtt Nowhere.Arn: the template declares no resource Nowhere"),
                new Refused("runtime version other than 1.0.0", function.formatted("f", "2.0.0", code),
                        "Function f: Runtime RuntimeVersion must be 1.0.0, the only APPSYNC_JS version, not 2.0.0"),
                new Refused("function name with a hyphen", function.formatted("read-f", "1.0.0", code),
                        "Function name 'read-f' is not valid: AppSync requires [_A-Za-z][_0-9A-Za-z]*"),
                new Refused("one-character environment key", "K: v",
                        "AWS::AppSync::GraphQLApi EnvironmentVariables: key 'K' is not valid: a letter, then "
                                + "letters, digits or _, 2 to 64 characters"),
                new Refused("environment value over 512 characters", "KEY: " + "v".repeat(513),
                        "AWS::AppSync::GraphQLApi EnvironmentVariables: KEY is 513 characters; AppSync takes at "
                                + "most 512"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refusesWhatCloudFormationOrAppSyncRefuses(Refused refused) throws IOException {
        Path file = yaml(refused.yaml());

        assertThatThrownBy(() -> CloudFormationTemplate.load(file)).isInstanceOf(BadRequestException.class)
                .hasMessage(refused.message());
    }

    @Test
    void refusesFilesThatAreNotTemplatesWithOneLine() throws IOException {
        Path markdown = dir.resolve("README.md");
        Files.writeString(markdown, "# Title\n\n| a | b: c |\n");
        Path list = dir.resolve("list.yaml");
        Files.writeString(list, "- just\n- a list\n");
        Path scalar = dir.resolve("scalar.yaml");
        Files.writeString(scalar, "Resources:\n  Table: 5\n");

        assertThatThrownBy(() -> CloudFormationTemplate.load(markdown))
                .isInstanceOf(BadRequestException.class)
                .hasMessageStartingWith("Template " + markdown + " is not YAML or JSON: ")
                .hasMessageEndingWith("(line 3, column 3)")
                .hasMessageNotContaining("\n");
        assertThatThrownBy(() -> CloudFormationTemplate.load(list))
                .isInstanceOf(BadRequestException.class)
                .hasMessage("Template " + list + " has no Resources");
        assertThatThrownBy(() -> CloudFormationTemplate.load(scalar))
                .isInstanceOf(BadRequestException.class)
                .hasMessage("Template " + scalar + ": resource Table is not a mapping");
    }

    /** A template whose API has one environment entry; more resources may follow it at top indentation. */
    private Path yaml(String environmentEntry) throws IOException {
        String text = """
                Parameters:
                  Stage: {Type: String, Default: dev}
                Resources:
                  Table:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      TableName: !Sub items-${Stage}
                      AttributeDefinitions: [{AttributeName: pk, AttributeType: S}]
                      KeySchema: [{AttributeName: pk, KeyType: HASH}]
                  Role:
                    Type: AWS::IAM::Role
                    Properties: {RoleName: migrator}
                  Unnamed:
                    Type: AWS::IAM::Role
                  Source:
                    Type: AWS::AppSync::DataSource
                    Properties: {Name: items, Type: AMAZON_DYNAMODB, DynamoDBConfig: {TableName: !Ref Table}}
                  Schema:
                    Type: AWS::AppSync::GraphQLSchema
                    Properties: {Definition: "type Query { f: String }"}
                  Api:
                    Type: AWS::AppSync::GraphQLApi
                    Properties:
                      EnvironmentVariables:
                        %s
                """.formatted(environmentEntry);
        Path file = dir.resolve("template.yaml");
        Files.writeString(file, text);
        return file;
    }
}
