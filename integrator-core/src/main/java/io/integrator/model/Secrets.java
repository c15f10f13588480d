package io.integrator.model;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Secret fields per the schema (REFERENCE §0 "Secrets"): which are present in a document, masking
 * them as {@value #MASK}, and keeping stored secrets when a client sends the mask back.
 *
 * <p>Secret fields: {@code rest.bearerToken}, {@code rest.refreshToken}, {@code
 * rest.basicAuth.password} and their {@code http.*} twins, {@code ftp.password}, {@code
 * ftp.authKey}, {@code ftp.passphrase} (extension), {@code netsuite.password}, {@code
 * netsuite.tokenId}, {@code netsuite.tokenSecret}, every value under {@code encrypted}, export
 * {@code webhook.token/key/password} and {@code distributed.bearerToken}, IClient {@code
 * oauth2.clientSecret}, {@code netsuite.consumerKey/consumerSecret}, and in any other IClient
 * provider block every value whose name contains {@code secret}, {@code key} or {@code token}
 * (case-insensitive). An empty string or null is not a secret value and is not reported.
 */
public final class Secrets {
  /** The mask that replaces a secret on read. */
  public static final String MASK = "********";

  private Secrets() {}

  /**
   * Every secret field present (non-null, non-empty) in the document, as JSON pointers, in document
   * order. Aliased spellings (IClient flat {@code clientSecret}) are found too.
   */
  public static List<JsonPointer> secretPaths(ResourceKind kind, JsonNode document) {
    List<JsonPointer> out = new ArrayList<>();
    if (document != null && document.isObject()) {
      collect(document, SchemaRegistry.root(kind), "", out);
    }
    return out;
  }

  /** A deep copy of the document with each present secret replaced by {@value #MASK}. */
  public static ObjectNode mask(ResourceKind kind, JsonNode document) {
    ObjectNode copy =
        document != null && document.isObject()
            ? ((ObjectNode) document).deepCopy()
            : JsonNodeFactory.instance.objectNode();
    for (JsonPointer p : secretPaths(kind, copy)) {
      set(copy, p, JsonNodeFactory.instance.textNode(MASK));
    }
    return copy;
  }

  /**
   * Like {@link #mask}, and also masks unknown fields (typos such as {@code rest.passwrd}) whose
   * name contains {@code pass}, {@code secret}, {@code token} or {@code key}, so that a misspelled
   * secret never shows in logs. Used by {@link Resource#toString()}.
   */
  static ObjectNode maskForDisplay(ResourceKind kind, JsonNode document) {
    ObjectNode copy = mask(kind, document);
    maskUnknown(copy, SchemaRegistry.root(kind));
    return copy;
  }

  private static void maskUnknown(JsonNode doc, ObjectSchema schema) {
    if (schema == null || schema.allSecret || !doc.isObject()) {
      return;
    }
    ObjectNode o = (ObjectNode) doc;
    List<String> names = new ArrayList<>();
    o.fieldNames().forEachRemaining(names::add);
    for (String name : names) {
      JsonNode v = o.get(name);
      FieldSpec spec = Schemas.spec(schema, name);
      if (spec == null) {
        String n = name.toLowerCase(Locale.ROOT);
        boolean looksSecret =
            n.contains("pass") || n.contains("secret") || n.contains("token") || n.contains("key");
        if (looksSecret && !schema.providerBlocks && present(v) && !v.isContainerNode()) {
          o.put(name, MASK);
        }
      } else if (spec.child != null && v.isObject() && spec.type == FieldType.OBJECT) {
        maskUnknown(v, spec.child);
      } else if (spec.child != null && v.isArray()) {
        v.forEach(el -> maskUnknown(el, spec.child));
      }
    }
  }

  /** True when the value is a string made only of one or more {@code *} characters. */
  public static boolean isMask(JsonNode value) {
    return value != null
        && value.isTextual()
        && !value.textValue().isEmpty()
        && value.textValue().chars().allMatch(c -> c == '*');
  }

  /**
   * A copy of {@code incoming} where every secret path that holds a mask takes the value stored at
   * the same path in {@code stored}. A mask with no stored value is left as is (the validator then
   * sees the mask as the value).
   */
  public static ObjectNode keepStoredSecrets(
      ResourceKind kind, ObjectNode incoming, JsonNode stored) {
    ObjectNode copy = incoming.deepCopy();
    if (stored == null) {
      return copy;
    }
    for (JsonPointer p : secretPaths(kind, copy)) {
      JsonNode v = copy.at(p);
      JsonNode old = stored.at(p);
      if (isMask(v) && !old.isMissingNode() && !old.isNull()) {
        set(copy, p, old.deepCopy());
      }
    }
    return copy;
  }

  private static void collect(JsonNode doc, ObjectSchema schema, String ptr, List<JsonPointer> out) {
    Iterator<Map.Entry<String, JsonNode>> it = doc.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      String p = ptr + "/" + escape(e.getKey());
      JsonNode v = e.getValue();
      FieldSpec spec = schema == null ? null : Schemas.spec(schema, e.getKey());
      if (schema != null && schema.allSecret) {
        leaves(v, p, out);
      } else if (spec == null) {
        if (schema != null && schema.providerBlocks) {
          byName(e.getKey(), v, p, out);
        }
      } else if (spec.secret) {
        if (present(v)) {
          out.add(JsonPointer.compile(p));
        }
      } else if (spec.child != null && v.isObject() && spec.type == FieldType.OBJECT) {
        collect(v, spec.child, p, out);
      } else if (spec.child != null && v.isArray()) {
        for (int i = 0; i < v.size(); i++) {
          if (v.get(i).isObject()) {
            collect(v.get(i), spec.child, p + "/" + i, out);
          }
        }
      }
    }
  }

  /** Provider blocks: a value is secret when its name says so; objects are searched inside. */
  private static void byName(String name, JsonNode v, String p, List<JsonPointer> out) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.contains("secret") || n.contains("key") || n.contains("token")) {
      if (v.isContainerNode()) {
        leaves(v, p, out);
      } else if (present(v)) {
        out.add(JsonPointer.compile(p));
      }
      return;
    }
    if (v.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> it = v.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        byName(e.getKey(), e.getValue(), p + "/" + escape(e.getKey()), out);
      }
    }
  }

  private static void leaves(JsonNode v, String p, List<JsonPointer> out) {
    if (v.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> it = v.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        leaves(e.getValue(), p + "/" + escape(e.getKey()), out);
      }
    } else if (v.isArray()) {
      for (int i = 0; i < v.size(); i++) {
        leaves(v.get(i), p + "/" + i, out);
      }
    } else if (present(v)) {
      out.add(JsonPointer.compile(p));
    }
  }

  private static boolean present(JsonNode v) {
    return v != null && !v.isNull() && !(v.isTextual() && v.textValue().isEmpty());
  }

  private static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }

  private static void set(JsonNode root, JsonPointer p, JsonNode value) {
    JsonNode parent = root.at(p.head());
    String last = p.last().getMatchingProperty();
    if (parent instanceof ObjectNode o) {
      o.set(last, value);
    } else if (parent instanceof ArrayNode a) {
      a.set(p.last().getMatchingIndex(), value);
    }
  }
}
