package org.smallbms.sim.bank;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.smallbms.core.bank.BatteryModel;
import org.smallbms.sim.battery.Battery;
import org.smallbms.sim.battery.BatteryVariant;

/**
 * A bank of batteries: strings in parallel on two bus bars, the BMS's Bat+ and Bat− on those bus bars.
 *
 * <p>Each step is solved electrically: every string is a source {@code v = E + R i} (its batteries' voltage behind
 * their resistance, plus cables: linear within a step, see {@link org.smallbms.sim.cell.Cell}); the bus voltage is
 * the one at which the string currents add up to the bank current, {@code V = (I + Σ E/R) / Σ 1/R}, exactly. The
 * last string takes the remainder, so the string currents add up to the bank current to the last bit.
 *
 * <p><b>A mutable physics body</b>: {@link #step(double, double)} advances every battery in place; strings can be
 * added and removed while running (TOP-09). The BMS's sense leads carry its few milliamps only, so the voltage at
 * its terminals is the bus voltage. Current is positive when charging. Not thread-safe; one owner steps it.
 */
public final class BatteryBank {

    private final List<BatteryString> strings = new ArrayList<>();
    /** The strings' batteries and cables as arrays, for the per-step loops; rebuilt when the strings change. */
    private Battery[][] chains = new Battery[0][];
    private double[] cableOhms = new double[0];
    private double[] stringAmps = new double[0];
    private double[] sources = new double[0];
    private double[] conductances = new double[0];
    /** The strings' sources and conductances, their sums and the batteries, valid until the bank changes. */
    private boolean theveninValid;
    /** The bank's Thévenin source and resistance, worked out with the sums above. */
    private double theveninVolts;
    private double theveninOhms;
    private List<Battery> batteries;
    private double amps;
    private double stepVolts;
    private double terminalJoules;
    private double cableJoules;

    public BatteryBank(List<BatteryString> strings) {
        for (BatteryString string : strings) {
            addString(string);
        }
    }

    /**
     * {@code parallel} strings of {@code series} batteries of one model, with default cables; serials
     * {@code prefix0001}, {@code prefix0002}, … in chain order, each battery seeded from {@code seed} and its
     * position, so the same seed gives the same bank.
     */
    public static BatteryBank uniform(BatteryModel model, int series, int parallel, long seed, double soc,
            double celsius, String serialPrefix) {
        return of(model, series, parallel, seed, soc, celsius, serialPrefix, number -> BatteryVariant.NONE);
    }

    /**
     * As {@link #uniform}, with battery {@code n} (1-based, in chain order) unlike its siblings as {@code variants}
     * says: older, with a weak cell, in a warmer place, at its own SoC.
     */
    public static BatteryBank of(BatteryModel model, int series, int parallel, long seed, double soc,
            double celsius, String serialPrefix, java.util.function.IntFunction<BatteryVariant> variants) {
        List<BatteryString> strings = new ArrayList<>();
        int number = 0;
        for (int p = 0; p < parallel; p++) {
            List<Battery> batteries = new ArrayList<>();
            for (int s = 0; s < series; s++) {
                number++;
                batteries.add(Battery.of(model, String.format(Locale.ROOT, "%s%04d", serialPrefix, number),
                        seed * 1_000_003L + number, soc, celsius, variants.apply(number)));
            }
            strings.add(BatteryString.of(batteries));
        }
        return new BatteryBank(strings);
    }

    /** Adds a string in parallel (TOP-09: a battery added while running). */
    public void addString(BatteryString string) {
        strings.add(string);
        stringAmps = Arrays.copyOf(stringAmps, strings.size());
        changed();
    }

    /** Removes the string at {@code index} from the bus bars (TOP-09: a battery removed while running). */
    public BatteryString removeString(int index) {
        BatteryString removed = strings.remove(index);
        double[] newAmps = new double[strings.size()];
        for (int j = 0, k = 0; j < stringAmps.length; j++) {
            if (j != index) {
                newAmps[k++] = stringAmps[j];
            }
        }
        stringAmps = newAmps;
        changed();
        return removed;
    }

    private void changed() {
        theveninValid = false;
        batteries = null;
        int n = strings.size();
        chains = new Battery[n][];
        cableOhms = new double[n];
        for (int j = 0; j < n; j++) {
            chains[j] = strings.get(j).batteries().toArray(new Battery[0]);
            cableOhms[j] = strings.get(j).cableOhms();
        }
    }

