package dev.syncshift.client;

import java.net.URI;
import java.util.List;

/**
 * A program as small as an app's first port: it opens a manager, puts a value, starts a synchronize with a callback
 * and returns from {@code main}, never closing the manager. Started by {@link ProgramEndTest}.
 */
final class EndingProgram {

    private EndingProgram() {
    }

    /** Arguments: the backend's flag value, the pool id, the Cognito endpoint, the AppSync GraphQL URL. */
    public static void main(String[] args) {
        CognitoSyncManager device = CognitoSyncManager.builder().backend(Backend.fromFlag(args[0]))
                .identityPoolId(args[1]).cognitoEndpoint(URI.create(args[2])).appSyncEndpoint(URI.create(args[3]))
                .build();
        System.out.println("identity " + device.getIdentityId());
        Dataset dataset = device.openOrCreateDataset("ending");
        dataset.put("said", "goodbye");
        dataset.synchronize(new DefaultSyncCallback() {
            @Override
            public void onSuccess(Dataset synced, List<Record> updatedRecords) {
                System.out.println("synchronized at count " + synced.getLastSyncCount());
            }

            @Override
            public void onFailure(DataStorageException exception) {
                System.out.println("the synchronize failed: " + exception);
            }
        });
    }
}
