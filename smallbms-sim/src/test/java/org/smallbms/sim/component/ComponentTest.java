package org.smallbms.sim.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.smallbms.core.protection.Outputs;

class ComponentTest {

    private final List<String> reports = new ArrayList<>();

    private Bus bus(double volts, double seconds) {
        return new Bus(12 * 3600, seconds, volts, volts, 0.002, 1, (n, v, c) -> reports.add(n + " " + v));
    }

    @Test
    @DisplayName("SYS-01 Appendix A: each input follows its output only through the link the manual names for it")
    void link_followsOutputOnlyWithTheRightCable() {
        assertThat(follows(Link.DIRECT, ControlInput.REMOTE_H)).isTrue();
        assertThat(follows(Link.VE_DIRECT_NON_INVERTING_CABLE, ControlInput.VE_DIRECT)).isTrue();
        assertThat(follows(Link.INVERTING_CABLE, ControlInput.ACTIVE_LOW)).isTrue();
        assertThat(follows(Link.CYRIX_LI_CHARGE, ControlInput.NONE)).isTrue();
        // the wrong cable: an MPPT without its VE.Direct cable runs whatever the BMS says, a VE.Bus inverter on a
        // direct wire never runs
        assertThat(Link.DIRECT.enables(false, ControlInput.VE_DIRECT)).isTrue();
        assertThat(Link.DIRECT.enables(true, ControlInput.ACTIVE_LOW)).isFalse();
        assertThat(Link.INVERTING_CABLE.enables(true, ControlInput.REMOTE_H)).isFalse();
    }

    @Test
    @DisplayName("SYS-01 Appendix A: every input follows its output through the link Appendix A names for it; a "
            + "Skylla TG or Skylla-i follows only through its own cable, and keeps charging on a bare wire")
    void forInput_theNamedLinkFollows_skyllasOnlyWithTheirCables() {
        for (ControlInput input : ControlInput.values()) {
            for (Role role : List.of(Role.CHARGER, Role.LOAD)) {
                assertThat(follows(Link.forInput(input, role), input)).as("%s %s", input, role).isTrue();
            }
        }
        assertThat(Link.forInput(ControlInput.SKYLLA_TG, Role.CHARGER).articleNumber()).isEqualTo("ASS030550200");
        assertThat(Link.forInput(ControlInput.SKYLLA_I, Role.CHARGER).articleNumber()).isEqualTo("ASS030550400");
        for (Link link : List.of(Link.DIRECT, Link.VE_DIRECT_NON_INVERTING_CABLE, Link.INVERTING_CABLE)) {
            assertThat(follows(link, ControlInput.SKYLLA_TG)).isFalse();
            assertThat(link.enables(false, ControlInput.SKYLLA_I)).isTrue();
        }
        assertThat(follows(Link.SKYLLA_I_CABLE, ControlInput.SKYLLA_TG)).isFalse();
        assertThat(follows(Link.NON_INVERTING_CABLE, ControlInput.SKYLLA_I)).isFalse();
        assertThat(new Wiring(BmsOutput.CHARGE_DISCONNECT, Link.NON_INVERTING_CABLE).controlAmps(0.001))
                .isEqualTo(Link.SKYLLA_CABLE_AMPS);
    }

    private static boolean follows(Link link, ControlInput input) {
        return link.enables(true, input) && !link.enables(false, input);
    }

    @Test
    @DisplayName("OUT-01 an output that is high sits 0.1 V below Vbat; OUT-02 the ratings are 0.5, 1 and 0.5 A")
    void output_highIsVbatMinusTenthVolt_andRated() {
        assertThat(BmsOutput.highVolts(13.2)).isCloseTo(13.1, within(1e-12));
        assertThat(BmsOutput.CHARGE_DISCONNECT.ratingAmps()).isEqualTo(0.5);
        assertThat(BmsOutput.LOAD_DISCONNECT.ratingAmps()).isEqualTo(1.0);
        assertThat(BmsOutput.PRE_ALARM.ratingAmps()).isEqualTo(0.5);
        Wiring wiring = new Wiring(BmsOutput.LOAD_DISCONNECT, Link.DIRECT);
        assertThat(wiring.enables(Outputs.of(true, false, false), ControlInput.REMOTE_H)).isFalse();
        assertThat(wiring.enables(Outputs.of(false, true, false), ControlInput.REMOTE_H)).isTrue();
    }