    /**
     * Applies the bank current {@code amps} (positive charging) for {@code seconds}: solves the string currents,
     * then steps every battery.
     */
    public void step(double amps, double seconds) {
        int n = strings.size();
        if (n == 0) {
            throw new IllegalStateException("a bank with no strings cannot carry " + amps + " A");
        }
        double busVolts = solve(amps);
        terminalJoules += busVolts * amps * seconds;
        for (int j = 0; j < n; j++) {
            double current = stringAmps[j];
            for (Battery battery : chains[j]) {
                battery.step(current, seconds);
            }
            cableJoules += cableOhms[j] * current * current * seconds;
        }
        theveninValid = false;
        this.amps = amps;
        this.stepVolts = busVolts;
    }

    private double solve(double amps) {
        int n = strings.size();
        refreshThevenin();
        // The bank as its Thévenin equivalent, V = E_th + R_th I; each string then carries (V - E_j) G_j, and the
        // last one the rest, so the string currents add up to the bank current exactly.
        double busVolts = theveninVolts + amps * theveninOhms;
        double assigned = 0;
        for (int j = 0; j < n - 1; j++) {
            stringAmps[j] = (busVolts - sources[j]) * conductances[j];
            assigned += stringAmps[j];
        }
        stringAmps[n - 1] = amps - assigned;
        return busVolts;
    }

    /**
     * The bus voltage now (the BMS terminal voltage) with the last bank current flowing: the same solution as a
     * step's, on the present state, without changing anything.
     */
    public double terminalVolts() {
        return strings.isEmpty() ? 0 : openCircuitVolts() + amps * ohms();
    }

    /**
     * One pass over the strings for their sources and conductances, kept until a step or a change of strings: the
     * solution, the open-circuit voltage, the resistance and the terminal voltage all read them.
     */
    private void refreshThevenin() {
        if (theveninValid) {
            return;
        }
        int n = strings.size();
        if (sources.length != n) {
            sources = new double[n];
            conductances = new double[n];
        }
        double conductanceSum = 0;
        double currentSum = 0;
        for (int j = 0; j < n; j++) {
            double source = 0;
            double ohms = cableOhms[j];
            for (Battery battery : chains[j]) {
                source += battery.sourceVolts();
                ohms += battery.ohms();
            }
            sources[j] = source;
            conductances[j] = 1 / ohms;
            conductanceSum += conductances[j];
            currentSum += source * conductances[j];
        }
        theveninOhms = 1 / conductanceSum;
        theveninVolts = currentSum * theveninOhms;
        theveninValid = true;
    }

    /**
     * The bank's open-circuit voltage as seen at its terminals now: its Thévenin source. A charger that regulates a
     * voltage needs it with {@link #ohms()} to know the current that voltage takes.
     */
    public double openCircuitVolts() {
        if (strings.isEmpty()) {
            return 0;
        }
        refreshThevenin();
        return theveninVolts;
    }

    /** The bank's Thévenin resistance now: its strings in parallel. */
    public double ohms() {
        refreshThevenin();
        return theveninOhms;
    }

    /** The bus voltage during the last step. */
    public double stepVolts() {
        return stepVolts;
    }

    /** The last bank current, positive charging. */
    public double amps() {
        return amps;
    }

    /** The current of string {@code index} in the last step. */
    public double stringAmps(int index) {
        return stringAmps[index];
    }

    public List<BatteryString> strings() {
        return List.copyOf(strings);
    }

    /** Every battery in chain order: string by string, minus to plus. Unmodifiable; kept until strings change. */
    public List<Battery> batteries() {
        if (batteries == null) {
            List<Battery> all = new ArrayList<>();
            for (BatteryString string : strings) {
                all.addAll(string.batteries());
            }
            batteries = List.copyOf(all);
        }
        return batteries;
    }

    /** The energy that entered at the bus bars so far (negative when the bank has delivered more). */
    public double terminalJoules() {
        return terminalJoules;
    }

    /** The energy the cells hold now. */
    public double storedJoules() {
        double sum = 0;
        for (Battery battery : batteries()) {
            sum += battery.storedJoules();
        }
        return sum;
    }

    /** All heat so far: cells, connections, balancers and the string cables. */
    public double heatJoules() {
        double sum = cableJoules;
        for (Battery battery : batteries()) {
            sum += battery.heatJoules();
        }
        return sum;
    }
}
