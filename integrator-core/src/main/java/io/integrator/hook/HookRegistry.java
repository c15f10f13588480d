package io.integrator.hook;

import io.integrator.spi.Hook;
import io.integrator.spi.PostMapHook;
import io.integrator.spi.PostAggregateHook;
import io.integrator.spi.PostResponseMapHook;
import io.integrator.spi.PostSubmitHook;
import io.integrator.spi.PreMapHook;
import io.integrator.spi.PreSavePageHook;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The hooks an engine knows, by kind and id. Ids are the strings documents put in {@code
 * hooks._preSavePageId}, {@code _preMapId}, {@code _postMapId}, {@code _postSubmitId} and {@code
 * pageProcessors[].hooks._postResponseMapId}, or the {@code function} of a {@code {"function":
 * name}} object. Hooks registered on the builder win over hooks with the same id found with
 * {@link ServiceLoader} ({@code META-INF/services/io.integrator.spi.Hook}). Immutable once built.
 */
public final class HookRegistry {
  private final Map<Class<? extends Hook>, Map<String, Hook>> byKind;

  private HookRegistry(Map<Class<? extends Hook>, Map<String, Hook>> byKind) {
    this.byKind = byKind;
  }

  /** The hook kinds the engine calls. */
  public static final List<Class<? extends Hook>> KINDS =
      List.of(
          PreSavePageHook.class,
          PreMapHook.class,
          PostMapHook.class,
          PostSubmitHook.class,
          PostResponseMapHook.class,
          PostAggregateHook.class);

  /**
   * Builds a registry from hooks registered explicitly (by id) and hooks found by the class loader.
   *
   * @param registered hooks registered on the builder, keyed by id
   * @param loader class loader for ServiceLoader discovery, or null to skip discovery
   * @throws HookException when one object implements no hook kind
   */
  public static HookRegistry of(Map<String, Hook> registered, ClassLoader loader) {
    Map<Class<? extends Hook>, Map<String, Hook>> byKind = new HashMap<>();
    if (loader != null) {
      for (Hook h : ServiceLoader.load(Hook.class, loader)) {
        add(byKind, h.id(), h);
      }
    }
    registered.forEach((id, h) -> add(byKind, id, h));
    return new HookRegistry(byKind);
  }

  private static void add(Map<Class<? extends Hook>, Map<String, Hook>> byKind, String id, Hook h) {
    boolean any = false;
    for (Class<? extends Hook> k : KINDS) {
      if (k.isInstance(h)) {
        byKind.computeIfAbsent(k, x -> new HashMap<>()).put(id, h);
        any = true;
      }
    }
    if (!any) {
      throw new HookException(
          "hook_kind",
          "hook '" + id + "' (" + h.getClass().getName() + ") implements no hook kind; implement "
              + "PreSavePageHook, PreMapHook, PostMapHook, PostSubmitHook, PostResponseMapHook or PostAggregateHook");
    }
  }

  /**
   * Finds a hook of a kind by id.
   *
   * @return the hook, or empty when none has that id
   */
  public <T extends Hook> Optional<T> find(Class<T> kind, String id) {
    if (id == null) {
      return Optional.empty();
    }
    Hook h = byKind.getOrDefault(kind, Map.of()).get(id);
    return Optional.ofNullable(h).map(kind::cast);
  }

  /**
   * Finds a hook a resource names, failing with a message that names the resource and field.
   *
   * @param kind the hook kind
   * @param id the id from the document, or null when the document names none
   * @param where for the message, e.g. {@code import 'i1' hooks._preMapId}
   * @return the hook, or empty when {@code id} is null
   * @throws HookException when the id is set but no hook of that kind has it
   */
  public <T extends Hook> Optional<T> require(Class<T> kind, String id, String where) {
    if (id == null || id.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        find(kind, id)
            .orElseThrow(
                () ->
                    new HookException(
                        "missing_hook",
                        where + " names hook '" + id + "', but no " + kind.getSimpleName()
                            + " is registered with that id; register one on Integrator.builder()"
                            + " or list it in META-INF/services/io.integrator.spi.Hook")));
  }
}
