package dev.syncshift.client;

import static dev.syncshift.client.Arguments.notNull;

import java.util.Date;
import org.jspecify.annotations.Nullable;

/**
 * A key changed both on this device (not yet synchronized) and on the service since this device last synced it.
 * Pass one of the resolved records to {@link Dataset#resolve} inside {@link SyncCallback#onConflict}. Immutable.
 */
public final class SyncConflict {

    private final Record remoteRecord;
    private final Record localRecord;

    /**
     * A conflict between the service's and the local version of one key.
     *
     * @throws IllegalArgumentException when a record is null or the keys differ
     */
    public SyncConflict(Record remoteRecord, Record localRecord) {
        if (!notNull("remoteRecord", remoteRecord).getKey().equals(notNull("localRecord", localRecord).getKey())) {
            throw new IllegalArgumentException("records don't have the same key");
        }
        this.remoteRecord = remoteRecord;
        this.localRecord = localRecord;
    }

    /** The key in conflict. */
    public String getKey() {
        return remoteRecord.getKey();
    }

    /** The service's version. */
    public Record getRemoteRecord() {
        return remoteRecord;
    }

    /** This device's unsynchronized version. */
    public Record getLocalRecord() {
        return localRecord;
    }

    /** Keeps the service's version: the local change is dropped. */
    public Record resolveWithRemoteRecord() {
        return copy(remoteRecord, remoteRecord.getValue(), false).build();
    }

    /** Keeps the local value; it is pushed over the service's version at the next push. */
    public Record resolveWithLocalRecord() {
        return copy(localRecord, localRecord.getValue(), true).syncCount(remoteRecord.getSyncCount()).build();
    }

    /** Stores {@code value} (null deletes); it is pushed over the service's version at the next push. */
    public Record resolveWithValue(@Nullable String value) {
        Date now = new Date();
        return new Record.Builder(getKey()).value(value).syncCount(remoteRecord.getSyncCount())
                .lastModifiedDate(now).deviceLastModifiedDate(now).lastModifiedBy(localRecord.getLastModifiedBy())
                .modified(true).build();
    }

    /**
     * The version changed last: the local one when its device date is not before the service's date of the remote
     * version, else the remote one. Unlike AWS's Android client (which compared the service date of the version the
     * local edit was based on, so the remote version always won), this compares the local edit's own time.
     */
    public Record resolveWithLastWriterWins() {
        boolean remoteIsLater = remoteRecord.getLastModifiedDate().after(localRecord.getDeviceLastModifiedDate());
        return remoteIsLater ? resolveWithRemoteRecord() : resolveWithLocalRecord();
    }

    private static Record.Builder copy(Record record, @Nullable String value, boolean modified) {
        return new Record.Builder(record.getKey()).value(value).syncCount(record.getSyncCount())
                .lastModifiedDate(record.getLastModifiedDate()).lastModifiedBy(record.getLastModifiedBy())
                .deviceLastModifiedDate(record.getDeviceLastModifiedDate()).modified(modified);
    }

    @Override
    public String toString() {
        return "SyncConflict{key=" + getKey() + "}";
    }
}
