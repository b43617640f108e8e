package org.smallbms.sim.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.smallbms.core.bank.BatteryFamily;
import org.smallbms.core.bank.BatteryModel;
import org.smallbms.core.bms.DeviceProfile;
import org.smallbms.core.text.Figures;
import org.smallbms.sim.check.Finding.Severity;
import org.smallbms.sim.component.BmsOutput;
import org.smallbms.sim.component.Component;
import org.smallbms.sim.component.ControlInput;
import org.smallbms.sim.component.Inverter;
import org.smallbms.sim.component.Link;
import org.smallbms.sim.component.Role;
import org.smallbms.sim.scenario.Scenario;
import org.smallbms.sim.system.Placement;
import org.smallbms.sim.system.RemoteWiring;

/** Checks a system design against the manuals (docs/system-check.md lists the rules). */
public final class SystemCheck {

    /** Manual §6: the BMS's Bat+ fuse, dependent on what the outputs drive (SYS-01). */
    public static final double FUSE_MIN_AMPS = 0.3;
    public static final double FUSE_MAX_AMPS = 2.5;
    /** A fuse carries at most this share of its rating continuously without ageing. */
    public static final double FUSE_DERATING = 0.75;
    /** Manual §3.1: about 1 Ah per 100 Ah is left after a low cell voltage shutdown. */
    public static final double RESERVE_FRACTION = 0.01;
    /** Manual §4.1: 0.3C charge and 0.5C discharge are recommended for battery life. */
    public static final double RECOMMENDED_CHARGE_C = 0.3;
    public static final double RECOMMENDED_DISCHARGE_C = 0.5;
    /** Classic manual §2.1: "the maximum number of batteries in one system is 20" (CLS-01). */
    public static final int CLASSIC_MAX_BATTERIES = 20;
    /** Classic manual §2.1: at most 84 kWh in a 12 V system ... */
    public static final int CLASSIC_MAX_KWH_12V = 84;
    /** ... and 102 kWh in a 24 V and 48 V system (CLS-01). */
    public static final int CLASSIC_MAX_KWH_24V_48V = 102;

    private SystemCheck() {
    }

    /** Every finding for the scenario's design, errors first. */
    public static List<Finding> check(Scenario scenario) {
        List<Finding> findings = new ArrayList<>();
        BatteryModel model = scenario.model();
        bank(scenario, model, findings);
        if (scenario.remoteWiring() == RemoteWiring.NONE) {
            findings.add(new Finding(Severity.ERROR, "REM-04", "§2.2, §4.2", "BMS", "nothing is fitted to the remote "
                    + "terminal, so the BMS stays off and both outputs float", "fit the wire loop between Remote L "
                    + "and Remote H, or an on/off switch"));
        }
        if (scenario.device() == DeviceProfile.CLASSIC) {
            lastResort(scenario, findings);
        }
        List<Placement> placements = scenario.placements();
        double nominalVolts = scenario.series() * model.nominalMillivolts() / 1000.0;
        DeviceProfile device = scenario.device();
        for (Placement placement : placements) {
            wiring(device, placement, findings);
            residual(placement, scenario, nominalVolts, findings);
        }
        double outputsAmps = outputs(device, placements, findings);
        fuse(scenario, placements, outputsAmps, findings);
        currents(scenario, placements, nominalVolts, findings);
        findings.sort((a, b) -> a.severity().compareTo(b.severity()));
        return findings;
    }

    /** Whether any finding is an error. */
    public static boolean hasErrors(List<Finding> findings) {
        return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
    }

    private static void bank(Scenario scenario, BatteryModel model, List<Finding> findings) {
        switch (scenario.device()) {
            case NG -> ngBank(scenario, model, findings);
            case CLASSIC -> classicBank(scenario, model, findings);
        }
    }

