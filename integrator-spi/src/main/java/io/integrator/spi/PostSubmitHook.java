package io.integrator.spi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Runs on a page in one import after submission ({@code hooks._postSubmitId}). It returns the
 * response list, same length, and the engine counts and records errors from the returned list, so
 * the hook may clear, add or rewrite errors. Contract breaks and exceptions fail the page (source
 * {@code post_submit_hook}); because the records were already submitted, those job errors say so
 * in their message, and a retry resubmits them.
 */
@FunctionalInterface
public interface PostSubmitHook extends Hook {

  /** Defaults to the class name; hooks registered on the builder are known by their given id. */
  @Override
  default String id() {
    return getClass().getName();
  }

  /**
   * Processes the results.
   *
   * @param request records and results, aligned
   * @return one result per record
   * @throws Exception to fail the page in this import
   */
  List<SubmitResult> postSubmit(Request request) throws Exception;

  /**
   * What the hook receives: the records that were submitted.
   *
   * @param preMapData the records as the preMap hook returned them
   * @param postMapData the submitted records
   * @param responseData the submit results
   * @param context the common options
   */
  record Request(
      List<ObjectNode> preMapData,
      List<ObjectNode> postMapData,
      List<SubmitResult> responseData,
      HookContext context) {}
}
