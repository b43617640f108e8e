package org.smallbms.app.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.Locale;
import org.smallbms.sim.scenario.Printable;

/**
 * Reads a request's JSON body field by field, each with the rule it must keep and the fix a client needs when it
 * does not: a missing field, a string where a number belongs, a number that is not finite, are all 400 with the
 * field named, never a cast that turns them into something else.
 */
final class Bodies {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The longest value quoted back in an error. */
    private static final int MAX_QUOTED = 80;

    private Bodies() {
    }

    /** The body as a JSON object; 400 when it is empty, not JSON, or not an object. */
    static JsonNode object(Context ctx, String example) {
        String text = ctx.body();
        JsonNode node;
        try {
            node = text.isBlank() ? null : JSON.readTree(text);
        } catch (JsonProcessingException e) {
            node = null;
        }
        if (node == null || !node.isObject()) {
            throw ApiError.badInput("body", quoted(text), "The body must be a JSON object.", "Send " + example
                    + " with Content-Type: application/json.");
        }
        return node;
    }

    /** A number field; 400 when it is missing or not a number. */
    static double number(JsonNode body, String field, String fix) {
        JsonNode value = body.get(field);
        if (value == null || !value.isNumber()) {
            throw ApiError.badInput(field, value == null ? null : quoted(value.toString()), field + " must be a "
                    + "number.", fix);
        }
        double d = value.asDouble();
        if (!Double.isFinite(d)) {
            throw ApiError.badInput(field, value.toString(), field + " must be a finite number.", fix);
        }
        return d;
    }

    /** A true/false field; 400 when it is missing or not a boolean. */
    static boolean bool(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.isBoolean()) {
            throw ApiError.badInput(field, value == null ? null : quoted(value.toString()), field + " must be true "
                    + "or false.", "Send {\"" + field + "\": true} or {\"" + field + "\": false}.");
        }
        return value.asBoolean();
    }

    /** A text field; 400 when it is missing or not a string. */
    static String text(JsonNode body, String field, String fix) {
        JsonNode value = body.get(field);
        if (value == null || !value.isTextual()) {
            throw ApiError.badInput(field, value == null ? null : quoted(value.toString()), field + " must be a "
                    + "string.", fix);
        }
        return value.asText();
    }

    /** A value quoted back to the client: control characters escaped, long values cut. */
    static String quoted(String value) {
        String cut = value.length() > MAX_QUOTED ? value.substring(0, MAX_QUOTED) + "…" : value;
        return Printable.escape(cut);
    }

    /** A number as the API writes it in a message: no trailing zeros, no exponent for everyday values. */
    static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.format(Locale.ROOT, "%.0f", value)
                : Double.toString(value);
    }
}
