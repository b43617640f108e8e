package org.smallbms.core.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.smallbms.core.testing.Frames.battery;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smallbms.core.testing.Frames;

class BankDetectionTest {

    @Test
    @DisplayName("TOP-01 the BMS detects batteries, cells, series, parallel and each battery's serial, model, firmware")
    void detect_twoByTwo25V_countsEverything() {
        BankFrame frame = Frames.bank(BatteryModel.NG_25V6_200AH, 2, 2);

        Bank bank = BankDetection.detect(frame.batteries(), frame.terminalMillivolts());

        assertThat(bank.isValid()).isTrue();
        assertThat(bank.batteryCount()).isEqualTo(4);
        assertThat(bank.cellCount()).isEqualTo(32);
        assertThat(bank.series()).isEqualTo(2);
        assertThat(bank.parallel()).isEqualTo(2);
        assertThat(bank.batteries().get(0)).isEqualTo(new BankBattery("HQ00000001", BatteryModel.NG_25V6_200AH,
                "v1.10"));
    }

    @Test
    @DisplayName("TOP-04 capacity is the sum over parallel strings; nominal voltage is series × battery voltage")
    void detect_fourByThree12V_capacityAndNominalVoltage() {
        BankFrame frame = Frames.bank(BatteryModel.NG_12V8_300AH, 4, 3);

        Bank bank = BankDetection.detect(frame.batteries(), frame.terminalMillivolts());

        assertThat(bank.capacityAmpHours()).isEqualTo(900);
        assertThat(bank.nominalMillivolts()).isEqualTo(51_200);
        assertThat(bank.systemVoltage()).isEqualTo(SystemVoltage.V48);
        assertThat(bank.cellsInSeries()).isEqualTo(16);
    }

    @ParameterizedTest(name = "{0}: continuous {1}/{3} A, pulse {2}/{4} A")
    @CsvSource({
        "NG_12V8_100AH, 100, 200, 100, 200", "NG_12V8_150AH, 150, 300, 150, 225",
        "NG_12V8_200AH, 200, 400, 200, 400", "NG_12V8_300AH, 300, 600, 300, 450",
        "NG_25V6_100AH, 100, 200, 100, 200", "NG_25V6_200AH, 200, 400, 200, 400",
        "NG_25V6_300AH, 300, 600, 300, 450", "NG_51V2_100AH, 100, 200, 100, 200"})
    @DisplayName("TOP-02 the Lithium NG models and their current limits are those of manual §4.1")
    void model_limitsMatchManualTables(BatteryModel model, int dischargeContinuous, int dischargePulse,
            int chargeContinuous, int chargePulse) {
        assertThat(model.family()).isEqualTo(BatteryFamily.LITHIUM_NG);
        assertThat(model.maxContinuousDischargeAmps()).isEqualTo(dischargeContinuous);
        assertThat(model.maxPulseDischargeAmps()).isEqualTo(dischargePulse);
        assertThat(model.maxContinuousChargeAmps()).isEqualTo(chargeContinuous);
        assertThat(model.maxPulseChargeAmps()).isEqualTo(chargePulse);
        assertThat(model.capacityAmpHours()).isEqualTo(model.maxContinuousDischargeAmps());
    }

    @Test
    @DisplayName("TOP-02 the NG line has 12.8 V 100/150/200/300 Ah, 25.6 V 100/200/300 Ah and 51.2 V 100 Ah")
    void models_ngLineIsTheManualsList() {
        List<String> labels = new ArrayList<>();
        for (BatteryModel model : BatteryModel.values()) {
            if (model.family() == BatteryFamily.LITHIUM_NG) {
                labels.add(model.label());
            }
        }
        assertThat(labels).containsExactly("Lithium NG 12.8V/100Ah", "Lithium NG 12.8V/150Ah",
                "Lithium NG 12.8V/200Ah", "Lithium NG 12.8V/300Ah", "Lithium NG 25.6V/100Ah", "Lithium NG 25.6V/200Ah",
                "Lithium NG 25.6V/300Ah", "Lithium NG 51.2V/100Ah");
    }

    @Test
    @DisplayName("TOP-03 50 batteries of 12.8 V are a valid bank; 51 are not")
    void detect_fiftyAndFiftyOne12V() {
        BankFrame fifty = Frames.bank(BatteryModel.NG_12V8_300AH, 1, 50);
        BankFrame fiftyOne = Frames.bank(BatteryModel.NG_12V8_300AH, 1, 51);

        assertThat(BankDetection.detect(fifty.batteries(), fifty.terminalMillivolts()).isValid()).isTrue();
        assertThat(BankDetection.detect(fifty.batteries(), fifty.terminalMillivolts()).capacityAmpHours())
                .as("192 kWh at 12.8 V = 15000 Ah").isEqualTo(15_000);
        assertThat(BankDetection.detect(fiftyOne.batteries(), fiftyOne.terminalMillivolts()).violations())
                .singleElement().asString().startsWith("Too many batteries: 51 found, at most 50");
    }

