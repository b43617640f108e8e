package org.smallbms.app.web;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * SET-01: who may change the device. A client opens a session with the PIN and gets a random token for its cookie;
 * a change needs a live session. Wrong PINs are limited per client: the first {@value #FREE_TRIES} wrong PINs in a
 * row cost nothing, from the {@value #FREE_TRIES}rd on the client waits {@link #FIRST_WAIT}, doubling each time up to
 * {@link #LONGEST_WAIT}; while it waits, a PIN it sends is not checked at all. The right PIN clears its count.
 *
 * <p>Sessions and counts live in memory only: a restart asks for the PIN again. A session ends after
 * {@link #IDLE} without use. Both maps are bounded, the oldest entries dropped first, so a flood of clients cannot
 * exhaust memory. Thread-safe.
 */
final class PinGuard {

    /** Wrong PINs in a row a client may send before it has to wait. */
    static final int FREE_TRIES = 3;
    static final Duration FIRST_WAIT = Duration.ofSeconds(5);
    static final Duration LONGEST_WAIT = Duration.ofMinutes(15);
    /** A session unused this long (wall time) ends. */
    static final Duration IDLE = Duration.ofMinutes(30);
    private static final int MAX_SESSIONS = 1_000;
    private static final int MAX_CLIENTS = 10_000;
    private static final int TOKEN_BYTES = 32;

    /** The result of a try: a session, or a refusal with the wait it costs. */
    sealed interface Outcome {
    }

    /** The PIN was right: the session's token. */
    record Opened(String token) implements Outcome {
    }

    /** The PIN was wrong; from now on the client waits {@code waitSeconds}, if present. */
    record Wrong(Optional<Long> waitSeconds) implements Outcome {
    }

    /** The client is waiting: the PIN was not checked. */
    record Waiting(long seconds) implements Outcome {
    }

    /** A client's wrong PINs in a row, and until when (wall nanos) it waits. */
    private record Tries(int wrong, long waitUntil) {
    }

    private final Predicate<String> pinMatches;
    private final LongSupplier nanos;
    private final SecureRandom random = new SecureRandom();
    // Guarded by this.
    private final LinkedHashMap<String, Long> sessions = new LinkedHashMap<>(16, 0.75f, true);
    private final LinkedHashMap<String, Tries> clients = new LinkedHashMap<>();

    /**
     * @param pinMatches whether a PIN is the device's (against its hash)
     * @param nanos the wall clock, monotonic nanoseconds
     */
    PinGuard(Predicate<String> pinMatches, LongSupplier nanos) {
        this.pinMatches = pinMatches;
        this.nanos = nanos;
    }

    /** A try of {@code pin} by {@code client} (its address). */
    Outcome open(String client, String pin) {
        long now = nanos.getAsLong();
        synchronized (this) {
            Tries tries = clients.get(client);
            if (tries != null && tries.waitUntil() - now > 0) {
                return new Waiting(seconds(tries.waitUntil() - now));
            }
        }
        // The slow hash runs outside the lock, so one client's try does not hold up another's.
        boolean right = pinMatches.test(pin);
        synchronized (this) {
            if (right) {
                clients.remove(client);
                String token = token();
                sessions.put(token, now);
                trim(sessions, MAX_SESSIONS);
                return new Opened(token);
            }
            Tries before = clients.remove(client);
            int wrong = before == null ? 1 : before.wrong() + 1;
            long wait = wrong < FREE_TRIES ? 0 : waitNanos(wrong);
            clients.put(client, new Tries(wrong, now + wait));
            trim(clients, MAX_CLIENTS);
            return new Wrong(wait == 0 ? Optional.empty() : Optional.of(seconds(wait)));
        }
    }

    /** Whether {@code token} is a live session; using it keeps it alive. */
    synchronized boolean valid(String token) {
        if (token == null) {
            return false;
        }
        Long lastUse = sessions.get(token);
        long now = nanos.getAsLong();
        if (lastUse == null) {
            return false;
        }
        if (now - lastUse > IDLE.toNanos()) {
            sessions.remove(token);
            return false;
        }
        sessions.put(token, now);
        return true;
    }

    /** Ends the session {@code token}. */
    synchronized void close(String token) {
        if (token != null) {
            sessions.remove(token);
        }
    }

    /** Ends every session but {@code keep}: after a PIN change, the old PIN's other sessions end. */
    synchronized void closeAllBut(String keep) {
        sessions.keySet().removeIf(token -> !token.equals(keep));
    }

    /** The wait after the {@code wrong}th wrong PIN in a row, from the {@value #FREE_TRIES}rd on. */
    static long waitNanos(int wrong) {
        int doublings = Math.min(wrong - FREE_TRIES, 30);
        long wait = FIRST_WAIT.toNanos() << doublings;
        return wait <= 0 ? LONGEST_WAIT.toNanos() : Math.min(wait, LONGEST_WAIT.toNanos());
    }

    private static long seconds(long nanos) {
        return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
    }

    private String token() {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static <V> void trim(Map<String, V> map, int max) {
        var oldest = map.keySet().iterator();
        while (map.size() > max && oldest.hasNext()) {
            oldest.next();
            oldest.remove();
        }
    }
}
