package io.integrator.cli;

import io.integrator.spi.Hook;
import java.util.HashSet;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Predicate;

/** The ids of the hooks on the command line's classpath, found with {@link ServiceLoader}. */
final class HookIds {
  private HookIds() {}

  static Predicate<String> known() {
    Set<String> ids = new HashSet<>();
    for (Hook hook : ServiceLoader.load(Hook.class, HookIds.class.getClassLoader())) {
      ids.add(hook.id());
    }
    return ids::contains;
  }
}
