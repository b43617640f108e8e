package org.smallbms.app.vedirect;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smallbms.app.runtime.Reply;
import org.smallbms.app.runtime.Request;
import org.smallbms.app.runtime.Snapshot;
import org.smallbms.core.bank.SystemVoltage;
import org.smallbms.core.bms.Command;
import org.smallbms.core.settings.Setting;

/**
 * One VE.Direct HEX conversation, for one connection: each line in, the frames that answer it out. Reads the latest
 * snapshot; every change is a request to the device's queue, answered once the control loop has applied it (the core
 * checks it: a refused value changes nothing). One thread answers frames and one asks for changes.
 */
public final class HexSession {

    /** Get and set reply flags (BMV HEX Rev 6). */
    public static final int FLAG_UNKNOWN_ID = 0x01;
    public static final int FLAG_NOT_SUPPORTED = 0x02;
    public static final int FLAG_PARAMETER_ERROR = 0x04;

    private static final Logger LOG = LoggerFactory.getLogger(HexSession.class);
    private static final int LOG_LINES_PER_SECOND = 5;
    private static final int PING = 0x1;
    private static final int APP_VERSION = 0x3;
    private static final int PRODUCT_ID = 0x4;
    private static final int RESTART = 0x6;
    private static final int GET = 0x7;
    private static final int SET = 0x8;
    private static final int ASYNC = 0xA;

    private final Supplier<Snapshot> latest;
    private final Function<Request, CompletableFuture<Reply>> submit;
    private final Duration patience;
    private final String peer;
    private final Map<Integer, byte[]> lastSent = new HashMap<>();
    private long logWindowStart = System.nanoTime();
    private int loggedInWindow;
    private long leftOut;

    /**
     * @param latest the device's latest snapshot
     * @param submit the device's request queue
     * @param patience how long a set waits for the control loop to apply it
     * @param peer who is on the other end, for the log
     */
    public HexSession(Supplier<Snapshot> latest, Function<Request, CompletableFuture<Reply>> submit,
            Duration patience, String peer) {
        this.latest = Objects.requireNonNull(latest, "latest");
        this.submit = Objects.requireNonNull(submit, "submit");
        this.patience = Objects.requireNonNull(patience, "patience");
        this.peer = Objects.requireNonNull(peer, "peer");
    }

    /**
     * The answer to one line (from its {@code ':'}, without the newline): none, one frame, or the framing error.
     * Never throws for what a client sends.
     */
    public Optional<HexFrame> answer(CharSequence line) {
        HexFrame.Parsed parsed = HexFrame.parse(line);
        if (parsed instanceof HexFrame.Malformed malformed) {
            log("VE.Direct {}: framing error, answered 0xAAAA: {}", peer, malformed.reason());
            return Optional.of(HexFrame.FRAMING_ERROR);
        }
        return answer(((HexFrame.Frame) parsed).frame());
    }

    /** The answer to one well-formed frame; empty where the protocol gives none. */
    public Optional<HexFrame> answer(HexFrame frame) {
        return switch (frame.command()) {
            case PING -> Optional.of(word(HexFrame.Response.PING, Registers.APP_VERSION));
            case APP_VERSION -> Optional.of(word(HexFrame.Response.DONE, Registers.APP_VERSION));
            case PRODUCT_ID -> Optional.of(word(HexFrame.Response.DONE, Registers.PRODUCT_ID));
            case RESTART -> {
                log("VE.Direct {}: restart asked; a virtual device has nothing to restart", peer);
                yield Optional.empty();
            }
            case GET -> Optional.of(get(frame));
            case SET -> Optional.of(set(frame));
            case ASYNC -> Optional.empty();
            default -> {
                log("VE.Direct {}: unknown command {}, answered 'unknown'", peer, frame.command());
                yield Optional.of(new HexFrame(HexFrame.Response.UNKNOWN, new byte[] {(byte) frame.command()}));
            }
        };
    }

    private HexFrame get(HexFrame frame) {
        if (frame.length() < 3) {
            log("VE.Direct {}: a get needs a register id and flags, got {} bytes", peer, frame.length());
            return HexFrame.FRAMING_ERROR;
        }
        int id = id(frame);
        Optional<Registers.Register> register = Registers.find(id);
        if (register.isEmpty()) {
            log("VE.Direct {}: get of unknown register 0x{}", peer, hex(id));
            return reply(HexFrame.Response.GET, id, FLAG_UNKNOWN_ID, new byte[0]);
        }
        if (register.get().access() instanceof Registers.CommandAccess) {
            return reply(HexFrame.Response.GET, id, FLAG_NOT_SUPPORTED, new byte[0]);
        }
        return reply(HexFrame.Response.GET, id, 0, register.get().encode(latest.get()));
    }

