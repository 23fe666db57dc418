package dev.syncshift.migrator.cli;

import dev.syncshift.emulator.appsync.template.CloudFormationTemplate;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The statements of one IAM policy of the CloudFormation template, read through the AppSync emulator's template
 * reader (which takes the short-form intrinsics) with {@code Ref}, {@code Fn::GetAtt} and {@code Fn::Sub} resolved
 * from given values, and IAM's matching of actions (case-insensitive) and resources (case-sensitive), {@code *} and
 * {@code ?} being wildcards. Only what the policy uses is read: an {@code Allow} statement of {@code Action} and
 * {@code Resource}; anything else ({@code Deny}, {@code NotAction}, {@code Condition}, another intrinsic) fails,
 * since this reading would not evaluate it.
 */
final class TemplatePolicy {

    /** One statement: its actions and resources, resolved. */
    record Statement(List<String> actions, List<String> resources) {
    }

    private static final Set<String> READ = Set.of("Effect", "Action", "Resource", "Sid");
    private static final Pattern SUB = Pattern.compile("\\$\\{([^}]+)}");

    private final List<Statement> statements;

    private TemplatePolicy(List<Statement> statements) {
        this.statements = List.copyOf(statements);
    }

    /**
     * Reads the policy document of resource {@code logicalId} (an {@code AWS::IAM::ManagedPolicy}).
     *
     * @param values what each {@code Ref} name, {@code Fn::GetAtt} {@code Resource.Attribute} and {@code Fn::Sub}
     *     variable stands for
     */
    static TemplatePolicy read(Path template, String logicalId, Map<String, String> values) {
        Map<?, ?> resource = (Map<?, ?>) ((Map<?, ?>) CloudFormationTemplate.read(template).get("Resources"))
                .get(logicalId);
        Map<?, ?> document = (Map<?, ?>) ((Map<?, ?>) resource.get("Properties")).get("PolicyDocument");
        List<Statement> statements = new ArrayList<>();
        for (Object each : (List<?>) document.get("Statement")) {
            Map<?, ?> statement = (Map<?, ?>) each;
            if (!READ.containsAll(statement.keySet()) || !"Allow".equals(statement.get("Effect"))) {
                throw new AssertionError(logicalId + ": this check reads Allow statements of Action and Resource "
                        + "only, not " + statement);
            }
            statements.add(new Statement(strings(statement.get("Action"), values),
                    strings(statement.get("Resource"), values)));
        }
        return new TemplatePolicy(statements);
    }

    List<Statement> statements() {
        return statements;
    }

    /** Whether some statement allows {@code action} on {@code resource}. */
    boolean allows(String action, String resource) {
        return statements.stream().anyMatch(s -> s.actions().stream().anyMatch(a -> matches(a, action, true))
                && s.resources().stream().anyMatch(r -> matches(r, resource, false)));
    }

    /** Whether the IAM pattern {@code pattern} matches {@code value}. */
    static boolean matches(String pattern, String value, boolean ignoreCase) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(regex.toString(), ignoreCase ? Pattern.CASE_INSENSITIVE : 0).matcher(value).matches();
    }

    private static List<String> strings(Object node, Map<String, String> values) {
        return node instanceof List<?> list ? list.stream().map(n -> resolve(n, values)).toList()
                : List.of(resolve(node, values));
    }

    private static String resolve(Object node, Map<String, String> values) {
        if (node instanceof String text) {
            return text;
        }
        Map.Entry<?, ?> function = ((Map<?, ?>) node).entrySet().iterator().next();
        Object argument = function.getValue();
        return switch (String.valueOf(function.getKey())) {
            case "Ref" -> value(values, String.valueOf(argument));
            case "Fn::GetAtt" -> value(values, String.join(".", ((List<?>) argument).stream()
                    .map(String::valueOf).toList()));
            case "Fn::Sub" -> argument instanceof String text ? substitute(text, values)
                    : fail("this check resolves the one-string Fn::Sub only, not " + argument);
            default -> fail("this check does not resolve " + function.getKey());
        };
    }

    private static String fail(String why) {
        throw new AssertionError(why);
    }

    private static String substitute(String text, Map<String, String> values) {
        Matcher variable = SUB.matcher(text);
        StringBuilder out = new StringBuilder();
        while (variable.find()) {
            variable.appendReplacement(out, Matcher.quoteReplacement(value(values, variable.group(1))));
        }
        variable.appendTail(out);
        return out.toString();
    }

    private static String value(Map<String, String> values, String name) {
        String value = values.get(name);
        if (value == null) {
            throw new AssertionError("no value given for " + name);
        }
        return value;
    }
}