    private static void ngBank(Scenario scenario, BatteryModel model, List<Finding> findings) {
        if (model.family() != BatteryFamily.LITHIUM_NG) {
            findings.add(new Finding(Severity.ERROR, "CLS-01", "§2.1", "bank", model.label() + " is not a Lithium NG "
                    + "battery: the smallBMS NG works with Lithium NG batteries only, not with Lithium Battery Smart",
                    "use Lithium NG batteries, or the smallBMS with pre-alarm (bms: {device: classic}) for Lithium "
                    + "Battery Smart"));
        }
        int count = scenario.series() * scenario.parallel();
        int max = model.cells() == 16 ? 25 : 50;
        if (count > max) {
            findings.add(new Finding(Severity.ERROR, "TOP-03", "§2.1", "bank", count + " batteries of " + model.label()
                    + " exceed the " + max + " a bank may have", "use at most " + max + " batteries, or larger ones"));
        }
        int seriesMillivolts = scenario.series() * model.nominalMillivolts();
        if (seriesMillivolts > 51_200) {
            findings.add(new Finding(Severity.ERROR, "TOP-05", "§2.1", "bank", String.format(Locale.ROOT,
                    "%d in series make %s nominal, above the 48 V system maximum", scenario.series(),
                    Figures.millivoltsAsVolts(seriesMillivolts, 1)), "put fewer batteries in series"));
        }
    }

    /**
     * CLS-01, classic manual §2.1: Lithium Battery Smart only; at most 20 batteries; 12, 24 or 48 V systems; at most
     * 84 kWh at 12 V and 102 kWh at 24/48 V; as few batteries in series as possible. The kWh figures are the 20
     * largest batteries' rounded down (20 × 12.8 V × 330 Ah = 84.5 kWh, 20 × 25.6 V × 200 Ah = 102.4 kWh), so a
     * bank is over them when its energy rounds above them.
     */
    private static void classicBank(Scenario scenario, BatteryModel model, List<Finding> findings) {
        if (model.family() != BatteryFamily.LITHIUM_BATTERY_SMART) {
            findings.add(new Finding(Severity.ERROR, "CLS-01", "§2.1", "bank", model.label() + " is a Lithium NG "
                    + "battery: the smallBMS with pre-alarm is for Lithium Battery Smart batteries, whose own cell "
                    + "monitor signals it over the daisy chain", "use Lithium Battery Smart batteries, or the smallBMS "
                    + "NG (bms: {device: ng}) for Lithium NG"));
        }
        int count = scenario.series() * scenario.parallel();
        if (count > CLASSIC_MAX_BATTERIES) {
            findings.add(new Finding(Severity.ERROR, "CLS-01", "§2.1", "bank", count + " batteries: the maximum "
                    + "number of batteries in one system is " + CLASSIC_MAX_BATTERIES, "use at most "
                    + CLASSIC_MAX_BATTERIES + " batteries, or larger ones"));
        }
        int seriesMillivolts = scenario.series() * model.nominalMillivolts();
        int systemVolts = switch (seriesMillivolts) {
            case 12_800 -> 12;
            case 25_600 -> 24;
            case 51_200 -> 48;
            default -> 0;
        };
        if (systemVolts == 0) {
            findings.add(new Finding(Severity.ERROR, "CLS-01", "§2.1", "bank", String.format(Locale.ROOT,
                    "%d × %s in series make %s nominal: the batteries build systems of 12 V, 24 V or 48 V",
                    scenario.series(), model.label(), Figures.millivoltsAsVolts(seriesMillivolts, 1)),
                    "put 1, 2 or 4 of 12.8 V, or 1 or 2 of 25.6 V in series"));
            return;
        }
        double kilowattHours = count * model.nominalMillivolts() / 1000.0 * model.capacityAmpHours() / 1000;
        int maxKilowattHours = systemVolts == 12 ? CLASSIC_MAX_KWH_12V : CLASSIC_MAX_KWH_24V_48V;
        if (Math.round(kilowattHours) > maxKilowattHours) {
            findings.add(new Finding(Severity.ERROR, "CLS-01", "§2.1", "bank", String.format(Locale.ROOT,
                    "%d × %s store %.1f kWh, above the %d kWh of a %d V system", count, model.label(), kilowattHours,
                    maxKilowattHours, systemVolts), "use fewer or smaller batteries"));
        }
        int largestSeries = seriesMillivolts / BatteryModel.SMART_25V6_100AH.nominalMillivolts();
        if (scenario.series() > 1 && model.cells() == 4) {
            String advice = systemVolts == 48 ? "48 V systems are best built using two 25.6 V batteries in series; "
                    + "four 12.8 V in series will work, but require more periodic balancing time"
                    : "24 V systems are best built using 25.6 V batteries";
            findings.add(new Finding(Severity.WARNING, "CLS-01", "§2.1", "bank", String.format(Locale.ROOT,
                    "%d × %s in series for %d V: %s; to reduce balancing time use as few batteries in series as "
                    + "possible", scenario.series(), model.label(), systemVolts, advice), String.format(Locale.ROOT,
                    "use 25.6 V Lithium Battery Smart batteries, %d in series", largestSeries)));
        } else if (scenario.series() > 1) {
            findings.add(new Finding(Severity.INFO, "CLS-01", "§2.1", "bank", String.format(Locale.ROOT,
                    "%d × %s in series for %d V: as few batteries in series as the system allows, as §2.1 "
                    + "recommends", scenario.series(), model.label(), systemVolts), ""));
        }
    }

