package dev.syncshift.client;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Two devices of one identity in a JVM of their own, started by {@link ProxyTest} with the proxy settings of its
 * environment: one on {@code cutover} subscribes to a dataset, the other, on {@code appsync}, changes it. Exits 0
 * when the change arrives through the subscription, 1 when it does not or the change cannot be synchronized.
 */
final class ProxiedDevice {

    private ProxiedDevice() {
    }

    /**
     * Arguments: the pool id, the Cognito endpoint, the AppSync GraphQL URL, and optionally how many seconds to wait
     * for the change to arrive (30).
     */
    public static void main(String[] args) throws Exception {
        boolean arrived;
        try (CognitoSyncManager listening = device(args, Backend.CUTOVER).build()) {
            ChangeWatcher watcher = new ChangeWatcher();
            listening.openOrCreateDataset("proxied").subscribe(watcher);
            try (CognitoSyncManager writing = device(args, Backend.APPSYNC)
                    .identityId(listening.getIdentityId()).build()) {
                Dataset mine = writing.openOrCreateDataset("proxied");
                mine.put("color", "red");
                mine.synchronizeAsync().get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                System.out.println("the synchronize failed: " + e.getCause());
                System.exit(1);
            }
            arrived = watcher.awaitValue("color", "red", Duration.ofSeconds(args.length > 3
                    ? Long.parseLong(args[3]) : 30));
            System.out.println(arrived ? "the change arrived" : "no change arrived; failures: " + watcher.failures());
        }
        System.exit(arrived ? 0 : 1);
    }

    private static CognitoSyncManagerBuilder device(String[] args, Backend backend) {
        return CognitoSyncManager.builder().identityPoolId(args[0]).cognitoEndpoint(URI.create(args[1]))
                .appSyncEndpoint(URI.create(args[2])).backend(backend);
    }
}
