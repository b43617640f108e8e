package org.smallbms.app.report;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

/** {@code timeseries.csv}: one row per sample, a header naming each column with its unit. */
public final class TimeseriesCsv {

    public static final String HEADER = "t_s,soc_percent,bms_soc_percent,bank_volts,bank_amps,min_cell_volts,"
            + "max_cell_volts,battery_celsius,ambient_celsius,atc,atd,pre_alarm";

    private TimeseriesCsv() {
    }

    public static void write(List<Sample> samples, Writer out) throws IOException {
        out.write(HEADER);
        out.write('\n');
        for (Sample s : samples) {
            out.write(String.format(Locale.ROOT, "%d,%.2f,%s,%.3f,%.3f,%.4f,%.4f,%.2f,%.2f,%d,%d,%d%n", s.seconds(),
                    s.socPercent(), Double.isNaN(s.bmsSocPercent()) ? "" : String.format(Locale.ROOT, "%.1f",
                    s.bmsSocPercent()), s.volts(), s.amps(), s.minCellVolts(), s.maxCellVolts(), s.batteryCelsius(),
                    s.ambientCelsius(), s.atc() ? 1 : 0, s.atd() ? 1 : 0, s.preAlarm() ? 1 : 0));
        }
    }
}
