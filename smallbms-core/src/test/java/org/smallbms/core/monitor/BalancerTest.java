package org.smallbms.core.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.smallbms.core.bank.Bank;

class BalancerTest {

    static final Instant FULL_CHARGE = Instant.parse("2026-04-01T12:00:00Z");
    static final TestBank BANK = TestBank.ONE_12V_100AH;

    static Measurement measured(int lowestCell, int highestCell, int milliamps) {
        return Measurement.of(BANK.frame(lowestCell, highestCell, 250, milliamps), BANK.bank()).orElseThrow();
    }

    static BalancerStatus statusAfterFullCharge(int spreadMillivolts, Duration later, Measurement now) {
        BalancerState judged = Balancer.judge(FULL_CHARGE, measured(3_500, 3_500 + spreadMillivolts, 1_000),
                BANK.bank());
        return Balancer.status(judged, FULL_CHARGE.plus(later), true, Optional.of(now), Optional.of(BANK.bank()));
    }

    @Test
    @DisplayName("BAL-01 a cell spread of at most 20 mV at the full charge is Balanced, above it Imbalanced")
    void status_judgedAtFullCharge() {
        Measurement resting = measured(3_300, 3_300, -2_000);
        assertThat(statusAfterFullCharge(20, Duration.ofHours(1), resting)).isEqualTo(BalancerStatus.BALANCED);
        assertThat(statusAfterFullCharge(21, Duration.ofHours(1), resting)).isEqualTo(BalancerStatus.IMBALANCED);
        assertThat(BalancerStatus.IMBALANCED.reason()).contains("Start a full charge cycle");
    }

    @Test
    @DisplayName("BAL-01 Balancing while charging with a cell at or above 3.45 V and a spread above 20 mV")
    void status_chargingHighSpread_isBalancing() {
        assertThat(statusAfterFullCharge(5, Duration.ofHours(1), measured(3_420, 3_450, 5_000)))
                .isEqualTo(BalancerStatus.BALANCING);
        assertThat(statusAfterFullCharge(5, Duration.ofHours(1), measured(3_400, 3_449, 5_000)))
                .as("below 3.45 V the balancers do not work").isEqualTo(BalancerStatus.BALANCED);
        assertThat(statusAfterFullCharge(5, Duration.ofHours(1), measured(3_420, 3_450, -5_000)))
                .as("not charging").isEqualTo(BalancerStatus.BALANCED);
        assertThat(BalancerStatus.BALANCING.label()).isEqualTo("Balancing");
    }

    @Test
    @DisplayName("BAL-01 Unknown when the last full charge is more than 30 days ago")
    void status_fullChargeOlderThan30Days_isUnknown() {
        Measurement resting = measured(3_300, 3_300, 0);
        assertThat(statusAfterFullCharge(5, Duration.ofDays(30), resting)).isEqualTo(BalancerStatus.BALANCED);
        assertThat(statusAfterFullCharge(5, Duration.ofDays(30).plusSeconds(1), resting))
                .isEqualTo(BalancerStatus.UNKNOWN_NOT_FULLY_CHARGED_FOR_30_DAYS);
        assertThat(BalancerStatus.UNKNOWN_NOT_FULLY_CHARGED_FOR_30_DAYS.label()).isEqualTo("Unknown");
        assertThat(BalancerStatus.UNKNOWN_NOT_FULLY_CHARGED_FOR_30_DAYS.reason()).contains("more than 30 days");
    }

    @Test
    @DisplayName("BAL-01 Unknown when a battery was added after the last full charge, or SoC is unknown, or never "
            + "fully charged")
    void status_unknownReasons() {
        BalancerState judged = Balancer.judge(FULL_CHARGE, measured(3_500, 3_505, 1_000), BANK.bank());
        TestBank grown = BANK.withOneMoreString();
        Bank grownBank = grown.bank();
        Measurement grownNow = Measurement.of(grown.frame(3_300, 0), grownBank).orElseThrow();
        Instant later = FULL_CHARGE.plusSeconds(60);
        assertThat(Balancer.status(judged, later, true, Optional.of(grownNow), Optional.of(grownBank)))
                .isEqualTo(BalancerStatus.UNKNOWN_BATTERY_ADDED);
        assertThat(Balancer.status(judged, later, false, Optional.empty(), Optional.of(BANK.bank())))
                .isEqualTo(BalancerStatus.UNKNOWN_SOC);
        assertThat(Balancer.status(BalancerState.NOT_JUDGED, later, true, Optional.empty(), Optional.empty()))
                .isEqualTo(BalancerStatus.UNKNOWN_NEVER_FULLY_CHARGED);
        assertThat(BalancerStatus.UNKNOWN_BATTERY_ADDED.reason()).contains("just been added");
        assertThat(BalancerStatus.UNKNOWN_SOC.reason()).contains("State of charge is unknown");
    }
}
