package org.smallbms.sim.cell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CellTest {

    private static final CellModel DEFAULT = CellModel.of(CellParameterFile.defaults());

    private static Cell cell(double soc, double celsius) {
        return new Cell(DEFAULT, CellVariation.NONE, soc, celsius);
    }

    @Test
    void restingCell_atFiftyPercent_readsTheMeanOcvTable() {
        assertThat(cell(0.5, 25).terminalVolts(0)).isCloseTo(3.305, within(1e-9));
        assertThat(cell(0.02, 25).terminalVolts(0)).isCloseTo(2.860, within(1e-9));
        assertThat(cell(0.015, 25).ocvVolts()).isCloseTo((2.738 + 2.860) / 2, within(1e-9));
    }

    @Test
    void ocv_awayFromTwentyFiveDegrees_followsDocvDt() {
        // +0.18 mV/K at 50 % SoC: 10 K warmer is 1.8 mV higher.
        assertThat(DEFAULT.ocvVolts(0.5, 35) - DEFAULT.ocvVolts(0.5, 25)).isCloseTo(0.0018, within(1e-9));
        assertThat(DEFAULT.ocvVolts(0.1, 15) - DEFAULT.ocvVolts(0.1, 25)).isCloseTo(0.0024, within(1e-9));
    }

    @Test
    void step_charging_raisesVoltageAboveOcvAndSocByEta() {
        Cell cell = cell(0.3, 25);
        double ocv = cell.ocvVolts();
        double volts = cell.step(100, 1);
        assertThat(volts).as("from rest: no hysteresis state yet, M0 with this step's current")
                .isCloseTo(ocv + 0.003 + 0.0004 * 100, within(1e-9));
        assertThat(cell.step(100, 1)).isGreaterThan(ocv + 0.003 + 0.0004 * 100);
        for (int s = 2; s < 1800; s++) {
            cell.step(100, 1);
        }
        double selfDischarge = 0.015 / (30.4375 * 86_400) * 1800;
        assertThat(cell.soc()).isCloseTo(0.3 + 0.999 * 0.5 - selfDischarge, within(1e-9));
    }

    @Test
    void step_discharging_lowersVoltageBelowOcv() {
        Cell cell = cell(0.5, 25);
        double ocv = cell.ocvVolts();
        double volts = cell.step(-50, 1);
        assertThat(volts).as("M0 with this step's current").isCloseTo(ocv - 0.003 - 0.0004 * 50, within(1e-9));
        assertThat(cell.step(-50, 1)).isLessThan(ocv - 0.0004 * 50 - 0.003);
        assertThat(cell.soc()).isLessThan(0.5);
    }

    /**
     * M0 turns with the current of the step itself: at a change of direction the voltage that {@code cell replay}
     * prints for a row (the terminal voltage with that row's current) is the step's, with no step of lag.
     */
    @Test
    void step_atAChangeOfDirection_m0TurnsInThatStep() {
        Cell cell = cell(0.5, 25);
        for (int s = 0; s < 600; s++) {
            cell.step(50, 1);
        }
        double source = cell.sourceVolts();
        double ohms = cell.ohms();
        double predicted = cell.terminalVolts(-50);
        assertThat(cell.terminalVolts(0)).as("at rest, the last direction").isCloseTo(source + 0.003, within(1e-12));
        assertThat(predicted).isCloseTo(source - 0.003 - ohms * 50, within(1e-12));
        assertThat(cell.step(-50, 1)).isCloseTo(predicted, within(1e-12));
        assertThat(cell.direction()).isEqualTo(-1);
        assertThat(cell.volts()).isCloseTo(cell.sourceVolts() - 0.003 - cell.ohms() * 50, within(1e-12));
    }

    @Test
    void rcPair_afterALongConstantCurrent_addsItsFullResistance() {
        Cell cell = cell(0.5, 25);
        for (int s = 0; s < 10_000; s++) {
            cell.step(-1, 1);
        }
        double expected = cell.ocvVolts() + cell.hysteresis() * 0.015 - 0.003 - (0.0004 + 0.00035 + 0.0004);
        assertThat(cell.volts()).isCloseTo(expected, within(1e-6));
    }

    @Test
    void hysteresis_afterChargeAndAfterDischarge_opensTheGapOfTwiceMPlusM0() {
        Cell charged = cell(0.45, 25);
        Cell discharged = cell(0.55, 25);
        for (int s = 0; s < 300; s++) {
            charged.step(100, 1);
            discharged.step(-100, 1);
        }
        for (int s = 0; s < 7200; s++) {
            charged.step(0, 10);
            discharged.step(0, 10);
        }
        assertThat(charged.hysteresis()).isGreaterThan(0.99);
        assertThat(discharged.hysteresis()).isLessThan(-0.99);
        double gap = charged.volts() - charged.ocvVolts() - (discharged.volts() - discharged.ocvVolts());
        assertThat(gap).isCloseTo(2 * (0.015 + 0.003), within(0.0005));
    }

    @Test
    void resistance_inTheCold_isSeveralTimesHigher() {
        double warm = cell(0.5, 25).ohms();
        assertThat(cell(0.5, 5).ohms() / warm).isBetween(1.4, 2.0);
        assertThat(cell(0.5, -15).ohms() / warm).isBetween(4.5, 8.0);
        assertThat(cell(0.04, 25).ohms() / warm).isCloseTo(1.2, within(1e-9));
    }

    @Test
    void selfDischarge_oneMonthAtRest_losesOneAndAHalfPercentAndDoublesPerTenKelvin() {
        Cell at25 = cell(0.5, 25);
        Cell at35 = cell(0.5, 35);
        double month = 30.4375 * 86_400;
        for (int h = 0; h < 730; h++) {
            at25.step(0, month / 730);
            at35.step(0, month / 730);
        }
        assertThat(0.5 - at25.soc()).isCloseTo(0.015, within(1e-9));
        assertThat(0.5 - at35.soc()).isCloseTo(0.030, within(1e-9));
    }

    @Test
    void energy_overCycles_inEqualsStoredPlusLosses() {
        Cell cell = cell(0.5, 25);
        double storedBefore = cell.storedJoules();
        double in = 0;
        for (int cycle = 0; cycle < 4; cycle++) {
            for (int s = 0; s < 3600; s++) {
                in += cell.step(-40, 1) * -40;
            }
            for (int s = 0; s < 3600; s++) {
                in += cell.step(40, 1) * 40;
            }
        }
        double balance = cell.storedJoules() - storedBefore + cell.lossJoules();
        assertThat(cell.lossJoules()).isPositive();
        assertThat(Math.abs(in - balance)).isLessThan(0.001 * cell.lossJoules());
    }

    @Test
    void severalOcvTables_betweenTwoTemperatures_interpolate() {
        CellParameters base = CellParameterFile.defaults();
        double[] soc = {0, 1};
        OcvTable twoTables = new OcvTable(soc, new double[] {0, 40}, new double[][] {{2.5, 3.4}, {2.7, 3.6}},
                Curve.constant(0));
        CellModel model = CellModel.of(new CellParameters("two tables", ByTemperature.of(100), twoTables,
                base.r0Ohms(), base.r0SocFactor(), base.r1Ohms(), base.tau1Seconds(), ByTemperature.of(0),
                ByTemperature.of(0), base.temperatureScaling(), base.hysteresisVolts(), base.m0Volts(), base.gamma(),
                base.coulombicEfficiency(), base.selfDischargePerMonth(), base.selfDischargeDoublingKelvin(),
                HysteresisConvention.SMALLBMS));
        assertThat(model.ocvVolts(0.5, 20)).isCloseTo(3.05, within(1e-9));
        assertThat(model.ocvVolts(0.5, -10)).isCloseTo(2.95, within(1e-9));
        assertThat(model.ocvVolts(0.5, 60)).isCloseTo(3.15, within(1e-9));
    }

    @Test
    void step_ofZeroSeconds_isAProgrammerError() {
        assertThatThrownBy(() -> cell(0.5, 25).step(1, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("seconds = 0.0");
    }
}
