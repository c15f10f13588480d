package io.integrator.testkit;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Decodes a raw query string into a map (last value wins). */
final class RestletSignatureQuery {
    private RestletSignatureQuery() {
    }

    static void parse(String rawQuery, Map<String, String> into) {
        if (rawQuery == null) {
            return;
        }
        for (String kv : rawQuery.split("&")) {
            int eq = kv.indexOf('=');
            into.put(URLDecoder.decode(eq < 0 ? kv : kv.substring(0, eq), StandardCharsets.UTF_8),
                    eq < 0 ? "" : URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
        }
    }
}
