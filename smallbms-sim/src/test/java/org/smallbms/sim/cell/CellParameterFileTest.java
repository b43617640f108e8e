package org.smallbms.sim.cell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CellParameterFileTest {

    private static String defaultJson() throws IOException {
        try (InputStream in = CellParameterFile.class.getResourceAsStream(CellParameterFile.DEFAULT_RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static CellParameters parse(String json) {
        return CellParameterFile.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void defaults_areTheHundredAmpHourPrismaticSetOfTheCellModel() {
        CellParameters p = CellParameterFile.defaults();
        assertThat(p.capacityAmpHours().at(25)).isEqualTo(100);
        assertThat(p.r0Ohms().at(25)).isEqualTo(0.0004);
        assertThat(p.r1Ohms().at(25)).isEqualTo(0.00035);
        assertThat(p.tau1Seconds().at(25)).isEqualTo(30);
        assertThat(p.hasSecondRcPair()).isTrue();
        assertThat(p.coulombicEfficiency().at(25)).isEqualTo(0.999);
        assertThat(p.selfDischargePerMonth()).isEqualTo(0.015);
        assertThat(p.ocv().volts()[0]).hasSize(30).startsWith(2.325).endsWith(3.592);
        assertThat(p.temperatureScaling().factor(298.15)).isCloseTo(1, within(1e-12));
    }

    @Test
    void scaledTo_twoHundredAmpHours_doublesCapacityAndHalvesResistances() {
        CellParameters p = CellParameterFile.defaults().scaledTo(200);
        assertThat(p.capacityAmpHours().at(25)).isEqualTo(200);
        assertThat(p.r0Ohms().at(25)).isCloseTo(0.0002, within(1e-15));
        assertThat(p.r1Ohms().at(25)).isCloseTo(0.000175, within(1e-15));
        assertThat(p.r2Ohms().at(25)).isCloseTo(0.0002, within(1e-15));
        assertThat(p.tau1Seconds().at(25)).isEqualTo(30);
    }

    @Test
    void ratioTable_insteadOfActivationEnergy_scalesByTheTable() throws IOException {
        String json = defaultJson().replaceFirst("\"activationEnergy\": \\{[^}]*\\}",
                "\"ratio\": { \"celsius\": [-25, -15, -5, 5, 15, 25, 35, 45], "
                        + "\"factor\": [13.4, 6.5, 3.3, 1.83, 1.28, 1.00, 0.81, 0.78] }");
        ResistanceScaling scaling = parse(json).temperatureScaling();
        assertThat(scaling).isInstanceOf(ResistanceScaling.RatioTable.class);
        assertThat(scaling.factor(273.15 - 15)).isCloseTo(6.5, within(1e-12));
        assertThat(scaling.factor(273.15 + 30)).isCloseTo(0.905, within(1e-12));
    }

    @Test
    void negativeResistance_isRefusedNamingFieldValueRuleAndFix() throws IOException {
        String json = defaultJson().replace("\"r0Ohms\": 0.00040", "\"r0Ohms\": -0.4");
        assertThatThrownBy(() -> parse(json)).isInstanceOf(CellParameterException.class)
                .hasMessageContaining("resistance.r0Ohms = -0.4")
                .hasMessageContaining("outside the allowed")
                .hasMessageContaining("give the resistance in ohms");
    }

    @Test
    void missingField_isRefusedNamingIt() throws IOException {
        String json = defaultJson().replace("\"capacityAh\": 100.0,", "");
        assertThatThrownBy(() -> parse(json)).isInstanceOf(CellParameterException.class)
                .hasMessageContaining("capacityAh is missing").hasMessageContaining("add a number");
    }

    @Test
    void misspeltField_isRefusedRatherThanIgnored() throws IOException {
        String json = defaultJson().replace("\"tau2Seconds\"", "\"tau2seconds\"");
        assertThatThrownBy(() -> parse(json)).isInstanceOf(CellParameterException.class)
                .hasMessageContaining("resistance.tau2seconds is not a known field");
    }

    @Test
    void ocvFallingWithSoc_isRefusedAtTheEntry() throws IOException {
        String json = defaultJson().replace("3.299,", "3.200,");
        assertThatThrownBy(() -> parse(json)).isInstanceOf(CellParameterException.class)
                .hasMessageContaining("ocv.tables[0].volts[13] = 3.2 is below the previous value 3.297");
    }

    @Test
    void socGridOutOfOrder_isRefused() throws IOException {
        String json = defaultJson().replace("0.350, 0.400,", "0.400, 0.350,");
        assertThatThrownBy(() -> parse(json)).isInstanceOf(CellParameterException.class)
                .hasMessageContaining("ocv.soc[13] = 0.35 is not above the previous entry 0.4");
    }

    @Test
    void textWhereANumberBelongs_isRefused() throws IOException {
        String json = defaultJson().replace("\"gamma\": 75.0", "\"gamma\": \"75\"");
        assertThatThrownBy(() -> parse(json)).isInstanceOf(CellParameterException.class)
                .hasMessageContaining("hysteresis.gamma = \"75\" is not a number");
    }

    @Test
    void brokenJson_isRefusedWithItsLine() {
        assertThatThrownBy(() -> parse("{\n  \"capacityAh\": 100,\n  oops\n}"))
                .isInstanceOf(CellParameterException.class)
                .hasMessageContaining("not valid JSON at line 3");
    }

    @Test
    void load_badFile_namesThePath(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("cell.json");
        Files.writeString(file, defaultJson().replace("\"coulombicEfficiency\": 0.999", "\"coulombicEfficiency\": 99"));
        assertThatThrownBy(() -> CellParameterFile.load(file)).isInstanceOf(CellParameterException.class)
                .hasMessageStartingWith(file.toString())
                .hasMessageContaining("coulombicEfficiency = 99.0 is outside the allowed 0.9..1.0");
    }
}