    /**
     * CLS-01, classic manual §3.1: the low cell voltage shutdown is the last resort; shut the system down first at a
     * set SoC (a BMV whose relay drives the remote on/off) or use the remote on/off as the system switch. A BMV relay
     * on the remote satisfies it; a switch is the second way, and the first is still advised; the wire loop alone
     * is neither.
     */
    private static void lastResort(Scenario scenario, List<Finding> findings) {
        RemoteWiring remote = scenario.remoteWiring();
        if (remote == RemoteWiring.BMV_RELAY || remote == RemoteWiring.NONE) {
            return;
        }
        String bmv = "a BMV whose relay drives the remote on/off at a set SoC (a bmv-712 with bms: {remote: "
                + "bmv-relay}), so that there is always enough reserve capacity in the battery";
        if (remote == RemoteWiring.WIRE_LOOP) {
            findings.add(new Finding(Severity.WARNING, "CLS-01", "§3.1", "BMS", "only the wire loop is on the remote "
                    + "terminal: the shutdown due to low cell voltage is the system's only protection, and it should "
                    + "be the last resort", "fit " + bmv + ", or use the remote on/off as a system on/off switch"));
        } else {
            findings.add(new Finding(Severity.INFO, "CLS-01", "§3.1", "BMS", "the remote on/off is a system on/off "
                    + "switch, as §3.1 recommends; the low cell voltage shutdown stays the last resort only if the "
                    + "system is switched off in time. A shutdown at a set SoC does it without fail: " + bmv, ""));
        }
    }