    private HexFrame set(HexFrame frame) {
        if (frame.length() < 3) {
            log("VE.Direct {}: a set needs a register id, flags and a value, got {} bytes", peer,
                    frame.length());
            return HexFrame.FRAMING_ERROR;
        }
        int id = id(frame);
        byte[] value = Arrays.copyOfRange(frame.data(), 3, frame.length());
        Optional<Registers.Register> found = Registers.find(id);
        if (found.isEmpty()) {
            log("VE.Direct {}: set of unknown register 0x{}; nothing changed", peer, hex(id));
            return reply(HexFrame.Response.SET, id, FLAG_UNKNOWN_ID, value);
        }
        Registers.Register register = found.get();
        if (register.access() instanceof Registers.SettingAccess access) {
            return setSetting(register, access, value);
        }
        if (register.access() instanceof Registers.CommandAccess command) {
            Optional<String> refused = carryOut(command.command().get(), register.name());
            return reply(HexFrame.Response.SET, id, refused.isEmpty() ? 0 : FLAG_PARAMETER_ERROR, value);
        }
        log("VE.Direct {}: set of read-only register 0x{} ({}); nothing changed", peer, hex(id), register.name());
        return reply(HexFrame.Response.SET, id, FLAG_NOT_SUPPORTED, register.encode(latest.get()));
    }

    private HexFrame setSetting(Registers.Register register, Registers.SettingAccess access, byte[] value) {
        int id = register.id();
        if (value.length != register.type().bytes()) {
            log("VE.Direct {}: set of 0x{} ({}) with {} bytes, the register takes {}; nothing changed", peer,
                    hex(id), register.name(), value.length, register.type().bytes());
            return reply(HexFrame.Response.SET, id, FLAG_PARAMETER_ERROR, register.encode(latest.get()));
        }
        long asked = register.type().read(value, 0);
        Optional<String> refused = carryOut(new Command.ChangeSetting(access.setting(), access.toSetting(asked)),
                register.name());
        Snapshot now = latest.get();
        if (refused.isEmpty()) {
            return reply(HexFrame.Response.SET, id, 0, register.encode(now));
        }
        // BMV HEX Rev 6: a parameter error returns the nearest valid value; the stored one stays.
        byte[] nearest = new byte[register.type().bytes()];
        register.type().write(access.toRegister(nearest(access.setting(), now.bms().settings().system(),
                access.toSetting(asked))), nearest, 0);
        return reply(HexFrame.Response.SET, id, FLAG_PARAMETER_ERROR, nearest);
    }

    /** The allowed value of {@code setting} nearest to {@code asked}. */
    static int nearest(Setting setting, SystemVoltage system, double asked) {
        int min = setting.minFor(system);
        int max = setting.maxFor(system);
        double clamped = Math.max(min, Math.min(max, asked));
        long steps = Math.round((clamped - min) / setting.step());
        return (int) Math.min(max, min + steps * setting.step());
    }

    /** Submits {@code command} and waits for the loop; empty when accepted, the reason when not. */
    private Optional<String> carryOut(Command command, String what) {
        CompletableFuture<Reply> pending = submit.apply(new Request.ToBms(command));
        try {
            Reply reply = pending.get(patience.toMillis(), TimeUnit.MILLISECONDS);
            if (reply.accepted()) {
                LOG.info("VE.Direct {}: {} done", peer, what);
                return Optional.empty();
            }
            log("VE.Direct {}: {} refused: {}", peer, what, reply.message());
            return Optional.of(reply.message());
        } catch (TimeoutException e) {
            log("VE.Direct {}: {} not answered within {}; the device may still apply it", peer, what, patience);
            return Optional.of("not answered in time");
        } catch (ExecutionException e) {
            log("VE.Direct {}: {} failed: {}", peer, what, e.getCause().toString());
            return Optional.of("failed");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        }
    }

    /**
     * Async messages for the registers that changed since the last call (none the first time: a client reads what it
     * wants first). Each is sent once per change, not per tick.
     */
    public List<HexFrame> changes(Snapshot snapshot) {
        List<HexFrame> out = new ArrayList<>();
        boolean first = lastSent.isEmpty();
        for (Registers.Register register : Registers.all()) {
            if (!register.async()) {
                continue;
            }
            byte[] value = register.encode(snapshot);
            byte[] before = lastSent.put(register.id(), value);
            if (!first && !Arrays.equals(before, value)) {
                out.add(reply(HexFrame.Response.ASYNC, register.id(), 0, value));
            }
        }
        return out;
    }

    /**
     * A log line about this client's input, at most {@link #LOG_LINES_PER_SECOND} a wall second: a client that sends
     * garbage as fast as it can does not fill the log; the count of lines left out follows.
     */
    private synchronized void log(String format, Object... args) {
        long now = System.nanoTime();
        if (now - logWindowStart >= TimeUnit.SECONDS.toNanos(1)) {
            if (leftOut > 0) {
                LOG.warn("VE.Direct {}: {} more lines about this client's input were left out", peer, leftOut);
            }
            logWindowStart = now;
            loggedInWindow = 0;
            leftOut = 0;
        }
        if (loggedInWindow < LOG_LINES_PER_SECOND) {
            loggedInWindow++;
            LOG.warn(format, args);
        } else {
            leftOut++;
        }
    }

    private static int id(HexFrame frame) {
        return frame.byteAt(0) | frame.byteAt(1) << 8;
    }

    private static HexFrame word(int response, int value) {
        return new HexFrame(response, new byte[] {(byte) value, (byte) (value >> 8)});
    }

    private static HexFrame reply(int response, int id, int flags, byte[] value) {
        byte[] data = new byte[3 + value.length];
        data[0] = (byte) id;
        data[1] = (byte) (id >> 8);
        data[2] = (byte) flags;
        System.arraycopy(value, 0, data, 3, value.length);
        return new HexFrame(response, data);
    }

    private static String hex(int id) {
        return String.format("%04X", id);
    }
}
