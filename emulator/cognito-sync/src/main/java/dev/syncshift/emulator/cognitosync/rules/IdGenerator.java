package dev.syncshift.emulator.cognitosync.rules;

import java.util.Random;
import java.util.UUID;

/** Makes the ids the services hand out (pool and identity ids, device ids), deterministic for a given seed. */
public final class IdGenerator {

    private final Random random;

    /** Ids from {@code seed}: the same seed gives the same sequence. */
    public IdGenerator(long seed) {
        this.random = new Random(seed);
    }

    /** A version-4-shaped UUID in lower case. */
    public synchronized String uuid() {
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    /** An id of the form {@code <region>:<uuid>}, as pool and identity ids are. */
    public String regional(String region) {
        return region + ":" + uuid();
    }
}
