package dev.syncshift.emulator.appsync.template;

import dev.syncshift.emulator.appsync.api.BadRequestException;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The {@code Fn::GetAtt} attributes CloudFormation's reference documents for the resource types the emulator reads.
 * CloudFormation refuses a template that asks a resource for any other attribute; so does the emulator, instead of
 * answering with a value no deployed stack would give. Types not listed here are not checked.
 */
final class ResourceAttributes {

    private static final Map<String, Set<String>> BY_TYPE = Map.of(
            "AWS::AppSync::GraphQLApi", Set.of("ApiId", "Arn", "GraphQLDns", "GraphQLEndpointArn", "GraphQLUrl",
                    "RealtimeDns", "RealtimeUrl"),
            "AWS::AppSync::DataSource", Set.of("DataSourceArn", "Name"),
            "AWS::AppSync::FunctionConfiguration", Set.of("DataSourceName", "FunctionArn", "FunctionId", "Name"),
            "AWS::AppSync::Resolver", Set.of("FieldName", "ResolverArn", "TypeName"),
            "AWS::DynamoDB::Table", Set.of("Arn", "StreamArn"),
            "AWS::IAM::Role", Set.of("Arn", "RoleId"));

    private ResourceAttributes() {
    }

    /**
     * Checks one {@code Fn::GetAtt}.
     *
     * @param id the resource's logical id
     * @param resource its declaration, or null when the template declares no such resource
     * @param attribute the attribute asked for
     * @throws BadRequestException when the resource is not declared or its type has no such attribute
     */
    static void check(String id, @Nullable Map<String, Object> resource, String attribute) {
        if (resource == null) {
            throw new BadRequestException("Fn::GetAtt " + id + "." + attribute + ": the template declares no resource "
                    + id);
        }
        Object type = resource.get("Type");
        Set<String> known = BY_TYPE.get(String.valueOf(type));
        if (known != null && !known.contains(attribute)) {
            throw new BadRequestException("Fn::GetAtt " + id + "." + attribute + ": " + type + " has no attribute "
                    + attribute + " (it has " + String.join(", ", new TreeSet<>(known)) + ")");
        }
    }
}
