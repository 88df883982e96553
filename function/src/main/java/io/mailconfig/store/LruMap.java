package io.mailconfig.store;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A map of at most {@code capacity} entries that forgets the least recently used one first. Small
 * and synchronized: a Lambda environment answers one request at a time, the local server a few.
 */
final class LruMap<K, V> {

    private final LinkedHashMap<K, V> map;

    LruMap(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.map = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized V get(K key) {
        return map.get(key);
    }

    synchronized void put(K key, V value) {
        map.put(key, value);
    }

    synchronized void remove(K key) {
        map.remove(key);
    }

    synchronized int size() {
        return map.size();
    }
}
