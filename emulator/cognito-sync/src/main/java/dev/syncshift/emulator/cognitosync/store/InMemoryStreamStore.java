package dev.syncshift.emulator.cognitosync.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** {@link StreamStore} in memory: one append-only list per stream, guarded by itself. */
public final class InMemoryStreamStore implements StreamStore {

    private final Map<String, List<StoredStreamRecord>> streams = new ConcurrentHashMap<>();

    @Override
    public void append(StoredStreamRecord record) {
        List<StoredStreamRecord> stream = streams.computeIfAbsent(record.streamName(), name -> new ArrayList<>());
        synchronized (stream) {
            stream.add(record);
        }
    }

    @Override
    public List<StoredStreamRecord> records(String streamName) {
        List<StoredStreamRecord> stream = streams.getOrDefault(streamName, List.of());
        synchronized (stream) {
            return List.copyOf(stream);
        }
    }
}
