package dev.syncshift.emulator.appsync;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/** The callers of {@code credentials.json}, and a few that must be refused. */
enum Caller {
    ALICE("AKIDALICE", "alice-secret", null),
    BOB("AKIDBOB", "bob-secret", "bob-session-token"),
    MIGRATOR("AKIDMIGRATOR", "migrator-secret", null),
    WRONG_SECRET("AKIDALICE", "not-alice-secret", null),
    UNKNOWN_KEY("AKIDNOBODY", "whatever", null),
    MISSING_TOKEN("AKIDBOB", "bob-secret", null);

    static final String ALICE_ID = "us-east-1:aaaaaaaa-0000-0000-0000-000000000001";
    static final String BOB_ID = "us-east-1:bbbbbbbb-0000-0000-0000-000000000002";

    private final String accessKeyId;
    private final String secret;
    private final @Nullable String token;

    Caller(String accessKeyId, String secret, @Nullable String token) {
        this.accessKeyId = accessKeyId;
        this.secret = secret;
        this.token = token;
    }

    AwsCredentialsIdentity credentials() {
        return token == null ? AwsCredentialsIdentity.create(accessKeyId, secret)
                : AwsSessionCredentialsIdentity.create(accessKeyId, secret, token);
    }
}
