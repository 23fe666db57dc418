package dev.syncshift.client.remote;

import dev.syncshift.core.IdentityId;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * Credentials of a device's Cognito identity, which a logout, a login or a wipe may change between two calls. A call
 * made for one identity takes its credentials through {@link #resolveCredentials(IdentityId)}, so that it never acts
 * for the next one: AppSync knows the identity a request acts for from its signature alone.
 */
public interface IdentityCredentials extends AwsCredentialsProvider {

    /**
     * Credentials of {@code identity}, fetched or renewed as {@link #resolveCredentials()} does.
     *
     * @throws dev.syncshift.client.DataStorageException when the device's identity is not {@code identity} (any more),
     *     without asking Cognito for another
     */
    AwsCredentials resolveCredentials(IdentityId identity);
}
