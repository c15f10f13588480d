package io.integrator.mapping;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.AbstractMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@code {{ }}} template rendered with handlebars-java against the whole record. No HTML escaping;
 * built-in helpers plus {@link StringHelpers} and {@link ConditionalHelpers}. Always yields a string.
 */
final class HandlebarsExtractor implements Extractor {

    private static final Handlebars HANDLEBARS = create();

    private final Template template;

    private HandlebarsExtractor(Template template) {
        this.template = template;
    }

    private static Handlebars create() {
        Handlebars h = new Handlebars().with(EscapingStrategy.NOOP);
        StringHelpers.register(h);
        ConditionalHelpers[] conditionals = ConditionalHelpers.values();
        for (ConditionalHelpers c : conditionals) {
            h.registerHelper(c.name(), c);
        }
        return h;
    }

    /** @return true when {@code text} is a handlebars template */
    static boolean isTemplate(String text) {
        return text.contains("{{");
    }

    /** @throws IllegalArgumentException when the template does not compile */
    static HandlebarsExtractor parse(String text) {
        try {
            return new HandlebarsExtractor(HANDLEBARS.compileInline(text));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("malformed handlebars template: " + e.getMessage());
        }
    }

    @Override
    public JsonNode extract(ObjectNode record) {
        Context ctx = Context.newBuilder(record).resolver(JsonNodeResolver.INSTANCE, MapValueResolver.INSTANCE).build();
        try {
            return JsonNodeFactory.instance.textNode(template.apply(ctx));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            ctx.destroy();
        }
    }

    /** Lets handlebars read Jackson trees: objects by field, arrays by index, values unwrapped. */
    enum JsonNodeResolver implements ValueResolver {
        INSTANCE;

        @Override
        public Object resolve(Object context, String name) {
            if (!(context instanceof JsonNode)) {
                return UNRESOLVED;
            }
            JsonNode node = (JsonNode) context;
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
            return context instanceof JsonNode ? unwrap((JsonNode) context) : UNRESOLVED;
        }

        @Override
        public Set<Map.Entry<String, Object>> propertySet(Object context) {
            Set<Map.Entry<String, Object>> out = new LinkedHashSet<>();
            if (context instanceof ObjectNode) {
                for (Map.Entry<String, JsonNode> e : ((ObjectNode) context).properties()) {
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
