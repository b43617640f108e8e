package org.smallbms.app.web;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.HttpStatus;
import java.util.Objects;
import java.util.Optional;

/**
 * A request the API does not carry out, with what its client needs to put it right: the answer's status, a message,
 * and for bad input the field, the value given, the rule it breaks and how to fix it. Thrown by a route, turned into
 * the answer {@code {"error": {...}}} by the server; the request changed nothing.
 */
final class ApiError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The input's fault, field by field: absent for an error that is not about one field. */
    private record Input(String field, String value, String rule, String fix) {
    }

    private final HttpStatus status;
    private final transient Optional<Input> input;
    private final transient Optional<Long> retryAfterSeconds;

    private ApiError(HttpStatus status, String message, Optional<Input> input, Optional<Long> retryAfterSeconds) {
        super(message, null, false, false);
        this.status = Objects.requireNonNull(status, "status");
        this.input = input;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** A failure that is not about one field: an unknown setting, a paused device, a missing session. */
    static ApiError of(HttpStatus status, String message) {
        return new ApiError(status, message, Optional.empty(), Optional.empty());
    }

    /**
     * 400: {@code field} = {@code value} breaks {@code rule}; {@code fix} says what to send instead.
     *
     * @param value the value as given, or null when the field was missing
     */
    static ApiError badInput(String field, String value, String rule, String fix) {
        return new ApiError(HttpStatus.BAD_REQUEST, rule, Optional.of(new Input(field, value == null ? "" : value,
                rule, fix)), Optional.empty());
    }

    /** 429: too many wrong PINs; the client may try again after {@code seconds}. */
    static ApiError tooManyTries(long seconds) {
        return new ApiError(HttpStatus.TOO_MANY_REQUESTS, "Too many wrong PINs: wait " + seconds + " s before the "
                + "next try.", Optional.empty(), Optional.of(seconds));
    }

    /** 401 for a wrong PIN, with the wait it now costs, if any. */
    static ApiError wrongPin(Optional<Long> waitSeconds) {
        return new ApiError(HttpStatus.UNAUTHORIZED, "Wrong PIN." + waitSeconds.map(s -> " Too many wrong PINs: "
                + "wait " + s + " s before the next try.").orElse(""), Optional.of(new Input("pin", "", "Wrong PIN.",
                "Give the device's six-digit PIN; `smallbms pin --data DIR` sets a new one on the machine that "
                + "holds its data.")), waitSeconds);
    }

    HttpStatus status() {
        return status;
    }

    Optional<Long> retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** The answer's body: {@code {"error": {"status", "message", "field", "value", "rule", "fix"}}}. */
    ObjectNode body() {
        return body(status, getMessage(), input);
    }

    /** The body of an error that is not about the input: unknown routes, wrong methods, bugs. */
    static ObjectNode body(HttpStatus status, String message) {
        return body(status, message, Optional.empty());
    }

    private static ObjectNode body(HttpStatus status, String message, Optional<Input> input) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ObjectNode error = root.putObject("error");
        error.put("status", status.getCode());
        error.put("message", message);
        input.ifPresent(i -> {
            error.put("field", i.field());
            error.put("value", i.value());
            error.put("rule", i.rule());
            error.put("fix", i.fix());
        });
        return root;
    }
}
