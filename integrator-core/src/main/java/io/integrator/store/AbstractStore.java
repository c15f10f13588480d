package io.integrator.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.model.ResourceKind;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;

/**
 * The write rules of {@link ResourceStore} written once, over a small transactional {@link Tx}
 * that each implementation provides. Reads are left to the implementations.
 */
abstract class AbstractStore implements ResourceStore {
  private static final int CREATE_ATTEMPTS = 5;

  final StoreOptions options;
  final Clock clock;
  private volatile boolean closed;

  AbstractStore(StoreOptions options) {
    this.options = options;
    this.clock = options.clock();
  }

  /** The primitive operations of one write transaction. Loaded documents are plaintext. */
  interface Tx {
    Optional<ObjectNode> load(ResourceKind kind, String id) throws SQLException;

    boolean exists(ResourceKind kind, String id) throws SQLException;

    /**
     * Loads a document about to be replaced: secrets that cannot be decrypted become {@link
     * SecretCipher.UnreadableSecret}s instead of failing, so that sending them again repairs it.
     */
    default Optional<ObjectNode> loadForReplace(ResourceKind kind, String id) throws SQLException {
      return load(kind, id);
    }

    boolean apiIdentifierTaken(String apiIdentifier) throws SQLException;

    void insert(ResourceKind kind, String id, ObjectNode doc) throws SQLException;

    void replace(ResourceKind kind, String id, ObjectNode doc) throws SQLException;

    boolean remove(ResourceKind kind, String id) throws SQLException;

    void removeJobErrorsOf(String jobId) throws SQLException;

    /** Removes every run-state value of a scope. */
    void removeStateScope(String scope) throws SQLException;
  }

  /** Work inside a write transaction. */
  interface TxWork<T> {
    T run(Tx tx) throws SQLException;
  }

