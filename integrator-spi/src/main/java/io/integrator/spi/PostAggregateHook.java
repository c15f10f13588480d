package io.integrator.spi;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Runs once per aggregate (for file imports: per file written) after an import's writer completed
 * it ({@code hooks._postAggregateId}), for example to notify another system that a file is ready.
 * It returns nothing and cannot change what was written. A hook that throws or times out records one
 * job error (source {@code post_aggregate_hook}); the run and other aggregates go on.
 */
@FunctionalInterface
public interface PostAggregateHook extends Hook {

  /** Defaults to the class name; hooks registered on the builder are known by their given id. */
  @Override
  default String id() {
    return getClass().getName();
  }

  /**
   * Reacts to one completed aggregate.
   *
   * @param request the aggregate's outcome and the common options
   * @throws Exception to record a job error for this aggregate
   */
  void postAggregate(Request request) throws Exception;

  /**
   * What the hook receives.
   *
   * @param postAggregateData {@code {success, _json: {name}, code?, message?, source?}}; read-only
   * @param context the common options
   */
  record Request(ObjectNode postAggregateData, HookContext context) {}
}