    private static void wiring(DeviceProfile device, Placement placement, List<Finding> findings) {
        Component c = placement.component();
        String name = c.name() + " (" + c.product() + ")";
        BmsOutput output = placement.wiring().output();
        Link link = placement.wiring().link();
        if (c instanceof Inverter inverter && inverter.kind() == Inverter.Kind.VE_BUS_INVERTER_CHARGER) {
            findings.add(switch (device) {
                case NG -> new Finding(Severity.ERROR, "SYS-04", "§2.1", c.name(), name + " is a VE.Bus MultiPlus or "
                        + "Quattro: the smallBMS NG has no VE.Bus interface and is not suitable for it", "use a VE.Bus "
                        + "BMS NG, or an inverter without a charger");
                case CLASSIC -> new Finding(Severity.ERROR, "CLS-01", "§2.1", c.name(), name + " is a VE.Bus "
                        + "MultiPlus or Quattro: the smallBMS with pre-alarm does not have a VE.Bus interface and is "
                        + "therefore not suitable for use with VE.Bus MultiPlus and Quattro inverter/chargers",
                        "use the VE.Bus BMS, or an inverter without a charger");
            });
        }
        BmsOutput expected = switch (c.role()) {
            case CHARGER -> BmsOutput.CHARGE_DISCONNECT;
            case LOAD -> BmsOutput.LOAD_DISCONNECT;
            case SIGNAL -> BmsOutput.PRE_ALARM;
        };
        if (output == BmsOutput.NONE) {
            if (!placement.beforeMainSwitch() || c.role() == Role.CHARGER) {
                findings.add(new Finding(c.role() == Role.CHARGER ? Severity.ERROR : Severity.WARNING, "SYS-01",
                        controlled(device, c.role()), c.name(), name + " is not controlled by the BMS: chargers and "
                        + "loads not controlled via ATC and ATD can permanently damage the battery", "wire it to the "
                        + expected.label() + " output" + viaFor(c)));
            }
            return;
        }
        if (output != expected) {
            findings.add(new Finding(Severity.ERROR, "SYS-01", "§3.2", c.name(), name + " is wired to the "
                    + output.label() + " output; a " + c.role().name().toLowerCase(Locale.ROOT) + " belongs on "
                    + expected.label(), "wire it to the " + expected.label() + " output" + viaFor(c)));
        }
        boolean follows = link.enables(true, c.input()) && !link.enables(false, c.input());
        if ((link == Link.CYRIX_LI_CHARGE || link == Link.CYRIX_LI_LOAD) && cyrixFor(c.role()) != link) {
            findings.add(new Finding(Severity.ERROR, "SYS-01", "Appendix A", c.name(), name + " is connected "
                    + "through " + link.described() + ", " + cyrixMismatch(link, c.role()), "connect it"
                    + viaFor(c)));
        } else if (!follows) {
            findings.add(new Finding(Severity.ERROR, "SYS-01", "Appendix A", c.name(), name + " has a "
                    + inputName(c.input()) + " and is connected " + connected(link) + ": it does not follow the "
                    + output.label() + " output (" + (link.enables(true, c.input()) ? "always on" : "never on") + ")",
                    "connect it" + viaFor(c)));
        }
        if (c.inductiveInput() && output == BmsOutput.CHARGE_DISCONNECT) {
            findings.add(new Finding(Severity.ERROR, "OUT-04", "§2.2", c.name(), name + " is a relay coil on the "
                    + "Charge disconnect output, which is not suitable for an inductive load", "drive the relay from "
                    + "the pre-alarm or Load disconnect output, or use a Cyrix-Li-Charge"));
        }
    }

    /** The Cyrix Appendix A puts in the power path of a device of this role; null for a signal, which needs none. */
    private static Link cyrixFor(Role role) {
        return switch (role) {
            case CHARGER -> Link.CYRIX_LI_CHARGE;
            case LOAD -> Link.CYRIX_LI_LOAD;
            case SIGNAL -> null;
        };
    }

    /** Why this Cyrix is the wrong one for a device of this role (Appendix A, §3.2.3). */
    private static String cyrixMismatch(Link cyrix, Role role) {
        return switch (role) {
            case CHARGER -> "which Appendix A lists among the loads the Load disconnect output controls; for "
                    + "chargers without a remote input it lists the Cyrix-Li-Charge, which engages only while a "
                    + "charge voltage is present";
            case LOAD -> "which engages only when it detects a charge voltage (§3.2.3), so the load would not be "
                    + "supplied; for loads Appendix A lists the Cyrix-Li-Load on the Load disconnect output";
            case SIGNAL -> "but a pre-alarm signal takes its current from the output itself; " + cyrix.described()
                    + " switches a power path, not a signal";
        };
    }

    /** Appendix A: how a device with this input is connected. */
    private static String viaFor(Component c) {
        Link needed = Link.forInput(c.input(), c.role());
        return switch (needed) {
            case DIRECT -> " directly (remote H)";
            case VE_DIRECT_NON_INVERTING_CABLE, INVERTING_CABLE, NON_INVERTING_CABLE, SKYLLA_I_CABLE -> " through "
                    + needed.described();
            case CYRIX_LI_CHARGE, CYRIX_LI_LOAD -> " through " + needed.described() + " in its power path, the "
                    + "Cyrix's control input on the " + (c.role() == Role.CHARGER ? BmsOutput.CHARGE_DISCONNECT
                    : BmsOutput.LOAD_DISCONNECT).label() + " output";
        };
    }

