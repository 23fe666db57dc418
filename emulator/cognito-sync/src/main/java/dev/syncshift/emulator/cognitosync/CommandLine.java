package dev.syncshift.emulator.cognitosync;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The emulator's command-line options:
 * {@code --port N --host ADDR --region R --account-id ID --seed S --max-body-bytes N}, and
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
                case "--strict-auth" -> config.strictAuth(true);
                case "--developer-key" -> developerKey(config, value(option, rest));
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        return config.build();
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
