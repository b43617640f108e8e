package org.smallbms.app.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import io.javalin.http.staticfiles.StaticFileConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smallbms.app.device.Device;
import org.smallbms.app.readout.ReadoutKey;
import org.smallbms.app.runtime.AdjustableClock;
import org.smallbms.app.runtime.Reply;
import org.smallbms.app.runtime.Request;
import org.smallbms.app.runtime.Snapshot;
import org.smallbms.app.store.DeviceIdentity;
import org.smallbms.core.bms.Command;
import org.smallbms.core.bms.DeviceProfile.Feature;
import org.smallbms.core.event.Event;
import org.smallbms.core.settings.Setting;

/**
 * The device's HTTP server (Javalin on Jetty): the web app's pages, and the JSON API under {@code /api} that they use
 * and a script may use as well (docs/web.md; the OpenAPI document at {@code /api/openapi.json}). It reads the device's
 * latest snapshot and hands changes to its control loop; it never blocks the loop.
 *
 * <p>Every answer carries a content security policy with no inline script and no framing, and
 * {@code X-Content-Type-Options: nosniff}. An unknown route is 404, a known route with the wrong method 405, a body
 * over {@value #MAX_BODY_BYTES} bytes 413, bad input 400 naming the field, the value, the rule and the fix; anything
 * unexpected is 500 with a line that says so. No stack trace reaches a client. A change to the device needs a session
 * opened with the PIN ({@link PinGuard}), must come as JSON and from the server's own pages (its {@code Origin}).
 */
public final class WebServer implements AutoCloseable {

    /** The largest request body taken (the API's bodies are a setting or a command). */
    public static final int MAX_BODY_BYTES = 64 * 1024;
    /** Where the server listens unless told otherwise: this machine only. */
    public static final String LOOPBACK = "127.0.0.1";
    /** The default port. */
    public static final int DEFAULT_PORT = 8080;
    /** The session cookie: HttpOnly, SameSite=Strict, for the API only. */
    static final String SESSION_COOKIE = "smallbms-session";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
    private static final String SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
    /** The series a chart asks for when it names no range: the last hours. */
    private static final Duration DEFAULT_SERIES = Duration.ofHours(6);

    private final Javalin app;
    private final Stream stream;

    private WebServer(Javalin app, Stream stream) {
        this.app = app;
        this.stream = stream;
    }

