package org.smallbms.app.vedirect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The reading pace of a line and the TEXT pause, on given times: no clock is read. */
class PaceTest {

    private static final long SECOND = Duration.ofSeconds(1).toNanos();

    @Test
    @DisplayName("VE.Direct flood limit: a line that reads 2 s worth of bytes at once waits 2 s before reading more")
    void took_moreThanTheRate_waits() {
        Pace pace = new Pace(10_000, 0);

        assertThat(pace.took(5_000, 0)).isEqualTo(Duration.ofMillis(500));
        assertThat(pace.took(15_000, 0)).isEqualTo(Duration.ofSeconds(2));
        assertThat(pace.took(0, 2 * SECOND)).isZero();
    }

    @Test
    @DisplayName("VE.Direct flood limit: reading at the rate never waits")
    void took_atTheRate_neverWaits() {
        Pace pace = new Pace(10_000, 0);

        for (int s = 1; s <= 10; s++) {
            assertThat(pace.took(10_000, s * SECOND)).isZero();
        }
    }

    @Test
    @DisplayName("VE.Direct flood limit: a quiet minute does not save up an allowance for a burst")
    void took_afterQuiet_noSavedUpBurst() {
        Pace pace = new Pace(10_000, 0);
        pace.took(10, 0);

        assertThat(pace.took(1, 60 * SECOND)).isZero();
        assertThat(pace.took(20_000, 60 * SECOND)).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    @DisplayName("VE.Direct TEXT pauses for 2 s after a HEX frame, then resumes")
    void textDue_pausedAfterHex() {
        long hexAt = 100 * SECOND;

        assertThat(Pace.textDue(hexAt, hexAt + SECOND, Link.TEXT_PAUSE)).isFalse();
        assertThat(Pace.textDue(hexAt, hexAt + 2 * SECOND, Link.TEXT_PAUSE)).isTrue();
    }
}
