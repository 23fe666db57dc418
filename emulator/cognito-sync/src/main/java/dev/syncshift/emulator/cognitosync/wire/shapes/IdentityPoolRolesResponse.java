package dev.syncshift.emulator.cognitosync.wire.shapes;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.syncshift.emulator.cognitosync.store.StoredIdentityPool;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The answer of GetIdentityPoolRoles: the pool's roles, and its role mappings when it has any.
 *
 * @param identityPoolId the pool
 * @param roles {@code authenticated} and {@code unauthenticated} to an IAM role's ARN; empty until set
 * @param roleMappings the role mappings as SetIdentityPoolRoles gave them, or null
 */
public record IdentityPoolRolesResponse(String identityPoolId, Map<String, String> roles,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Map<String, Object> roleMappings) {

    /** The wire form of {@code pool}'s roles. */
    public static IdentityPoolRolesResponse of(StoredIdentityPool pool) {
        return new IdentityPoolRolesResponse(pool.id().value(), new TreeMap<>(pool.roles()),
                pool.roleMappings().isEmpty() ? null : pool.roleMappings());
    }
}
