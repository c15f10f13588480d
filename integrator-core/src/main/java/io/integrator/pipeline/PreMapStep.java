package io.integrator.pipeline;

import io.integrator.hook.HookCalls;
import io.integrator.spi.HookContext;
import io.integrator.spi.PreMapHook;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Calls the import's preMap hook on the live records. */
final class PreMapStep extends HookStep<PreMapHook> {

  PreMapStep(HookCalls calls, PreMapHook hook, String id, HookContext context) {
    super(hook, id, context, calls);
  }

  @Override
  public CompletableFuture<Void> apply(PageWork w) {
    List<Integer> live = w.live();
    if (!live.isEmpty()) {
      var items = calls.preMap(hook, id,
          new PreMapHook.Request(HookItems.copies(w.current, live), context));
      HookItems.apply(w, live, items, w.current, source());
    }
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public String source() {
    return "pre_map_hook";
  }
}
