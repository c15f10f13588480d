package io.integrator.spi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * (extension) Runs after a page processor's {@code responseMapping} ({@code
 * pageProcessors[].hooks._postResponseMapId}). Returns the records for the next processor, one per
 * input record. Contract breaks and exceptions fail those records (source {@code
 * post_response_map_hook}).
 */
@FunctionalInterface
public interface PostResponseMapHook extends Hook {

  /** Defaults to the class name; hooks registered on the builder are known by their given id. */
  @Override
  default String id() {
    return getClass().getName();
  }

  /**
   * Processes the page.
   *
   * @param request records after response mapping, and the responses
   * @return one record per input record
   * @throws Exception to fail the records
   */
  List<ObjectNode> postResponseMap(Request request) throws Exception;

  /**
   * What the hook receives.
   *
   * @param postResponseMapData the records after response mapping
   * @param responseData the processor's results, aligned
   * @param context the common options
   */
  record Request(
      List<ObjectNode> postResponseMapData, List<SubmitResult> responseData, HookContext context) {}
}
