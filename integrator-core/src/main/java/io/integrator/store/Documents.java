package io.integrator.store;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.model.ResourceKind;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The document rules shared by every store: argument checks, ids, timestamps, masks. */
final class Documents {
  static final String ID = "_id";
  static final String API_IDENTIFIER = "apiIdentifier";
  static final String LAST_MODIFIED = "lastModified";
  static final String CREATED_AT = "createdAt";
  static final int MAX_ID_LENGTH = 255;
  static final int MAX_API_IDENTIFIER_LENGTH = 64;
  static final int MAX_SCOPE_LENGTH = 255;
  static final int MAX_KEY_LENGTH = 1000;

  private static final Set<String> STORE_FIELDS = Set.of(ID, API_IDENTIFIER, LAST_MODIFIED, CREATED_AT);
  private static final Pattern MASK = Pattern.compile("\\*+");
  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final HexFormat HEX = HexFormat.of();

  private Documents() {}

  // ---- argument checks

  static ResourceKind requireTopLevel(ResourceKind kind, String operation) {
    if (kind == null) {
      throw new IllegalArgumentException("Cannot " + operation + ": the resource kind must not be null");
    }
    if (kind.isDistributed()) {
      throw new IllegalArgumentException(
          "Cannot " + operation + " a " + kind.displayName()
              + " directly: use putDistributed/getDistributed with its parent " + kind.parent().displayName());
    }
    return kind;
  }

  static ResourceKind requireKind(ResourceKind kind, String operation) {
    if (kind == null) {
      throw new IllegalArgumentException("Cannot " + operation + ": the resource kind must not be null");
    }
    return kind;
  }

  /** The distributed kind of an export or import (either the parent or the distributed kind). */
  static ResourceKind distributedKindOf(ResourceKind kind) {
    ResourceKind parent = requireKind(kind, "use a distributed document").parent();
    return switch (parent) {
      case EXPORT -> ResourceKind.DISTRIBUTED_EXPORT;
      case IMPORT -> ResourceKind.DISTRIBUTED_IMPORT;
      default -> throw new IllegalArgumentException(
          "Only exports and imports have a distributed document, not " + kind.displayName());
    };
  }

  static ObjectNode requireDoc(ObjectNode doc, ResourceKind kind) {
    if (doc == null) {
      throw new IllegalArgumentException("The " + kind.displayName() + " document must not be null");
    }
    return doc;
  }

  static String requireId(String id, ResourceKind kind) {
    if (id == null || id.isEmpty()) {
      throw new IllegalArgumentException("The " + kind.displayName() + " id must be a non-empty string");
    }
    if (id.length() > MAX_ID_LENGTH) {
      throw new IllegalArgumentException(
          "The " + kind.displayName() + " id must be at most " + MAX_ID_LENGTH + " characters");
    }
    return id;
  }

