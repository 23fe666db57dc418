package dev.syncshift.emulator.appsync;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/** A template of one field, {@code Query.f}, resolved by one unit resolver on a NONE data source. */
final class OneFieldTemplate {

    private OneFieldTemplate() {
    }

    /**
     * Writes the template.
     *
     * @param dir where to write {@code template.yaml}
     * @param schema the schema's definition, declaring {@code Query.f}
     * @param runtime the resolver's runtime line, e.g. {@code Runtime: { Name: APPSYNC_JS, RuntimeVersion: 1.0.0 }}
     * @param code the resolver's code
     * @return the template's file
     */
    static Path write(Path dir, String schema, String runtime, String code) throws IOException {
        String indented = code.lines().map(line -> "        " + line).collect(Collectors.joining("\n"));
        String yaml = """
                Resources:
                  Schema:
                    Type: AWS::AppSync::GraphQLSchema
                    Properties:
                      Definition: "%s"
                  None:
                    Type: AWS::AppSync::DataSource
                    Properties:
                      Name: none
                      Type: NONE
                  Resolver:
                    Type: AWS::AppSync::Resolver
                    Properties:
                      TypeName: Query
                      FieldName: f
                      DataSourceName: !GetAtt None.Name
                      %s
                      Code: |
                %s
                """.formatted(schema, runtime, indented);
        Path file = dir.resolve("template.yaml");
        Files.writeString(file, yaml);
        return file;
    }
}
