package io.integrator.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.jknack.handlebars.Context;
import com.github.jknack.handlebars.EscapingStrategy;
import com.github.jknack.handlebars.Handlebars;
import com.github.jknack.handlebars.Template;
import com.github.jknack.handlebars.ValueResolver;
import com.github.jknack.handlebars.context.MapValueResolver;
import com.github.jknack.handlebars.helper.ConditionalHelpers;
import com.github.jknack.handlebars.helper.StringHelpers;
import io.integrator.spi.AdaptorException;
import io.integrator.spi.Classification;
import io.integrator.spi.ExportContext;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renders the request templates of REST exports, imports and lookups.
 *
 * <p><b>Handlebars</b> ({@code {{...}}}, handlebars-java with its string and conditional helpers)
 * against a JSON context: for exports {@link #exportContext} gives {@code export}, {@code
 * connection}, {@code settings}, {@code data}, {@code lastExportDateTime} and {@code
 * currentExportDateTime}; callers add what else they have ({@code previous_page}, a record). A
 * missing value renders empty. In URLs ({@link #renderUrl}) {@code {{x}}} is URL-encoded and {@code
 * {{{x}}}} is inserted raw; in headers and bodies ({@link #renderText}) both are raw. Compiled
 * templates are cached.
 *
 * <p><b>Single braces</b> ({@link #renderBraces}): {@code {field}} or {@code {a.b}} takes the value
 * at that path of a record (URL-encoded when asked); used by the legacy {@code relativeuri} paging
 * and import URIs. A placeholder without a value makes the result empty.
 */
final class RequestTemplate {
  private static final int CACHE_LIMIT = 2_000;

  private static final Handlebars RAW = create(EscapingStrategy.NOOP);
  private static final Handlebars URL = create(RequestTemplate::urlEscape);
  private static final Map<String, Template> RAW_CACHE = new ConcurrentHashMap<>();
  private static final Map<String, Template> URL_CACHE = new ConcurrentHashMap<>();

  private RequestTemplate() {}

  private static Handlebars create(EscapingStrategy escaping) {
    Handlebars h = new Handlebars().with(escaping);
    StringHelpers.register(h);
    for (ConditionalHelpers c : ConditionalHelpers.values()) {
      h.registerHelper(c.name(), c);
    }
    return h;
  }

  private static CharSequence urlEscape(CharSequence value) {
    return value == null ? "" : encode(value.toString());
  }

  /** Percent-encodes a value for a URL path or query ({@code %20} for a space). */
  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** True when the text holds a handlebars expression. */
  static boolean isTemplate(String text) {
    return text != null && text.contains("{{");
  }

  /**
   * Renders a template used in a URL: {@code {{x}}} URL-encoded, {@code {{{x}}}} raw.
   *
   * @param where the field for messages, e.g. {@code export 'e1' rest.relativeURI}
   * @throws AdaptorException ({@code value}) when the template is malformed
   */
  static String renderUrl(String template, JsonNode context, String where)
      throws AdaptorException {
    return render(URL, URL_CACHE, template, context, where);
  }

  /** Renders a template used in a header or body: values inserted as they are. */
  static String renderText(String template, JsonNode context, String where)
      throws AdaptorException {
    return render(RAW, RAW_CACHE, template, context, where);
  }

  /** Renders every string value (not key) of a JSON tree with {@link #renderText}; a copy. */
  static JsonNode renderTree(JsonNode tree, JsonNode context, String where)
      throws AdaptorException {
    if (tree == null) {
      return null;
    }
    if (tree.isTextual()) {
      String t = tree.textValue();
      return isTemplate(t) ? JsonNodeFactory.instance.textNode(renderText(t, context, where)) : tree;
    }
    if (tree.isObject()) {
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      for (Map.Entry<String, JsonNode> e : tree.properties()) {
        out.set(e.getKey(), renderTree(e.getValue(), context, where + "." + e.getKey()));
      }
      return out;
    }
    if (tree.isArray()) {
      ArrayNode out = JsonNodeFactory.instance.arrayNode();
      int i = 0;
      for (JsonNode v : tree) {
        out.add(renderTree(v, context, where + "[" + i++ + "]"));
      }
      return out;
    }
    return tree;
  }

  private static String render(Handlebars hb, Map<String, Template> cache, String template,
      JsonNode context, String where) throws AdaptorException {
    if (template == null) {
      return "";
    }
    if (!isTemplate(template)) {
      return template;
    }
    Template compiled = cache.get(template);
    if (compiled == null) {
      try {
        compiled = hb.compileInline(template);
      } catch (IOException | RuntimeException e) {
        throw new AdaptorException("invalid_template", where + " is not a valid handlebars template: "
            + e.getMessage(), Classification.VALUE);
      }
      if (cache.size() >= CACHE_LIMIT) {
        cache.clear();
      }
      cache.put(template, compiled);
    }
    Context ctx = Context.newBuilder(context == null ? JsonNodeFactory.instance.objectNode()
        : context).resolver(JsonNodeResolver.INSTANCE, MapValueResolver.INSTANCE).build();
    try {
      return compiled.apply(ctx);
    } catch (IOException | RuntimeException e) {
      throw new AdaptorException("invalid_template", where + " could not be rendered: "
          + e.getMessage(), Classification.VALUE);
    } finally {
      ctx.destroy();
    }
  }

  /**
   * Replaces single-brace placeholders ({@code {id}}, {@code {customer.id}}) with the record's
   * values; {@code {{...}}} is left alone.
   *
   * @param urlEncode percent-encode the values
   * @return the text, or empty when a placeholder has no value (missing, null or empty)
   */
  static Optional<String> renderBraces(String text, JsonNode record, boolean urlEncode) {
    if (text == null) {
      return Optional.of("");
    }
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '{' && i + 1 < text.length() && text.charAt(i + 1) == '{') {
        int end = text.indexOf("}}", i);
        if (end < 0) {
          out.append(text, i, text.length());
          break;
        }
        int stop = end + 2;
        while (stop < text.length() && text.charAt(stop) == '}') {
          stop++;
        }
        out.append(text, i, stop);
        i = stop;
      } else if (c == '{') {
        int end = text.indexOf('}', i);
        if (end < 0) {
          out.append(text, i, text.length());
          break;
        }
        String path = text.substring(i + 1, end).trim();
        JsonNode v = JsonPaths.at(record, path);
        if (v.isMissingNode() || v.isNull() || v.isContainerNode()
            || (v.isTextual() && v.asText().isEmpty())) {
          return Optional.empty();
        }
        out.append(urlEncode ? encode(v.asText()) : v.asText());
        i = end + 1;
      } else {
        out.append(c);
        i++;
      }
    }
    return Optional.of(out.toString());
  }

  /**
   * The template context of an export request: {@code export}, {@code connection}, {@code
   * settings} ({@code data.settings} when the caller passed settings, else an empty object),
   * {@code data}, {@code lastExportDateTime}, {@code currentExportDateTime}. A fresh object the
   * caller may extend (the documents inside are copies).
   */
  static ObjectNode exportContext(ExportContext ctx) {
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    n.set("export", ctx.export().deepCopy());
    n.set("connection", ctx.connection());
    JsonNode settings = ctx.data().path("settings");
    n.set("settings", settings.isObject() ? settings : JsonNodeFactory.instance.objectNode());
    n.set("data", ctx.data());
    n.put("lastExportDateTime", ctx.lastExportDateTimeText());
    n.put("currentExportDateTime", ctx.currentExportDateTimeText());
    return n;
  }

  /** Lets handlebars read Jackson trees: objects by field, arrays by index, values unwrapped. */
  enum JsonNodeResolver implements ValueResolver {
    INSTANCE;

    @Override
    public Object resolve(Object context, String name) {
      if (!(context instanceof JsonNode node)) {
        return UNRESOLVED;
      }
      JsonNode v;
      if (node.isArray()) {
        try {
          v = node.get(Integer.parseInt(name));
        } catch (NumberFormatException e) {
          return "length".equals(name) ? node.size() : UNRESOLVED;
        }
      } else {
        v = node.get(name);
      }
      return v == null ? UNRESOLVED : unwrap(v);
    }

    @Override
    public Object resolve(Object context) {
      return context instanceof JsonNode n ? unwrap(n) : UNRESOLVED;
    }

    @Override
    public Set<Map.Entry<String, Object>> propertySet(Object context) {
      Set<Map.Entry<String, Object>> out = new LinkedHashSet<>();
      if (context instanceof ObjectNode o) {
        for (Map.Entry<String, JsonNode> e : o.properties()) {
          out.add(new AbstractMap.SimpleImmutableEntry<>(e.getKey(), unwrap(e.getValue())));
        }
      }
      return out;
    }

    private static Object unwrap(JsonNode v) {
      if (v.isTextual()) {
        return v.textValue();
      }
      if (v.isNumber()) {
        return v.numberValue();
      }
      if (v.isBoolean()) {
        return v.booleanValue();
      }
      if (v.isNull() || v.isMissingNode()) {
        return null;
      }
      return v;
    }
  }
}
