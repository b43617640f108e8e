package org.smallbms.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The API's OpenAPI document as a test oracle: every answer a test gets is checked against it, its status among the
 * operation's documented ones and its body against the documented schema (JSON Schema 2020-12, as OpenAPI 3.1 has
 * it), so the document cannot drift from what the server does.
 */
final class OpenApiContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final JsonNode document;
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    OpenApiContract(String documentJson) throws IOException {
        this.document = JSON.readTree(documentJson);
    }

    /**
     * Fails unless the answer is what the document says {@code method} on {@code path} answers with {@code status}.
     * A route the document does not name must answer with an error body.
     */
    void check(String method, String path, int status, String body) throws IOException {
        String route = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        Optional<JsonNode> operation = operation(method.toLowerCase(Locale.ROOT), route);
        JsonNode schema;
        if (operation.isEmpty()) {
            assertThat(status).as(method + " " + path + " is not in the document: it must be an error")
                    .isGreaterThanOrEqualTo(400);
            schema = JSON.readTree("{\"$ref\": \"#/components/schemas/Error\"}");
        } else {
            JsonNode response = operation.get().path("responses").path(Integer.toString(status));
            assertThat(response.isMissingNode()).as(method + " " + path + " answered " + status + ", which the "
                    + "document does not list: " + body).isFalse();
            response = resolve(response);
            if (status == 204) {
                assertThat(body).as(method + " " + path).isEmpty();
                return;
            }
            schema = response.path("content").path("application/json").path("schema");
            assertThat(schema.isMissingNode()).as(method + " " + path + " " + status + " has no JSON schema")
                    .isFalse();
        }
        ObjectNode root = schema.deepCopy();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.set("components", document.get("components"));
        Schema compiled = registry.getSchema(SchemaLocation.of("https://smallbms.invalid/openapi.json"), root);
        List<com.networknt.schema.Error> errors = compiled.validate(JSON.readTree(body));
        assertThat(errors).as(method + " " + path + " " + status + " against the document: " + body).isEmpty();
    }

    private Optional<JsonNode> operation(String method, String route) {
        JsonNode paths = document.get("paths");
        // A fixed path wins over a template that also matches (/api/settings/reset over /api/settings/{key}).
        if (paths.has(route) && paths.get(route).has(method)) {
            return Optional.of(paths.get(route).get(method));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            String regex = entry.getKey().replaceAll("\\{[^}]+}", "[^/]+");
            if (!entry.getKey().equals(regex) && Pattern.matches(regex, route) && entry.getValue().has(method)) {
                return Optional.of(entry.getValue().get(method));
            }
        }
        return Optional.empty();
    }

    private JsonNode resolve(JsonNode node) {
        JsonNode at = node;
        while (at.has("$ref")) {
            at = document.at(at.get("$ref").asText().substring(1));
        }
        return at;
    }
}