    private static String inputName(ControlInput input) {
        return switch (input) {
            case REMOTE_H -> "remote H (active high) input";
            case ACTIVE_LOW -> "remote input that is on when pulled low";
            case VE_DIRECT -> "VE.Direct port and no remote terminal";
            case SKYLLA_TG -> "Skylla TG remote on-off port";
            case SKYLLA_I -> "Skylla-i remote on-off port";
            case NONE -> "no remote input";
        };
    }

    private static String connected(Link link) {
        return link == Link.DIRECT ? "directly" : "through " + link.described();
    }

    private static void residual(Placement placement, Scenario scenario, double volts, List<Finding> findings) {
        Component c = placement.component();
        if (placement.wiring().output() != BmsOutput.NONE || !placement.beforeMainSwitch()
                || c.role() != Role.LOAD) {
            return;
        }
        double amps = c.continuousAmps(volts);
        double reserveAh = RESERVE_FRACTION * scenario.model().capacityAmpHours() * scenario.parallel();
        double bmsAmps = lowCellAmps(scenario.device());
        double days = reserveAh / (amps + bmsAmps) / 24;
        findings.add(new Finding(Severity.WARNING, "SYS-05", "§3.1", c.name(), String.format(Locale.ROOT,
                "%s draws %.1f mA whatever the BMS says: after a low cell voltage shutdown the reserve of about "
                + "%.1f Ah is gone in %.1f days (with the BMS's own %.1f mA)", c.name(), amps * 1000, reserveAh, days,
                bmsAmps * 1000),
                "recharge at once after a shutdown, or isolate the battery when the system is not in use"));
    }

    /** OUT-03: what the device draws for itself with the remote on, outputs excluded. */
    public static double remoteOnAmps(DeviceProfile device) {
        return device.consumption().remoteOnMicroamps() / 1e6;
    }

    /** OUT-03: what the device draws for itself after a low cell voltage shutdown. */
    public static double lowCellAmps(DeviceProfile device) {
        return device.consumption().lowCellMicroamps() / 1e6;
    }

    /** OUT-02: what each output sources, against the device's ratings; returns the total for the fuse. */
    private static double outputs(DeviceProfile device, List<Placement> placements, List<Finding> findings) {
        double total = 0;
        for (BmsOutput output : List.of(BmsOutput.CHARGE_DISCONNECT, BmsOutput.LOAD_DISCONNECT,
                BmsOutput.PRE_ALARM)) {
            double amps = 0;
            List<String> names = new ArrayList<>();
            for (Placement placement : placements) {
                if (placement.wiring().output() == output) {
                    amps += placement.controlAmps();
                    names.add(placement.component().name());
                }
            }
            double rating = output.ratingAmps(device);
            // A short-circuit protected output limits what it sources to its rating.
            total += output.rating(device).shortCircuitProtected() ? Math.min(amps, rating) : amps;
            String section = specifications(device);
            if (amps > rating && output.rating(device).shortCircuitProtected()) {
                findings.add(new Finding(Severity.ERROR, "OUT-02", section, output.label(), String.format(Locale.ROOT,
                        "the %s output would source %s (%s), above its %s rating; it is short-circuit protected, "
                        + "so it limits its current rather than being damaged, and the devices get too little to "
                        + "switch on reliably", output.label(), Figures.amps(amps, 3), String.join(", ", names),
                        ratingText(rating)),
                        "drive the devices through a relay or a Cyrix-Li-Charge, whose control input takes at most "
                        + ratingText(rating)));
            } else if (amps > rating) {
                findings.add(new Finding(Severity.ERROR, "OUT-02", section, output.label(), String.format(Locale.ROOT,
                        "the %s output would source %s (%s), above its %s rating; it is not short-circuit "
                        + "protected", output.label(), Figures.amps(amps, 3), String.join(", ", names),
                        Figures.amps(rating, 1)),
                        "drive the devices through a relay or a Cyrix, or spread them over fewer amps"));
            } else if (!names.isEmpty()) {
                findings.add(new Finding(Severity.INFO, "OUT-02", section, output.label(), String.format(Locale.ROOT,
                        "%s output: %s of %s (%s)", output.label(), Figures.amps(amps, 3), ratingText(rating),
                        String.join(", ", names)), ""));
            }
        }
        return total;
    }