    @Test
    @DisplayName("TOP-03 at most 25 batteries of 51.2 V")
    void detect_twentySixOf51V_tooMany() {
        BankFrame frame = Frames.bank(BatteryModel.NG_51V2_100AH, 1, 26);

        assertThat(BankDetection.detect(frame.batteries(), frame.terminalMillivolts()).violations())
                .singleElement().asString().contains("at most 25");
    }

    @Test
    @DisplayName("TOP-05 mixed nominal voltages are invalid and the message names the rule")
    void detect_mixedVoltages_invalid() {
        List<BatteryReading> batteries = List.of(battery("A1", BatteryModel.NG_12V8_100AH),
                battery("A2", BatteryModel.NG_25V6_100AH));

        Bank bank = BankDetection.detect(batteries, 13_200);

        assertThat(bank.isValid()).isFalse();
        assertThat(bank.violations()).anySatisfy(v -> assertThat(v).startsWith("Mixed nominal voltages"));
    }

    @Test
    @DisplayName("TOP-05 mixed capacities are invalid")
    void detect_mixedCapacities_invalid() {
        List<BatteryReading> batteries = List.of(battery("A1", BatteryModel.NG_12V8_100AH),
                battery("A2", BatteryModel.NG_12V8_200AH));

        assertThat(BankDetection.detect(batteries, 13_200).violations())
                .singleElement().asString().startsWith("Mixed capacities: A2 is 200 Ah, A1 is 100 Ah");
    }

    @Test
    @DisplayName("TOP-05 three batteries with two in series are unequal strings")
    void detect_threeBatteriesTwoInSeries_unequalStrings() {
        List<BatteryReading> batteries = List.of(battery("A1", BatteryModel.NG_12V8_100AH),
                battery("A2", BatteryModel.NG_12V8_100AH), battery("A3", BatteryModel.NG_12V8_100AH));

        assertThat(BankDetection.detect(batteries, 2 * 13_200).violations())
                .singleElement().asString().startsWith("Unequal string lengths");
    }

    @Test
    @DisplayName("TOP-05 two 51.2 V batteries in series exceed 48 V nominal")
    void detect_two51VInSeries_aboveFortyEight() {
        List<BatteryReading> batteries = List.of(battery("A1", BatteryModel.NG_51V2_100AH),
                battery("A2", BatteryModel.NG_51V2_100AH));

        assertThat(BankDetection.detect(batteries, 2 * batteries.get(0).millivolts()).violations())
                .singleElement().asString().startsWith("Series voltage 102.4 V nominal is above the 48 V system");
    }

    @Test
    @DisplayName("TOP-05 three 12.8 V batteries in series are not a 12, 24 or 48 V system")
    void detect_three12VInSeries_notASystemVoltage() {
        BankFrame frame = Frames.bank(BatteryModel.NG_12V8_100AH, 3, 1);

        assertThat(BankDetection.detect(frame.batteries(), frame.terminalMillivolts()).violations())
                .singleElement().asString().contains("not a 12, 24 or 48 V system");
    }

    @Test
    @DisplayName("TOP-05 a Lithium Battery Smart on the NG BMS is invalid (CLS-01)")
    void detect_lithiumBatterySmart_invalid() {
        List<BatteryReading> batteries = List.of(battery("S1", BatteryModel.SMART_12V8_100AH));

        assertThat(BankDetection.detect(batteries, 13_200).violations())
                .singleElement().asString().contains("Lithium NG batteries only");
    }

    @Test
    @DisplayName("a reading that cannot be valid is refused at construction, naming the field and the rule")
    void reading_impossibleValues_refused() {
        assertThatThrownBy(() -> new BatteryReading("A1", BatteryModel.NG_12V8_100AH, "v1", new int[3], 250, 0,
                13_000, BatteryFlags.NONE)).hasMessage("cellMillivolts has 3 cells; a Lithium NG 12.8V/100Ah has 4");
        assertThatThrownBy(() -> new BatteryReading("A1", BatteryModel.NG_12V8_100AH, "v1",
                new int[] {3300, 3300, 3300, 6000}, 250, 0, 13_000, BatteryFlags.NONE))
                .hasMessage("cellMillivolts[3] = 6000 is outside the allowed 0..5000");
        assertThatThrownBy(() -> new BatteryReading("A 1", BatteryModel.NG_12V8_100AH, "v1", new int[4], 250, 0,
                13_000, BatteryFlags.NONE)).hasMessageContaining("serial = 'A 1'");
    }

    @Test
    @DisplayName("a frame with the same serial twice is refused")
    void frame_duplicateSerial_refused() {
        List<BatteryReading> batteries = List.of(battery("A1", BatteryModel.NG_12V8_100AH),
                battery("A1", BatteryModel.NG_12V8_100AH));

        assertThatThrownBy(() -> Frames.frame(batteries, 1)).hasMessageContaining("serial A1 appears twice");
    }

    @Test
    @DisplayName("a frame counting fewer batteries on the chain than answered is refused")
    void frame_chainNodesBelowAnswers_refused() {
        BankFrame frame = Frames.bank(BatteryModel.NG_12V8_100AH, 1, 2);

        assertThatThrownBy(() -> frame.withChain(1, true))
                .hasMessage("chainNodes = 1 must be between the 2 batteries that answered and 64");
    }
}