  /** A unique key was violated by a concurrent writer; the create is retried. */
  static final class DuplicateKeyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DuplicateKeyException(Throwable cause) {
      super("duplicate key", cause, false, false);
    }
  }

  /**
   * Runs work in one transaction: all of it is applied or none. Throws {@link
   * DuplicateKeyException} on a unique-key violation and {@link StoreException} on other failures.
   */
  abstract <T> T write(String what, TxWork<T> work);

  final void ensureOpen() {
    if (closed) {
      throw new StoreException("The store is closed; open a new one with Stores");
    }
  }

  /** Marks the store closed; returns false if it already was. */
  final boolean markClosed() {
    if (closed) {
      return false;
    }
    closed = true;
    return true;
  }

  @Override
  public ObjectNode create(ResourceKind kind, ObjectNode doc) {
    Documents.requireTopLevel(kind, "create");
    ObjectNode input = Documents.requireDoc(doc, kind).deepCopy();
    String callerId = Documents.callerValue(input, Documents.ID, Documents.MAX_ID_LENGTH, kind);
    boolean hasApi = Documents.hasApiIdentifier(kind);
    String callerApi =
        hasApi
            ? Documents.callerValue(input, Documents.API_IDENTIFIER, Documents.MAX_API_IDENTIFIER_LENGTH, kind)
            : null;
    String createdAt = Documents.hasCreatedAt(kind) ? Documents.createdAtFor(input, clock, kind) : null;
    ensureOpen();
    for (int attempt = 1; ; attempt++) {
      try {
        return write(
            "Creating a new " + kind.displayName(),
            tx -> {
              String id = callerId;
              if (id != null) {
                if (tx.exists(kind, id)) {
                  throw new ResourceConflictException(kind, Documents.ID, id);
                }
              } else {
                do {
                  id = Documents.newId(clock);
                } while (tx.exists(kind, id));
              }
              String api = null;
              if (hasApi) {
                api = callerApi;
                if (api != null) {
                  if (tx.apiIdentifierTaken(api)) {
                    throw new ResourceConflictException(kind, Documents.API_IDENTIFIER, api);
                  }
                } else {
                  do {
                    api = Documents.newApiIdentifier(kind);
                  } while (tx.apiIdentifierTaken(api));
                }
              }
              ObjectNode stored =
                  Documents.forCreate(kind, input, id, api, createdAt, Documents.format(clock.instant()));
              tx.insert(kind, id, stored);
              return stored.deepCopy();
            });
      } catch (DuplicateKeyException e) {
        // a concurrent create took the same id or apiIdentifier between our check and insert
        if (attempt >= CREATE_ATTEMPTS) {
          throw new StoreException(
              "Creating a new " + kind.displayName() + " kept colliding with concurrent creates; try again", e);
        }
      }
    }
  }

  @Override
  public ObjectNode update(ResourceKind kind, String id, ObjectNode doc) {
    Documents.requireTopLevel(kind, "update");
    Documents.requireId(id, kind);
    ObjectNode input = Documents.requireDoc(doc, kind).deepCopy();
    ensureOpen();
    return writeOnce(
        "Updating " + kind.displayName() + " '" + id + "'",
        tx -> {
          ObjectNode stored =
              tx.loadForReplace(kind, id).orElseThrow(() -> new ResourceNotFoundException(kind, id));
          ObjectNode next = Documents.forUpdate(kind, id, stored, input, clock, options.secretLocator());
          tx.replace(kind, id, next);
          return next.deepCopy();
        });
  }

  @Override
  public ObjectNode get(ResourceKind kind, String id) {
    Documents.requireTopLevel(kind, "get");
    Documents.requireId(id, kind);
    return find(kind, id).orElseThrow(() -> new ResourceNotFoundException(kind, id));
  }

  @Override
  public void delete(ResourceKind kind, String id) {
    Documents.requireTopLevel(kind, "delete");
    Documents.requireId(id, kind);
    ensureOpen();
    writeOnce(
        "Deleting " + kind.displayName() + " '" + id + "'",
        tx -> {
          if (!tx.remove(kind, id)) {
            throw new ResourceNotFoundException(kind, id);
          }
          if (Documents.hasApiIdentifier(kind)) {
            tx.remove(Documents.distributedKindOf(kind), id);
          }
          if (kind == ResourceKind.JOB) {
            tx.removeJobErrorsOf(id);
          }
          if (kind == ResourceKind.EXPORT) {
            tx.removeStateScope(EXPORT_STATE_SCOPE_PREFIX + id);
          }
          return null;
        });
  }

  @Override
  public ObjectNode putDistributed(ResourceKind parentKind, String parentId, ObjectNode doc) {
    ResourceKind dk = Documents.distributedKindOf(parentKind);
    ResourceKind parent = dk.parent();
    Documents.requireId(parentId, parent);
    ObjectNode input = Documents.requireDoc(doc, dk).deepCopy();
    ensureOpen();
    return writeOnce(
        "Saving the " + dk.displayName() + " of '" + parentId + "'",
        tx -> {
          if (!tx.exists(parent, parentId)) {
            throw new ResourceNotFoundException(parent, parentId);
          }
          Optional<ObjectNode> previous = tx.loadForReplace(dk, parentId);
          ObjectNode next =
              Documents.forUpdate(dk, parentId, previous.orElse(null), input, clock, options.secretLocator());
          if (previous.isPresent()) {
            tx.replace(dk, parentId, next);
          } else {
            tx.insert(dk, parentId, next);
          }
          return next.deepCopy();
        });
  }

  @Override
  public ObjectNode getDistributed(ResourceKind parentKind, String parentId) {
    ResourceKind dk = Documents.distributedKindOf(parentKind);
    Documents.requireId(parentId, dk);
    return findAny(dk, parentId).orElseThrow(() -> new ResourceNotFoundException(dk, parentId));
  }

  @Override
  public Optional<ObjectNode> find(ResourceKind kind, String id) {
    Documents.requireTopLevel(kind, "find");
    Documents.requireId(id, kind);
    return findAny(kind, id);
  }

  /** Reads a copy of a document of any kind, distributed ones included. */
  abstract Optional<ObjectNode> findAny(ResourceKind kind, String id);

  private <T> T writeOnce(String what, TxWork<T> work) {
    try {
      return write(what, work);
    } catch (DuplicateKeyException e) {
      throw new StoreException(what + " collided with a concurrent change; try again", e);
    }
  }
}
