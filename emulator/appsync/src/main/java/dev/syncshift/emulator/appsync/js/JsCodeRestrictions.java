package dev.syncshift.emulator.appsync.js;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rejects what the APPSYNC_JS runtime does not support (AWS docs {@code supported-features.html}): the
 * statements {@code try}, {@code catch}, {@code finally}, {@code throw}, {@code while}, {@code do-while},
 * {@code continue}, classic {@code for(;;)} and labels, and the operators {@code ++}, {@code --}, {@code ~}
 * and {@code in} (except in {@code for-in}); and code over 32,768 characters. AppSync refuses such code when
 * the resolver is created; the emulator refuses it when it loads the template.
 */
final class JsCodeRestrictions {

    private static final Map<String, String> STATEMENTS = Map.of(
            "try", "try statement", "catch", "catch clause", "finally", "finally clause",
            "throw", "throw statement", "while", "while statement", "do", "do-while statement",
            "continue", "continue statement");
    private static final Set<String> LOOPS = Set.of("for", "while", "do");
    /** AppSync's limit on a resolver's or function's code (AWS API reference {@code API_Resolver}). */
    private static final int MAX_CODE_LENGTH = 32_768;

    private final String code;
    private final List<Token> tokens = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    private record Token(String text, int offset) {
    }

    private JsCodeRestrictions(String code) {
        this.code = code;
    }

    static void check(String name, String code) {
        if (code.length() > MAX_CODE_LENGTH) {
            throw new JsCodeException("The code contains one or more errors. " + name + ": the code is "
                    + code.length() + " characters long; the limit is " + MAX_CODE_LENGTH + ".");
        }
        JsCodeRestrictions checker = new JsCodeRestrictions(code);
        checker.tokenize();
        checker.inspect(name);
        if (!checker.problems.isEmpty()) {
            throw new JsCodeException("The code contains one or more errors. "
                    + String.join(" ", checker.problems));
        }
    }

    private void inspect(String name) {
        int forHeaderDepth = -1;
        int depth = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            String text = token.text();
            boolean member = i > 0 && tokens.get(i - 1).text().equals(".");
            if (text.equals("(")) {
                depth++;
            } else if (text.equals(")")) {
                depth--;
                forHeaderDepth = depth < forHeaderDepth ? -1 : forHeaderDepth;
            } else if (text.equals("for") && !member && next(i).equals("(")) {
                forHeaderDepth = depth + 1;
            } else if (text.equals(";") && depth == forHeaderDepth) {
                report(name, token, "for(initialization; condition; afterthought) loop");
                forHeaderDepth = -1;
            } else if (text.equals("in") && !member && depth != forHeaderDepth && !next(i).equals(":")) {
                report(name, token, "in operator");
            } else if (STATEMENTS.containsKey(text) && !member && !next(i).equals(":")) {
                report(name, token, STATEMENTS.get(text));
            } else if (text.equals("++") || text.equals("--") || text.equals("~")) {
                report(name, token, "unary operator " + text);
            } else if (next(i).equals(":") && LOOPS.contains(next(i + 1)) && Character.isLetter(text.charAt(0))) {
                report(name, token, "labeled statement");
            }
        }
    }

    private String next(int i) {
        return i + 1 < tokens.size() ? tokens.get(i + 1).text() : "";
    }

    private void report(String name, Token token, String what) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < token.offset(); i++) {
            boolean newline = code.charAt(i) == '\n';
            line += newline ? 1 : 0;
            column = newline ? 1 : column + 1;
        }
        problems.add(name + ":" + line + ":" + column + ": " + what + " is not supported.");
    }

    private void tokenize() {
        int i = 0;
        while (i < code.length()) {
            i = scan(i);
        }
    }

    private int scan(int i) {
        char c = code.charAt(i);
        if (Character.isWhitespace(c)) {
            return i + 1;
        }
        if (code.startsWith("//", i)) {
            int end = code.indexOf('\n', i);
            return end < 0 ? code.length() : end;
        }
        if (code.startsWith("/*", i)) {
            int end = code.indexOf("*/", i + 2);
            return end < 0 ? code.length() : end + 2;
        }
        if (c == '"' || c == '\'' || c == '`') {
            return skipString(i, c);
        }
        if (Character.isJavaIdentifierStart(c)) {
            int end = i;
            while (end < code.length() && Character.isJavaIdentifierPart(code.charAt(end))) {
                end++;
            }
            tokens.add(new Token(code.substring(i, end), i));
            return end;
        }
        String two = i + 1 < code.length() ? code.substring(i, i + 2) : "";
        if (two.equals("++") || two.equals("--")) {
            tokens.add(new Token(two, i));
            return i + 2;
        }
        tokens.add(new Token(String.valueOf(c), i));
        return i + 1;
    }

    private int skipString(int start, char quote) {
        int i = start + 1;
        int nested = 0;
        for (; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '\\') {
                i++;
            } else if (quote == '`' && code.startsWith("${", i)) {
                nested++;
            } else if (quote == '`' && c == '}' && nested > 0) {
                nested--;
            } else if (c == quote && nested == 0) {
                return i + 1;
            }
        }
        return i;
    }
}
