package dev.syncshift.migrator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import picocli.CommandLine.ParseResult;

/**
 * The migrator command lines shipped in {@code config/deploy/} (Kubernetes manifests, with the ConfigMap's values put
 * in for {@code $(NAME)}, and the Docker Compose file) parse with the migrator's own command line: an option renamed
 * or removed fails here, not in a user's cluster.
 */
class DeployCommandLinesTest {

    private static final Path DEPLOY = Path.of("../config/deploy").toAbsolutePath().normalize();
    private static final Pattern VARIABLE = Pattern.compile("\\$\\(([A-Z_]+)\\)");

    @Test
    void everyShippedMigratorCommandLineParses() throws IOException {
        Map<String, String> config = configMap();
        Map<Path, List<List<String>>> commandLines = new HashMap<>();
        try (Stream<Path> files = Files.walk(DEPLOY)) {
            files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                    .forEach(f -> commandLines.put(DEPLOY.relativize(f), migratorCommandLines(f)));
        }

        assertThat(commandLines).containsKeys(Path.of("docker-compose.yml"),
                Path.of("kubernetes/manager-job.yaml"), Path.of("kubernetes/worker-deployment.yaml"),
                Path.of("kubernetes/delta-cronjob.yaml"));
        commandLines.forEach((file, lines) -> lines.forEach(line -> {
            List<String> args = line.stream().map(arg -> substitute(arg, config)).toList();
            assertThatCode(() -> MigratorCli.commandLine(quiet(), quiet()).parseArgs(args.toArray(String[]::new)))
                    .as("%s: %s", file, args).doesNotThrowAnyException();
            // the manifests set no SYNCSHIFT_MIGRATOR_* variable: the required pool and table are on the line
            ParseResult command = MigratorCli.commandLine(quiet(), quiet()).parseArgs(args.toArray(String[]::new))
                    .subcommand();
            assertThat(command.hasMatchedOption("--identity-pool-id") && command.hasMatchedOption("--table"))
                    .as("%s: %s names the pool and the table", file, args).isTrue();
        }));
        assertThat(commandLines.get(Path.of("kubernetes/delta-cronjob.yaml")).get(0))
                .containsSequence("--mode", "delta");
    }

    /** The lists under {@code args} or {@code command} that start with a migrator command. */
    private static List<List<String>> migratorCommandLines(Path file) {
        List<List<String>> found = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            new Yaml().loadAll(reader).forEach(document -> collect(document, found));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    private static void collect(Object node, List<List<String>> found) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                if (("args".equals(key) || "command".equals(key)) && value instanceof List<?> list
                        && !list.isEmpty() && List.of("migrate", "verify", "check").contains(list.get(0))) {
                    found.add(list.stream().map(String::valueOf).toList());
                } else {
                    collect(value, found);
                }
            });
        } else if (node instanceof List<?> list) {
            list.forEach(item -> collect(item, found));
        }
    }

    /** The ConfigMap's data, which the manifests' {@code $(NAME)} arguments come from. */
    @SuppressWarnings("unchecked")
    private static Map<String, String> configMap() throws IOException {
        Map<String, String> data = new HashMap<>();
        try (Reader reader = Files.newBufferedReader(DEPLOY.resolve("kubernetes/config.yaml"))) {
            new Yaml().loadAll(reader).forEach(document -> {
                Map<String, Object> resource = (Map<String, Object>) document;
                if ("ConfigMap".equals(resource.get("kind"))) {
                    ((Map<String, Object>) resource.get("data")).forEach((k, v) -> data.put(k, String.valueOf(v)));
                }
            });
        }
        return data;
    }

    private static String substitute(String arg, Map<String, String> config) {
        Matcher variable = VARIABLE.matcher(arg);
        StringBuilder out = new StringBuilder();
        while (variable.find()) {
            String value = config.get(variable.group(1));
            assertThat(value).as("ConfigMap value of %s", variable.group(1)).isNotNull();
            variable.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return variable.appendTail(out).toString();
    }

    private static PrintStream quiet() {
        return new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
    }
}
