package io.integrator.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Answers {@code GET /{collection}} and {@code POST /{collection}/search} with one page. */
final class PageResponder {

    static final String AFTER = "after";

    private final String baseUri;
    private final String updatedField;
    private final Set<String> ignoredParams;

    PageResponder(String baseUri, String updatedField, Set<String> ignoredParams) {
        this.baseUri = baseUri;
        this.updatedField = updatedField;
        this.ignoredParams = ignoredParams;
    }

    /** GET: parameters from the query; the collection's style announces the next page. */
    Response list(CollectionStore store, Request request) {
        Map<String, String> params = new LinkedHashMap<>();
        request.params.forEach((name, values) -> params.put(name, values.get(0)));
        return page(store, store.paging(), store.paging().style(), request.path, params);
    }

    /** POST search: parameters from the body object; the cursor goes back in the body. */
    Response search(CollectionStore store, Request request, String path) {
        JsonNode body = request.body.isBlank() ? Json.MAPPER.createObjectNode() : request.json();
        if (!body.isObject()) {
            throw new Request.BadRequest(400, "bad_body", "The body of POST " + request.path
                    + " must be a JSON object of search fields");
        }
        Map<String, String> params = new LinkedHashMap<>();
        body.fields().forEachRemaining(e -> {
            if (!e.getValue().isNull() && !e.getValue().isContainerNode()) {
                params.put(e.getKey(), e.getValue().asText());
            }
        });
        Paging paging = store.paging();
        if (paging.cursorHeader() != null && paging.dataField() != null) {
            paging = paging.withCursorField(paging.cursorField());
        }
        return page(store, paging, Paging.Style.CURSOR, path, params);
    }

    private Response page(CollectionStore store, Paging paging, Paging.Style style, String path,
            Map<String, String> params) {
        Set<String> notFilters = new HashSet<>(ignoredParams);
        notFilters.addAll(List.of(paging.pageParam(), paging.pageSizeParam(), paging.skipParam(),
                paging.limitParam(), paging.cursorParam(), AFTER));
        RecordFilter filter = RecordFilter.of(params, notFilters, updatedField);
        Cursor cursor = Cursor.decode(params.get(paging.cursorParam()), paging.cursorParam());
        int size = style == Paging.Style.NONE ? Integer.MAX_VALUE : pageSize(paging, params, cursor);
        return store.read(all -> {
            List<ObjectNode> view = filter.isEmpty() ? all : all.stream().filter(filter).toList();
            int total = view.size();
            int offset = offset(store, paging, params, cursor, view, size);
            if (offset >= total && offset > 0 && paging.endStatus() != 0) {
                return Response.error(paging.endStatus(), "no_more_pages", "Offset " + offset + " is past the last of "
                        + total + " records of '" + store.name + "'");
            }
            int end = (int) Math.min((long) offset + size, total);
            List<ObjectNode> records = offset >= total ? List.of() : view.subList(offset, end);
            boolean hasMore = end < total;
            Integer next = hasMore || (paging.emptyPageAtEnd() && !records.isEmpty()) ? end : null;
            return render(store.idField, paging, style, path, params, records, total, size, offset, next);
        });
    }

    private Response render(String idField, Paging paging, Paging.Style style, String path, Map<String, String> params,
            List<ObjectNode> records, int total, int size, int offset, Integer next) {
        ArrayNode data = Json.MAPPER.createArrayNode();
        records.forEach(data::add);
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        ObjectNode envelope = Json.MAPPER.createObjectNode();
        if (paging.dataField() != null) {
            Json.set(envelope, paging.dataField(), data);
        }
        if (paging.lastPageField() != null) {
            Json.set(envelope, paging.lastPageField(), BooleanNode.valueOf(offset + records.size() >= total));
        }
        if (paging.totalPagesField() != null) {
            Json.set(envelope, paging.totalPagesField(),
                    IntNode.valueOf(size == Integer.MAX_VALUE ? 1 : (int) ((total + (long) size - 1) / size)));
        }
        if (paging.totalCountField() != null) {
            Json.set(envelope, paging.totalCountField(), IntNode.valueOf(total));
        }
        if (next != null) {
            switch (style) {
                case CURSOR -> {
                    String token = new Cursor(next, size).encode();
                    if (paging.cursorHeader() != null) {
                        headers.add(Map.entry(paging.cursorHeader(), token));
                    } else {
                        Json.set(envelope, paging.cursorField(), TextNode.valueOf(token));
                    }
                }
                case NEXT_URL -> Json.set(envelope, paging.nextField(), TextNode.valueOf(baseUri
                        + uri(path, params, paging, paging.cursorParam(), new Cursor(next, size).encode())));
                case NEXT_RELATIVE_URI -> {
                    JsonNode lastId = records.get(records.size() - 1).get(idField);
                    Json.set(envelope, paging.nextField(), TextNode.valueOf(uri(path, params, paging, AFTER,
                            lastId == null ? "" : lastId.asText())));
                }
                case LINK_HEADER -> headers.add(Map.entry("Link", links(paging, path, params, size, offset, next)));
                default -> {
                }
            }
        }
        JsonNode body = paging.dataField() == null ? data : envelope;
        Response response = Response.json(200, body);
        response.headers.addAll(headers);
        return response;
    }