  static String requireName(String value, String what, int max) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException("The state " + what + " must be a non-empty string");
    }
    if (value.length() > max) {
      throw new IllegalArgumentException("The state " + what + " must be at most " + max + " characters");
    }
    return value;
  }

  static int requireLimit(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("A limit must be at least 1, got " + limit);
    }
    return limit;
  }

  static JsonNode requireValue(JsonNode value) {
    if (value == null) {
      throw new IllegalArgumentException("The state value must not be null; use NullNode or deleteState");
    }
    return value;
  }

  // ---- generated values

  /** 24 lowercase hex: 4 bytes of epoch seconds (sortable like a Mongo ObjectId) then 8 random. */
  static String newId(Clock clock) {
    byte[] bytes = new byte[12];
    RANDOM.nextBytes(bytes);
    long seconds = clock.instant().getEpochSecond();
    for (int i = 0; i < 4; i++) {
      bytes[i] = (byte) (seconds >>> (24 - 8 * i));
    }
    return HEX.formatHex(bytes);
  }

  /** {@code e} or {@code i} plus 7 lowercase hex. */
  static String newApiIdentifier(ResourceKind kind) {
    byte[] bytes = new byte[4];
    RANDOM.nextBytes(bytes);
    String prefix = kind == ResourceKind.EXPORT ? "e" : "i";
    return prefix + HEX.formatHex(bytes).substring(1);
  }

  static boolean hasApiIdentifier(ResourceKind kind) {
    return kind == ResourceKind.EXPORT || kind == ResourceKind.IMPORT;
  }

  static boolean hasCreatedAt(ResourceKind kind) {
    return kind == ResourceKind.JOB || kind == ResourceKind.JOB_ERROR || kind == ResourceKind.RETRY;
  }

  static String format(Instant instant) {
    return FORMAT.format(instant.truncatedTo(ChronoUnit.MILLIS));
  }

  static Instant parseInstant(JsonNode node) {
    if (node == null || !node.isTextual()) {
      return null;
    }
    try {
      return Instant.parse(node.asText());
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** Now, but strictly after {@code previous} so that every update changes lastModified. */
  static String nextLastModified(Clock clock, JsonNode previous) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    Instant prev = parseInstant(previous);
    if (prev != null && !now.isAfter(prev)) {
      now = prev.truncatedTo(ChronoUnit.MILLIS).plusMillis(1);
    }
    return format(now);
  }

  // ---- caller-supplied values

  /** A non-empty string value of a field, or null (anything else means "generate one"). */
  static String callerValue(ObjectNode doc, String field, int max, ResourceKind kind) {
    JsonNode node = doc.get(field);
    if (node == null || !node.isTextual() || node.asText().isEmpty()) {
      return null;
    }
    String value = node.asText();
    if (value.length() > max) {
      throw new IllegalArgumentException(
          "The " + kind.displayName() + " " + field + " must be at most " + max + " characters");
    }
    return value;
  }

  /** The createdAt to store on create: a valid caller value (normalized) or now. */
  static String createdAtFor(ObjectNode doc, Clock clock, ResourceKind kind) {
    JsonNode given = doc.get(CREATED_AT);
    if (given == null || given.isNull() || (given.isTextual() && given.asText().isEmpty())) {
      return format(clock.instant());
    }
    Instant parsed = parseInstant(given);
    if (parsed == null) {
      throw new IllegalArgumentException(
          "The " + kind.displayName() + " createdAt must be ISO-8601 UTC like 2017-10-24T00:55:49.128Z, or be left out");
    }
    return format(parsed);
  }

  // ---- building stored documents

  /** The stored form of a new document: store fields first, then the caller's fields. */
  static ObjectNode forCreate(
      ResourceKind kind, ObjectNode input, String id, String apiIdentifier, String createdAt, String lastModified) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.put(ID, id);
    if (apiIdentifier != null) {
      out.put(API_IDENTIFIER, apiIdentifier);
    }
    copyBody(input, out);
    if (createdAt != null) {
      out.put(CREATED_AT, createdAt);
    }
    out.put(LAST_MODIFIED, lastModified);
    return out;
  }

  /** The stored form of a replacement: keeps _id, apiIdentifier, createdAt and masked secrets. */
  static ObjectNode forUpdate(
      ResourceKind kind, String id, ObjectNode stored, ObjectNode input, Clock clock, SecretLocator locator) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.put(ID, id);
    JsonNode api = stored == null ? null : stored.get(API_IDENTIFIER);
    if (api != null && hasApiIdentifier(kind)) {
      out.set(API_IDENTIFIER, api.deepCopy());
    }
    copyBody(input, out);
    JsonNode created = stored == null ? null : stored.get(CREATED_AT);
    if (created != null) {
      out.set(CREATED_AT, created.deepCopy());
    }
    out.put(LAST_MODIFIED, nextLastModified(clock, stored == null ? null : stored.get(LAST_MODIFIED)));
    if (stored != null) {
      keepMaskedSecrets(kind, id, stored, out, locator);
    }
    return out;
  }

  private static void copyBody(ObjectNode input, ObjectNode out) {
    for (Iterator<Map.Entry<String, JsonNode>> it = input.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!STORE_FIELDS.contains(e.getKey())) {
        out.set(e.getKey(), e.getValue().deepCopy());
      }
    }
  }

  /** Where {@code next} holds a mask at a secret path and {@code stored} a value, keep the value. */
  static void keepMaskedSecrets(
      ResourceKind kind, String id, ObjectNode stored, ObjectNode next, SecretLocator locator) {
    for (JsonPointer path : locator.secretPaths(kind, next)) {
      JsonNode incoming = next.at(path);
      if (incoming.isTextual() && MASK.matcher(incoming.asText()).matches()) {
        JsonNode old = stored.at(path);
        if (old instanceof SecretCipher.UnreadableSecret unreadable) {
          throw new StoreException(
              "Cannot keep the masked secret at " + path + " of " + kind.displayName() + " '" + id
                  + "': the stored value cannot be decrypted; send the secret itself instead of the mask",
              unreadable.failure);
        }
        if (!old.isMissingNode()) {
          set(next, path, old.deepCopy());
        }
      }
    }
  }

  /** Sets the value at an existing path's parent; returns false if the parent is not there. */
  static boolean set(JsonNode root, JsonPointer path, JsonNode value) {
    JsonNode parent = root.at(path.head());
    JsonPointer last = path.last();
    if (last == null) {
      return false;
    }
    if (parent instanceof ObjectNode object) {
      object.set(last.getMatchingProperty(), value);
      return true;
    }
    if (parent instanceof ArrayNode array) {
      int index = last.getMatchingIndex();
      if (index >= 0 && index < array.size()) {
        array.set(index, value);
        return true;
      }
    }
    return false;
  }

  // ---- indexed fields

  static String text(JsonNode doc, String field) {
    JsonNode node = doc.get(field);
    return node != null && node.isValueNode() && !node.isNull() ? node.asText() : null;
  }

  /** True when {@code resolved} (or the old spelling {@code resolve}) is true or "true". */
  static boolean resolved(JsonNode doc) {
    return isTrue(doc.get("resolved")) || isTrue(doc.get("resolve"));
  }

  private static boolean isTrue(JsonNode node) {
    return node != null && (node.asBoolean(false) || "true".equalsIgnoreCase(node.asText()));
  }
}
