package io.integrator.testkit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;
import java.util.function.IntFunction;

/**
 * Deterministic sample records for a {@link RestApiServer}. The lists are read-only and build each
 * record when it is read (record {@code i} is always the same), so a million of them cost no memory
 * until a collection holding them is written to.
 *
 * <p>Record {@code i} (0-based) has id {@code i + 1} and
 * {@code updatedAt = 2024-01-01T00:00:00Z + i minutes}, so a delta window selects a predictable range.
 */
public final class SampleData {

    /** The {@code updatedAt} of record 0. */
    public static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

    private static final String[] STATUSES = {"new", "paid", "shipped", "cancelled"};
    private static final String[] CURRENCIES = {"USD", "EUR", "GBP"};
    private static final String[] COUNTRIES = {"US", "DE", "GB", "FR", "NL"};

    private SampleData() {
    }

    /**
     * Orders: {@code id}, {@code number} ({@code SO-000001}), {@code customerId} (1-100),
     * {@code email} ({@code customer<customerId>@example.com}), {@code status}, {@code currency},
     * {@code lines} (1-3 of {@code sku}, {@code quantity}, {@code price}), {@code total},
     * {@code updatedAt}.
     *
     * @param count how many
     * @return the orders
     */
    public static List<ObjectNode> orders(int count) {
        return new Generated(count, SampleData::order);
    }

    /**
     * Customers: {@code id}, {@code name} ({@code Customer 7}), {@code email}
     * ({@code customer7@example.com}), {@code country}, {@code active}, {@code updatedAt}.
     *
     * @param count how many
     * @return the customers
     */
    public static List<ObjectNode> customers(int count) {
        return new Generated(count, SampleData::customer);
    }

    static ObjectNode order(int i) {
        ObjectNode order = Json.MAPPER.createObjectNode();
        int customer = 1 + i % 100;
        order.put("id", i + 1L);
        order.put("number", String.format("SO-%06d", i + 1));
        order.put("customerId", customer);
        order.put("email", "customer" + customer + "@example.com");
        order.put("status", STATUSES[i % STATUSES.length]);
        order.put("currency", CURRENCIES[i % CURRENCIES.length]);
        ArrayNode lines = order.putArray("lines");
        long totalCents = 0;
        for (int line = 0; line <= i % 3; line++) {
            int quantity = 1 + (i + line) % 5;
            long cents = 499 + ((i * 31L + line * 17L) % 9500);
            ObjectNode l = lines.addObject();
            l.put("sku", String.format("SKU-%04d", (i * 7 + line) % 1000));
            l.put("quantity", quantity);
            l.put("price", BigDecimal.valueOf(cents, 2));
            totalCents += cents * quantity;
        }
        order.put("total", BigDecimal.valueOf(totalCents, 2));
        order.put("updatedAt", START.plusSeconds(60L * i).toString());
        return order;
    }

    static ObjectNode customer(int i) {
        ObjectNode customer = Json.MAPPER.createObjectNode();
        customer.put("id", i + 1L);
        customer.put("name", "Customer " + (i + 1));
        customer.put("email", "customer" + (i + 1) + "@example.com");
        customer.put("country", COUNTRIES[i % COUNTRIES.length]);
        customer.put("active", i % 7 != 6);
        customer.put("updatedAt", START.plusSeconds(60L * i).toString());
        return customer;
    }

    /** A read-only list that builds record {@code i} on each read. */
    static final class Generated extends AbstractList<ObjectNode> implements RandomAccess {
        private final int size;
        private final IntFunction<ObjectNode> factory;

        Generated(int size, IntFunction<ObjectNode> factory) {
            if (size < 0) {
                throw new IllegalArgumentException("Sample size must not be negative, got " + size);
            }
            this.size = size;
            this.factory = factory;
        }

        @Override
        public ObjectNode get(int index) {
            if (index < 0 || index >= size) {
                throw new IndexOutOfBoundsException("Index " + index + " of " + size + " sample records");
            }
            return factory.apply(index);
        }

        @Override
        public int size() {
            return size;
        }

        List<ObjectNode> asObjects() {
            return this;
        }
    }
}
