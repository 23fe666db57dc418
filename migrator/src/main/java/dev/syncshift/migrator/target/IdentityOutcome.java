package dev.syncshift.migrator.target;

import dev.syncshift.core.IdentityId;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What migrating (or verifying) one identity did.
 *
 * @param identityId the identity
 * @param datasets one outcome per dataset looked at
 * @param note why the identity was passed over (it left the pool meanwhile, or Cognito refuses to read it), or null
 */
public record IdentityOutcome(IdentityId identityId, List<DatasetOutcome> datasets, @Nullable String note) {

    /** Copies the list. */
    public IdentityOutcome {
        datasets = List.copyOf(datasets);
    }
}
