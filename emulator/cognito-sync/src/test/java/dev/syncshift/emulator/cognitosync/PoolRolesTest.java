package dev.syncshift.emulator.cognitosync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.syncshift.emulator.cognitosync.junit.CognitoSyncEmulatorExtension;
import dev.syncshift.emulator.cognitosync.junit.StrictAuth;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentity.model.Credentials;
import software.amazon.awssdk.services.cognitoidentity.model.GetIdentityPoolRolesResponse;
import software.amazon.awssdk.services.cognitoidentity.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentity.model.MappingRuleMatchType;
import software.amazon.awssdk.services.cognitoidentity.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentity.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentity.model.RoleMapping;
import software.amazon.awssdk.services.cognitoidentity.model.RoleMappingType;

/**
 * Get/SetIdentityPoolRoles through the real SDK: the roles a pool's credentials act as, which the migrator's
 * {@code check} names. A pool has none until they are set; a generated pool has the roles the console gives.
 */
@StrictAuth
@ExtendWith(CognitoSyncEmulatorExtension.class)
class PoolRolesTest {

    static final String AUTH = "arn:aws:iam::123456789012:role/Cognito_appAuth_Role";
    static final String UNAUTH = "arn:aws:iam::123456789012:role/Cognito_appUnauth_Role";

    private final CognitoIdentityClient identity;

    PoolRolesTest(CognitoIdentityClient identity) {
        this.identity = identity;
    }

    @Test
    void aPoolHasTheRolesLastSetAndNoneBefore() {
        String pool = Pools.newPool(identity);
        assertThat(identity.getIdentityPoolRoles(r -> r.identityPoolId(pool)).roles()).isEmpty();
        RoleMapping mapping = RoleMapping.builder().type(RoleMappingType.RULES)
                .rulesConfiguration(c -> c.rules(rule -> rule.claim("isAdmin").matchType(MappingRuleMatchType.EQUALS)
                        .value("yes").roleARN(AUTH))).build();

        identity.setIdentityPoolRoles(r -> r.identityPoolId(pool).roles(Map.of("authenticated", AUTH,
                "unauthenticated", UNAUTH)).roleMappings(Map.of("graph.facebook.com", mapping)));
        GetIdentityPoolRolesResponse set = identity.getIdentityPoolRoles(r -> r.identityPoolId(pool));
        identity.setIdentityPoolRoles(r -> r.identityPoolId(pool).roles(Map.of("authenticated", UNAUTH)));

        assertThat(set.identityPoolId()).isEqualTo(pool);
        assertThat(set.roles()).containsExactlyInAnyOrderEntriesOf(Map.of("authenticated", AUTH,
                "unauthenticated", UNAUTH));
        assertThat(set.roleMappings()).containsEntry("graph.facebook.com", mapping);
        assertThat(identity.getIdentityPoolRoles(r -> r.identityPoolId(pool)).roles())
                .containsExactlyEntriesOf(Map.of("authenticated", UNAUTH));
    }

    @Test
    void badRolesAnUnknownPoolAndAnIdentitysCredentialsAreRefusedAndChangeNothing(CognitoSyncEmulator emulator) {
        String pool = Pools.newPool(identity);
        identity.setIdentityPoolRoles(r -> r.identityPoolId(pool).roles(Map.of("authenticated", AUTH)));

        assertThatThrownBy(() -> identity.setIdentityPoolRoles(r -> r.identityPoolId(pool)
                .roles(Map.of("admin", AUTH)))).isInstanceOfSatisfying(InvalidParameterException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("1 validation error detected: "
                                + "Value '{admin=" + AUTH + "}' at 'roles' failed to satisfy constraint: Map keys must "
                                + "satisfy constraint: [Member must satisfy regular expression pattern: "
                                + "(un)?authenticated]"));
        assertThatThrownBy(() -> identity.setIdentityPoolRoles(r -> r.identityPoolId(pool)
                .roles(Map.of("authenticated", "arn:short")))).isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> identity.setIdentityPoolRoles(r -> r.identityPoolId(pool)))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> identity.getIdentityPoolRoles(r -> r.identityPoolId(
                "us-east-1:00000000-0000-0000-0000-000000000000"))).isInstanceOf(ResourceNotFoundException.class);
        String device = Pools.newIdentity(identity, pool);
        Credentials issued = identity.getCredentialsForIdentity(r -> r.identityId(device)).credentials();
        try (CognitoIdentityClient asDevice = CognitoSyncEmulatorExtension.identityClient(emulator.endpoint(),
                AwsSessionCredentials.create(issued.accessKeyId(), issued.secretKey(), issued.sessionToken()))) {
            assertThatThrownBy(() -> asDevice.setIdentityPoolRoles(r -> r.identityPoolId(pool)
                    .roles(Map.of("authenticated", UNAUTH)))).isInstanceOf(NotAuthorizedException.class);
        }
        assertThat(identity.getIdentityPoolRoles(r -> r.identityPoolId(pool)).roles())
                .containsExactlyEntriesOf(Map.of("authenticated", AUTH));
    }

    @Test
    void aGeneratedPoolHasTheConsolesRolesAndAnExportedFixtureKeepsThem(@TempDir Path dir) throws Exception {
        String poolId = "us-east-1:0a1b2c3d-0000-4000-8000-00000000000a";
        Path exported = dir.resolve("pool.json");
        try (CognitoSyncEmulator generated = CognitoSyncEmulator.start(CognitoSyncEmulatorConfig.builder()
                .generate(3).identityPoolId(poolId).exportOnExit(exported).build());
                CognitoIdentityClient client = CognitoSyncEmulatorExtension.identityClient(generated.endpoint(),
                        CognitoSyncEmulatorExtension.DEVELOPER)) {
            assertThat(client.getIdentityPoolRoles(r -> r.identityPoolId(poolId)).roles()).containsOnlyKeys(
                    "authenticated", "unauthenticated");
        }
        try (CognitoSyncEmulator reloaded = CognitoSyncEmulator.start(CognitoSyncEmulatorConfig.builder()
                .fixture(exported).build());
                CognitoIdentityClient client = CognitoSyncEmulatorExtension.identityClient(reloaded.endpoint(),
                        CognitoSyncEmulatorExtension.DEVELOPER)) {
            assertThat(Files.readString(exported)).contains("Cognito_syntheticAuth_Role");
            assertThat(client.getIdentityPoolRoles(r -> r.identityPoolId(poolId)).roles()).containsEntry(
                    "unauthenticated", "arn:aws:iam::123456789012:role/Cognito_syntheticUnauth_Role");
        }
    }
}
