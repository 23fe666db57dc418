package dev.syncshift.emulator.cognitosync.store;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A pool's push sync settings ({@code PushSync}), as requested and as stored.
 *
 * @param applicationArns the SNS platform applications, one per platform
 * @param roleArn the role Cognito Sync assumes to publish to SNS
 */
public record StoredPushSync(List<String> applicationArns, @Nullable String roleArn) {

    /** Copies the list. */
    public StoredPushSync {
        applicationArns = List.copyOf(applicationArns);
    }

    /** The application ARN of {@code platform} ({@code arn:aws:sns:<region>:<account>:app/<platform>/<name>}). */
    public Optional<String> applicationArn(String platform) {
        String marker = ":app/" + platform + "/";
        return applicationArns.stream().filter(arn -> arn.contains(marker)).findFirst();
    }
}
