package org.smallbms.app.report;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.smallbms.core.text.Decimals;

/**
 * {@code timeseries.csv}: one row per sample, a header naming each column with its unit. The {@link Recorder} writes
 * each row as its sample is taken; {@link #write} writes a list of them the same way. A figure the run does not have
 * (the BMS's SoC before it knows it, a battery monitor's SoC in a system without one) is an empty field; the columns
 * are the same for every run, so a script reads any run's file by the same header.
 */
public final class TimeseriesCsv {

    public static final String HEADER = "t_s,soc_percent,bms_soc_percent,bank_volts,bank_amps,min_cell_volts,"
            + "max_cell_volts,battery_celsius,ambient_celsius,atc,atd,pre_alarm,monitor_soc_percent";

    private TimeseriesCsv() {
    }

    public static void write(List<Sample> samples, Writer out) throws IOException {
        out.write(HEADER);
        out.write('\n');
        StringBuilder row = new StringBuilder(128);
        for (Sample s : samples) {
            row.setLength(0);
            out.append(appendRow(row, s));
        }
    }

    /** Appends the row of {@code s}, with its line end. */
    static StringBuilder appendRow(StringBuilder row, Sample s) {
        row.append(s.seconds()).append(',');
        Decimals.append(row, s.socPercent(), 2).append(',');
        if (!Double.isNaN(s.bmsSocPercent())) {
            Decimals.append(row, s.bmsSocPercent(), 1);
        }
        row.append(',');
        Decimals.append(row, s.volts(), 3).append(',');
        Decimals.append(row, s.amps(), 3).append(',');
        Decimals.append(row, s.minCellVolts(), 4).append(',');
        Decimals.append(row, s.maxCellVolts(), 4).append(',');
        Decimals.append(row, s.batteryCelsius(), 2).append(',');
        Decimals.append(row, s.ambientCelsius(), 2).append(',');
        row.append(s.atc() ? 1 : 0).append(',').append(s.atd() ? 1 : 0).append(',').append(s.preAlarm() ? 1 : 0)
                .append(',');
        if (!Double.isNaN(s.monitorSocPercent())) {
            Decimals.append(row, s.monitorSocPercent(), 1);
        }
        return row.append('\n');
    }
}
