package dev.syncshift.client.spi;

import dev.syncshift.client.cache.memory.InMemoryLocalCache;

class InMemoryLocalCacheTest extends LocalCacheContract {

    @Override
    protected LocalCache newCache() {
        return new InMemoryLocalCache();
    }
}
