package dev.syncshift.client;

import dev.syncshift.client.spi.RemoteStore;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/** Makes the {@link RemoteStore} of a manager (see {@link CognitoSyncManagerBuilder#remoteStore}). */
@FunctionalInterface
public interface RemoteFactory {

    /** The remote for {@code wiring}, signing with the device's {@code credentials}. */
    RemoteStore create(ManagerWiring wiring, AwsCredentialsProvider credentials);
}
