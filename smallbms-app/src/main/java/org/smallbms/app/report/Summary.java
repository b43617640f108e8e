package org.smallbms.app.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a run came to ({@code summary.json}).
 *
 * @param scenario the scenario's name
 * @param seed the seed of the run
 * @param simulatedSeconds how long it ran on the virtual clock
 * @param stepSeconds the control step
 * @param finalSocPercent the bank's true SoC at the end
 * @param minSocPercent the lowest true SoC
 * @param finalBmsSoc the SoC the BMS showed at the end, as it shows it; "none" for a device without a battery
 *     monitor (the smallBMS with pre-alarm)
 * @param finalMonitorSoc the SoC the system's first battery monitor (SmartShunt, BMV-712) showed at the end, as a
 *     percentage with one decimal or "unknown"; empty without a monitor
 * @param minCellVolts the lowest cell voltage seen
 * @param maxCellVolts the highest cell voltage seen
 * @param atcOffSeconds seconds the Charge disconnect output was not high (Allowed to charge: No)
 * @param atdOffSeconds seconds the Load disconnect output was not high (Allowed to discharge: No)
 * @param preAlarmOnSeconds seconds the pre-alarm output was high
 * @param codes how often each code or condition became active
 * @param chargedWh energy into the bank
 * @param dischargedWh energy out of the bank
 * @param findings what the simulation noticed (overloads, BatteryProtect, reserve), as "name value: cause"
 */
public record Summary(String scenario, long seed, long simulatedSeconds, double stepSeconds, double finalSocPercent,
        double minSocPercent, String finalBmsSoc, String finalMonitorSoc, double minCellVolts, double maxCellVolts,
        long atcOffSeconds, long atdOffSeconds, long preAlarmOnSeconds, Map<String, Integer> codes, double chargedWh,
        double dischargedWh, List<String> findings) {

    public Summary {
        codes = Map.copyOf(codes);
        findings = List.copyOf(findings);
    }

    /**
     * What the system showed of its SoC at the end, in words: the BMS's ("BMS shows 97.5 %") unless the device has
     * none, and the battery monitor's when there is one ("battery monitor shows 97.3 %").
     */
    public String shown() {
        List<String> parts = new ArrayList<>(2);
        if (!finalBmsSoc.equals("none")) {
            parts.add("BMS shows " + finalBmsSoc);
        }
        if (!finalMonitorSoc.isEmpty()) {
            parts.add("battery monitor shows " + finalMonitorSoc);
        }
        return parts.isEmpty() ? "no SoC shown" : String.join("; ", parts);
    }
}
