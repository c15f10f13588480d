package io.integrator.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** Routes an authorized request to its collection endpoint. */
final class Router {

    private final Map<String, CollectionStore> collections;
    private final PageResponder pages;

    Router(Map<String, CollectionStore> collections, PageResponder pages) {
        this.collections = collections;
        this.pages = pages;
    }

    Response route(Request request) {
        String path = request.path;
        String[] parts = path.length() > 1 ? path.substring(1).split("/", -1) : new String[0];
        if (parts.length == 0 || parts.length > 2 || parts[0].isEmpty()) {
            return Response.error(404, "not_found", "No endpoint at " + path + "; collections: "
                    + String.join(", ", collections.keySet()));
        }
        CollectionStore store = collections.get(parts[0]);
        if (store == null) {
            return Response.error(404, "not_found", "No collection '" + parts[0] + "'; collections: "
                    + String.join(", ", collections.keySet()));
        }
        if (parts.length == 1) {
            return switch (request.method) {
                case "GET" -> pages.list(store, request);
                case "POST" -> outcome(store.create(request.json()));
                default -> notAllowed(request, "GET, POST");
            };
        }
        String id = parts[1];
        if (request.method.equals("POST") && id.equals("search")) {
            return pages.search(store, request, "/" + store.name);
        }
        if (request.method.equals("POST") && id.equals("batch")) {
            return batch(store, request);
        }
        return switch (request.method) {
            case "GET" -> {
                ObjectNode record = store.find(id);
                yield record == null
                        ? Response.error(404, "not_found", "No record of '" + store.name + "' has " + store.idField
                                + " '" + id + "'")
                        : Response.json(200, record);
            }
            case "PUT" -> outcome(store.replace(id, request.json(), false));
            case "PATCH" -> outcome(store.replace(id, request.json(), true));
            case "DELETE" -> outcome(store.delete(id));
            default -> notAllowed(request, "GET, PUT, PATCH, DELETE");
        };
    }

    /** {@code POST /{collection}/batch}: a JSON array in, one result per element out, in order. */
    private Response batch(CollectionStore store, Request request) {
        JsonNode body = request.json();
        if (!body.isArray()) {
            return Response.error(400, "bad_body", "POST " + request.path + " takes a JSON array of records");
        }
        ArrayNode results = Json.MAPPER.createArrayNode();
        for (JsonNode element : body) {
            CollectionStore.Outcome outcome = store.create(element);
            ObjectNode result = results.addObject();
            result.put("status", outcome.status());
            if (outcome.status() == 201) {
                result.set("id", outcome.body().get(store.idField));
                result.set("record", outcome.body());
            } else {
                result.set("error", outcome.body());
            }
        }
        return Response.json(200, results);
    }

    private static Response outcome(CollectionStore.Outcome outcome) {
        return outcome.body() == null ? Response.empty(outcome.status())
                : Response.json(outcome.status(), outcome.body());
    }

    private static Response notAllowed(Request request, String allowed) {
        return Response.error(405, "method_not_allowed", request.method + " is not allowed on " + request.path
                + "; allowed: " + allowed).header("Allow", allowed);
    }
}
