package org.smallbms.sim.cell;

/**
 * How the cell resistances (R0, R1, R2) scale with temperature: a factor of 1 at 25 °C.
 */
public sealed interface ResistanceScaling permits ResistanceScaling.Arrhenius, ResistanceScaling.RatioTable {

    /** 25 °C, the temperature the resistances of a parameter set are given at. */
    double REFERENCE_KELVIN = 298.15;
    double GAS_CONSTANT = 8.314;

    /** The factor R(T) / R(25 °C) at {@code kelvin}. */
    double factor(double kelvin);

    /**
     * {@code R(T) = R(25 °C) * exp((Ea / 8.314) * (1/T - 1/298.15))}, with one activation energy above the break
     * temperature and another below it, continuous at the break (CELL-MODEL.md: 16 kJ/mol above 5 °C, 38 below).
     *
     * @param aboveJoulesPerMol activation energy above the break
     * @param belowJoulesPerMol activation energy below the break
     * @param breakCelsius the break temperature
     */
    record Arrhenius(double aboveJoulesPerMol, double belowJoulesPerMol, double breakCelsius)
            implements ResistanceScaling {

        public Arrhenius {
            String fix = "give the activation energy in J/mol (CELL-MODEL.md: 16000 above 5 °C, 38000 below)";
            CellParameterException.checkRange("resistance.temperature.activationEnergy.aboveJoulesPerMol",
                    aboveJoulesPerMol, 0, 200_000, fix);
            CellParameterException.checkRange("resistance.temperature.activationEnergy.belowJoulesPerMol",
                    belowJoulesPerMol, 0, 200_000, fix);
            CellParameterException.checkRange("resistance.temperature.activationEnergy.breakCelsius",
                    breakCelsius, -40, 60, "give the break temperature in °C");
        }

        @Override
        public double factor(double kelvin) {
            double breakKelvin = breakCelsius + 273.15;
            if (kelvin >= breakKelvin) {
                return Math.exp(aboveJoulesPerMol / GAS_CONSTANT * (1 / kelvin - 1 / REFERENCE_KELVIN));
            }
            double atBreak = Math.exp(aboveJoulesPerMol / GAS_CONSTANT * (1 / breakKelvin - 1 / REFERENCE_KELVIN));
            return atBreak * Math.exp(belowJoulesPerMol / GAS_CONSTANT * (1 / kelvin - 1 / breakKelvin));
        }
    }

    /**
     * A measured table of R(T) / R(25 °C) against °C, held constant beyond its coldest and warmest points.
     *
     * @param byCelsius the ratio against °C
     */
    record RatioTable(Curve byCelsius) implements ResistanceScaling {

        @Override
        public double factor(double kelvin) {
            return byCelsius.valueAt(kelvin - 273.15);
        }
    }
}
