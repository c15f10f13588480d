package io.integrator.spi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Runs on a page in one import after mapping, before submission ({@code hooks._postMapId}). Same
 * item contract as {@link PreMapHook}: one {@link HookItem} per record, whose {@code data} is what
 * gets submitted. Contract breaks and exceptions fail the page in this import (source {@code
 * post_map_hook}).
 */
@FunctionalInterface
public interface PostMapHook extends Hook {

  /** Defaults to the class name; hooks registered on the builder are known by their given id. */
  @Override
  default String id() {
    return getClass().getName();
  }

  /**
   * Processes the page.
   *
   * @param request pre- and post-mapping records, aligned
   * @return one item per record
   * @throws Exception to fail the page in this import
   */
  List<HookItem> postMap(Request request) throws Exception;

  /**
   * What the hook receives: the records that mapped successfully, before and after mapping.
   *
   * @param preMapData the records as the preMap hook returned them
   * @param postMapData the mapped records, aligned with {@code preMapData}
   * @param context the common options
   */
  record Request(List<ObjectNode> preMapData, List<ObjectNode> postMapData, HookContext context) {}
}
