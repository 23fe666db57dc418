package dev.syncshift.client.spi;

/**
 * A push and the pull after it, done by a remote in one round trip (AppSync's {@code syncDataset}).
 *
 * @param pushed what the push wrote
 * @param changes the records changed after the requested count, read after the push (so the pushed ones too)
 */
public record RemoteSync(PushResult pushed, RemoteChanges changes) {
}