    @Test
    @DisplayName("SYS-03 a BatteryProtect disconnects its loads after 90 s below its own threshold, whatever its "
            + "remote H says, and reconnects above its reconnect voltage")
    void batteryProtect_ownThreshold_disconnectsAfterDelay() {
        BatteryProtect bp = new BatteryProtect("bp", Demand.of(Draw.amps(5)), 11.5, 12.5, 65);

        assertThat(bp.amps(bus(11.4, 89), true, 0)).isEqualTo(-5);
        assertThat(bp.amps(bus(11.4, 1), true, 0)).isZero();
        assertThat(bp.undervoltage()).isTrue();
        assertThat(bp.amps(bus(12.2, 1), true, 0)).isZero();
        assertThat(bp.amps(bus(12.6, 1), true, 0)).isEqualTo(-5);
        assertThat(bp.amps(bus(13, 1), false, 0)).isZero();
        assertThat(reports).containsExactly("bp disconnected", "bp reconnected");
    }

    @Test
    @DisplayName("a charger gives its current in bulk, holds the absorption voltage, then floats after the tail")
    void charger_bulkAbsorptionFloat() {
        Charger charger = new Charger("c", "Smart IP43", ControlInput.REMOTE_H, 30, ChargeProfile.lithium(1, 30));

        assertThat(charger.amps(bus(13.2, 1), true, 0)).isEqualTo(30);
        assertThat(charger.phase()).isEqualTo(ChargingDevice.Phase.BULK);
        // at 14.19 V open-circuit only 5 A more brings the bus to 14.2 V: absorption, then the tail ends it
        Bus nearlyFull = new Bus(0, 1, 14.19, 14.19, 0.002, 0, (n, v, c) -> { });
        assertThat(charger.amps(nearlyFull, true, 0)).isCloseTo(5, within(1e-9));
        assertThat(charger.phase()).isEqualTo(ChargingDevice.Phase.ABSORPTION);
        Bus full = new Bus(0, 1, 14.1996, 14.1996, 0.002, 0, (n, v, c) -> { });
        charger.amps(full, true, 0);
        assertThat(charger.phase()).isEqualTo(ChargingDevice.Phase.FLOAT);
        assertThat(charger.amps(full, true, 0)).isZero();
        assertThat(charger.amps(bus(13.2, 1), false, 0)).isZero();
        assertThat(charger.phase()).isEqualTo(ChargingDevice.Phase.BULK);
    }

    @Test
    @DisplayName("an inverter turns its AC demand into a DC draw through its efficiency, plus its no-load power")
    void inverter_acToDc() {
        Inverter inverter = new Inverter("i", Inverter.Kind.VE_DIRECT, 300, 700, 0.9, 6,
                Demand.of(new Draw(Draw.Kind.WATTS, 180, List.of())));

        assertThat(inverter.amps(bus(12, 1), true, 0)).isCloseTo(-(180 / 0.9 + 6) / 12, within(1e-12));
        assertThat(inverter.amps(bus(12, 1), false, 0)).isZero();
        assertThat(inverter.pulseAmps(12.8)).isCloseTo((700 / 0.9 + 6) / 12.8, within(1e-12));
    }

    @Test
    @DisplayName("the sun is up by day only, higher in June than in December, and the same seed gives the same clouds")
    void sun_dayAndSeason() {
        Sun sun = new Sun(52, 1);

        assertThat(sun.clearSky(172, 0)).isZero();
        assertThat(sun.clearSky(172, 12)).isGreaterThan(sun.clearSky(355, 12)).isGreaterThan(0);
        assertThat(sun.cloudFactor(3, 10, 0.5)).isEqualTo(new Sun(52, 1).cloudFactor(3, 10, 0.5))
                .isBetween(0.5, 0.65);
        assertThat(sun.cloudFactor(3, 10, 0)).isEqualTo(1);
    }

    @Test
    @DisplayName("daily windows run over midnight when they end before they start")
    void dailyWindow_overMidnight() {
        DailyWindow night = DailyWindow.parse("22:00-06:00");

        assertThat(night.contains(23 * 3600)).isTrue();
        assertThat(night.contains(5 * 3600)).isTrue();
        assertThat(night.contains(12 * 3600)).isFalse();
        assertThat(night.toString()).isEqualTo("22:00-06:00");
    }
}
