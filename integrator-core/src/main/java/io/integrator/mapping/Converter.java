package io.integrator.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * Converts a final value to a {@code dataType}. JSON null passes unchanged; a blank string becomes
 * null for number, boolean and date. Thread-safe.
 */
abstract class Converter {

    /** Thrown when a value cannot be converted; the message is the reason. */
    static final class ConversionException extends Exception {
        ConversionException(String message) {
            super(message, null, false, false);
        }
    }

    abstract JsonNode convert(JsonNode value) throws ConversionException;

    static Converter forType(String dataType) {
        switch (dataType) {
            case "string":
                return STRING;
            case "number":
                return NUMBER;
            case "boolean":
                return BOOLEAN;
            default:
                throw new IllegalArgumentException("unknown dataType \"" + dataType + "\"");
        }
    }

    static ConversionException cannot(JsonNode v, String type) {
        return new ConversionException("cannot convert " + v + " to " + type);
    }

    static final Converter STRING = new Converter() {
        @Override
        JsonNode convert(JsonNode v) {
            if (v.isTextual() || v.isNull()) {
                return v;
            }
            return JsonNodeFactory.instance.textNode(v.isValueNode() ? v.asText() : v.toString());
        }
    };

    static final Converter NUMBER = new Converter() {
        @Override
        JsonNode convert(JsonNode v) throws ConversionException {
            if (v.isNumber() || v.isNull()) {
                return v;
            }
            if (!v.isTextual()) {
                throw cannot(v, "number");
            }
            String s = v.textValue().trim();
            if (s.isEmpty()) {
                return NullNode.getInstance();
            }
            try {
                if (s.length() < 19 && isInteger(s)) {
                    long l = Long.parseLong(s);
                    return l == (int) l ? IntNode.valueOf((int) l) : LongNode.valueOf(l);
                }
                BigDecimal d = new BigDecimal(s);
                double dbl = d.doubleValue();
                // like Jackson's parser: a double when it represents the text exactly, else a BigDecimal
                if (!Double.isInfinite(dbl) && new BigDecimal(Double.toString(dbl)).compareTo(d) == 0) {
                    return DoubleNode.valueOf(dbl);
                }
                return DecimalNode.valueOf(d);
            } catch (NumberFormatException e) {
                throw cannot(v, "number");
            }
        }

        private boolean isInteger(String s) {
            int start = s.charAt(0) == '-' || s.charAt(0) == '+' ? 1 : 0;
            if (start == s.length()) {
                return false;
            }
            for (int i = start; i < s.length(); i++) {
                if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                    return false;
                }
            }
            return true;
        }
    };

    static final Converter BOOLEAN = new Converter() {
        @Override
        JsonNode convert(JsonNode v) throws ConversionException {
            if (v.isBoolean() || v.isNull()) {
                return v;
            }
            if (v.isNumber()) {
                if (v.isIntegralNumber() || v.doubleValue() == Math.rint(v.doubleValue())) {
                    long l = v.longValue();
                    if (l == 1) {
                        return BooleanNode.TRUE;
                    }
                    if (l == 0) {
                        return BooleanNode.FALSE;
                    }
                }
                throw cannot(v, "boolean");
            }
            if (!v.isTextual()) {
                throw cannot(v, "boolean");
            }
            switch (v.textValue().trim().toLowerCase(Locale.ROOT)) {
                case "":
                    return NullNode.getInstance();
                case "true":
                case "yes":
                case "1":
                    return BooleanNode.TRUE;
                case "false":
                case "no":
                case "0":
                    return BooleanNode.FALSE;
                default:
                    throw cannot(v, "boolean");
            }
        }
    };
}
