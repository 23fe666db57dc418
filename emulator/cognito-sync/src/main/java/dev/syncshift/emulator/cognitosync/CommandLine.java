package dev.syncshift.emulator.cognitosync;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The emulator's command-line options:
 * {@code --port N --host ADDR --region R --account-id ID --seed S --max-body-bytes N}; faults
 * {@code --throttle-rps N|Op=N,Op=N --throttle-rate F --fault-rate F --latency-ms N}; state {@code --fixture FILE},
 * {@code --generate N --identity-pool-id ID}, {@code --export-on-exit FILE}; and
 * {@code --strict-auth} with any number of {@code --developer-key ACCESS_KEY_ID:SECRET}.
 */
final class CommandLine {

    private CommandLine() {
    }

    static CognitoSyncEmulatorConfig parse(String[] args) {
        CognitoSyncEmulatorConfig.Builder config = CognitoSyncEmulatorConfig.builder();
        Deque<String> rest = new ArrayDeque<>(List.of(args));
        while (!rest.isEmpty()) {
            String option = rest.pop();
            switch (option) {
                case "--port" -> config.port(Integer.parseInt(value(option, rest)));
                case "--host" -> config.host(value(option, rest));
                case "--region" -> config.region(value(option, rest));
                case "--account-id" -> config.accountId(value(option, rest));
                case "--seed" -> config.seed(Long.parseLong(value(option, rest)));
                case "--max-body-bytes" -> config.maxBodyBytes(Integer.parseInt(value(option, rest)));
                case "--throttle-rps" -> throttleRps(config, value(option, rest));
                case "--throttle-rate" -> config.throttleRate(Double.parseDouble(value(option, rest)));
                case "--fault-rate" -> config.faultRate(Double.parseDouble(value(option, rest)));
                case "--latency-ms" -> config.latencyMs(Long.parseLong(value(option, rest)));
                case "--fixture" -> config.fixture(Path.of(value(option, rest)));
                case "--generate" -> config.generate(Integer.parseInt(value(option, rest)));
                case "--identity-pool-id" -> config.identityPoolId(value(option, rest));
                case "--export-on-exit" -> config.exportOnExit(Path.of(value(option, rest)));
                case "--strict-auth" -> config.strictAuth(true);
                case "--developer-key" -> developerKey(config, value(option, rest));
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        return config.build();
    }

    /** {@code N} for every operation, or {@code Op=N,Op=N} per operation (a bare {@code N} in the list sets all). */
    private static void throttleRps(CognitoSyncEmulatorConfig.Builder config, String list) {
        for (String item : list.split(",", -1)) {
            int equals = item.indexOf('=');
            if (equals < 0) {
                config.throttleRps(number("--throttle-rps", item));
            } else {
                config.throttleRps(item.substring(0, equals).strip(),
                        number("--throttle-rps", item.substring(equals + 1)));
            }
        }
    }

    private static double number(String option, String text) {
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs N or OPERATION=N,..., not '" + text + "'", e);
        }
    }

    private static void developerKey(CognitoSyncEmulatorConfig.Builder config, String pair) {
        int colon = pair.indexOf(':');
        if (colon <= 0 || colon == pair.length() - 1) {
            throw new IllegalArgumentException("--developer-key needs ACCESS_KEY_ID:SECRET");
        }
        config.developerKey(pair.substring(0, colon), pair.substring(colon + 1));
    }

    private static String value(String option, Deque<String> rest) {
        if (rest.isEmpty()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return rest.pop();
    }
}
