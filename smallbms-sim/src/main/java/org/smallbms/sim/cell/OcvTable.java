package org.smallbms.sim.cell;

import java.util.Arrays;

/**
 * Open-circuit voltage per cell against state of charge: one table with a temperature coefficient dOCV/dT, or one
 * table per temperature (interpolated between them, held constant beyond the coldest and warmest).
 *
 * @param soc the state-of-charge grid shared by every table, 0..1, increasing
 * @param celsius the temperature of each table, increasing
 * @param volts one row of volts per temperature, one value per {@code soc} entry, never decreasing with SoC
 * @param voltsPerKelvin dOCV/dT against SoC (volts per kelvin), applied to the single table; zero when there are
 *     several tables
 */
public record OcvTable(double[] soc, double[] celsius, double[][] volts, Curve voltsPerKelvin) {

    public static final double MIN_VOLTS = 1.5;
    public static final double MAX_VOLTS = 4.5;

    public OcvTable {
        soc = soc.clone();
        celsius = celsius.clone();
        volts = deepCopy(volts);
        CellParameterException.check(soc.length >= 2, "ocv.soc", Arrays.toString(soc), "has fewer than 2 points",
                "give the OCV at least at SoC 0 and 1");
        CellParameterException.check(celsius.length >= 1 && celsius.length == volts.length, "ocv.tables",
                volts.length + " tables", "is empty", "give at least one table with its celsius and volts");
        Curve.checked("ocv", "soc", soc, "soc", soc, 0, 1, 0, 1);
        for (int t = 0; t < celsius.length; t++) {
            String table = "ocv.tables[" + t + "]";
            CellParameterException.checkRange(table + ".celsius", celsius[t], -60, 100, "give the temperature in °C");
            if (t > 0) {
                CellParameterException.check(celsius[t] > celsius[t - 1], table + ".celsius", celsius[t],
                        "is not above the previous table's " + celsius[t - 1], "order the tables from cold to warm");
            }
            Curve.checked(table, "soc", soc, "volts", volts[t], 0, 1, MIN_VOLTS, MAX_VOLTS);
            for (int i = 1; i < soc.length; i++) {
                CellParameterException.check(volts[t][i] >= volts[t][i - 1], table + ".volts[" + i + "]",
                        volts[t][i], "is below the previous value " + volts[t][i - 1],
                        "the OCV never falls as the SoC rises: check the order of the values");
            }
        }
        CellParameterException.check(celsius.length == 1 || Arrays.stream(voltsPerKelvin.y()).allMatch(v -> v == 0),
                "ocv.dOcvDt", voltsPerKelvin, "is given with " + celsius.length + " tables",
                "give either one table with dOcvDt or several tables, not both");
    }

    private static double[][] deepCopy(double[][] rows) {
        double[][] copy = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            copy[i] = rows[i].clone();
        }
        return copy;
    }

    @Override
    public double[] soc() {
        return soc.clone();
    }

    @Override
    public double[] celsius() {
        return celsius.clone();
    }

    @Override
    public double[][] volts() {
        return deepCopy(volts);
    }

    /** The table at the given temperature row as a curve over SoC. */
    Curve row(int index) {
        return new Curve(soc, volts[index]);
    }

    int rows() {
        return celsius.length;
    }

    double rowCelsius(int index) {
        return celsius[index];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OcvTable t && Arrays.equals(soc, t.soc) && Arrays.equals(celsius, t.celsius)
                && Arrays.deepEquals(volts, t.volts) && voltsPerKelvin.equals(t.voltsPerKelvin);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(soc) * 31 + Arrays.deepHashCode(volts) + voltsPerKelvin.hashCode();
    }

    @Override
    public String toString() {
        return "OcvTable[soc=" + Arrays.toString(soc) + ", celsius=" + Arrays.toString(celsius) + ", volts="
                + Arrays.deepToString(volts) + ", voltsPerKelvin=" + voltsPerKelvin + "]";
    }
}
