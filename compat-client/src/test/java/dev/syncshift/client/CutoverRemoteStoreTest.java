package dev.syncshift.client;

import dev.syncshift.client.remote.cognito.CognitoIdentityCredentials;
import dev.syncshift.client.remote.cutover.CutoverRemoteStore;
import dev.syncshift.client.spi.RemoteStore;
import dev.syncshift.core.IdentityPoolId;

class CutoverRemoteStoreTest extends RemoteStoreContract {

    @Override
    RemoteStore newRemote(Emulators emulators, IdentityPoolId pool, CognitoIdentityCredentials credentials) {
        return new CutoverRemoteStore(cognito(emulators, pool, credentials), appSync(emulators, credentials));
    }
}
