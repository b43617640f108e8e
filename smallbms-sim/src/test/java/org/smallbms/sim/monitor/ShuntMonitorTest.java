package org.smallbms.sim.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.OptionalDouble;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A SmartShunt's and a BMV-712's readings, as the classic manual's system examples use them (CLS-01). */
class ShuntMonitorTest {

    private static final ShuntMonitor.Settings SETTINGS = new ShuntMonitor.Settings(100, 14.0, 4,
            Duration.ofMinutes(3), 0.99, 10);

    private static ShuntMonitor shunt(double soc) {
        return new ShuntMonitor("shunt", ShuntMonitor.Product.SMART_SHUNT, SETTINGS, null, OptionalDouble.of(soc));
    }

    @Test
    @DisplayName("CLS-01 SmartShunt: 10 A drawn for an hour is 10 Ah consumed and 10 % less SoC; 10 A charged for an "
            + "hour counts 9.9 Ah at the 99 % charge efficiency")
    void coulombCounting_withChargeEfficiency() {
        ShuntMonitor shunt = shunt(80);
        for (int s = 0; s < 3600; s++) {
            shunt.measure(13.1, -10, 1);
        }
        assertThat(shunt.socPercent().getAsDouble()).isCloseTo(70, within(1e-6));
        assertThat(shunt.consumedAmpHours()).isCloseTo(-30, within(1e-6));
        for (int s = 0; s < 3600; s++) {
            shunt.measure(13.3, 10, 1);
        }
        assertThat(shunt.socPercent().getAsDouble()).isCloseTo(79.9, within(1e-6));
        ShuntMonitor.History history = shunt.history();
        assertThat(history.deepestDischargeAmpHours()).isCloseTo(-30, within(1e-6));
        assertThat(history.cumulativeAmpHoursDrawn()).isCloseTo(-10, within(1e-6));
        assertThat(history.minVolts()).isEqualTo(13.1);
        assertThat(history.maxVolts()).isEqualTo(13.3);
    }

    @Test
    @DisplayName("CLS-01 SmartShunt: time to go counts to the discharge floor at the present current, and is empty "
            + "while charging or idle")
    void timeToGo_toTheFloor() {
        ShuntMonitor shunt = shunt(60);
        shunt.measure(13.1, -5, 1);
        // (60 % - 10 %) of 100 Ah at 5 A: 10 h.
        assertThat(shunt.timeToGoSeconds().getAsLong()).isBetween(35_990L, 36_000L);
        shunt.measure(13.3, 3, 1);
        assertThat(shunt.timeToGoSeconds()).isEmpty();
        shunt.measure(13.2, -0.05, 1);
        assertThat(shunt.timeToGoSeconds()).isEmpty();
    }

    @Test
    @DisplayName("CLS-01 SmartShunt: charged voltage and tail current held for the charged detection time "
            + "synchronise the SoC to 100 % once a charge; an unknown SoC becomes known")
    void synchronisation_afterChargedDetectionTime() {
        ShuntMonitor shunt = new ShuntMonitor("shunt", ShuntMonitor.Product.SMART_SHUNT, SETTINGS, null,
                OptionalDouble.empty());
        assertThat(shunt.socPercent()).isEmpty();
        int synced = 0;
        for (int s = 0; s < 179; s++) {
            shunt.measure(14.1, 3, 1);
        }
        assertThat(shunt.socPercent()).isEmpty();
        for (int s = 0; s < 600; s++) {
            if (shunt.measure(14.1, 3, 1) == ShuntMonitor.Change.SYNCHRONISED) {
                synced++;
            }
        }
        assertThat(synced).isOne();
        assertThat(shunt.socPercent().getAsDouble()).isEqualTo(100);
        assertThat(shunt.consumedAmpHours()).isZero();
        assertThat(shunt.history().synchronisations()).isOne();
        // A current above the tail current breaks the charged condition: no synchronisation.
        ShuntMonitor busy = shunt(50);
        for (int s = 0; s < 600; s++) {
            busy.measure(14.1, 6, 1);
        }
        assertThat(busy.history().synchronisations()).isZero();
    }

    @Test
    @DisplayName("CLS-01 §3.1 BMV-712: its SoC relay opens below its set level and closes again only at its clear "
            + "level")
    void relay_opensBelowClosesAbove() {
        ShuntMonitor bmv = new ShuntMonitor("bmv", ShuntMonitor.Product.BMV_712, SETTINGS,
                new ShuntMonitor.Relay(50, 90), OptionalDouble.of(51));
        assertThat(bmv.relayClosed()).isTrue();
        ShuntMonitor.Change change = ShuntMonitor.Change.NONE;
        while (change != ShuntMonitor.Change.RELAY_OPENED) {
            change = bmv.measure(13.0, -10, 1);
        }
        assertThat(bmv.socPercent().getAsDouble()).isLessThan(50).isGreaterThan(49.9);
        for (int s = 0; s < 3600 * 3; s++) {
            bmv.measure(13.4, 10, 1);
        }
        assertThat(bmv.socPercent().getAsDouble()).isBetween(70.0, 90.0);
        assertThat(bmv.relayClosed()).isFalse();
        while (change != ShuntMonitor.Change.RELAY_CLOSED) {
            change = bmv.measure(13.4, 10, 1);
        }
        assertThat(bmv.socPercent().getAsDouble()).isGreaterThanOrEqualTo(90);
    }

    @Test
    @DisplayName("Bad input: a relay that closes below where it opens, or a relay on a SmartShunt, is refused")
    void badRelay_refused() {
        assertThatThrownBy(() -> new ShuntMonitor.Relay(90, 50)).hasMessageContaining("closes again above");
        assertThatThrownBy(() -> new ShuntMonitor("s", ShuntMonitor.Product.SMART_SHUNT, SETTINGS,
                new ShuntMonitor.Relay(50, 90), OptionalDouble.of(50))).hasMessageContaining("has no relay");
    }
}