    private String links(Paging paging, String path, Map<String, String> params, int size, int offset, int next) {
        int current = paging.firstPage() + offset / size;
        int nextPage = paging.firstPage() + next / size;
        StringBuilder links = new StringBuilder();
        links.append('<').append(baseUri).append(uri(path, params, paging, paging.pageParam(),
                Integer.toString(nextPage))).append(">; rel=\"next\"");
        links.append(", <").append(baseUri).append(uri(path, params, paging, paging.pageParam(),
                Integer.toString(paging.firstPage()))).append(">; rel=\"first\"");
        if (current > paging.firstPage()) {
            links.append(", <").append(baseUri).append(uri(path, params, paging, paging.pageParam(),
                    Integer.toString(current - 1))).append(">; rel=\"prev\"");
        }
        return links.toString();
    }

    /** The path with the request's other parameters and {@code name=value} replacing any position parameter. */
    private static String uri(String path, Map<String, String> params, Paging paging, String name, String value) {
        Set<String> position = Set.of(paging.pageParam(), paging.skipParam(), paging.cursorParam(), AFTER);
        StringBuilder uri = new StringBuilder(path).append('?');
        params.forEach((k, v) -> {
            if (!position.contains(k)) {
                uri.append(encode(k)).append('=').append(encode(v)).append('&');
            }
        });
        return uri.append(encode(name)).append('=').append(encode(value)).toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static int pageSize(Paging paging, Map<String, String> params, Cursor cursor) {
        String asked = params.get(paging.pageSizeParam());
        String name = paging.pageSizeParam();
        if (asked == null) {
            asked = params.get(paging.limitParam());
            name = paging.limitParam();
        }
        if (asked != null) {
            int size = integer(name, asked);
            if (size < 1) {
                throw new Request.BadRequest(400, "bad_parameter", "Query parameter '" + name
                        + "' must be at least 1, got " + asked);
            }
            return size;
        }
        return cursor != null ? cursor.size : paging.pageSize();
    }

    private static int offset(CollectionStore store, Paging paging, Map<String, String> params, Cursor cursor,
            List<ObjectNode> view, int size) {
        if (cursor != null) {
            return cursor.offset;
        }
        String after = params.get(AFTER);
        if (after != null) {
            int position = store.positionOf(view, after);
            if (position < 0) {
                throw new Request.BadRequest(400, "bad_parameter", "Query parameter 'after': no record of '"
                        + store.name + "' has " + store.idField + " '" + after + "'");
            }
            return position + 1;
        }
        String skip = params.get(paging.skipParam());
        if (skip != null) {
            int value = integer(paging.skipParam(), skip);
            if (value < 0) {
                throw new Request.BadRequest(400, "bad_parameter", "Query parameter '" + paging.skipParam()
                        + "' must not be negative, got " + skip);
            }
            return value;
        }
        String page = params.get(paging.pageParam());
        if (page != null) {
            int number = integer(paging.pageParam(), page);
            if (number < paging.firstPage()) {
                throw new Request.BadRequest(400, "bad_parameter", "Query parameter '" + paging.pageParam()
                        + "' counts from " + paging.firstPage() + ", got " + page);
            }
            long offset = (long) (number - paging.firstPage()) * size;
            return (int) Math.min(offset, Integer.MAX_VALUE);
        }
        return 0;
    }

    private static int integer(String name, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new Request.BadRequest(400, "bad_parameter", "Query parameter '" + name + "' must be a whole number,"
                    + " got '" + value + "'");
        }
    }

    /** An opaque position: base64url of {@code offset:size}. */
    record Cursor(int offset, int size) {

        String encode() {
            return Base64.getUrlEncoder().withoutPadding().encodeToString((offset + ":" + size)
                    .getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String token, String param) {
            if (token == null || token.isEmpty()) {
                return null;
            }
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split(":");
                Cursor cursor = new Cursor(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
                if (cursor.offset < 0 || cursor.size < 1) {
                    throw new IllegalArgumentException("out of range");
                }
                return cursor;
            } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
                throw new Request.BadRequest(400, "bad_cursor", "'" + param + "' value '" + token
                        + "' is not a cursor this server issued");
            }
        }
    }

}
