package org.smallbms.app.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.smallbms.core.bank.BatteryModel;
import org.smallbms.core.bms.Bms;
import org.smallbms.core.bms.BmsState;
import org.smallbms.core.event.Event;
import org.smallbms.sim.bank.BatteryBank;
import org.smallbms.sim.system.BasicWorld;
import org.smallbms.sim.system.ClosedLoop;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code smallbms demo}: a few days of the manual's §3.3.1 system on a virtual clock, and what the BMS did, as it
 * happened. Every line is computed by the core from the simulated battery; nothing is canned.
 */
@Command(name = "demo", description = {
    "Runs a few virtual days of a smallBMS NG with one 12.8 V/100 Ah Lithium NG battery, a solar charger on the",
    "Charge disconnect output and DC loads on the Load disconnect output (manual §3.3.1), and prints what the BMS",
    "did and why."})
public final class DemoCommand implements Callable<Integer> {

    private static final Instant START = Instant.parse("2026-06-01T12:00:00Z");

    @Spec
    CommandSpec spec;

    @Option(names = "--days", defaultValue = "3",
            description = "Virtual days to run (1..365, default ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--soc", defaultValue = "35", description = "Battery state of charge at the start, % (default "
            + "${DEFAULT-VALUE}).")
    int socPercent;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the battery's cell spread (default "
            + "${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--evening-load", defaultValue = "15", description = "Extra load from 18:00 to 23:00, A "
            + "(0..60, default ${DEFAULT-VALUE}).")
    double eveningAmps;

    @Option(names = "--all", description = "Also print the monitor's events (synchronisation, settings scaled).")
    boolean all;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (days < 1 || days > 365) {
            spec.commandLine().getErr().println("--days = " + days + " is outside the allowed 1..365");
            return 2;
        }
        if (socPercent < 0 || socPercent > 100) {
            spec.commandLine().getErr().println("--soc = " + socPercent + " is outside the allowed 0..100");
            return 2;
        }
        if (eveningAmps < 0 || eveningAmps > 60) {
            spec.commandLine().getErr().println("--evening-load = " + eveningAmps + " is outside the allowed 0..60 A");
            return 2;
        }
        BasicWorld world = new BasicWorld(BatteryBank.uniform(BatteryModel.NG_12V8_100AH, 1, 1, seed,
                socPercent / 100.0, 20, "HQ2401"), 15, 2, eveningAmps);
        out.printf(Locale.ROOT, "smallBMS NG, manual §3.3.1: one Lithium NG 12.8 V/100 Ah battery at %d %%, a "
                + "solar charger (up to 15 A at noon) on Charge disconnect,%nDC loads (2 A, %.0f A more from 18:00 to "
                + "23:00) on Load disconnect. %d virtual days from %s, one step a second.%n%n", socPercent,
                eveningAmps, days, START);
        BmsState bms = Bms.initial();
        Duration dt = Duration.ofSeconds(1);
        Instant end = START.plus(Duration.ofDays(days));
        int minCell = Integer.MAX_VALUE;
        int maxCell = 0;
        long loadOffSeconds = 0;
        long chargeOffSeconds = 0;
        for (Instant now = START; now.isBefore(end); now = now.plus(dt)) {
            bms = ClosedLoop.tick(bms, world, now, dt);
            for (Event event : bms.events()) {
                if (all || event.kind() != Event.Kind.MONITOR) {
                    out.println(clock(now) + "  " + StatusText.of(event));
                }
            }
            if (!bms.protection().outputs().load().isHigh()) {
                loadOffSeconds++;
            }
            if (!bms.protection().outputs().charge().isHigh()) {
                chargeOffSeconds++;
            }
            if (bms.measurement().isPresent()) {
                minCell = Math.min(minCell, bms.measurement().get().minCellMillivolts());
                maxCell = Math.max(maxCell, bms.measurement().get().maxCellMillivolts());
            }
        }
        out.printf(Locale.ROOT, "%nAfter %d days: SoC %s (battery model %.1f %%), loads off for %s, charger off "
                + "for %s,%ncells between %.3f V and %.3f V, %d synchronisation(s), %d full cycle(s).%n", days,
                bms.monitor().socText(), world.bank().batteries().get(0).soc() * 100, hours(loadOffSeconds),
                hours(chargeOffSeconds), minCell / 1000.0, maxCell / 1000.0, bms.history().synchronisations(),
                bms.history().cycles());
        return 0;
    }

    private static String clock(Instant now) {
        long seconds = Duration.between(START.minus(Duration.ofHours(12)), now).toSeconds();
        return String.format(Locale.ROOT, "day %d %02d:%02d:%02d", seconds / 86_400 + 1, seconds % 86_400 / 3600,
                seconds % 3600 / 60, seconds % 60);
    }

    private static String hours(long seconds) {
        return String.format(Locale.ROOT, "%.1f h", seconds / 3600.0);
    }
}
