package dev.syncshift.emulator.cognitosync.wire.shapes;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The body of SetIdentityPoolRoles.
 *
 * @param identityPoolId the pool
 * @param roles {@code authenticated} and {@code unauthenticated} to an IAM role's ARN
 * @param roleMappings the providers' role mappings, kept as given
 */
public record SetIdentityPoolRolesRequest(@Nullable String identityPoolId, @Nullable Map<String, String> roles,
        @Nullable Map<String, Object> roleMappings) {
}
