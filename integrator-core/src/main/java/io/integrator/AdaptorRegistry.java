package io.integrator;

import io.integrator.spi.Adaptor;
import io.integrator.spi.CredentialStore;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;

/**
 * The adaptors an {@link Integrator} knows, by connection type: those registered on the builder
 * first, then those {@link ServiceLoader} finds. Two adaptors claiming one type are a setup error.
 */
final class AdaptorRegistry {
  private final Map<String, Adaptor> byType;

  private AdaptorRegistry(Map<String, Adaptor> byType) {
    this.byType = Collections.unmodifiableMap(byType);
  }

  static AdaptorRegistry discover(List<Adaptor> registered, ClassLoader loader) {
    Map<String, Adaptor> byType = new TreeMap<>();
    for (Adaptor a : registered) {
      add(byType, a);
    }
    Map<String, Adaptor> explicit = Map.copyOf(byType);
    for (Adaptor a : ServiceLoader.load(Adaptor.class, loader)) {
      if (a.connectionTypes().stream().noneMatch(t -> explicit.containsKey(t.toLowerCase(Locale.ROOT)))) {
        add(byType, a);
      }
      // An adaptor registered on the builder wins over one found on the classpath.
    }
    return new AdaptorRegistry(byType);
  }

  private static void add(Map<String, Adaptor> byType, Adaptor adaptor) {
    for (String raw : adaptor.connectionTypes()) {
      String type = raw.toLowerCase(Locale.ROOT);
      Adaptor present = byType.putIfAbsent(type, adaptor);
      if (present != null && present.getClass() != adaptor.getClass()) {
        throw new IntegratorException(
            "two adaptors serve connection type \""
                + type
                + "\": "
                + present.getClass().getName()
                + " and "
                + adaptor.getClass().getName()
                + "; keep only one of them on the classpath or register one on the builder");
      }
    }
  }

  /** Hands {@code credentials} to each adaptor once (one adaptor may serve several types). */
  void useCredentialStore(CredentialStore credentials) {
    Set<Adaptor> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Adaptor a : byType.values()) {
      if (seen.add(a)) {
        a.useCredentialStore(credentials);
      }
    }
  }

  Optional<Adaptor> forType(String type) {
    return type == null ? Optional.empty() : Optional.ofNullable(byType.get(type.toLowerCase(Locale.ROOT)));
  }

  Map<String, Adaptor> all() {
    return byType;
  }
}
