package io.integrator.spi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.Set;

/**
 * Connects the engine to one kind of external system (a REST API, an FTP server, NetSuite...).
 *
 * <p>An adaptor is found with {@link java.util.ServiceLoader}: ship a jar whose
 * {@code META-INF/services/io.integrator.spi.Adaptor} names the implementing class, which needs a
 * public no-argument constructor. The engine picks the adaptor whose {@link #connectionTypes()}
 * contains the connection's {@code type} ({@code rest}, {@code http}, {@code ftp},
 * {@code netsuite}...). Core never refers to an adaptor class by name.
 *
 * <h2>How to write an adaptor</h2>
 *
 * <ol>
 *   <li>Implement {@link #connectionTypes()} and {@link #ping}; add the service entry.
 *   <li>Exports: implement {@link #openReader}. Read the export's system section ({@code rest},
 *       {@code ftp}, ...) from {@link ExportContext#export()}, render the delta window into your
 *       request templates, and return a {@link PageReader} that fetches lazily: one request (or
 *       as few as fill a page) per {@link PageReader#next()} call, at most {@link
 *       ExportContext#pageSize()} records per page, stopping at {@link ExportContext#limit()} when
 *       it is set and when {@link ExportContext#isCanceled()} turns true.
 *   <li>{@code once} exports: implement {@link #markExported}; the engine calls it after a page has
 *       gone through every processor of the flow, never in test mode.
 *   <li>Imports: implement {@link #openWriter}; its {@link RecordWriter#submit} returns one {@link
 *       SubmitResult} per record. Report a destination's refusal as a failed result with the
 *       status code, and let {@link Classification#ofStatus} (or your own {@link Classification}
 *       constant) say whether it is transient; put a {@code Retry-After} into {@link
 *       SubmitResult#classified}. Do not retry or sleep inside the adaptor: the engine schedules
 *       retries without holding a thread. A writer that needs more than the mapped record (the
 *       record before mapping, lookup values, the existing id, create or update) overrides
 *       {@link RecordWriter#submitRecords} and gets one {@link ImportRecord} per record.
 *   <li>Dynamic lookups: implement {@link #lookupSource}.
 * </ol>
 *
 * <p>A minimal reader over an API that returns pages by number:
 *
 * <pre>{@code
 * public PageReader openReader(ExportContext ctx) {
 *   return new PageReader() {
 *     int page = 0;
 *     boolean done;
 *     public Optional<Page> next() throws AdaptorException {
 *       if (done || ctx.isCanceled()) return Optional.empty();
 *       List<ObjectNode> records = client.fetch(ctx.export(), ctx.connection(), page++,
 *           ctx.pageSize(), ctx.lastExportDateTime(), ctx.currentExportDateTime());
 *       done = records.size() < ctx.pageSize();
 *       return records.isEmpty() ? Optional.empty() : Optional.of(Page.of(records));
 *     }
 *     public void close() { client.release(); }
 *   };
 * }
 * }</pre>
 *
 * <p>Records are Jackson {@code ObjectNode}s throughout. Hooks, mapping, job accounting, retries
 * and watermarks are the engine's: an adaptor only talks to its system.
 *
 * <p>Implementations must be thread-safe: one instance serves every connection of its types.
 * Connection documents are handed over as Jackson trees in the API document's shape, with secrets
 * in clear text; an adaptor must never log them or put them in an exception message.
 */
public interface Adaptor {

  /**
   * The connection {@code type} values this adaptor serves, in lower case, e.g.
   * {@code Set.of("rest", "http")}. Two adaptors on the classpath must not claim the same type.
   */
  Set<String> connectionTypes();

  /**
   * Tests that the system a connection points at can be reached with its credentials, as the API
   * document's {@code GET /connections/{id}/ping} does.
   *
   * @param connection the connection document, secrets in clear text
   * @return the outcome; a failure says what is wrong in words a user can act on
   */
  PingResult ping(ObjectNode connection);

  /**
   * Gives the adaptor the engine's {@link CredentialStore}; called once, before any other call.
   * An adaptor that refreshes credentials itself (an OAuth 2.0 token) keeps it and writes the new
   * values there. The default ignores it.
   *
   * @param credentials where refreshed credentials of stored connections go
   */
  default void useCredentialStore(CredentialStore credentials) {}

  /**
   * The source that answers dynamic lookups ({@code rest.lookups}, {@code netsuite.lookups}) of
   * imports whose connection this adaptor serves. The engine asks it once per page with every
   * distinct question (see {@link LookupSource}).
   *
   * @param connection the import's connection document, secrets in clear text
   * @return the lookup source, or empty when this adaptor has no dynamic lookups
   */
  default Optional<LookupSource> lookupSource(ObjectNode connection) {
    return Optional.empty();
  }

  /**
   * Opens a reader for an export whose connection this adaptor serves. The default has no
   * exports.
   *
   * @param context the export, its connection (secrets in clear text), delta window, limit
   * @return a reader the engine will close
   * @throws AdaptorException when the source cannot be opened (the job ends {@code failed})
   */
  default PageReader openReader(ExportContext context) throws AdaptorException {
    throw new AdaptorException(
        "unsupported",
        "the adaptor for " + connectionTypes() + " does not support exports",
        Classification.VALUE);
  }

  /**
   * Opens a writer for an import whose connection this adaptor serves. The default has no imports.
   *
   * @param context the import and its connection (secrets in clear text)
   * @return a writer the engine will close
   * @throws AdaptorException when the destination cannot be reached at all
   */
  default RecordWriter openWriter(ImportContext context) throws AdaptorException {
    throw new AdaptorException(
        "unsupported",
        "the adaptor for " + connectionTypes() + " does not support imports",
        Classification.VALUE);
  }

  /**
   * Sets the {@code once.booleanField} flag to true for records of a {@code once} export (REFERENCE
   * §3.4), in as few writes as the system allows. Called once per page after the page has gone
   * through every processor of the flow; never in test mode, preview or standalone invocation.
   *
   * @param context the export context of the run
   * @param records the page's records as the reader produced them; read-only
   * @throws AdaptorException when the flags could not be written (the job ends {@code failed} so
   *     the problem is seen; the records will be exported again by the next run)
   */
  default void markExported(ExportContext context, java.util.List<ObjectNode> records)
      throws AdaptorException {
    throw new AdaptorException(
        "unsupported",
        "the adaptor for " + connectionTypes() + " cannot mark records exported (once and"
            + " valueDelta exports)",
        Classification.VALUE);
  }
}
