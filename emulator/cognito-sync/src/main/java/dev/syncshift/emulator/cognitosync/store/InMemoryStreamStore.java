package dev.syncshift.emulator.cognitosync.store;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** {@link StreamStore} in memory: one append-only list per stream. */
public final class InMemoryStreamStore implements StreamStore {

    private final Map<String, List<StoredStreamRecord>> streams = new ConcurrentHashMap<>();

    @Override
    public void append(StoredStreamRecord record) {
        streams.computeIfAbsent(record.streamName(), name -> new CopyOnWriteArrayList<>()).add(record);
    }

    @Override
    public List<StoredStreamRecord> records(String streamName) {
        return List.copyOf(streams.getOrDefault(streamName, List.of()));
    }
}
