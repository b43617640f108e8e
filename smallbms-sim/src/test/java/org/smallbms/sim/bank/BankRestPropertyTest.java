package org.smallbms.sim.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.smallbms.core.bank.BatteryModel;
import org.smallbms.sim.battery.Battery;

/**
 * A bank at rest, after a charge or a discharge or from new with its strings at different SoC: what flows between its
 * strings is what their difference drives, and nothing more.
 *
 * <p>Each string is its batteries' sources {@code E} (OCV, hysteresis state, RC pairs), their M0 {@code D} and their
 * resistance with cables {@code R}: carrying {@code i} it is at {@code E + D sgn(i) + R i}, at rest anywhere within
 * {@code E ± D}. Read from the batteries before each step, these give the bus voltage of the step for every string.
 *
 * <p>Two things the model does on purpose that a plain "the current decays" would miss. After a load, the RC pairs let
 * go of their voltage (τ 30 s and 1000 s) and uncover the strings' difference, so the current between them can rise
 * for minutes, or start from nothing, before it falls (two strings of 2 × 12.8 V/200 Ah from 0.3 and 0.4 SoC, after
 * ten minutes of 200 A discharge: 13.05 A, 13.37 A 9 s later, then falling). And of three strings or more, the middle
 * one can first take from the fullest and later give to the emptiest: it turns once, through rest, since the bus must
 * cross its whole M0 band. So the current never turns from one step to the next; between two strings it never turns
 * at all; and it never grows where nothing uncovers more difference: two strings from new, after their first few
 * steps. The heat is checked against what a difference of sources can give: with the currents adding up to zero,
 * {@code Σ R i² = −Σ (E + D sgn(i)) i ≤ (max E − min E) / 2 × Σ |i|}, step by step.
 */
class BankRestPropertyTest {

    private static final double VOLTS = 1e-9;
    /**
     * Currents this small may grow by more than a percent a step: the batteries' temperatures move in 0.01 K steps,
     * and each moves their open-circuit voltages by microvolts. The defect this guards against was ±10 A.
     */
    private static final double NOISE_AMPS = 1e-3;
    /** A battery's temperature factors move in steps of 0.01 K: the current jumps by up to a few tenths of a %. */
    private static final double STEP_GROWTH = 0.01;
    private static final int FIRST_STEPS = 5;

    @Property(tries = 150)
    @Label("TOP-04 a resting bank: the strings' currents are what their difference drives beyond their M0, add up to "
            + "nothing, never turn from one step to the next (between two strings never), never grow from new after "
            + "the first steps, and heat no more than the difference can give")
    void rest_anyBank_currentsBetweenStringsAreWhatTheirDifferenceDrives(
            @ForAll BatteryModel model,
            @ForAll @IntRange(min = 1, max = 4) int series,
            @ForAll @IntRange(min = 2, max = 4) int parallel,
            @ForAll @IntRange(min = 0, max = 1_000_000) int seed,
            @ForAll @DoubleRange(min = 0.15, max = 0.65) double soc,
            @ForAll @DoubleRange(min = 0, max = 0.2) double socSpread,
            @ForAll boolean loadFirst,
            @ForAll @DoubleRange(min = -0.5, max = 0.5) double loadC,
            @ForAll @IntRange(min = 1, max = 900) int loadSeconds,
            @ForAll @IntRange(min = 1, max = 15) int restMinutes) {
        BatteryBank bank = bank(model, series, parallel, seed, soc, socSpread);
        if (loadFirst) {
            double amps = loadC * model.capacityAmpHours() * parallel;
            for (int s = 0; s < loadSeconds; s++) {
                bank.step(amps, 1);
            }
        }
        double[] sources = new double[parallel];
        double[] bands = new double[parallel];
        double[] ohms = new double[parallel];
        double[] last = new double[parallel];
        double[] lastNonZero = new double[parallel];
        double jouleHeat = 0;
        double differenceEnergy = 0;
        for (int s = 0; s < restMinutes * 60; s++) {
            for (int j = 0; j < parallel; j++) {
                BatteryString string = bank.strings().get(j);
                sources[j] = 0;
                bands[j] = 0;
                ohms[j] = string.cableOhms();
                for (Battery battery : string.batteries()) {
                    sources[j] += battery.sourceVolts();
                    bands[j] += battery.m0Volts();
                    ohms[j] += battery.ohms();
                }
            }
            bank.step(0, 1);
            double volts = bank.stepVolts();
            double sum = 0;
            double moved = 0;
            double highest = Double.NEGATIVE_INFINITY;
            double lowest = Double.POSITIVE_INFINITY;
            for (int j = 0; j < parallel; j++) {
                double amps = bank.stringAmps(j);
                String at = String.format(Locale.ROOT, "string %d at %d s of the rest", j, s);
                if (amps != 0) {
                    assertThat(volts).as("%s: E + D sgn(i) + R i", at)
                            .isCloseTo(sources[j] + bands[j] * Math.signum(amps) + ohms[j] * amps, within(VOLTS));
                    // M0 takes energy, never gives it: the step's heat in the string is at least its Joule heat.
                    assertThat(amps * (volts - sources[j])).as(at).isGreaterThanOrEqualTo(ohms[j] * amps * amps);
                } else {
                    assertThat(Math.abs(volts - sources[j])).as("%s rests: the bus within E ± D", at)
                            .isLessThanOrEqualTo(bands[j] + VOLTS);
                }
                assertThat(amps * last[j]).as("%s turned from %s to %s A", at, last[j], amps)
                        .isGreaterThanOrEqualTo(0.0);
                if (parallel == 2) {
                    assertThat(amps * lastNonZero[j]).as("%s turned between two strings", at)
                            .isGreaterThanOrEqualTo(0.0);
                }
                if (parallel == 2 && !loadFirst && s > FIRST_STEPS) {
                    assertThat(Math.abs(amps)).as("%s grew", at)
                            .isLessThanOrEqualTo(Math.abs(last[j]) * (1 + STEP_GROWTH) + NOISE_AMPS);
                }
                last[j] = amps;
                lastNonZero[j] = amps != 0 ? amps : lastNonZero[j];
                sum += amps;
                moved += Math.abs(amps);
                jouleHeat += ohms[j] * amps * amps;
                highest = Math.max(highest, sources[j]);
                lowest = Math.min(lowest, sources[j]);
            }
            assertThat(sum).as("the string currents at %d s add up to the bank's", s).isCloseTo(0, within(1e-9));
            // The most a difference of sources can drive through the strings, with the currents adding up to zero:
            // −Σ E i ≤ (max E − min E) / 2 × Σ |i|.
            differenceEnergy += (highest - lowest) / 2 * moved;
        }
        assertThat(jouleHeat).as("the Joule heat of the rest, J").isLessThanOrEqualTo(differenceEnergy * (1 + 1e-9)
                + 1e-9);
    }

    /** Strings of one model, each at its own SoC: evenly spread over {@code socSpread} above {@code soc}. */
    private static BatteryBank bank(BatteryModel model, int series, int parallel, int seed, double soc,
            double socSpread) {
        List<BatteryString> strings = new ArrayList<>();
        for (int p = 0; p < parallel; p++) {
            double stringSoc = soc + socSpread * p / (parallel - 1);
            List<Battery> batteries = new ArrayList<>();
            for (int s = 0; s < series; s++) {
                batteries.add(Battery.of(model, "HQ" + p + s, seed * 16L + p * 4L + s, stringSoc, 25));
            }
            strings.add(BatteryString.of(batteries));
        }
        return new BatteryBank(strings);
    }
}
