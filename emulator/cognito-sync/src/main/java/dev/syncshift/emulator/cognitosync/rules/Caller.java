package dev.syncshift.emulator.cognitosync.rules;

import dev.syncshift.core.IdentityId;

/**
 * Who sent a request: a developer (IAM user or role of the pool's account), an identity holding temporary
 * credentials issued by GetCredentialsForIdentity, or nobody (the unsigned Cognito Identity operations).
 */
public sealed interface Caller {

    /** What the service stores as LastModifiedBy for this caller's writes. */
    String modifiedBy();

    /**
     * Developer credentials of an AWS account.
     *
     * @param accountId the 12-digit account id
     */
    record Developer(String accountId) implements Caller {
        @Override
        public String modifiedBy() {
            return accountId;
        }
    }

    /**
     * Temporary credentials of one Cognito identity.
     *
     * @param identityId the identity the credentials were issued to
     */
    record Identity(IdentityId identityId) implements Caller {
        @Override
        public String modifiedBy() {
            return identityId.value();
        }
    }

    /** An unsigned request (GetId, GetCredentialsForIdentity, GetOpenIdToken). */
    record Anonymous() implements Caller {
        @Override
        public String modifiedBy() {
            return "anonymous";
        }
    }
}
