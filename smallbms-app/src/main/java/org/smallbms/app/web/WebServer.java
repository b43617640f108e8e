package org.smallbms.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Objects;
import org.smallbms.app.runtime.Snapshot;
import org.smallbms.app.runtime.SnapshotHolder;
import org.smallbms.core.bms.BmsState;
import org.smallbms.core.codes.Condition;
import org.smallbms.core.monitor.Measurement;
import org.smallbms.core.monitor.TimeRemaining;
import org.smallbms.core.protection.ProtectionState;

/**
 * The device's HTTP server (Javalin on Jetty): the JSON API under {@code /api} that the web app's pages will use.
 * It reads the device's latest snapshot and never blocks the control loop.
 *
 * <p>Every answer, an error's too, is JSON and carries a content security policy with no inline script and no
 * framing, and {@code X-Content-Type-Options: nosniff}. An unknown route is 404, a known route with the wrong method
 * 405, a body over {@value #MAX_BODY_BYTES} bytes 413, and anything unexpected 500 with a line that says so: no
 * stack trace reaches a client. Values carry their unit in their name ({@code voltageVolts}, {@code socPercent}).
 */
public final class WebServer implements AutoCloseable {

    /** The largest request body taken (the API's bodies are a setting or a command). */
    public static final int MAX_BODY_BYTES = 64 * 1024;
    /** Where the server listens unless told otherwise: this machine only. */
    public static final String LOOPBACK = "127.0.0.1";
    /** The default port. */
    public static final int DEFAULT_PORT = 8080;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    private final Javalin app;

    private WebServer(Javalin app) {
        this.app = app;
    }

