package dev.syncshift.client;

import dev.syncshift.client.remote.cognito.CognitoIdentityCredentials;
import dev.syncshift.client.spi.RemoteStore;
import dev.syncshift.core.IdentityPoolId;

class AppSyncRemoteStoreTest extends RemoteStoreContract {

    @Override
    RemoteStore newRemote(Emulators emulators, IdentityPoolId pool, CognitoIdentityCredentials credentials) {
        return appSync(emulators, credentials);
    }
}
