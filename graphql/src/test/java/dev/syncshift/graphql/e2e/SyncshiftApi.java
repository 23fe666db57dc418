package dev.syncshift.graphql.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syncshift.emulator.appsync.AppSyncEmulatorConfig;
import dev.syncshift.emulator.appsync.junit.AppSyncEmulatorExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * syncshift's real template ({@code config/syncshift-appsync.yaml}, with {@code graphql/schema.graphql} and
 * {@code graphql/resolvers}) served by the AppSync emulator over embedded DynamoDB Local, once per test run, with a
 * credentials registry of many Cognito identities with temporary credentials (session tokens, as Cognito Identity's
 * GetCredentialsForIdentity issues them; each scenario takes fresh ones, so scenarios never share data),
 * the migrator role the template names in {@code SYNCSHIFT_ADMIN_ROLE_ARN}, and a plain IAM role that is no admin.
 */
final class SyncshiftApi {

    static final Path MODULE = Path.of("").toAbsolutePath();
    static final Path TEMPLATE = MODULE.resolve("../config/syncshift-appsync.yaml").normalize();
    static final Path CREDENTIALS = MODULE.resolve("target/e2e/credentials.json");
    static final String ACCOUNT = "123456789012";
    /** What the emulator resolves {@code !GetAtt MigratorRole.Arn} to (account and role name of the template). */
    static final String MIGRATOR_ROLE_ARN = "arn:aws:iam::" + ACCOUNT + ":role/MigratorRole";
    static final int USERS = 220;
    static final Caller MIGRATOR = new Caller("migrator", "AKIDMIGRATOR", "migrator-secret", null, null);
    static final Caller OPERATOR =
            new Caller("operator (plain IAM role)", "AKIDOPERATOR", "operator-secret", null, null);
    static final Caller UNKNOWN = new Caller("unknown key", "AKIDNOBODY", "whatever", null, null);
    static final AppSyncEmulatorConfig CONFIG = new AppSyncEmulatorConfig(TEMPLATE, "127.0.0.1", 0,
            writeCredentials(), null, "us-east-1", Duration.ofSeconds(30));

    private static final AtomicInteger NEXT_USER = new AtomicInteger();

    private SyncshiftApi() {
    }

    static AppSyncEmulatorExtension extension() {
        return new AppSyncEmulatorExtension(CONFIG);
    }

    /** A Cognito identity no other test has used. */
    static Caller freshUser() {
        int n = NEXT_USER.getAndIncrement();
        if (n >= USERS) {
            throw new IllegalStateException("Out of test identities; raise SyncshiftApi.USERS");
        }
        return user(n);
    }

    private static Caller user(int n) {
        String id = String.format(Locale.ROOT, "us-east-1:%08d-0000-4000-8000-%012d", n, n);
        return new Caller("user-" + n, "ASIAUSER" + n, "user-secret-" + n, "cognito-session-" + n, id);
    }

    private static Path writeCredentials() {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (int n = 0; n < USERS; n++) {
            Caller user = user(n);
            Map<String, Object> entry = entry(user, "arn:aws:iam::" + ACCOUNT + ":role/Cognito_SyncshiftAuth_Role");
            entry.put("cognitoIdentity", Map.of("identityId", user.identityId(),
                    "identityPoolId", "us-east-1:00000000-0000-4000-8000-000000000000", "authType", "authenticated"));
            entries.add(entry);
        }
        entries.add(entry(MIGRATOR, MIGRATOR_ROLE_ARN));
        entries.add(entry(OPERATOR, "arn:aws:iam::" + ACCOUNT + ":role/Operator"));
        try {
            Files.createDirectories(CREDENTIALS.getParent());
            new ObjectMapper().writeValue(CREDENTIALS.toFile(), Map.of("credentials", entries));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return CREDENTIALS;
    }

    private static Map<String, Object> entry(Caller caller, String roleArn) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("accessKeyId", caller.accessKeyId());
        entry.put("secretAccessKey", caller.secretAccessKey());
        entry.put("accountId", ACCOUNT);
        entry.put("roleArn", roleArn);
        if (caller.sessionToken() != null) {
            entry.put("sessionToken", caller.sessionToken());
        }
        entry.put("sessionName", caller.name().replace(' ', '-').replaceAll("[()]", ""));
        return entry;
    }
}
