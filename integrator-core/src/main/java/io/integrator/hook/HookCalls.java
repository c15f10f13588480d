package io.integrator.hook;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.spi.HookItem;
import io.integrator.spi.PostMapHook;
import io.integrator.spi.PostResponseMapHook;
import io.integrator.spi.PostSubmitHook;
import io.integrator.spi.PreMapHook;
import io.integrator.spi.PreSavePageHook;
import io.integrator.spi.SubmitResult;
import java.util.List;

/**
 * Calls hooks and holds them to their contracts: an exception, a null answer, a wrong length or a
 * null item becomes a {@link HookException} naming the hook and what was wrong.
 */
public final class HookCalls {
  private HookCalls() {}

  /** Calls a preSavePage hook. */
  public static PreSavePageHook.Response preSavePage(
      PreSavePageHook hook, String id, PreSavePageHook.Request request) {
    PreSavePageHook.Response r;
    try {
      r = hook.preSavePage(request);
    } catch (Exception | LinkageError | StackOverflowError e) {
      throw failed("preSavePage", id, e);
    }
    if (r == null) {
      throw contract("preSavePage", id, "returned null instead of {data, errors, abort}");
    }
    checkItems("preSavePage", id, r.data());
    return r;
  }

  /** Calls a preMap hook; the answer has one item per record. */
  public static List<HookItem> preMap(PreMapHook hook, String id, PreMapHook.Request request) {
    List<HookItem> r;
    try {
      r = hook.preMap(request);
    } catch (Exception | LinkageError | StackOverflowError e) {
      throw failed("preMap", id, e);
    }
    return checkItems("preMap", id, aligned("preMap", id, r, request.data().size()));
  }

  /** Calls a postMap hook; the answer has one item per record. */
  public static List<HookItem> postMap(PostMapHook hook, String id, PostMapHook.Request request) {
    List<HookItem> r;
    try {
      r = hook.postMap(request);
    } catch (Exception | LinkageError | StackOverflowError e) {
      throw failed("postMap", id, e);
    }
    return checkItems("postMap", id, aligned("postMap", id, r, request.postMapData().size()));
  }

  /** Calls a postSubmit hook; the answer has one result per record. */
  public static List<SubmitResult> postSubmit(
      PostSubmitHook hook, String id, PostSubmitHook.Request request) {
    List<SubmitResult> r;
    try {
      r = hook.postSubmit(request);
    } catch (Exception | LinkageError | StackOverflowError e) {
      throw failed("postSubmit", id, e);
    }
    return checkItems(
        "postSubmit", id, aligned("postSubmit", id, r, request.responseData().size()));
  }

  /** Calls a postResponseMap hook; the answer has one record per input record. */
  public static List<ObjectNode> postResponseMap(
      PostResponseMapHook hook, String id, PostResponseMapHook.Request request) {
    List<ObjectNode> r;
    try {
      r = hook.postResponseMap(request);
    } catch (Exception | LinkageError | StackOverflowError e) {
      throw failed("postResponseMap", id, e);
    }
    return checkItems(
        "postResponseMap",
        id,
        aligned("postResponseMap", id, r, request.postResponseMapData().size()));
  }

  private static <T> List<T> aligned(String kind, String id, List<T> r, int expected) {
    if (r == null) {
      throw contract(kind, id, "returned null instead of a list of " + expected + " items");
    }
    if (r.size() != expected) {
      throw contract(
          kind,
          id,
          "returned "
              + r.size()
              + " items for "
              + expected
              + " records; it must return exactly one item per record, in order");
    }
    return r;
  }

  private static <T> List<T> checkItems(String kind, String id, List<T> r) {
    for (int i = 0; i < r.size(); i++) {
      if (r.get(i) == null) {
        throw contract(kind, id, "returned null at index " + i + "; every item must be set");
      }
    }
    return r;
  }

  private static HookException failed(String kind, String id, Throwable e) {
    return new HookException(
        "hook_failed", kind + " hook '" + id + "' threw " + e.getClass().getSimpleName()
            + (e.getMessage() == null ? "" : ": " + e.getMessage()));
  }

  private static HookException contract(String kind, String id, String what) {
    return new HookException("hook_contract", kind + " hook '" + id + "' " + what);
  }
}
