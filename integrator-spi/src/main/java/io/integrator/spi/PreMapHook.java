package io.integrator.spi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Runs on a page in one import before lookups and mapping ({@code hooks._preMapId}). It must
 * return exactly one {@link HookItem} per input record, in order; a wrong length, a null item or a
 * thrown exception fails the whole page in this import (every record becomes a job error with
 * source {@code pre_map_hook}), and the run goes on with the next page.
 */
@FunctionalInterface
public interface PreMapHook extends Hook {

  /** Defaults to the class name; hooks registered on the builder are known by their given id. */
  @Override
  default String id() {
    return getClass().getName();
  }

  /**
   * Processes the page.
   *
   * @param request the records and context
   * @return one item per record
   * @throws Exception to fail the page in this import
   */
  List<HookItem> preMap(Request request) throws Exception;

  /**
   * What the hook receives.
   *
   * @param data the page's records as they entered this import (copies the hook may change)
   * @param context the common options
   */
  record Request(List<ObjectNode> data, HookContext context) {}
}
