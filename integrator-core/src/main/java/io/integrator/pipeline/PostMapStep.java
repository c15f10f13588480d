package io.integrator.pipeline;

import io.integrator.hook.HookCalls;
import io.integrator.spi.HookContext;
import io.integrator.spi.PostMapHook;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Calls the import's postMap hook on the mapped records. */
final class PostMapStep extends HookStep<PostMapHook> {

  PostMapStep(HookCalls calls, PostMapHook hook, String id, HookContext context) {
    super(hook, id, context, calls);
  }

  @Override
  public CompletableFuture<Void> apply(PageWork w) {
    List<Integer> live = w.live();
    if (!live.isEmpty()) {
      var items = calls.postMap(hook, id, new PostMapHook.Request(
          HookItems.copies(w.current, live), HookItems.copies(w.mapped, live), context));
      HookItems.apply(w, live, items, w.mapped, source());
    }
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public String source() {
    return "post_map_hook";
  }
}