    /**
     * Starts the server on {@code bind}:{@code port} (0 picks a free port) for the device whose snapshots
     * {@code snapshots} holds.
     *
     * @throws WebServerException when it cannot listen there (the port is taken, the address is not this machine's)
     */
    public static WebServer start(SnapshotHolder snapshots, String bind, int port) throws WebServerException {
        Objects.requireNonNull(snapshots, "snapshots");
        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.http.maxRequestSize = MAX_BODY_BYTES;
            config.http.prefer405over404 = true;
            config.http.defaultContentType = "application/json";
        });
        app.before(WebServer::securityHeaders);
        app.before(ctx -> {
            if (ctx.contentLength() > MAX_BODY_BYTES) {
                throw new io.javalin.http.HttpResponseException(HttpStatus.CONTENT_TOO_LARGE.getCode(),
                        "the body is over " + MAX_BODY_BYTES + " bytes");
            }
        });
        app.get("/api/status", ctx -> json(ctx, HttpStatus.OK, status(snapshots.get())));
        app.exception(io.javalin.http.HttpResponseException.class, (e, ctx) -> error(ctx,
                HttpStatus.forStatus(e.getStatus()), e.getMessage()));
        app.exception(Exception.class, (e, ctx) -> error(ctx, HttpStatus.INTERNAL_SERVER_ERROR,
                "internal error: this is a bug in smallbms; the request changed nothing"));
        app.error(HttpStatus.NOT_FOUND, ctx -> error(ctx, HttpStatus.NOT_FOUND, "no such route: "
                + ctx.method() + " " + ctx.path() + "; the API is under /api"));
        app.error(HttpStatus.METHOD_NOT_ALLOWED, ctx -> error(ctx, HttpStatus.METHOD_NOT_ALLOWED, ctx.method()
                + " is not allowed on " + ctx.path()));
        app.error(HttpStatus.CONTENT_TOO_LARGE, ctx -> error(ctx, HttpStatus.CONTENT_TOO_LARGE, "the body is over "
                + MAX_BODY_BYTES + " bytes"));
        try {
            app.start(bind, port);
        } catch (RuntimeException e) {
            app.stop();
            throw new WebServerException("cannot serve the web app on " + bind + ":" + port + ": "
                    + rootMessage(e) + ". Give --port another port (0 picks a free one) or --bind an address of "
                    + "this machine.", e);
        }
        return new WebServer(app);
    }

    /** The port it listens on. */
    public int port() {
        return app.port();
    }

    /** Whether {@code bind} is this machine only: the server is not reachable from the network. */
    public static boolean isLoopback(String bind) {
        try {
            return InetAddress.getByName(bind).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    @Override
    public void close() {
        app.stop();
    }

    private static void securityHeaders(Context ctx) {
        ctx.header("Content-Security-Policy", SECURITY_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cache-Control", "no-store");
    }

    /** UI-01: the status page as JSON. */
    static ObjectNode status(Snapshot snapshot) {
        BmsState bms = snapshot.bms();
        ObjectNode root = JSON.createObjectNode();
        root.put("serial", snapshot.serial());
        root.put("deviceTime", snapshot.at().toString());
        if (bms.socPermille().isPresent()) {
            root.put("socPercent", bms.socPermille().get() / 10.0);
        } else {
            root.putNull("socPercent");
        }
        Measurement m = bms.measurement().orElse(null);
        if (m == null) {
            root.putNull("voltageVolts").putNull("currentAmps").putNull("powerWatts");
        } else {
            root.put("voltageVolts", m.bankMillivolts() / 1000.0);
            root.put("currentAmps", m.bankMilliamps() / 1000.0);
            root.put("powerWatts", Math.round(m.bankMillivolts() / 1000.0 * m.bankMilliamps() / 1000.0 * 10) / 10.0);
        }
        if (bms.consumedMilliampHours().isPresent()) {
            root.put("consumedAmpHours", bms.consumedMilliampHours().get() / 1000.0);
        } else {
            root.putNull("consumedAmpHours");
        }
        TimeRemaining remaining = bms.timeRemaining();
        root.put("timeRemaining", remaining.label());
        if (remaining.kind() == TimeRemaining.Kind.FINITE) {
            root.put("timeRemainingMinutes", remaining.duration().toMinutes());
        } else {
            root.putNull("timeRemainingMinutes");
        }
        ProtectionState p = bms.protection();
        allowed(root.putObject("allowedToCharge"), p.allowedToCharge().label(), p.chargeReasons());
        allowed(root.putObject("allowedToDischarge"), p.allowedToDischarge().label(), p.dischargeReasons());
        ObjectNode outputs = root.putObject("outputs");
        outputs.put("chargeDisconnect", p.outputs().charge().name());
        outputs.put("loadDisconnect", p.outputs().load().name());
        outputs.put("preAlarm", p.outputs().preAlarm().name());
        ArrayNode codes = root.putArray("codes");
        for (Condition condition : p.active().codes()) {
            ObjectNode code = codes.addObject();
            code.put("code", condition.label());
            code.put("severity", condition.severity().name());
            code.put("message", condition.message());
            code.put("instruction", condition.instruction());
        }
        ObjectNode storage = root.putObject("storage");
        storage.put("ok", snapshot.storage().isOk());
        if (snapshot.storage().warning().isPresent()) {
            storage.put("warning", snapshot.storage().warning().get());
        } else {
            storage.putNull("warning");
        }
        return root;
    }

    private static void allowed(ObjectNode node, String value, List<String> reasons) {
        node.put("value", value);
        ArrayNode list = node.putArray("reasons");
        reasons.forEach(list::add);
    }

    private static void json(Context ctx, HttpStatus status, ObjectNode body) {
        ctx.status(status).contentType("application/json").result(body.toString());
    }

    /** The error body every failure carries: {@code {"error": {"status", "message"}}}. */
    private static void error(Context ctx, HttpStatus status, String message) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode error = root.putObject("error");
        error.put("status", status.getCode());
        error.put("message", message);
        json(ctx, status, root);
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return String.valueOf(cause.getMessage());
    }

    /** The server could not start; the message says why and what to do. */
    public static final class WebServerException extends Exception {
        private static final long serialVersionUID = 1L;

        WebServerException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
