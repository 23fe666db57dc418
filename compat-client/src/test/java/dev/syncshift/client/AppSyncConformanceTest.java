package dev.syncshift.client;

/** The conformance suite on the {@code appsync} backend (the real template in the AppSync emulator). */
class AppSyncConformanceTest extends SyncConformanceContract {

    @Override
    Backend backend() {
        return Backend.APPSYNC;
    }
}
