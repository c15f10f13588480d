package io.integrator.pipeline;

import io.integrator.hook.HookCalls;
import io.integrator.spi.HookContext;

/**
 * A step that calls one hook of the import: the hook, the id it was found by (for error
 * messages), the context it is given, and the engine's hook caller (contracts and time limit).
 *
 * @param <H> the hook interface
 */
abstract class HookStep<H> implements Step {
  final H hook;
  final String id;
  final HookContext context;
  final HookCalls calls;

  HookStep(H hook, String id, HookContext context, HookCalls calls) {
    this.hook = hook;
    this.id = id;
    this.context = context;
    this.calls = calls;
  }
}
