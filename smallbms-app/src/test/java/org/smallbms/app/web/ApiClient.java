package org.smallbms.app.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A client of the API, as a page or a script is one: its own cookies (its session), and every answer checked against
 * the OpenAPI document before a test sees it.
 */
final class ApiClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** An answer: its status, body and the body as JSON (null when empty). */
    record Answer(int status, String body, JsonNode json, HttpResponse<String> raw) {
        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        /** The error's field, rule or message. */
        String error(String field) {
            return json.path("error").path(field).asText();
        }
    }

    private final int port;
    private final OpenApiContract contract;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .connectTimeout(Duration.ofSeconds(5)).build();

    ApiClient(int port, OpenApiContract contract) {
        this.port = port;
        this.contract = contract;
    }

    Answer get(String path) throws IOException, InterruptedException {
        return send("GET", path, null, "application/json");
    }

    Answer put(String path, String json) throws IOException, InterruptedException {
        return send("PUT", path, json, "application/json");
    }

    Answer post(String path, String json) throws IOException, InterruptedException {
        return send("POST", path, json, "application/json");
    }

    Answer delete(String path) throws IOException, InterruptedException {
        return send("DELETE", path, "", "application/json");
    }

    /** Opens a session with {@code pin}. */
    Answer login(String pin) throws IOException, InterruptedException {
        return post("/api/session", "{\"pin\": \"" + pin + "\"}");
    }

    /** Any request: a null body sends none. */
    Answer send(String method, String path, String body, String contentType) throws IOException,
            InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20)).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null && body != null) {
            request.header("Content-Type", contentType);
        }
        return checked(method, path, http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
    }

    /** A request with headers of its own (an Origin, a missing Content-Type). */
    Answer send(HttpRequest.Builder request, String method, String path) throws IOException, InterruptedException {
        return checked(method, path, http.send(request.uri(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString()));
    }

    private Answer checked(String method, String path, HttpResponse<String> response) throws IOException {
        contract.check(method, path, response.statusCode(), response.body());
        return new Answer(response.statusCode(), response.body(), response.body().isEmpty() ? null
                : JSON.readTree(response.body()), response);
    }
}
