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
 * <p>Each step is solved electrically. Every string is its batteries' sources, their instantaneous hysteresis and
 * their resistance plus cables: carrying {@code i}, it is at {@code v = E + D sgn(i) + R i}, and at zero current
 * anywhere between {@code E − D} and {@code E + D} (D is the cells' M0, which acts with the direction of the current
 * of the step itself, see {@link org.smallbms.sim.cell.SeriesCells}). The string currents as a function of the bus
 * voltage V are then continuous, never falling, and straight between the band edges {@code E ± D}: the one V at which
 * they add up to the bank current gives them, exactly. A string whose band holds V carries nothing. At rest the
 * current between strings is then what their difference beyond the bands drives through their resistance, and M0
 * only ever takes energy (docs/cell-model.md: what that current does after a load, and with three strings or more).
 * The solution is first tried with every string flowing (or resting) as in the last step, one linear equation and a
 * check; only when a string starts, stops or turns are the band edges searched. One string's current is the
 * remainder, so the string currents add up to the bank current to the last bit.
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
    /** Each string's direction in the last step's solution: 1 charging, −1 discharging, 0 carrying nothing. */
    private double[] flows = new double[0];
    /** Each string's last direction other than zero (0 if it never carried a current): where its M0 rests. */
    private double[] directions = new double[0];
    /** Per string, its sources behind R and M0 (E) and 1/R, valid until a step or a change; its M0 (D), fixed. */
    private double[] sources = new double[0];
    private double[] bands = new double[0];
    private double[] conductances = new double[0];
    /**
     * Per string, as it flowed in the last step: the source of its line, {@code E + D sgn(i)}, and its conductance,
     * zero while it rests.
     */
    private double[] lineSources = new double[0];
    private double[] lineConductances = new double[0];
    /** Scratch for the search of the band edges, and for a solution that changes nothing. */
    private double[] edges = new double[0];
    private double[] probeAmps = new double[0];
    private boolean theveninValid;
    /**
     * The bank's Thévenin source and resistance, worked out with the arrays above: each string at rest, its M0 in the
     * direction of its last current (a cell that the balancer bled may rest the other way, a few mV for a few hours).
     */
    private double theveninVolts;
    private double theveninOhms;
    /** The strings that flowed in the last step: how many, the last of them, Σ G and Σ G (E + D sgn(i)). */
    private int flowing;
    private int lastFlowing;
    private double flowingConductance;
    private double flowingCurrent;
    /** The bus voltage with the last bank current on the present state, worked out on request. */
    private double terminalVolts;
    private boolean terminalValid;
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
                batteries.add(numbered(model, serialPrefix, seed, number, soc, celsius, variants.apply(number)));
            }
            strings.add(BatteryString.of(batteries));
        }
        return new BatteryBank(strings);
    }

    /** The lowest cell voltage in the bank now (the truth, not a reading). */
    public double minCellVolts() {
        List<Battery> all = batteries();
        double min = Double.MAX_VALUE;
        for (int i = 0; i < all.size(); i++) {
            min = Math.min(min, all.get(i).minCellVolts());
        }
        return min;
    }

    /** The highest cell voltage in the bank now. */
    public double maxCellVolts() {
        double max = 0;
        for (Battery battery : batteries()) {
            max = Math.max(max, battery.maxCellVolts());
        }
        return max;
    }

    /** The bank's SoC now: the mean of its batteries' (0..1). */
    public double soc() {
        double sum = 0;
        List<Battery> all = batteries();
        for (Battery battery : all) {
            sum += battery.soc();
        }
        return sum / all.size();
    }

    /**
     * Battery number {@code number} (1-based, in chain order) of a bank built from {@code seed}: serial
     * {@code prefix0001}, {@code prefix0002}, …, its cells' spread seeded from the bank's seed and its number. The one
     * rule for a bank built at the start and a battery added while running, so the same seed gives the same
     * batteries either way.
     */
    public static Battery numbered(BatteryModel model, String serialPrefix, long seed, int number, double soc,
            double celsius, BatteryVariant variant) {
        return Battery.of(model, String.format(Locale.ROOT, "%s%04d", serialPrefix, number), seed * 1_000_003L + number,
                soc, celsius, variant);
    }

    /** Adds a string in parallel (TOP-09: a battery added while running). */
    public void addString(BatteryString string) {
        strings.add(string);
        stringAmps = Arrays.copyOf(stringAmps, strings.size());
        flows = Arrays.copyOf(flows, strings.size());
        directions = Arrays.copyOf(directions, strings.size());
        directions[strings.size() - 1] = string.batteries().get(0).direction();
        changed();
    }

    /** Removes the string at {@code index} from the bus bars (TOP-09: a battery removed while running). */
    public BatteryString removeString(int index) {
        BatteryString removed = strings.remove(index);
        stringAmps = without(stringAmps, index);
        flows = without(flows, index);
        directions = without(directions, index);
        changed();
        return removed;
    }

    private static double[] without(double[] values, int index) {
        double[] kept = new double[values.length - 1];
        for (int j = 0, k = 0; j < values.length; j++) {
            if (j != index) {
                kept[k++] = values[j];
            }
        }
        return kept;
    }

    private void changed() {
        theveninValid = false;
        terminalValid = false;
        batteries = null;
        int n = strings.size();
        chains = new Battery[n][];
        cableOhms = new double[n];
        for (int j = 0; j < n; j++) {
            chains[j] = strings.get(j).batteries().toArray(new Battery[0]);
            cableOhms[j] = strings.get(j).cableOhms();
        }
        sources = new double[n];
        bands = new double[n];
        for (int j = 0; j < n; j++) {
            for (Battery battery : chains[j]) {
                bands[j] += battery.m0Volts();
            }
        }
        conductances = new double[n];
        lineSources = new double[n];
        lineConductances = new double[n];
        edges = new double[2 * n];
        probeAmps = new double[n];
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
        if (!Double.isFinite(amps)) {
            throw new IllegalArgumentException("amps = " + amps + ": a bank current is finite");
        }
        double busVolts = solve(amps, stringAmps);
        terminalJoules += busVolts * amps * seconds;
        for (int j = 0; j < n; j++) {
            double current = stringAmps[j];
            double flow = current > 0 ? 1 : current < 0 ? -1 : 0;
            flows[j] = flow;
            directions[j] = flow != 0 ? flow : directions[j];
            for (Battery battery : chains[j]) {
                battery.step(current, seconds);
            }
            cableJoules += cableOhms[j] * current * current * seconds;
        }
        theveninValid = false;
        terminalValid = false;
        this.amps = amps;
        this.stepVolts = busVolts;
    }

    /**
     * The string currents for the bank current {@code amps} on the present state, into {@code currents}; returns the
     * bus voltage. Changes nothing else.
     */
    private double solve(double amps, double[] currents) {
        int n = strings.size();
        refreshThevenin();
        // First the strings as they flowed in the last step: a linear equation for the bus voltage, then a check that
        // each flowing string still flows that way and each resting one still rests, with the currents on the way.
        // With every string flowing, as nearly always, 1 / Σ G is the Thévenin resistance: no division here.
        double driven = amps + flowingCurrent;
        double busVolts = flowing == n ? driven * theveninOhms
                : flowing > 0 ? driven / flowingConductance : restingVolts();
        boolean holds = flowing > 0 || amps == 0;
        double sum = 0;
        for (int j = 0; j < n; j++) {
            // A flowing string carries what its line gives, and must still flow its way; a resting one must rest.
            double above = busVolts - lineSources[j];
            double current = above * lineConductances[j];
            double flow = flows[j];
            holds &= flow != 0 ? current * flow >= 0 : Math.abs(above) <= bands[j];
            currents[j] = current;
            sum += current;
        }
        if (!holds) {
            return solveAtTheEdges(amps, currents);
        }
        takeRemainder(amps, sum, lastFlowing, currents);
        return busVolts;
    }

    /** A string starts, stops or turns: the solution from the band edges, and each string's current there. */
    private double solveAtTheEdges(double amps, double[] currents) {
        double busVolts = searchEdges(amps);
        double sum = 0;
        int last = -1;
        for (int j = 0; j < strings.size(); j++) {
            currents[j] = stringAmpsAt(j, busVolts);
            sum += currents[j];
            last = currents[j] != 0 ? j : last;
        }
        takeRemainder(amps, sum, last, currents);
        return busVolts;
    }

    /**
     * String {@code last}, which carries a current, takes the remainder, so the currents add up to the bank current to
     * the last bit; should the remainder turn it (a current within rounding of zero), the largest takes it.
     */
    private static void takeRemainder(double amps, double sum, int last, double[] currents) {
        if (last < 0) {
            return;
        }
        int taker = last;
        double remainder = amps - (sum - currents[taker]);
        if (remainder * currents[taker] <= 0) {
            for (int j = 0; j < currents.length; j++) {
                taker = Math.abs(currents[j]) > Math.abs(currents[taker]) ? j : taker;
            }
            remainder = amps - (sum - currents[taker]);
        }
        currents[taker] = remainder;
    }

    /**
     * The bus voltage at which the string currents add up to {@code amps}: they are straight between the band edges,
     * so the edges around the solution are found by bisection, and the solution on the straight line between them.
     */
    private double searchEdges(double amps) {
        int n = strings.size();
        double lowest = Double.NEGATIVE_INFINITY;
        double highest = Double.POSITIVE_INFINITY;
        for (int j = 0; j < n; j++) {
            edges[2 * j] = sources[j] - bands[j];
            edges[2 * j + 1] = sources[j] + bands[j];
            lowest = Math.max(lowest, edges[2 * j]);
            highest = Math.min(highest, edges[2 * j + 1]);
        }
        if (amps == 0 && lowest <= highest) {
            // Every band holds the bus voltage: nothing flows, and the bus sits where the strings rest.
            return restingVolts();
        }
        Arrays.sort(edges);
        int last = edges.length - 1;
        double first = ampsAt(edges[0]);
        if (amps <= first) {
            return edges[0] + (amps - first) * theveninOhms;
        }
        double end = ampsAt(edges[last]);
        if (amps >= end) {
            return edges[last] + (amps - end) * theveninOhms;
        }
        // ampsAt(edges[low]) < amps <= ampsAt(edges[high])
        int low = 0;
        int high = last;
        double lowAmps = first;
        double highAmps = end;
        while (high - low > 1) {
            int middle = (low + high) >>> 1;
            double middleAmps = ampsAt(edges[middle]);
            if (middleAmps < amps) {
                low = middle;
                lowAmps = middleAmps;
            } else {
                high = middle;
                highAmps = middleAmps;
            }
        }
        return edges[low] + (amps - lowAmps) * (edges[high] - edges[low]) / (highAmps - lowAmps);
    }

    /** The sum of the string currents at bus voltage {@code volts}. */
    private double ampsAt(double volts) {
        double sum = 0;
        for (int j = 0; j < strings.size(); j++) {
            sum += stringAmpsAt(j, volts);
        }
        return sum;
    }

    private double stringAmpsAt(int j, double volts) {
        double above = volts - sources[j];
        return above > bands[j] ? (above - bands[j]) * conductances[j]
                : above < -bands[j] ? (above + bands[j]) * conductances[j] : 0;
    }

    /** Where the bus sits with nothing flowing: the strings at rest in parallel, held within every band. */
    private double restingVolts() {
        double volts = theveninVolts;
        for (int j = 0; j < strings.size(); j++) {
            volts = Math.max(volts, sources[j] - bands[j]);
        }
        for (int j = 0; j < strings.size(); j++) {
            volts = Math.min(volts, sources[j] + bands[j]);
        }
        return volts;
    }

    /**
     * The bus voltage now (the BMS terminal voltage) with the last bank current flowing: the same solution as a
     * step's, on the present state, without changing anything.
     */
    public double terminalVolts() {
        if (strings.isEmpty()) {
            return 0;
        }
        if (!terminalValid) {
            terminalVolts = solve(amps, probeAmps);
            terminalValid = true;
        }
        return terminalVolts;
    }

    /**
     * One pass over the strings for their sources, bands and conductances, kept until a step or a change of strings:
     * the solution, the open-circuit voltage and the resistance all read them.
     */
    private void refreshThevenin() {
        if (theveninValid) {
            return;
        }
        int n = strings.size();
        double sum = 0;
        double restCurrent = 0;
        double flowingSum = 0;
        double flowingCurrentSum = 0;
        int flowingCount = 0;
        int lastFlowingString = -1;
        for (int j = 0; j < n; j++) {
            double source = readString(j);
            sum += conductances[j];
            restCurrent = Math.fma(Math.fma(bands[j], directions[j], source), conductances[j], restCurrent);
            double flow = flows[j];
            lineSources[j] = Math.fma(bands[j], flow, source);
            lineConductances[j] = flow != 0 ? conductances[j] : 0;
            if (flow != 0) {
                flowingCount++;
                lastFlowingString = j;
                flowingSum += conductances[j];
                flowingCurrentSum = Math.fma(conductances[j], lineSources[j], flowingCurrentSum);
            }
        }
        flowing = flowingCount;
        lastFlowing = lastFlowingString;
        flowingConductance = flowingSum;
        flowingCurrent = flowingCurrentSum;
        theveninOhms = 1 / sum;
        theveninVolts = restCurrent * theveninOhms;
        theveninValid = true;
    }

    /** String {@code j}'s source behind R and M0 and its conductance, from its batteries now; returns the source. */
    private double readString(int j) {
        double source = 0;
        double ohms = cableOhms[j];
        for (Battery battery : chains[j]) {
            source += battery.sourceVolts();
            ohms += battery.ohms();
        }
        sources[j] = source;
        conductances[j] = 1 / ohms;
        return source;
    }

    /**
     * The bank's open-circuit voltage as seen at its terminals now: its Thévenin source, each string at the voltage
     * it rests at (its cells' M0 in the direction of their last current). A charger that regulates a voltage needs
     * it with {@link #ohms()} to know, near enough, the current that voltage takes; the step solves it exactly.
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
