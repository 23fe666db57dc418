package dev.syncshift.core;

import java.util.Locale;

/** What a {@link RecordPatch} does: {@code replace} creates or overwrites, {@code remove} leaves a tombstone. */
public enum Operation {
    /** Create or overwrite the record's value. */
    REPLACE,
    /** Remove the value; the record stays as a tombstone with the count of its removal. */
    REMOVE;

    /** The lower-case name used on the wire. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses the wire name ({@code replace} or {@code remove}).
     *
     * @throws InvalidParameterException naming {@code op} for any other text
     */
    public static Operation fromWire(String text) {
        for (Operation op : values()) {
            if (op.wireName().equals(text)) {
                return op;
            }
        }
        throw new InvalidParameterException("1 validation error detected: Value '" + text
                + "' at 'op' failed to satisfy constraint: Member must satisfy enum value set: [replace, remove]");
    }
}