    /**
     * Where the device's manual asks for chargers and loads under the BMS's control: the NG's §4.1, the classic's
     * §3.2.3 for chargers and §3.2.1 for loads (it has no configuration chapter).
     */
    private static String controlled(DeviceProfile device, Role role) {
        return switch (device) {
            case NG -> "§4.1";
            case CLASSIC -> role == Role.CHARGER ? "§3.2.3" : "§3.2.1";
        };
    }

    /**
     * Where the bank's current limits come from: the NG's manual gives them in §4.1; the classic's gives none and
     * sends the reader to the Lithium Battery Smart manual (§3.2.4), whose figures the battery models carry.
     */
    private static String currentLimits(DeviceProfile device) {
        return switch (device) {
            case NG -> "§4.1";
            case CLASSIC -> "§3.2.4, Lithium Battery Smart manual";
        };
    }

    /** The section of the device's manual with its specifications: the NG's §6, the classic's §4. */
    private static String specifications(DeviceProfile device) {
        return switch (device) {
            case NG -> "§6";
            case CLASSIC -> "§4";
        };
    }

    /** A rating as the manuals write it: 1.0 A, 0.5 A, 10 mA. */
    private static String ratingText(double amps) {
        return amps < 0.1 ? String.format(Locale.ROOT, "%.0f mA", amps * 1000)
                : Figures.amps(amps, 1);
    }

    /**
     * SYS-01, §6: the fuse in the BMS's Bat+ lead, "0.3 A - 2.5 A, dependent on devices connected". <em>Decision</em>
     * where §6 does not say how: at least the fuse that carries what the BMS and its outputs draw at
     * {@link #FUSE_DERATING} of its rating, at most the one that would carry the outputs in use each at its full
     * rating (a larger one protects the lead less, and the outputs are not short-circuit protected); both rounded up
     * to 0.1 A and within 0.3–2.5 A. With all three outputs in use the most is §6's 2.5 A.
     */
    private static void fuse(Scenario scenario, List<Placement> placements, double outputsAmps,
            List<Finding> findings) {
        DeviceProfile device = scenario.device();
        double draw = remoteOnAmps(device) + outputsAmps;
        double ratings = remoteOnAmps(device);
        List<String> inUse = new ArrayList<>();
        for (BmsOutput output : List.of(BmsOutput.CHARGE_DISCONNECT, BmsOutput.LOAD_DISCONNECT,
                BmsOutput.PRE_ALARM)) {
            if (placements.stream().anyMatch(p -> p.wiring().output() == output)) {
                ratings += output.ratingAmps(device);
                inUse.add(output.label() + " " + ratingText(output.ratingAmps(device)));
            }
        }
        double smallest = fuseSize(draw / FUSE_DERATING);
        double largest = Math.max(smallest, fuseSize(ratings / FUSE_DERATING));
        String outputs = inUse.isEmpty() ? "no output in use" : "the outputs in use: " + String.join(", ", inUse);
        String fits = smallest == largest ? Figures.amps(smallest, 1)
                : Figures.number(smallest, 1) + "–" + Figures.amps(largest, 1);
        if (scenario.fuseAmps().isEmpty()) {
            findings.add(new Finding(Severity.INFO, "SYS-01", specifications(device), "BMS", String.format(Locale.ROOT,
                    "the BMS and its outputs draw up to %s: a %s fuse in the Bat+ lead fits (%s)",
                    Figures.amps(draw, 3), fits, outputs), ""));
            return;
        }
        double fuse = scenario.fuseAmps().get();
        String fix = "fit a " + fits + " fuse; " + Figures.amps(smallest, 1) + " carries what they draw";
        if (fuse < FUSE_MIN_AMPS || fuse > FUSE_MAX_AMPS) {
            findings.add(new Finding(Severity.ERROR, "SYS-01", specifications(device), "BMS", String.format(Locale.ROOT,
                    "the %s fuse is outside the recommended 0.3–2.5 A", Figures.amps(fuse, 2)), fix));
        } else if (fuse * FUSE_DERATING < draw) {
            findings.add(new Finding(Severity.ERROR, "SYS-01", specifications(device), "BMS", String.format(Locale.ROOT,
                    "the %s fuse would carry %s, more than %s of its rating", Figures.amps(fuse, 2),
                    Figures.amps(draw, 3), Figures.percent(FUSE_DERATING * 100, 0)), fix));
        } else if (fuse > largest) {
            findings.add(new Finding(Severity.WARNING, "SYS-01", specifications(device), "BMS", String.format(
                    Locale.ROOT, "the %s fuse is larger than what the outputs drive allows: %s would carry "
                    + "%s at their full ratings, and the outputs are not short-circuit protected",
                    Figures.amps(fuse, 2), Figures.amps(largest, 1), outputs), fix));
        } else {
            findings.add(new Finding(Severity.INFO, "SYS-01", specifications(device), "BMS", String.format(Locale.ROOT,
                    "the %s fuse fits: the BMS and its outputs draw up to %s; %s fits (%s)", Figures.amps(fuse, 2),
                    Figures.amps(draw, 3), fits, outputs), ""));
        }
    }

