package dev.syncshift.client;

/** The conformance suite on the {@code cutover} backend (AppSync, importing from Cognito Sync on first touch). */
class CutoverConformanceTest extends SyncConformanceContract {

    @Override
    Backend backend() {
        return Backend.CUTOVER;
    }
}
