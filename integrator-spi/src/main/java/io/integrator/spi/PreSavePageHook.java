package io.integrator.spi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Runs on every page an export produces, before any import sees it ({@code hooks._preSavePageId}).
 * It may change, drop or add records, and may stop paging with {@link Response#abort()}.
 *
 * <p>Throwing is fatal for the run: no further pages are read, pages already handed on finish,
 * the job ends {@code failed}, and no watermark or once flag is committed.
 */
@FunctionalInterface
public interface PreSavePageHook extends Hook {

  /** Defaults to the class name; hooks registered on the builder are known by their given id. */
  @Override
  default String id() {
    return getClass().getName();
  }

  /**
   * Processes one page.
   *
   * @param request the page and its context
   * @return the page to go on with; never null
   * @throws Exception to fail the run
   */
  Response preSavePage(Request request) throws Exception;

  /**
   * What the hook receives.
   *
   * @param data the page's records (the hook may modify and return them)
   * @param errors export-side errors of the page so far
   * @param pageIndex 0-based index of the page within the run
   * @param lastExportDateTime lower bound of the delta window, if any
   * @param currentExportDateTime upper bound of the delta window (delta exports)
   * @param context the common options
   * @param fileNames file exports: the file each record of {@code data} came from, aligned with
   *     {@code data} (the API document's {@code files[i].fileMeta.fileName}); empty otherwise
   */
  record Request(
      List<ObjectNode> data,
      List<ErrorItem> errors,
      int pageIndex,
      Optional<Instant> lastExportDateTime,
      Optional<Instant> currentExportDateTime,
      HookContext context,
      List<String> fileNames) {

    /** Copies {@code fileNames}; null becomes empty. */
    public Request {
      fileNames = fileNames == null ? List.of() : List.copyOf(fileNames);
    }

    /** A request for a page that was not read from files. */
    public Request(
        List<ObjectNode> data,
        List<ErrorItem> errors,
        int pageIndex,
        Optional<Instant> lastExportDateTime,
        Optional<Instant> currentExportDateTime,
        HookContext context) {
      this(data, errors, pageIndex, lastExportDateTime, currentExportDateTime, context, List.of());
    }
  }

  /**
   * What the hook returns.
   *
   * @param data the records to go on with; may be shorter or longer than the input
   * @param errors replaces the input errors (export-side errors of the page)
   * @param abort true to stop reading after this page; the run still ends {@code completed} but
   *     commits no delta watermark
   */
  record Response(List<ObjectNode> data, List<ErrorItem> errors, boolean abort) {
    /** Checks data is present and copies the lists. */
    public Response {
      if (data == null) {
        throw new IllegalArgumentException("preSavePage must return data (an empty list is fine)");
      }
      data = List.copyOf(data);
      errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** Go on with these records, no errors, no abort. */
    public static Response of(List<ObjectNode> data) {
      return new Response(data, List.of(), false);
    }
  }
}
