package dev.syncshift.migrator.cli;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.convert.DurationStyle;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The options of {@code migrate} that spread one run over a manager and workers. */
public final class ClusterOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--role", paramLabel = "local|manager|worker", defaultValue = "local",
            description = "local: everything in this process (default); manager: enumerate and hand partitions to "
                    + "workers; worker: run partitions until stopped. Manager and workers share a PostgreSQL job "
                    + "repository (SPRING_DATASOURCE_URL).")
    String role = "local";

    @Option(names = "--transport", paramLabel = "jdbc|jms", defaultValue = "jdbc",
            description = "How partition requests reach workers: jdbc, a table in the job repository (default), or "
                    + "jms, a queue on an ActiveMQ Artemis broker (--broker-url).")
    String transport = "jdbc";

    @Option(names = "--broker-url", paramLabel = "URL", description = "The Artemis broker, e.g. tcp://broker:61616.")
    @Nullable String brokerUrl;

    @Option(names = "--lost-after", paramLabel = "DURATION", defaultValue = "60s",
            description = "How long a worker (or manager) may stay silent before its partitions count as lost "
                    + "(default: ${DEFAULT-VALUE}; e.g. 30s, 2m).")
    String lostAfter = "60s";

    /**
     * Checks the values and returns them as {@code syncshift.migrator.*} properties.
     *
     * @throws ParameterException with a one-line message when a value is bad
     */
    Map<String, String> properties() {
        SettingChecks.role("--role", role).ifPresent(problem -> {
            throw usage(problem);
        });
        if (!transport.matches("jdbc|jms")) {
            throw usage("--transport takes jdbc or jms, not '" + transport + "'");
        }
        if ("jms".equals(transport) && brokerUrl == null) {
            throw usage("--transport jms needs --broker-url");
        }
        Map<String, String> p = new LinkedHashMap<>();
        p.put("cluster.role", role);
        p.put("cluster.transport", transport);
        if (brokerUrl != null) {
            p.put("cluster.broker-url", brokerUrl);
        }
        p.put("cluster.lost-after", parseDuration(lostAfter).toString());
        return p;
    }

    private Duration parseDuration(String text) {
        try {
            return DurationStyle.detectAndParse(text);
        } catch (IllegalArgumentException e) {
            throw usage("--lost-after takes a duration such as 30s or 2m, not '" + text + "'");
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