    /**
     * Starts the server on {@code bind}:{@code port} (0 picks a free port) for {@code device}, which must not run
     * yet: the server listens to each of its snapshots from the first.
     *
     * @throws WebServerException when it cannot listen there (the port is taken, the address is not this machine's)
     */
    public static WebServer start(Device device, String bind, int port) throws WebServerException {
        Objects.requireNonNull(device, "device");
        Routes routes = new Routes(device);
        device.addListener(routes::onSnapshot);
        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.http.maxRequestSize = MAX_BODY_BYTES;
            config.http.prefer405over404 = true;
            config.http.defaultContentType = "application/json; charset=utf-8";
            // The pages, and the front-end libraries from their WebJars (uPlot, swagger-ui).
            config.staticFiles.add(files -> files(files, "/", "/web", "no-cache"));
            config.staticFiles.add(files -> files(files, "/webjars", "/META-INF/resources/webjars",
                    "max-age=31536000, immutable"));
        });
        routes.register(app);
        try {
            app.start(bind, port);
        } catch (RuntimeException e) {
            app.stop();
            routes.stream.close();
            throw new WebServerException("cannot serve the web app on " + bind + ":" + port + ": "
                    + rootMessage(e) + ". Give --port another port (0 picks a free one) or --bind an address of "
                    + "this machine.", e);
        }
        return new WebServer(app, routes.stream);
    }

    private static void files(StaticFileConfig files, String hostedPath,
            String directory, String cacheControl) {
        files.hostedPath = hostedPath;
        files.directory = directory;
        files.location = Location.CLASSPATH;
        files.headers = Map.of("Cache-Control", cacheControl);
        // Jetty names no charset for these by itself ("charset=null"): they are UTF-8.
        files.mimeTypes.add("text/html; charset=utf-8", "html");
        files.mimeTypes.add("text/css; charset=utf-8", "css");
        files.mimeTypes.add("text/javascript; charset=utf-8", "js");
        files.mimeTypes.add("image/svg+xml; charset=utf-8", "svg");
    }

    /** The port it listens on. */
    public int port() {
        return app.port();
    }

    /** How many pages have the stream open now (LED-01's connected clients). */
    public int connectedClients() {
        return stream.clientCount();
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
        stream.close();
        app.stop();
    }

    /** The routes, with what they share: the device, the timeline, the series, the stream and the PIN guard. */
    private static final class Routes {

        private final Device device;
        private final Changes changes;
        private final Timeline timeline;
        private final Series series = new Series();
        private final PinGuard pins;
        private final Stream stream;
        private final WorldPanel world;
        private final String openApi;

        Routes(Device device) {
            this.device = device;
            this.changes = new Changes(device);
            this.timeline = new Timeline(device.earlierEvents());
            this.pins = new PinGuard(device::pinMatches, System::nanoTime);
            this.stream = new Stream(() -> device.snapshots().get().tick(), () -> status().toString());
            this.world = new WorldPanel(changes);
            this.openApi = openApiDocument();
        }

        /** On the control thread, after every tick: it must return at once. */
        void onSnapshot(Snapshot snapshot) {
            series.sample(snapshot.at(), snapshot.bms());
            if (!snapshot.events().isEmpty()) {
                stream.offer(timeline.append(snapshot.events()));
            }
            world.onSnapshot(snapshot);
        }

        void register(Javalin app) {
            app.before(WebServer::securityHeaders);
            app.before(ctx -> {
                if (ctx.contentLength() > MAX_BODY_BYTES) {
                    throw ApiError.of(HttpStatus.CONTENT_TOO_LARGE, "the body is over " + MAX_BODY_BYTES + " bytes");
                }
            });
            // Only for a route that exists: an unknown route or method is 404 or 405 whatever its body.
            app.beforeMatched(this::guard);
            app.get("/api/status", ctx -> json(ctx, status()));
            app.get("/api/battery", ctx -> json(ctx, DeviceViews.battery(having(Feature.BATTERY_MONITOR,
                    "battery data"))));
            app.get("/api/history", ctx -> json(ctx, DeviceViews.history(having(Feature.HISTORY, "history"))));
            app.get("/api/settings", ctx -> json(ctx, DeviceViews.settings(having(Feature.SETTINGS, "settings"))));
            app.put("/api/settings/{key}", this::changeSetting);
            app.post("/api/settings/reset", ctx -> accepted(ctx, new Command.ResetToDefaults()));
            app.post("/api/soc", ctx -> accepted(ctx, new Command.SetSoc(Bodies.number(Bodies.object(ctx,
                    "{\"socPercent\": 80}"), "socPercent", "Send a percentage from 0 to 100, e.g. "
                    + "{\"socPercent\": 80}."))));
            app.post("/api/soc/synchronise", ctx -> accepted(ctx, new Command.Synchronise()));
            app.post("/api/history/reset", ctx -> accepted(ctx, new Command.ResetHistory()));
            app.post("/api/mode", ctx -> accepted(ctx, new Command.SetMode(Bodies.bool(Bodies.object(ctx,
                    "{\"on\": true}"), "on"))));
            app.get("/api/events", this::events);
            app.get("/api/series", this::series);
            app.sse("/api/stream", stream::join);
            app.get("/api/session", ctx -> json(ctx, JsonNodeFactory.instance.objectNode().put("authenticated",
                    pins.valid(ctx.cookie(SESSION_COOKIE)))));
            app.post("/api/session", this::openSession);
            app.delete("/api/session", this::closeSession);
            app.put("/api/pin", this::changePin);
            app.get("/api/readout", ctx -> json(ctx, ReadoutView.of(latest(), device.latestReadout(),
                    device.readoutKey())));
            app.get("/api/readout/key", ctx -> {
                requireSession(ctx, "The Instant Readout key is shown only to its owner, who has the PIN");
                json(ctx, key(device.readoutKey()));
            });
            app.post("/api/readout/key", this::newReadoutKey);
            app.get("/api/world", ctx -> json(ctx, WorldPanel.view(latest(), device.speed())));
            app.put("/api/world/speed", ctx -> {
                AdjustableClock.Speed speed = world.speed(Bodies.object(ctx, "{\"speed\": \"1440\"}"));
                device.setSpeed(speed);
                // The clock is the simulation's, not the world's: its change joins the timeline from here.
                stream.offer(timeline.append(List.of(new Event(device.clockNow(), Event.Kind.COMMAND, "speed",
                        speed.key(), "the device's clock now runs " + speed.describe()))));
                json(ctx, WorldPanel.view(latest(), device.speed()));
            });
            app.put("/api/world/remote", ctx -> worldAccepted(ctx, () -> world.remote(body(ctx, "{\"on\": false}"))));
            app.put("/api/world/bms-cable", ctx -> worldAccepted(ctx, () -> world.bmsCable(body(ctx,
                    "{\"connected\": false}"))));
            app.put("/api/world/sun", ctx -> worldAccepted(ctx, () -> world.sun(body(ctx,
                    "{\"cloudiness\": 0.5}"))));
            app.put("/api/world/ambient", ctx -> worldAccepted(ctx, () -> world.ambient(body(ctx,
                    "{\"celsius\": 25}"))));
            app.put("/api/world/components/{name}", ctx -> worldAccepted(ctx, () -> world.component(latest(),
                    ctx.pathParam("name"), body(ctx, "{\"on\": true} or {\"watts\": 120}"))));
            app.put("/api/world/batteries/{n}", ctx -> worldAccepted(ctx, () -> world.battery(latest(),
                    ctx.pathParam("n"), body(ctx, "{\"answering\": false}"))));
            app.post("/api/world/strings", ctx -> worldAccepted(ctx, () -> world.strings(body(ctx,
                    "{\"add\": true}"))));
            app.post("/api/world/firmware", ctx -> worldAccepted(ctx, () -> world.firmware(latest(), body(ctx,
                    "{\"succeeds\": true}"))));
            app.get("/api/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
            app.get("/api/docs", ctx -> ctx.redirect("/api/docs/index.html"));
            app.exception(ApiError.class, (e, ctx) -> {
                e.retryAfterSeconds().ifPresent(s -> ctx.header("Retry-After", Long.toString(s)));
                json(ctx, e.status(), e.body());
            });
            app.exception(HttpResponseException.class, (e, ctx) -> json(ctx, HttpStatus.forStatus(e.getStatus()),
                    ApiError.body(HttpStatus.forStatus(e.getStatus()), e.getMessage())));
            app.exception(Exception.class, (e, ctx) -> {
                LOG.error("internal error on {} {}", ctx.method(), ctx.path(), e);
                json(ctx, HttpStatus.INTERNAL_SERVER_ERROR, ApiError.body(HttpStatus.INTERNAL_SERVER_ERROR,
                        "internal error: this is a bug in smallbms; the request changed nothing"));
            });
            app.error(HttpStatus.NOT_FOUND, ctx -> {
                if (!ctx.result().isBlank() && ctx.res().getContentType() != null
                        && ctx.res().getContentType().startsWith("application/json")) {
                    return;
                }
                json(ctx, HttpStatus.NOT_FOUND, ApiError.body(HttpStatus.NOT_FOUND, "no such route: "
                        + ctx.method() + " " + Bodies.quoted(ctx.path()) + "; the API is under /api (see "
                        + "/api/docs)"));
            });
            app.error(HttpStatus.METHOD_NOT_ALLOWED, ctx -> json(ctx, HttpStatus.METHOD_NOT_ALLOWED,
                    ApiError.body(HttpStatus.METHOD_NOT_ALLOWED, ctx.method() + " is not allowed on "
                    + Bodies.quoted(ctx.path()))));
            app.error(HttpStatus.CONTENT_TOO_LARGE, ctx -> json(ctx, HttpStatus.CONTENT_TOO_LARGE,
                    ApiError.body(HttpStatus.CONTENT_TOO_LARGE, "the body is over " + MAX_BODY_BYTES + " bytes")));
        }

        /**
     * The latest snapshot of a device that has {@code feature}; a 404 naming what this device lacks otherwise (the
     * classic smallBMS has no battery data, history or settings: CLS-04).
     */
    private Snapshot having(Feature feature, String what) {
        if (!device.profile().has(feature)) {
            throw ApiError.of(HttpStatus.NOT_FOUND, "The " + device.profile().label() + " has no " + what
                    + " (CLS-04): its batteries decide and signal, and it shows only its outputs and LEDs.");
        }
        return latest();
    }

    private Snapshot latest() {
            return device.snapshots().get();
        }

        private ObjectNode status() {
            ObjectNode status = DeviceViews.status(latest(), device.speed(), stream.connected());
            status.put("portalId", device.portalId());
            return status;
        }

        /**
         * Before every route that exists: the stream is for a client that takes server-sent events; a change must
         * come from the server's own pages as JSON, and a change to the device needs a session.
         */
        private void guard(Context ctx) {
            String accept = ctx.header("Accept");
            if (ctx.path().equals("/api/stream") && (accept == null || !accept.contains("text/event-stream"))) {
                throw ApiError.of(HttpStatus.NOT_ACCEPTABLE, "/api/stream is a stream of server-sent events: ask "
                        + "for it with Accept: text/event-stream (a browser's EventSource does).");
            }
            String method = ctx.method().name();
            if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")
                    || !ctx.path().startsWith("/api/")) {
                return;
            }
            String origin = ctx.header("Origin");
            if (origin != null && !sameOrigin(origin, ctx.host())) {
                throw ApiError.of(HttpStatus.FORBIDDEN, "A change must come from this server's own pages; the "
                        + "request came from " + Bodies.quoted(origin) + ". Nothing was changed.");
            }
            String type = ctx.contentType();
            if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
                throw ApiError.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "A change must be sent as Content-Type: "
                        + "application/json (an empty body may be {}). Nothing was changed.");
            }
            boolean needsSession = !ctx.path().startsWith("/api/world/") && !ctx.path().equals("/api/session")
                    && !ctx.path().equals("/api/pin");
            if (needsSession && !pins.valid(ctx.cookie(SESSION_COOKIE))) {
                throw ApiError.of(HttpStatus.UNAUTHORIZED, "A change needs the PIN: open a session with POST "
                        + "/api/session {\"pin\": \"123456\"} first. Nothing was changed.");
            }
        }

        private void changeSetting(Context ctx) {
            String key = ctx.pathParam("key");
            Setting setting = Setting.byKey(key).orElseThrow(() -> ApiError.of(HttpStatus.NOT_FOUND, "There is no "
                    + "setting '" + Bodies.quoted(key) + "'; the settings are " + String.join(", ", Setting.keys())
                    + "."));
            JsonNode body = Bodies.object(ctx, "{\"value\": " + setting.defaultFor(latest().bms().settings()
                    .system()) + "}");
            String fix = "Give a whole number in " + setting.unit().valueUnit() + ": the allowed values are "
                    + setting.rangeText(latest().bms().settings().system()) + ".";
            double value = Bodies.number(body, "value", fix);
            Reply reply = changes.apply(new Request.ToBms(new Command.ChangeSetting(setting, value)));
            if (!reply.accepted()) {
                throw ApiError.badInput("value", Bodies.number(value), reply.message(), fix);
            }
            json(ctx, DeviceViews.setting(latest().bms().settings(), setting));
        }

        private void accepted(Context ctx, Command command) {
            changes.command(command);
            json(ctx, JsonNodeFactory.instance.objectNode().put("accepted", true));
        }

        private static void worldAccepted(Context ctx, Runnable change) {
            change.run();
            json(ctx, JsonNodeFactory.instance.objectNode().put("accepted", true));
        }

        private static JsonNode body(Context ctx, String example) {
            return Bodies.object(ctx, example);
        }

        private void events(Context ctx) {
            String since = ctx.queryParam("since");
            List<Timeline.Entry> entries;
            if (since == null) {
                entries = timeline.newest();
            } else {
                long id;
                try {
                    id = Long.parseLong(since);
                } catch (NumberFormatException e) {
                    id = -1;
                }
                if (id < 0) {
                    throw ApiError.badInput("since", Bodies.quoted(since), "since must be an event id, 0 or more.",
                            "Give the id of the last event you have, or leave since out for the newest.");
                }
                entries = timeline.after(id);
            }
            ObjectNode root = JsonNodeFactory.instance.objectNode();
            ArrayNode list = root.putArray("events");
            entries.forEach(entry -> list.add(DeviceViews.event(entry)));
            root.put("latestId", timeline.latestId());
            json(ctx, root);
        }

        private void series(Context ctx) {
            Instant now = latest().at();
            Instant to = instant(ctx, "to").orElse(now);
            Instant from = instant(ctx, "from").orElse(to.minus(DEFAULT_SERIES));
            if (from.isAfter(to)) {
                throw ApiError.badInput("from", from.toString(), "from is after to.", "Give from before to.");
            }
            Series.Columns c = series.between(from, to);
            ObjectNode root = JsonNodeFactory.instance.objectNode();
            ArrayNode at = root.putArray("atEpochSeconds");
            for (long minute : c.minutes()) {
                at.add(minute * 60);
            }
            column(root.putArray("socPercent"), c.socPercent());
            column(root.putArray("voltageVolts"), c.voltageVolts());
            column(root.putArray("currentAmps"), c.currentAmps());
            column(root.putArray("minCellVolts"), c.minCellVolts());
            column(root.putArray("maxCellVolts"), c.maxCellVolts());
            json(ctx, root);
        }

        private static void column(ArrayNode array, double[] values) {
            for (double v : values) {
                if (Double.isNaN(v)) {
                    array.addNull();
                } else {
                    array.add(v);
                }
            }
        }

        private static Optional<Instant> instant(Context ctx, String name) {
            String text = ctx.queryParam(name);
            if (text == null) {
                return Optional.empty();
            }
            try {
                return Optional.of(Instant.parse(text));
            } catch (DateTimeException e) {
                throw ApiError.badInput(name, Bodies.quoted(text), name + " must be an instant in UTC.",
                        "Write it as 2026-06-01T18:00:00Z, or leave it out.");
            }
        }

        private void openSession(Context ctx) {
            String pin = Bodies.text(Bodies.object(ctx, "{\"pin\": \"123456\"}"), "pin", "Send {\"pin\": "
                    + "\"123456\"} with the device's six-digit PIN.");
            PinGuard.Outcome outcome = pins.open(ctx.ip(), pin);
            if (outcome instanceof PinGuard.Opened opened) {
                ctx.header("Set-Cookie", SESSION_COOKIE + "=" + opened.token() + "; Path=/api; HttpOnly; "
                        + "SameSite=Strict");
                ctx.status(HttpStatus.NO_CONTENT);
                return;
            }
            throw refusal(outcome);
        }

        private void closeSession(Context ctx) {
            pins.close(ctx.cookie(SESSION_COOKIE));
            ctx.header("Set-Cookie", SESSION_COOKIE + "=; Path=/api; HttpOnly; SameSite=Strict; Max-Age=0");
            ctx.status(HttpStatus.NO_CONTENT);
        }

        /**
         * A read that needs the PIN, as the Instant Readout key does: reads need no session, so such a route says so
         * itself.
         */
        private void requireSession(Context ctx, String why) {
            if (!pins.valid(ctx.cookie(SESSION_COOKIE))) {
                throw ApiError.of(HttpStatus.UNAUTHORIZED, why + ": open a session with POST /api/session "
                        + "{\"pin\": \"123456\"} first.");
            }
        }

        private static ObjectNode key(ReadoutKey key) {
            return JsonNodeFactory.instance.objectNode().put("key", key.hex());
        }

        /** IR-01: a new key, the old one stops decoding the device; answered with the new one, for its owner. */
        private void newReadoutKey(Context ctx) throws SQLException {
            Bodies.object(ctx, "{}");
            ReadoutKey key = device.newReadoutKey();
            stream.offer(timeline.append(List.of(new Event(device.clockNow(), Event.Kind.COMMAND, "readoutKey",
                    "new", "a new Instant Readout key: receivers with the old key no longer decode the device"))));
            json(ctx, key(key));
        }

        private void changePin(Context ctx) throws SQLException {
            JsonNode body = Bodies.object(ctx, "{\"current\": \"123456\", \"new\": \"654321\"}");
            String current = Bodies.text(body, "current", "Send the current PIN as \"current\".");
            String next = Bodies.text(body, "new", "Send the new PIN as \"new\": six digits, not 000000.");
            Optional<String> problem = DeviceIdentity.pinProblem(next);
            if (problem.isEmpty() && next.equals("000000")) {
                problem = Optional.of("000000 is the old universal PIN, which anyone knows.");
            }
            if (problem.isPresent()) {
                throw ApiError.badInput("new", "", problem.get(), "Choose six digits, not 000000.");
            }
            PinGuard.Outcome outcome = pins.open(ctx.ip(), current);
            if (!(outcome instanceof PinGuard.Opened opened)) {
                throw refusal(outcome);
            }
            device.changePin(next);
            pins.closeAllBut(opened.token());
            LOG.info("the PIN was changed from {}", ctx.ip());
            ctx.header("Set-Cookie", SESSION_COOKIE + "=" + opened.token() + "; Path=/api; HttpOnly; "
                    + "SameSite=Strict");
            ctx.status(HttpStatus.NO_CONTENT);
        }

        private static ApiError refusal(PinGuard.Outcome outcome) {
            if (outcome instanceof PinGuard.Waiting waiting) {
                return ApiError.tooManyTries(waiting.seconds());
            }
            return ApiError.wrongPin(((PinGuard.Wrong) outcome).waitSeconds());
        }

        private static String openApiDocument() {
            try (InputStream in = WebServer.class.getResourceAsStream("openapi.yaml")) {
                if (in == null) {
                    throw new IllegalStateException("openapi.yaml is missing from the jar");
                }
                return JSON.writeValueAsString(new YAMLMapper().readTree(in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static boolean sameOrigin(String origin, String host) {
        try {
            URI uri = URI.create(origin);
            String authority = uri.getAuthority();
            return authority != null && authority.equalsIgnoreCase(host);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void securityHeaders(Context ctx) {
        ctx.header("Content-Security-Policy", SECURITY_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
        if (ctx.path().startsWith("/api/")) {
            ctx.header("Cache-Control", "no-store");
        }
    }

    private static void json(Context ctx, ObjectNode body) {
        json(ctx, HttpStatus.OK, body);
    }

    private static void json(Context ctx, HttpStatus status, ObjectNode body) {
        ctx.status(status).contentType("application/json").result(body.toString());
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
