package dev.syncshift.emulator.appsync.template;

import dev.syncshift.emulator.appsync.api.BadRequestException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Resolves the intrinsic functions a template uses to wire AppSync to its tables ({@code Ref},
 * {@code Fn::GetAtt}, {@code Fn::Sub}, {@code Fn::Join}) to the values the emulator needs: table names,
 * data source names, function ids (their logical ids), parameter defaults and pseudo parameters.
 */
final class Intrinsics {

    private static final Pattern SUB = Pattern.compile("\\$\\{([^}!][^}]*)}");
    private static final Map<String, String> PSEUDO = Map.of(
            "AWS::Region", "us-east-1", "AWS::AccountId", "123456789012", "AWS::StackName", "local",
            "AWS::Partition", "aws", "AWS::URLSuffix", "amazonaws.com", "AWS::NoValue", "");

    private final Map<String, Map<String, Object>> resources;
    private final Map<String, Object> parameters;

    Intrinsics(Map<String, Map<String, Object>> resources, Map<String, Object> parameters) {
        this.resources = resources;
        this.parameters = parameters;
    }

    @SuppressWarnings("unchecked")
    String string(@Nullable Object node) {
        if (node instanceof String || node instanceof Number || node instanceof Boolean) {
            return node.toString();
        }
        if (!(node instanceof Map<?, ?> map) || map.size() != 1) {
            throw new BadRequestException("Cannot resolve template value " + node);
        }
        Map.Entry<String, Object> fn = ((Map<String, Object>) map).entrySet().iterator().next();
        return switch (fn.getKey()) {
            case "Ref" -> ref(string(fn.getValue()));
            case "Fn::GetAtt" -> getAtt((List<Object>) fn.getValue());
            case "Fn::Sub" -> sub(fn.getValue());
            case "Fn::Join" -> join((List<Object>) fn.getValue());
            default -> throw new BadRequestException("Intrinsic " + fn.getKey() + " is not supported here");
        };
    }

    String tableName(String logicalId) {
        Map<String, Object> properties = properties(logicalId);
        return properties.containsKey("TableName") ? string(properties.get("TableName")) : logicalId;
    }

    private String ref(String name) {
        if (PSEUDO.containsKey(name)) {
            return PSEUDO.get(name);
        }
        if (parameters.get(name) instanceof Map<?, ?> parameter && parameter.get("Default") != null) {
            return string(parameter.get("Default"));
        }
        Map<String, Object> resource = resources.get(name);
        if (resource == null) {
            throw new BadRequestException("Unresolved reference " + name);
        }
        return "AWS::DynamoDB::Table".equals(resource.get("Type")) ? tableName(name) : name;
    }

    private String getAtt(List<Object> args) {
        String id = string(args.get(0));
        String attribute = string(args.get(1));
        ResourceAttributes.check(id, resources.get(id), attribute);
        Map<String, Object> properties = properties(id);
        return switch (attribute) {
            case "Name" -> properties.containsKey("Name") ? string(properties.get("Name")) : id;
            case "Arn" -> arn(id, properties);
            default -> id;
        };
    }

    /** ARNs as CloudFormation would report them, in the pseudo account and region. */
    private String arn(String id, Map<String, Object> properties) {
        Map<String, Object> resource = resources.get(id);
        Object type = resource == null ? null : resource.get("Type");
        String account = PSEUDO.get("AWS::AccountId");
        if ("AWS::IAM::Role".equals(type)) {
            String name = properties.containsKey("RoleName") ? string(properties.get("RoleName")) : id;
            return "arn:aws:iam::" + account + ":role/" + name;
        }
        if ("AWS::DynamoDB::Table".equals(type)) {
            return "arn:aws:dynamodb:" + PSEUDO.get("AWS::Region") + ":" + account + ":table/" + tableName(id);
        }
        return "arn:aws:cloudformation:" + PSEUDO.get("AWS::Region") + ":" + account + ":resource/" + id;
    }

    private String sub(Object value) {
        String text = value instanceof List<?> list ? string(list.get(0)) : string(value);
        Map<?, ?> variables = value instanceof List<?> list && list.size() > 1 && list.get(1) instanceof Map<?, ?> m
                ? m : Map.of();
        Matcher m = SUB.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            boolean attribute = name.contains(".") && !name.startsWith("AWS::");
            String replacement = variables.containsKey(name) ? string(variables.get(name))
                    : attribute ? getAtt(List.<Object>of((Object[]) name.split("\\.", 2))) : ref(name);
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String join(List<Object> args) {
        String delimiter = string(args.get(0));
        return ((List<?>) args.get(1)).stream().map(this::string).collect(Collectors.joining(delimiter));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> properties(String logicalId) {
        Map<String, Object> resource = resources.get(logicalId);
        Object properties = resource == null ? null : resource.get("Properties");
        return properties instanceof Map<?, ?> ? (Map<String, Object>) properties : Map.of();
    }
}
