package org.smallbms.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The live device's clock whose speed changes while it runs, on a wall clock the test moves. */
class AdjustableClockTest {

    private static final Instant START = Instant.parse("2026-06-01T12:00:00Z");
    private final AtomicLong nanos = new AtomicLong(5_000);

    private void wallLater(Duration d) {
        nanos.addAndGet(d.toNanos());
    }

    @Test
    @DisplayName("a speed change takes effect from the device time it is made at: the device never jumps")
    void speedChange_noJump() {
        AdjustableClock clock = new AdjustableClock(START, new AdjustableClock.Speed(60), nanos::get);
        wallLater(Duration.ofSeconds(10));
        assertThat(clock.now()).isEqualTo(START.plusSeconds(600));

        clock.setSpeed(new AdjustableClock.Speed(1440));
        assertThat(clock.now()).isEqualTo(START.plusSeconds(600));
        wallLater(Duration.ofSeconds(1));
        assertThat(clock.now()).isEqualTo(START.plusSeconds(600 + 1440));
    }

    @Test
    @DisplayName("paused, the device time stands still, and a wait returns early so the loop can notice a stop")
    void paused_standsStill() throws InterruptedException {
        AdjustableClock clock = new AdjustableClock(START, AdjustableClock.Speed.PAUSED, nanos::get);
        wallLater(Duration.ofHours(1));
        assertThat(clock.now()).isEqualTo(START);

        clock.awaitUntil(START.plusSeconds(1));

        assertThat(clock.now()).isEqualTo(START);
        clock.setSpeed(new AdjustableClock.Speed(1));
        wallLater(Duration.ofSeconds(3));
        assertThat(clock.now()).isEqualTo(START.plusSeconds(3));
    }

    @Test
    @DisplayName("as fast as possible, the time moves to each deadline the loop reaches, and on from there at a speed")
    void max_movesToDeadlines() throws InterruptedException {
        AdjustableClock clock = new AdjustableClock(START, AdjustableClock.Speed.MAX, nanos::get);
        clock.awaitUntil(START.plusSeconds(3600));
        assertThat(clock.now()).isEqualTo(START.plusSeconds(3600));

        clock.setSpeed(new AdjustableClock.Speed(2));
        wallLater(Duration.ofSeconds(5));
        assertThat(clock.now()).isEqualTo(START.plusSeconds(3610));
    }

    @Test
    @DisplayName("a speed is 0 (paused), 1 or more, or infinite; it names itself as the API and a person say it")
    void speed_keysAndRange() {
        assertThat(AdjustableClock.Speed.PAUSED.key()).isEqualTo("pause");
        assertThat(AdjustableClock.Speed.MAX.key()).isEqualTo("max");
        assertThat(new AdjustableClock.Speed(1440).key()).isEqualTo("1440");
        assertThat(new AdjustableClock.Speed(1440).describe()).isEqualTo("1440×");
        assertThat(AdjustableClock.Speed.MAX.describe()).isEqualTo("as fast as possible");
        assertThatThrownBy(() -> new AdjustableClock.Speed(0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AdjustableClock.Speed(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
