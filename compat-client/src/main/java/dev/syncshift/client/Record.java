package dev.syncshift.client;

import static dev.syncshift.client.Arguments.notNull;

import java.util.Date;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One key of a dataset as this device knows it, with AWS's names and shape (an immutable value built with
 * {@link Builder}) so that code written against AWS's client compiles with a change of imports. A record whose value
 * is null is deleted (a tombstone). Thread-safe.
 */
public final class Record {

    private final String key;
    private final @Nullable String value;
    private final long syncCount;
    private final Date lastModifiedDate;
    private final @Nullable String lastModifiedBy;
    private final Date deviceLastModifiedDate;
    private final boolean modified;

    private Record(Builder builder) {
        this.key = builder.key;
        this.value = builder.value;
        this.syncCount = builder.syncCount;
        this.lastModifiedDate = new Date(builder.lastModifiedDate.getTime());
        this.lastModifiedBy = builder.lastModifiedBy;
        this.deviceLastModifiedDate = new Date(builder.deviceLastModifiedDate.getTime());
        this.modified = builder.modified;
    }

    /** The key; never null or empty. */
    public String getKey() {
        return key;
    }

    /** The value, or null when the record is deleted. */
    public @Nullable String getValue() {
        return value;
    }

    /** The service's sync count of the version this device last saw; 0 when it never synced the key. */
    public long getSyncCount() {
        return syncCount;
    }

    /** When the service stored the version this device last saw (the epoch when never synced); a copy. */
    public Date getLastModifiedDate() {
        return new Date(lastModifiedDate.getTime());
    }

    /** Who stored that version on the service (the identity id), or null when never synced. */
    public @Nullable String getLastModifiedBy() {
        return lastModifiedBy;
    }

    /** When the value was last changed on a device, by the device's clock; a copy. */
    public Date getDeviceLastModifiedDate() {
        return new Date(deviceLastModifiedDate.getTime());
    }

    /** Whether the record holds a local change not yet synchronized. */
    public boolean isModified() {
        return modified;
    }

    /** Whether the record is deleted (its value is null). */
    public boolean isDeleted() {
        return value == null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Record r && key.equals(r.key) && Objects.equals(value, r.value)
                && syncCount == r.syncCount && lastModifiedDate.equals(r.lastModifiedDate)
                && Objects.equals(lastModifiedBy, r.lastModifiedBy)
                && deviceLastModifiedDate.equals(r.deviceLastModifiedDate) && modified == r.modified;
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, value, syncCount, lastModifiedDate, lastModifiedBy, deviceLastModifiedDate, modified);
    }

    @Override
    public String toString() {
        return "Record{key=" + key + ", syncCount=" + syncCount + ", deleted=" + isDeleted() + ", modified="
                + modified + "}";
    }

    /** Builds a {@link Record}; dates left unset are "now", as in AWS's client. Not thread-safe. */
    public static final class Builder {
        private final String key;
        private @Nullable String value;
        private long syncCount;
        private Date lastModifiedDate = new Date();
        private @Nullable String lastModifiedBy;
        private Date deviceLastModifiedDate = new Date();
        private boolean modified;

        /**
         * A builder for {@code key}.
         *
         * @throws IllegalArgumentException when the key is null or empty
         */
        public Builder(String key) {
            if (notNull("key", key).isEmpty()) {
                throw new IllegalArgumentException("key can't be empty");
            }
            this.key = key;
        }

        /** The value; null for a deleted record. */
        public Builder value(@Nullable String value) {
            this.value = value;
            return this;
        }

        /**
         * The sync count.
         *
         * @throws IllegalArgumentException when negative
         */
        public Builder syncCount(long syncCount) {
            if (syncCount < 0) {
                throw new IllegalArgumentException("sync count can't be negative");
            }
            this.syncCount = syncCount;
            return this;
        }

        /** The service's date of the version; null means now. */
        public Builder lastModifiedDate(@Nullable Date date) {
            this.lastModifiedDate = date == null ? new Date() : date;
            return this;
        }

        /** Who stored the version. */
        public Builder lastModifiedBy(@Nullable String lastModifiedBy) {
            this.lastModifiedBy = lastModifiedBy;
            return this;
        }

        /** The device's date of the change; null means now. */
        public Builder deviceLastModifiedDate(@Nullable Date date) {
            this.deviceLastModifiedDate = date == null ? new Date() : date;
            return this;
        }

        /** Whether the record holds an unsynchronized local change. */
        public Builder modified(boolean modified) {
            this.modified = modified;
            return this;
        }

        /** The record. */
        public Record build() {
            return new Record(this);
        }
    }
}
