package io.integrator.pipeline;

import io.integrator.hook.HookCalls;
import io.integrator.hook.HookException;
import io.integrator.spi.HookContext;
import io.integrator.spi.PostSubmitHook;
import io.integrator.spi.SubmitResult;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Calls the import's postSubmit hook; the engine counts from the results it returns. */
final class PostSubmitStep extends HookStep<PostSubmitHook> {

  PostSubmitStep(HookCalls calls, PostSubmitHook hook, String id, HookContext context) {
    super(hook, id, context, calls);
  }

  @Override
  public CompletableFuture<Void> apply(PageWork w) {
    List<Integer> live = w.live();
    if (!live.isEmpty()) {
      List<SubmitResult> in = live.stream().map(i -> w.response[i]).toList();
      List<SubmitResult> out;
      try {
        out = calls.postSubmit(hook, id, new PostSubmitHook.Request(
            HookItems.copies(w.current, live), HookItems.copies(w.mapped, live), in, context));
      } catch (HookException e) {
        // The records were submitted already: say so, so that a retry resubmits knowingly.
        throw new HookException(e.code(), e.getMessage()
            + " (after the records were submitted; retrying them submits them again)");
      }
      for (int k = 0; k < live.size(); k++) {
        w.response[live.get(k)] = out.get(k);
      }
    }
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public String source() {
    return "post_submit_hook";
  }
}
