package io.integrator.lookup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.spi.LookupQuery;
import io.integrator.spi.LookupSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resolves dynamic lookups for one job: it owns the import's {@link LookupSource} and a bounded LRU cache
 * (least recently used answers are evicted first) of answers keyed by (lookup name, {@link LookupSource#cacheKey source key}), so identical questions are
 * asked once per job. Thread-safe: pages of one job may be mapped concurrently.
 *
 * <p>Create one resolver per job (and import); use {@link #newBatch()} once per page. Answers are not
 * shared across jobs. Failed questions ({@link io.integrator.spi.LookupException}) are not cached.
 */
public final class LookupResolver {

    /** Default number of cached answers per job: {@value}. */
    public static final int DEFAULT_CACHE_SIZE = 10_000;

    private static final LookupResolver NONE = new LookupResolver(null, 0);

    private final LookupSource source;
    private final int cacheSize;
    private final boolean defaultCacheKey;
    private final ConcurrentHashMap<CacheKey, Entry> cache = new ConcurrentHashMap<>();
    private final Object evictionLock = new Object();
    /** Use clock for least-recently-used eviction; racy increments are fine (recency is approximate). */
    private long clock;

    private record CacheKey(String lookup, String key) {
    }

    private static final class Entry {
        final List<JsonNode> matches;
        volatile long used;

        Entry(List<JsonNode> matches, long used) {
            this.matches = matches;
            this.used = used;
        }
    }

    /**
     * Creates a resolver with the {@link #DEFAULT_CACHE_SIZE default cache size}.
     *
     * @param source the import's lookup source
     */
    public LookupResolver(LookupSource source) {
        this(Objects.requireNonNull(source, "source"), DEFAULT_CACHE_SIZE);
    }

    /**
     * Creates a resolver.
     *
     * @param source    the import's lookup source; {@code null} only for mappings without dynamic lookups
     * @param cacheSize maximum number of cached answers; when it is exceeded the least recently used answers
     *                  are evicted (down to 90% of the size for large caches); 0 disables caching across
     *                  pages (each page still asks each distinct question once)
     */
    public LookupResolver(LookupSource source, int cacheSize) {
        if (cacheSize < 0) {
            throw new IllegalArgumentException("cacheSize must be >= 0");
        }
        this.source = source;
        this.cacheSize = cacheSize;
        this.defaultCacheKey = source != null && usesDefaultCacheKey(source);
    }

    private static boolean usesDefaultCacheKey(LookupSource source) {
        try {
            return source.getClass().getMethod("cacheKey", ObjectNode.class, LookupQuery.class).getDeclaringClass()
                    == LookupSource.class;
        } catch (NoSuchMethodException | SecurityException e) {
            return false;
        }
    }

    /** @return true when the source keeps {@link LookupSource#cacheKey}'s default (enables a faster key path) */
    boolean defaultCacheKey() {
        return defaultCacheKey;
    }

    /** @return a resolver for mappings that use static lookups only; asking it a dynamic lookup fails */
    public static LookupResolver none() {
        return NONE;
    }

    /** @return the lookup source, or {@code null} for {@link #none()} */
    public LookupSource source() {
        return source;
    }

    /** @return a new batch for one page */
    public LookupBatch newBatch() {
        return new LookupBatch(this);
    }

    /** @return the number of answers currently cached */
    public int cachedAnswers() {
        return cache.size();
    }

    List<JsonNode> cached(String lookup, String key) {
        if (cacheSize == 0) {
            return null;
        }
        Entry e = cache.get(new CacheKey(lookup, key));
        if (e == null) {
            return null;
        }
        e.used = ++clock;
        return e.matches;
    }

    void remember(String lookup, String key, List<JsonNode> matches) {
        if (cacheSize == 0) {
            return;
        }
        cache.put(new CacheKey(lookup, key), new Entry(matches, ++clock));
        if (cache.size() > cacheSize) {
            evict();
        }
    }

    private void evict() {
        synchronized (evictionLock) {
            int excess = cache.size() - (cacheSize - cacheSize / 10);
            if (cache.size() <= cacheSize || excess <= 0) {
                return;
            }
            List<Map.Entry<CacheKey, Entry>> entries = new ArrayList<>(cache.entrySet());
            entries.sort(Comparator.comparingLong(en -> en.getValue().used));
            for (int i = 0; i < excess && i < entries.size(); i++) {
                cache.remove(entries.get(i).getKey(), entries.get(i).getValue());
            }
        }
    }
}
