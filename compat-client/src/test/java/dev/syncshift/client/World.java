package dev.syncshift.client;

import java.util.ArrayList;
import java.util.List;

/** Devices of one scenario on one backend; each scenario starts from a fresh identity. Closes what it made. */
final class World implements AutoCloseable {

    private final Emulators emulators;
    private final Backend backend;
    private final List<CognitoSyncManager> managers = new ArrayList<>();

    World(Emulators emulators, Backend backend) {
        this.emulators = emulators;
        this.backend = backend;
    }

    Emulators emulators() {
        return emulators;
    }

    Backend backend() {
        return backend;
    }

    /** A device of a new identity (GetId at its first synchronize). */
    CognitoSyncManager newDevice() {
        return keep(emulators.device(backend).build());
    }

    /** Another device of {@code other}'s identity. */
    CognitoSyncManager sameIdentity(CognitoSyncManager other) {
        return keep(emulators.device(backend).identityId(other.getIdentityId()).build());
    }

    /** A device of a new identity whose pushes run {@code afterPush} once stored, before the engine hears back. */
    CognitoSyncManager hooked(Runnable afterPush) {
        return keep(emulators.device(backend)
                .remoteStore((wiring, credentials) -> new HookedRemote(wiring.backendRemote(credentials), afterPush))
                .build());
    }

    CognitoSyncManager keep(CognitoSyncManager manager) {
        managers.add(manager);
        return manager;
    }

    @Override
    public void close() {
        managers.forEach(CognitoSyncManager::close);
    }
}