    /** A fuse rating for {@code amps}: rounded up to 0.1 A, within §6's 0.3–2.5 A. */
    private static double fuseSize(double amps) {
        double rounded = Math.ceil(Math.round(amps * 1e6) / 1e5) / 10;
        return Math.min(FUSE_MAX_AMPS, Math.max(FUSE_MIN_AMPS, rounded));
    }

    /** SYS-04, NG manual §4.1: combined charge and discharge currents against the bank's limits. */
    private static void currents(Scenario scenario, List<Placement> placements, double volts,
            List<Finding> findings) {
        BatteryModel model = scenario.model();
        int strings = scenario.parallel();
        double charge = 0;
        double discharge = 0;
        double pulse = 0;
        for (Placement placement : placements) {
            Component c = placement.component();
            if (c.role() == Role.CHARGER) {
                charge += c.continuousAmps(volts);
            } else if (c.role() == Role.LOAD) {
                discharge += c.continuousAmps(volts);
                pulse += c.pulseAmps(volts);
            }
        }
        String section = currentLimits(scenario.device());
        limit(findings, section, "combined charge current", charge, strings * model.maxContinuousChargeAmps(),
                "continuous charge", "lower the chargers' current limits");
        limit(findings, section, "combined discharge current", discharge,
                strings * model.maxContinuousDischargeAmps(), "continuous discharge",
                "reduce the loads or add batteries in parallel");
        limit(findings, section, "combined 10 s peak discharge", pulse, strings * model.maxPulseDischargeAmps(),
                "pulse (10 s) discharge", "reduce the inverters' and loads' peaks or add batteries in parallel");
        double capacity = strings * model.capacityAmpHours();
        if (charge > RECOMMENDED_CHARGE_C * capacity && charge <= strings * model.maxContinuousChargeAmps()) {
            findings.add(new Finding(Severity.INFO, "SYS-04", section, "bank", String.format(Locale.ROOT,
                    "chargers give up to %s, above the recommended 0.3C (%s) for battery life", Figures.amps(charge, 0),
                    Figures.amps(RECOMMENDED_CHARGE_C * capacity, 0)), ""));
        }
        if (discharge > RECOMMENDED_DISCHARGE_C * capacity
                && discharge <= strings * model.maxContinuousDischargeAmps()) {
            findings.add(new Finding(Severity.INFO, "SYS-04", section, "bank", String.format(Locale.ROOT,
                    "loads draw up to %s, above the recommended 0.5C (%s) for battery life", Figures.amps(discharge, 0),
                    Figures.amps(RECOMMENDED_DISCHARGE_C * capacity, 0)), ""));
        }
    }

    private static void limit(List<Finding> findings, String section, String what, double amps, double max,
            String limit, String fix) {
        if (amps > max) {
            findings.add(new Finding(Severity.ERROR, "SYS-04", section, "bank", String.format(Locale.ROOT,
                    "%s %s exceeds the bank's %s limit of %s", what, Figures.amps(amps, 0), limit,
                    Figures.amps(max, 0)), fix));
        }
    }
}
