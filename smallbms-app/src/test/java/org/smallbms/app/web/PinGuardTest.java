package org.smallbms.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** SET-01: sessions from the PIN and the waits after wrong PINs, on a wall clock the test moves. */
class PinGuardTest {

    private static final String PIN = "482913";
    private final AtomicLong nanos = new AtomicLong(1_000);
    private final PinGuard guard = new PinGuard(PIN::equals, nanos::get);

    private void later(Duration d) {
        nanos.addAndGet(d.toNanos());
    }

    @Test
    @DisplayName("SET-01 the right PIN opens a session whose token is valid until it is closed")
    void rightPin_opensSession() {
        PinGuard.Outcome outcome = guard.open("a", PIN);

        assertThat(outcome).isInstanceOf(PinGuard.Opened.class);
        String token = ((PinGuard.Opened) outcome).token();
        assertThat(token).hasSizeGreaterThanOrEqualTo(40);
        assertThat(guard.valid(token)).isTrue();
        assertThat(guard.valid("guess")).isFalse();
        assertThat(guard.valid(null)).isFalse();
        guard.close(token);
        assertThat(guard.valid(token)).isFalse();
    }

    @Test
    @DisplayName("SET-01 a session ends after 30 minutes unused; use keeps it alive")
    void session_endsWhenIdle() {
        String token = ((PinGuard.Opened) guard.open("a", PIN)).token();
        later(Duration.ofMinutes(29));
        assertThat(guard.valid(token)).isTrue();
        later(Duration.ofMinutes(29));
        assertThat(guard.valid(token)).isTrue();
        later(Duration.ofMinutes(31));
        assertThat(guard.valid(token)).isFalse();
    }

    @Test
    @DisplayName("SET-01 two wrong PINs cost nothing; from the third the client waits 5 s, doubling to 15 minutes")
    void wrongPins_growingWaits() {
        assertThat(guard.open("a", "000001")).isEqualTo(new PinGuard.Wrong(Optional.empty()));
        assertThat(guard.open("a", "000001")).isEqualTo(new PinGuard.Wrong(Optional.empty()));
        assertThat(guard.open("a", "000001")).isEqualTo(new PinGuard.Wrong(Optional.of(5L)));
        long[] expected = {10, 20, 40, 80, 160, 320, 640, 900, 900};
        for (long wait : expected) {
            later(Duration.ofSeconds(1));
            assertThat(guard.open("a", PIN)).as("waiting: the PIN is not checked").isInstanceOf(
                    PinGuard.Waiting.class);
            later(Duration.ofSeconds(900));
            assertThat(guard.open("a", "000001")).isEqualTo(new PinGuard.Wrong(Optional.of(wait)));
        }
    }

    @Test
    @DisplayName("SET-01 while a client waits even the right PIN is refused, unchecked; after the wait it opens a "
            + "session and clears the count")
    void waiting_refusesEvenTheRightPin() {
        for (int i = 0; i < 3; i++) {
            guard.open("a", "999999");
        }
        later(Duration.ofSeconds(2));
        assertThat(guard.open("a", PIN)).isEqualTo(new PinGuard.Waiting(3));
        later(Duration.ofSeconds(3));
        assertThat(guard.open("a", PIN)).isInstanceOf(PinGuard.Opened.class);
        assertThat(guard.open("a", "999999")).isEqualTo(new PinGuard.Wrong(Optional.empty()));
    }

    @Test
    @DisplayName("SET-01 the waits are per client: another client is not held up")
    void waits_perClient() {
        for (int i = 0; i < 3; i++) {
            guard.open("a", "999999");
        }
        assertThat(guard.open("b", PIN)).isInstanceOf(PinGuard.Opened.class);
    }

    @Test
    @DisplayName("SET-01 after a PIN change only the session that made it stays open")
    void closeAllBut_keepsOne() {
        String one = ((PinGuard.Opened) guard.open("a", PIN)).token();
        String two = ((PinGuard.Opened) guard.open("b", PIN)).token();

        guard.closeAllBut(two);

        assertThat(guard.valid(one)).isFalse();
        assertThat(guard.valid(two)).isTrue();
    }
}
