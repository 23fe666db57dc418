package dev.syncshift.emulator.appsync.js;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.jspecify.annotations.Nullable;

/**
 * Rejects what the APPSYNC_JS runtime does not support (AWS docs {@code supported-features.html}): the
 * statements {@code try}, {@code catch}, {@code finally}, {@code throw}, {@code while}, {@code do-while},
 * {@code continue}, classic {@code for(;;)} and labels, and the operators {@code ++}, {@code --}, {@code ~}
 * and {@code in} (except in {@code for-in}); code that is not JavaScript; and code over 32,768 characters. The code is
 * parsed by acorn (run in GraalJS, from its webjar) and the restrictions are looked for on the syntax tree, so regular
 * expressions, strings, template literals and comments are what they are. AppSync refuses such code when the
 * resolver is created; the emulator refuses it when it loads the template.
 */
final class JsCodeRestrictions {

    /** AppSync's limit on a resolver's or function's code (AWS API reference {@code API_Resolver}). */
    private static final int MAX_CODE_LENGTH = 32_768;
    private static final String ACORN = "/META-INF/maven/org.webjars.npm/acorn/pom.properties";

    /** How many passed modules {@link #PASSED} remembers. */
    private static final int REMEMBERED = 256;

    private static @Nullable Value checker;
    /**
     * Code that passed, most recently checked last: a start checks every module twice (the template's validation,
     * then the runtime's linking) and tests start the same template many times, while a cold check of the API's
     * modules takes seconds. The check is a function of the code alone, so a pass can be remembered.
     */
    private static final Map<String, Boolean> PASSED = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    };

    private JsCodeRestrictions() {
    }

    static void check(String name, String code) {
        if (code.length() > MAX_CODE_LENGTH) {
            throw new JsCodeException("The code contains one or more errors. " + name + ": the code is "
                    + code.length() + " characters long; the limit is " + MAX_CODE_LENGTH + ".");
        }
        List<String> problems = new ArrayList<>();
        for (Object found : problems(code)) {
            Map<?, ?> problem = (Map<?, ?>) found;
            problems.add(name + ":" + problem.get("line") + ":" + problem.get("column") + ": " + problem
                    .get("message"));
        }
        if (!problems.isEmpty()) {
            throw new JsCodeException("The code contains one or more errors. " + String.join(" ", problems));
        }
    }

    /** One JS context for every check: contexts are single-threaded, and checks are rare (deployments). */
    private static synchronized List<?> problems(String code) {
        if (PASSED.containsKey(code)) {
            return List.of();
        }
        if (checker == null) {
            checker = load();
        }
        // The checker returns a JSON array, empty when the code is fine.
        List<?> problems = (List<?>) Objects.requireNonNull(JsJson.read(checker.execute(code).asString()));
        if (problems.isEmpty()) {
            PASSED.put(code, Boolean.TRUE);
        }
        return problems;
    }

    private static Value load() {
        Context context = Context.newBuilder("js").engine(JsRuntime.sharedEngine()).build();
        context.eval(Source.newBuilder("js", JsRuntime.resource(acornPath()), "acorn.js").buildLiteral());
        return context.eval(Source.newBuilder("js", JsRuntime.resource("appsync-restrictions.js"),
                "appsync-restrictions.js").buildLiteral());
    }

    private static String acornPath() {
        Properties webjar = new Properties();
        try (InputStream in = JsCodeRestrictions.class.getResourceAsStream(ACORN)) {
            if (in == null) {
                throw new IllegalStateException("acorn (org.webjars.npm:acorn) is not on the class path");
            }
            webjar.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "/META-INF/resources/webjars/acorn/" + webjar.getProperty("version") + "/dist/acorn.js";
    }
}
