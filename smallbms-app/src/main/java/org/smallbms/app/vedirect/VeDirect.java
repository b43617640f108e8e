package org.smallbms.app.vedirect;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smallbms.app.runtime.Reply;
import org.smallbms.app.runtime.Request;
import org.smallbms.app.runtime.Snapshot;

/**
 * The device on VE.Direct: a TCP port (one session per connection, at most {@link #MAX_CONNECTIONS} at once) or a
 * serial device (a tty or a pty, opened as a file: no native library). Takes the device's latest snapshot and its
 * request queue, nothing else.
 */
public final class VeDirect implements AutoCloseable {

    /** The loopback address: the default, this machine only. */
    public static final String LOOPBACK = "127.0.0.1";
    /** More connections than this are closed at once, with a log line: a client cannot open threads without end. */
    public static final int MAX_CONNECTIONS = 8;
    private static final Logger LOG = LoggerFactory.getLogger(VeDirect.class);

    /** The device as VE.Direct needs it: its latest snapshot and its request queue. */
    public record Port(Supplier<Snapshot> latest, Function<Request, CompletableFuture<Reply>> submit) {
        public Port {
            Objects.requireNonNull(latest, "latest");
            Objects.requireNonNull(submit, "submit");
        }
    }

    /** The transport could not be opened; the message says what and why. */
    public static final class VeDirectException extends Exception {
        private static final long serialVersionUID = 1L;

        VeDirectException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final Port port;
    private final ServerSocket server;
    private final Set<Link> links = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    private volatile boolean closed;

    private VeDirect(Port port, ServerSocket server) {
        this.port = port;
        this.server = server;
        this.acceptor = server == null ? null : new Thread(this::accept, "vedirect-accept");
    }

    /** Listens on {@code bind}:{@code tcpPort} (0 picks a free port). */
    public static VeDirect tcp(Port port, String bind, int tcpPort) throws VeDirectException {
        ServerSocket server = null;
        try {
            server = new ServerSocket();
            server.bind(new InetSocketAddress(InetAddress.getByName(bind), tcpPort));
        } catch (IOException | SecurityException e) {
            closeQuietly(server);
            throw new VeDirectException("cannot listen for VE.Direct on " + bind + ":" + tcpPort + ": "
                    + e.getMessage() + ". Give another --vedirect-port (0 picks a free one).", e);
        }
        VeDirect veDirect = new VeDirect(port, server);
        veDirect.acceptor.setDaemon(true);
        veDirect.acceptor.start();
        LOG.info("VE.Direct listens on {}:{}", bind, server.getLocalPort());
        return veDirect;
    }

    /**
     * Opens the serial device {@code tty} for reading and writing. A real serial port is first put into raw mode at
     * 19200 baud with {@code stty -F TTY raw -echo 19200}; where stty is missing or refuses (a pty in raw mode
     * already), the log says so and the device is used as it is.
     */
    public static VeDirect tty(Port port, Path tty) throws VeDirectException {
        rawMode(tty);
        InputStream in = null;
        OutputStream out;
        try {
            in = new FileInputStream(tty.toFile());
            out = new FileOutputStream(tty.toFile());
        } catch (IOException | SecurityException e) {
            closeQuietly(in);
            throw new VeDirectException("cannot open --vedirect-tty " + tty + " for reading and writing: "
                    + e.getMessage() + ". Give a serial device or pty you may use.", e);
        }
        VeDirect veDirect = new VeDirect(port, null);
        InputStream opened = in;
        Link link = new Link(tty.toString(), in, out, port.latest(), port.submit(), () -> {
            closeQuietly(opened);
            closeQuietly(out);
        });
        veDirect.links.add(link);
        link.start();
        LOG.info("VE.Direct on {}", tty);
        return veDirect;
    }

    private static void rawMode(Path tty) {
        try {
            Process stty = new ProcessBuilder("stty", "-F", tty.toString(), "raw", "-echo", "19200")
                    .redirectErrorStream(true).start();
            String said = new String(stty.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                    .strip();
            if (!stty.waitFor(10, TimeUnit.SECONDS) || stty.exitValue() != 0) {
                LOG.warn("VE.Direct: stty could not set {} to raw 19200 baud ({}); using it as it is", tty, said);
            }
        } catch (IOException e) {
            LOG.warn("VE.Direct: stty could not be run for {} ({}); using it as it is", tty, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The TCP port it listens on; -1 on a serial device. */
    public int port() {
        return server == null ? -1 : server.getLocalPort();
    }

    private void accept() {
        while (!closed) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("VE.Direct: accepting a connection failed: {}", e.getMessage());
                }
                continue;
            }
            String peer = socket.getRemoteSocketAddress().toString();
            if (links.size() >= MAX_CONNECTIONS) {
                LOG.warn("VE.Direct {}: refused, {} connections are open already", peer, MAX_CONNECTIONS);
                closeQuietly(socket);
                continue;
            }
            try {
                socket.setTcpNoDelay(true);
                Link[] self = new Link[1];
                self[0] = new Link(peer, socket.getInputStream(), socket.getOutputStream(), port.latest(),
                        port.submit(), () -> {
                            closeQuietly(socket);
                            links.remove(self[0]);
                            LOG.info("VE.Direct {}: closed", peer);
                        });
                links.add(self[0]);
                LOG.info("VE.Direct {}: connected", peer);
                self[0].start();
            } catch (IOException e) {
                LOG.warn("VE.Direct {}: the connection failed at once: {}", peer, e.getMessage());
                closeQuietly(socket);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(server);
        for (Link link : links) {
            link.close();
        }
        links.clear();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.debug("closing: {}", e.getMessage());
        }
    }
}
