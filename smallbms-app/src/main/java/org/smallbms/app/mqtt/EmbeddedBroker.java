package org.smallbms.app.mqtt;

import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import io.moquette.broker.security.IAuthenticator;
import io.moquette.broker.security.PermitAllAuthorizatorPolicy;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * The MQTT broker the device brings along (Moquette), so a client finds it with nothing else installed: on loopback
 * without credentials, beyond loopback only with a user and password. It keeps nothing on disk and reports to no
 * service. Mutable: the running server.
 */
public final class EmbeddedBroker implements AutoCloseable {

    /** The MQTT port. */
    public static final int DEFAULT_PORT = 1883;

    /** Tries at a free port: another process can take the one found before the broker binds it. */
    private static final int FREE_PORT_TRIES = 5;

    private final Server server;
    private final String host;
    private final int port;

    private EmbeddedBroker(Server server, String host, int port) {
        this.server = server;
        this.host = host;
        this.port = port;
    }

    /** The broker cannot listen where asked: the message says where and why. */
    public static final class BrokerException extends Exception {
        private static final long serialVersionUID = 1L;

        public BrokerException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Starts listening.
     *
     * @param host the address to listen on
     * @param port the port, 0 for a free one
     * @param user with {@code password}, the only client allowed in; empty lets anyone on loopback in
     * @param password its password
     */
    public static EmbeddedBroker start(String host, int port, Optional<String> user, Optional<String> password)
            throws BrokerException {
        if (user.isPresent() != password.isPresent()) {
            throw new IllegalArgumentException("give both a user and a password, or neither");
        }
        if (port != 0) {
            return startOn(host, port, user, password);
        }
        // Moquette reports the port it was given, not the one bound: find a free one first.
        for (int attempt = 1; ; attempt++) {
            try {
                return startOn(host, freePort(host), user, password);
            } catch (BrokerException e) {
                if (attempt == FREE_PORT_TRIES) {
                    throw e;
                }
            }
        }
    }

    private static int freePort(String host) throws BrokerException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName(host))) {
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new BrokerException("the MQTT broker cannot listen on " + host + ": " + e.getMessage()
                    + " (--mqtt-bind names an address of this machine)", e);
        }
    }

    private static EmbeddedBroker startOn(String host, int port, Optional<String> user, Optional<String> password)
            throws BrokerException {
        // The keys of Moquette's configuration file (moquette.conf); its named constants are deprecated.
        Properties p = new Properties();
        p.setProperty("host", host);
        p.setProperty("port", String.valueOf(port));
        p.setProperty("websocket_port", "disabled");
        p.setProperty("persistence_enabled", "false");
        p.setProperty("allow_anonymous", String.valueOf(user.isEmpty()));
        p.setProperty("telemetry_enabled", "false");
        // mosquitto_sub and mosquitto_pub, among others, let the broker name them.
        p.setProperty("allow_zero_byte_client_id", "true");
        p.setProperty("use_metrics", "false");
        p.setProperty("use_bugsnag", "false");
        IAuthenticator authenticator = user.isEmpty() ? (client, name, secret) -> true
                : (client, name, secret) -> user.get().equals(name) && secret != null && MessageDigest.isEqual(
                        password.get().getBytes(StandardCharsets.UTF_8), secret);
        Server server = new Server();
        try {
            server.startServer(new MemoryConfig(p), List.of(), null, authenticator,
                    new PermitAllAuthorizatorPolicy());
        } catch (IOException | RuntimeException e) {
            server.stopServer();
            throw new BrokerException("the MQTT broker cannot listen on " + host + ":" + port + ": "
                    + e.getMessage() + " (another broker on it? --mqtt-port picks another port, 0 a free one; "
                    + "--mqtt-url uses a broker that runs already)", e);
        }
        if (stillFree(host, port)) {
            // Moquette logs a port it could not bind and carries on: a port free after the start was not taken.
            server.stopServer();
            throw new BrokerException("the MQTT broker cannot listen on " + host + ":" + port + ": the port was "
                    + "taken as it started (--mqtt-port picks another port, 0 a free one)", null);
        }
        return new EmbeddedBroker(server, host, port);
    }

    /** Whether nothing listens on {@code host}:{@code port}: it can be bound now. */
    private static boolean stillFree(String host, int port) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(false);
            probe.bind(new java.net.InetSocketAddress(InetAddress.getByName(host), port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The port it listens on. */
    public int port() {
        return port;
    }

    /** The URL a client on this machine connects to. */
    public String url() {
        String local = host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
        return "tcp://" + (local.contains(":") ? "[" + local + "]" : local) + ":" + port();
    }

    @Override
    public void close() {
        server.stopServer();
    }
}
