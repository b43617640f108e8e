package org.smallbms.sim.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.smallbms.core.bank.BatteryFamily;
import org.smallbms.core.bank.BatteryModel;
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
import org.smallbms.sim.system.SimulatedSystem;

/** Checks a system design against the manuals (docs/system-check.md lists the rules). */
public final class SystemCheck {

    /** Manual §6: the BMS's Bat+ fuse, dependent on what the outputs drive. */
    public static final double FUSE_MIN_AMPS = 0.3;
    public static final double FUSE_MAX_AMPS = 2.5;
    /** A fuse carries at most this share of its rating continuously without ageing. */
    public static final double FUSE_DERATING = 0.75;
    /** Manual §3.1: about 1 Ah per 100 Ah is left after a low cell voltage shutdown. */
    public static final double RESERVE_FRACTION = 0.01;
    /** Manual §4.1: 0.3C charge and 0.5C discharge are recommended for battery life. */
    public static final double RECOMMENDED_CHARGE_C = 0.3;
    public static final double RECOMMENDED_DISCHARGE_C = 0.5;

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
        List<Placement> placements = scenario.placements();
        double nominalVolts = scenario.series() * model.nominalMillivolts() / 1000.0;
        for (Placement placement : placements) {
            wiring(placement, findings);
            residual(placement, scenario, nominalVolts, findings);
        }
        double outputsAmps = outputs(placements, findings);
        fuse(scenario, outputsAmps, findings);
        currents(scenario, placements, nominalVolts, findings);
        findings.sort((a, b) -> a.severity().compareTo(b.severity()));
        return findings;
    }

    /** Whether any finding is an error. */
    public static boolean hasErrors(List<Finding> findings) {
        return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
    }

    private static void bank(Scenario scenario, BatteryModel model, List<Finding> findings) {
        if (model.family() != BatteryFamily.LITHIUM_NG) {
            findings.add(new Finding(Severity.ERROR, "CLS-01", "§2.1", "bank", model.label() + " is not a Lithium NG "
                    + "battery: the smallBMS NG works with Lithium NG batteries only", "use Lithium NG batteries, or "
                    + "the classic smallBMS for Lithium Battery Smart"));
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
                    "%d in series make %.1f V nominal, above the 48 V system maximum", scenario.series(),
                    seriesMillivolts / 1000.0), "put fewer batteries in series"));
        }
    }

    private static void wiring(Placement placement, List<Finding> findings) {
        Component c = placement.component();
        String name = c.name() + " (" + c.product() + ")";
        BmsOutput output = placement.wiring().output();
        Link link = placement.wiring().link();
        if (c instanceof Inverter inverter && inverter.kind() == Inverter.Kind.VE_BUS_INVERTER_CHARGER) {
            findings.add(new Finding(Severity.ERROR, "SYS-04", "§2.1", c.name(), name + " is a VE.Bus MultiPlus or "
                    + "Quattro: the smallBMS NG has no VE.Bus interface and is not suitable for it", "use a VE.Bus "
                    + "BMS NG, or an inverter without a charger"));
        }
        BmsOutput expected = switch (c.role()) {
            case CHARGER -> BmsOutput.CHARGE_DISCONNECT;
            case LOAD -> BmsOutput.LOAD_DISCONNECT;
            case SIGNAL -> BmsOutput.PRE_ALARM;
        };
        if (output == BmsOutput.NONE) {
            if (!placement.beforeMainSwitch() || c.role() == Role.CHARGER) {
                findings.add(new Finding(c.role() == Role.CHARGER ? Severity.ERROR : Severity.WARNING, "SYS-01",
                        "§4.1", c.name(), name + " is not controlled by the BMS: chargers and loads not controlled via "
                        + "ATC and ATD can permanently damage the battery", "wire it to the " + expected.label()
                        + " output" + viaFor(c)));
            }
            return;
        }
        if (output != expected) {
            findings.add(new Finding(Severity.ERROR, "SYS-01", "§3.2", c.name(), name + " is wired to the "
                    + output.label() + " output; a " + c.role().name().toLowerCase(Locale.ROOT) + " belongs on "
                    + expected.label(), "wire it to the " + expected.label() + " output" + viaFor(c)));
        }
        boolean follows = link.enables(true, c.input()) && !link.enables(false, c.input());
        boolean wrongCyrix = link == Link.CYRIX_LI_CHARGE && c.role() != Role.CHARGER
                || link == Link.CYRIX_LI_LOAD && c.role() != Role.LOAD;
        if (!follows || wrongCyrix) {
            findings.add(new Finding(Severity.ERROR, "SYS-01", "Appendix A", c.name(), name + " has a "
                    + inputName(c.input()) + " and is connected " + linkName(link) + ": it does not follow the "
                    + output.label() + " output (" + (link.enables(true, c.input()) ? "always on" : "never on") + ")",
                    "connect it" + viaFor(c)));
        }
        if (c.inductiveInput() && output == BmsOutput.CHARGE_DISCONNECT) {
            findings.add(new Finding(Severity.ERROR, "OUT-04", "§2.2", c.name(), name + " is a relay coil on the "
                    + "Charge disconnect output, which is not suitable for an inductive load", "drive the relay from "
                    + "the pre-alarm or Load disconnect output, or use a Cyrix-Li-Charge"));
        }
    }

    /** Appendix A: how a device with this input is connected. */
    private static String viaFor(Component c) {
        return switch (c.input()) {
            case REMOTE_H -> " directly (remote H)";
            case VE_DIRECT -> " through a VE.Direct non-inverting remote on/off cable (ASS030550320)";
            case ACTIVE_LOW -> " through an inverting remote on-off cable (ASS030550100 or -120)";
            case NONE -> c.role() == Role.CHARGER ? " through a Cyrix-Li-Charge in its power path"
                    : " through a Cyrix-Li-Load in its power path";
        };
    }

    private static String inputName(ControlInput input) {
        return switch (input) {
            case REMOTE_H -> "remote H (active high) input";
            case ACTIVE_LOW -> "remote input that is on when pulled low";
            case VE_DIRECT -> "VE.Direct port and no remote terminal";
            case NONE -> "no remote input";
        };
    }

    private static String linkName(Link link) {
        return switch (link) {
            case DIRECT -> "directly";
            case VE_DIRECT_NON_INVERTING_CABLE -> "through a VE.Direct non-inverting cable";
            case INVERTING_CABLE -> "through an inverting cable";
            case CYRIX_LI_CHARGE -> "through a Cyrix-Li-Charge";
            case CYRIX_LI_LOAD -> "through a Cyrix-Li-Load";
        };
    }

    private static void residual(Placement placement, Scenario scenario, double volts, List<Finding> findings) {
        Component c = placement.component();
        if (placement.wiring().output() != BmsOutput.NONE || !placement.beforeMainSwitch()
                || c.role() != Role.LOAD) {
            return;
        }
        double amps = c.continuousAmps(volts);
        double reserveAh = RESERVE_FRACTION * scenario.model().capacityAmpHours() * scenario.parallel();
        double days = reserveAh / (amps + SimulatedSystem.BMS_LOW_AMPS) / 24;
        findings.add(new Finding(Severity.WARNING, "SYS-05", "§3.1", c.name(), String.format(Locale.ROOT,
                "%s draws %.1f mA whatever the BMS says: after a low cell voltage shutdown the reserve of about "
                + "%.1f Ah is gone in %.1f days (with the BMS's own 1.2 mA)", c.name(), amps * 1000, reserveAh, days),
                "recharge at once after a shutdown, or isolate the battery when the system is not in use"));
    }

    /** OUT-02: what each output sources; returns the total for the fuse. */
    private static double outputs(List<Placement> placements, List<Finding> findings) {
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
            total += amps;
            if (amps > output.ratingAmps()) {
                findings.add(new Finding(Severity.ERROR, "OUT-02", "§6", output.label(), String.format(Locale.ROOT,
                        "the %s output would source %.3f A (%s), above its %.1f A rating; it is not short-circuit "
                        + "protected", output.label(), amps, String.join(", ", names), output.ratingAmps()),
                        "drive the devices through a relay or a Cyrix, or spread them over fewer amps"));
            } else if (!names.isEmpty()) {
                findings.add(new Finding(Severity.INFO, "OUT-02", "§6", output.label(), String.format(Locale.ROOT,
                        "%s output: %.3f A of %.1f A (%s)", output.label(), amps, output.ratingAmps(),
                        String.join(", ", names)), ""));
            }
        }
        return total;
    }

    private static void fuse(Scenario scenario, double outputsAmps, List<Finding> findings) {
        double draw = SimulatedSystem.BMS_ON_AMPS + outputsAmps;
        double recommended = Math.min(FUSE_MAX_AMPS, Math.max(FUSE_MIN_AMPS, draw / FUSE_DERATING));
        if (scenario.fuseAmps().isEmpty()) {
            findings.add(new Finding(Severity.INFO, "OUT-02", "§6", "BMS", String.format(Locale.ROOT,
                    "the BMS and its outputs draw up to %.3f A: a %.1f A fuse in the Bat+ lead fits (0.3–2.5 A)",
                    draw, recommended), ""));
            return;
        }
        double fuse = scenario.fuseAmps().get();
        if (fuse < FUSE_MIN_AMPS || fuse > FUSE_MAX_AMPS) {
            findings.add(new Finding(Severity.ERROR, "OUT-02", "§6", "BMS", String.format(Locale.ROOT,
                    "the %.2f A fuse is outside the recommended 0.3–2.5 A", fuse), String.format(Locale.ROOT,
                    "fit a %.1f A fuse", recommended)));
        } else if (fuse * FUSE_DERATING < draw) {
            findings.add(new Finding(Severity.ERROR, "OUT-02", "§6", "BMS", String.format(Locale.ROOT,
                    "the %.2f A fuse would carry %.3f A, more than %.0f %% of its rating", fuse, draw,
                    FUSE_DERATING * 100), String.format(Locale.ROOT, "fit a %.1f A fuse", recommended)));
        } else {
            findings.add(new Finding(Severity.INFO, "OUT-02", "§6", "BMS", String.format(Locale.ROOT,
                    "the %.2f A fuse fits: the BMS and its outputs draw up to %.3f A (0.3–2.5 A, at most %.0f %% of "
                    + "its rating)", fuse, draw, FUSE_DERATING * 100), ""));
        }
    }

    /** SYS-04, §4.1: combined charge and discharge currents against the bank's limits. */
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
        limit(findings, "combined charge current", charge, strings * model.maxContinuousChargeAmps(),
                "continuous charge", "lower the chargers' current limits");
        limit(findings, "combined discharge current", discharge, strings * model.maxContinuousDischargeAmps(),
                "continuous discharge", "reduce the loads or add batteries in parallel");
        limit(findings, "combined 10 s peak discharge", pulse, strings * model.maxPulseDischargeAmps(),
                "pulse (10 s) discharge", "reduce the inverters' and loads' peaks or add batteries in parallel");
        double capacity = strings * model.capacityAmpHours();
        if (charge > RECOMMENDED_CHARGE_C * capacity && charge <= strings * model.maxContinuousChargeAmps()) {
            findings.add(new Finding(Severity.INFO, "SYS-04", "§4.1", "bank", String.format(Locale.ROOT,
                    "chargers give up to %.0f A, above the recommended 0.3C (%.0f A) for battery life", charge,
                    RECOMMENDED_CHARGE_C * capacity), ""));
        }
        if (discharge > RECOMMENDED_DISCHARGE_C * capacity
                && discharge <= strings * model.maxContinuousDischargeAmps()) {
            findings.add(new Finding(Severity.INFO, "SYS-04", "§4.1", "bank", String.format(Locale.ROOT,
                    "loads draw up to %.0f A, above the recommended 0.5C (%.0f A) for battery life", discharge,
                    RECOMMENDED_DISCHARGE_C * capacity), ""));
        }
    }

    private static void limit(List<Finding> findings, String what, double amps, double max, String limit,
            String fix) {
        if (amps > max) {
            findings.add(new Finding(Severity.ERROR, "SYS-04", "§4.1", "bank", String.format(Locale.ROOT,
                    "%s %.0f A exceeds the bank's %s limit of %.0f A", what, amps, limit, max), fix));
        }
    }
}
