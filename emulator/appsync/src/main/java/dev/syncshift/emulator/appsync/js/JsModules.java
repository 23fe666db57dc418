package dev.syncshift.emulator.appsync.js;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Links resolver modules to the runtime's utilities: AppSync bundles everything but
 * {@code @aws-appsync/utils} into one ES module, so those imports are the only ones a deployed resolver has.
 * Each import becomes a constant bound to the runtime's implementation; other imports are rejected as
 * AppSync would fail to resolve them.
 */
final class JsModules {

    private static final Pattern IMPORT = Pattern.compile(
            "import\\s+(\\{[^}]*}|\\*\\s*as\\s+[\\w$]+|[\\w$]+)\\s+from\\s+['\"]([^'\"]+)['\"]\\s*;?");
    private static final Map<String, String> PROVIDED = Map.of(
            "@aws-appsync/utils", "globalThis.__appsync.utils",
            "@aws-appsync/utils/dynamodb", "globalThis.__appsync.dynamodb");

    private JsModules() {
    }

    static String link(String name, String code) {
        JsCodeRestrictions.check(name, code);
        Matcher m = IMPORT.matcher(code);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String target = PROVIDED.get(m.group(2));
            if (target == null) {
                throw new JsCodeException("The code contains one or more errors. " + name
                        + ": cannot resolve import '" + m.group(2) + "' (bundle it; only @aws-appsync/utils "
                        + "is provided by the runtime).");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(binding(m.group(1).trim(), target)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String binding(String clause, String target) {
        if (clause.startsWith("*")) {
            return "const " + clause.substring(clause.indexOf("as") + 2).trim() + " = " + target + ";";
        }
        if (clause.startsWith("{")) {
            return "const " + clause.replaceAll("\\s+as\\s+", ": ") + " = " + target + ";";
        }
        return "const " + clause + " = " + target + ";";
    }
}
