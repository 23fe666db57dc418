package dev.syncshift.client;

import dev.syncshift.client.remote.cognito.CognitoIdentityCredentials;
import dev.syncshift.client.spi.RemoteStore;
import dev.syncshift.core.IdentityPoolId;

class CognitoSyncRemoteStoreTest extends RemoteStoreContract {

    @Override
    RemoteStore newRemote(Emulators emulators, IdentityPoolId pool, CognitoIdentityCredentials credentials) {
        return cognito(emulators, pool, credentials);
    }
}
