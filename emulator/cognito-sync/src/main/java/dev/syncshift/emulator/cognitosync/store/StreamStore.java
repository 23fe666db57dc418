package dev.syncshift.emulator.cognitosync.store;

import java.util.List;

/** The in-memory Kinesis streams Cognito Streams writes to, by stream name. Thread-safe; appends keep order. */
public interface StreamStore {

    /** Appends {@code record} to its stream, creating the stream on first use. */
    void append(StoredStreamRecord record);

    /** The stream's records, oldest first; empty for a stream never written. */
    List<StoredStreamRecord> records(String streamName);
}
