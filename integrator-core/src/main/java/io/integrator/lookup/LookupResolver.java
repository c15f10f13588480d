package io.integrator.lookup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.spi.LookupQuery;
import io.integrator.spi.LookupSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Resolves dynamic lookups for one job: it owns the import's {@link LookupSource} and a bounded LRU cache
 * of answers keyed by (lookup name, {@link LookupSource#cacheKey source key}), so identical questions are
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
    private final Map<CacheKey, List<JsonNode>> cache;

    private record CacheKey(String lookup, String key) {
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
     * @param cacheSize maximum number of cached answers (least recently used are evicted); 0 disables
     *                  caching across pages (each page still asks each distinct question once)
     */
    public LookupResolver(LookupSource source, int cacheSize) {
        if (cacheSize < 0) {
            throw new IllegalArgumentException("cacheSize must be >= 0");
        }
        this.source = source;
        this.cacheSize = cacheSize;
        this.defaultCacheKey = source != null && usesDefaultCacheKey(source);
        this.cache = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<CacheKey, List<JsonNode>> eldest) {
                return size() > LookupResolver.this.cacheSize;
            }
        };
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
        synchronized (cache) {
            return cache.size();
        }
    }

    List<JsonNode> cached(String lookup, String key) {
        if (cacheSize == 0) {
            return null;
        }
        CacheKey k = new CacheKey(lookup, key);
        synchronized (cache) {
            return cache.get(k);
        }
    }

    void remember(String lookup, String key, List<JsonNode> matches) {
        if (cacheSize == 0) {
            return;
        }
        CacheKey k = new CacheKey(lookup, key);
        synchronized (cache) {
            cache.put(k, matches);
        }
    }
}
