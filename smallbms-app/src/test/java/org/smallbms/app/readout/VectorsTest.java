package org.smallbms.app.readout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HexFormat;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * IR-01 against every published vector of ../shared/vectors/instant-readout.md: the end-to-end advertisements of
 * keshavdv/victron-ble's test suite (decrypt and decode), the decrypted records (decode), the bit reader's vector,
 * and the generated BMS advertisement G1 (decrypt, decode, and encode back to the same bytes).
 */
class VectorsTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final String SHUNT_KEY = "aff4d0995b7d1e176c0c33ecb9e70dcd";

    private static JsonNode decode(String key, String advertisement) throws ReadoutException {
        return Decoder.decode(ReadoutKey.parse(key), HEX.parseHex(advertisement)).toJson();
    }

    private static JsonNode record(RecordType type, String plaintext) throws ReadoutException {
        return type.read(HEX.parseHex(plaintext));
    }

    private static double number(JsonNode values, String name) {
        assertThat(values.get(name).isNumber()).as(name + " in " + values).isTrue();
        return values.get(name).asDouble();
    }

    @Test
    @DisplayName("IR-01 vector 1.12.4 G1: the generated BMS advertisement decrypts and decodes to its values")
    void generatedBms_decodes() throws Exception {
        ReadoutKey key = ReadoutKey.parse("a1b2c3d4e5f60718293a4b5c6d7e8f90");
        byte[] advertisement = HEX.parseHex("1000e7a30a3412a158276d809e600cf0978d942957bf49b0");

        BmsRecord bms = Decoder.decodeBms(key, advertisement);
        Container header = Container.parse(advertisement);

        assertThat(header.productId()).isEqualTo(0xA3E7);
        assertThat(header.recordType()).isEqualTo(0x0A);
        assertThat(header.nonce()).isEqualTo(0x1234);
        assertThat(bms.error()).isZero();
        assertThat(bms.timeToGoMinutes()).isEmpty();
        assertThat(bms.centivolts()).hasValue(1327);
        assertThat(bms.deciamps()).hasValue(-25);
        assertThat(bms.io().bits()).isEqualTo(0x0414);
        assertThat(bms.warningsAlarms().bits()).isEqualTo(0x10501);
        assertThat(bms.socPermille()).isEmpty();
        assertThat(bms.consumedDeciAmpHours()).isEmpty();
        assertThat(bms.celsius()).hasValue(22);
        assertThat(HEX.formatHex(bms.toBytes())).isEqualTo("00ffff2f05e7ff14040105fdffffffbe");
    }

    @Test
    @DisplayName("IR-01 vector 1.12.4 G1: the same key, nonce and values encode to the same bytes, by the fast "
            + "encoder and by the JDK's AES-CTR")
    void generatedBms_encodesToTheSameBytes() throws Exception {
        ReadoutKey key = ReadoutKey.parse("a1b2c3d4e5f60718293a4b5c6d7e8f90");
        IoStatus io = IoStatus.NONE.with(IoStatus.Signal.ALLOWED_TO_CHARGE, IoStatus.State.YES)
                .with(IoStatus.Signal.ALLOWED_TO_DISCHARGE, IoStatus.State.YES)
                .with(IoStatus.Signal.REMOTE, IoStatus.State.YES);
        WarningsAlarms wa = WarningsAlarms.NONE.with(WarningsAlarms.Kind.LOW_CELL_VOLTAGE, WarningsAlarms.Level.OK)
                .with(WarningsAlarms.Kind.BMS_CABLE, WarningsAlarms.Level.OK)
                .with(WarningsAlarms.Kind.LOAD_DISCONNECT, WarningsAlarms.Level.OK)
                .with(WarningsAlarms.Kind.HIGH_BATTERY_TEMPERATURE, WarningsAlarms.Level.OK);
        BmsRecord bms = new BmsRecord(0, OptionalInt.empty(), OptionalInt.of(1327), OptionalInt.of(-25), io, wa,
                OptionalInt.empty(), OptionalInt.empty(), OptionalInt.of(22));
        String expected = "1000e7a30a3412a158276d809e600cf0978d942957bf49b0";

        assertThat(HEX.formatHex(new BmsEncoder(key, 0xA3E7).encode(bms, 0x1234))).isEqualTo(expected);
        assertThat(HEX.formatHex(BmsEncoder.reference(key, 0xA3E7, bms, 0x1234))).isEqualTo(expected);
    }

    @Test
    @DisplayName("IR-01 vector 1.7: the Lynx Smart BMS record decodes as the vectors file reads it, and encodes back "
            + "to its bytes")
    void lynxBms_decodesAndEncodesBack() throws Exception {
        String plaintext = "0040388b0afaff951555148ccf0200ff";
        BmsRecord bms = BmsRecord.read(HEX.parseHex(plaintext));
        JsonNode values = record(RecordType.BMS, plaintext);

        assertThat(values.get("errorCode").asInt()).isZero();
        assertThat(values.get("timeToGoMinutes").asInt()).isEqualTo(14_400);
        assertThat(number(values, "voltageVolts")).isEqualTo(26.99);
        assertThat(number(values, "currentAmps")).isEqualTo(-0.6);
        assertThat(bms.io().bits()).isEqualTo(0x1595);
        assertThat(values.get("io").get("contactorClosed").asBoolean()).isTrue();
        assertThat(values.get("io").get("userRelay").asBoolean()).isFalse();
        assertThat(values.get("io").get("remoteOn").asBoolean()).isTrue();
        assertThat(bms.warningsAlarms().bits()).isEqualTo(0x1455);
        assertThat(values.get("warningsAlarms").get("lowCellVoltage").asText()).isEqualTo("ok");
        assertThat(values.get("warningsAlarms").get("bmsCable").isNull()).as("unsupported").isTrue();
        assertThat(values.get("warningsAlarms").get("highBatteryTemperature").isNull()).isTrue();
        assertThat(number(values, "socPercent")).isEqualTo(99.5);
        // The spec: consumed Ah = -record (victron-ble reports +4.4, go-victron too).
        assertThat(number(values, "consumedAmpHours")).isEqualTo(-4.4);
        assertThat(values.get("temperatureCelsius").isNull()).isTrue();
        assertThat(HEX.formatHex(bms.toBytes())).isEqualTo(plaintext);
    }

    @Test
    @DisplayName("IR-01 vector 1.12.1: the SmartShunt's battery monitor advertisement decrypts and decodes")
    void batteryMonitor_endToEnd() throws Exception {
        JsonNode reading = decode(SHUNT_KEY, "100289a302b040af925d09a4d89aa0128bdef48c6298a9");
        JsonNode values = reading.get("values");

        assertThat(reading.get("productId").asText()).isEqualTo("0xA389");
        assertThat(reading.get("recordType").asText()).isEqualTo("0x02");
        assertThat(reading.get("nonce").asInt()).isEqualTo(0x40B0);
        assertThat(reading.get("bytes").asInt()).isEqualTo(15);
        assertThat(values.get("auxInput").asText()).isEqualTo("none");
        assertThat(number(values, "consumedAmpHours")).isEqualTo(-50.0);
        assertThat(number(values, "currentAmps")).isZero();
        assertThat(values.get("timeToGoMinutes").isNull()).isTrue();
        assertThat(number(values, "socPercent")).isEqualTo(50.0);
        assertThat(number(values, "voltageVolts")).isEqualTo(12.53);
        assertThat(values.get("alarms")).isEmpty();
        assertThat(values.get("temperatureCelsius").isNull()).isTrue();
        assertThat(values.get("starterVolts").isNull()).isTrue();
        assertThat(values.get("midpointVolts").isNull()).isTrue();
    }

    @Test
    @DisplayName("IR-01 vector 1.12.1: an advertisement with a key whose first byte differs is refused, naming both "
            + "first bytes")
    void keyMismatch_refused() {
        assertThatThrownBy(() -> decode("ffffffffffffffffffffffffffffffff",
                "100289a302bb01af129087600b9b97bc2c32867c8238da"))
                .isInstanceOf(ReadoutException.class)
                .hasMessageContaining("wrong key").hasMessageContaining("0xAF").hasMessageContaining("0xFF");
    }

    @Test
    @DisplayName("IR-01 vector 1.12.1: the DC energy meter's advertisement decrypts and decodes")
    void dcEnergyMeter_endToEnd() throws Exception {
        JsonNode values = decode(SHUNT_KEY, "100289a30d787fafde83ccec982199fd815286").get("values");

        assertThat(number(values, "voltageVolts")).isEqualTo(12.52);
        assertThat(number(values, "currentAmps")).isZero();
        assertThat(number(values, "starterVolts")).isEqualTo(-0.01);
        assertThat(values.get("meterType").asText()).isEqualTo("DC-DC charger");
    }

    @Test
    @DisplayName("IR-01 vector 1.12.1: the solar charger's advertisement decrypts and decodes (yield 0.03 kWh: "
            + "victron-ble's 30 Wh)")
    void solarCharger_endToEnd() throws Exception {
        JsonNode reading = decode("adeccb947395801a4dd45a2eaa44bf17", "100242a0016207adceb37b605d7e0ee21b24df5c");
        JsonNode values = reading.get("values");

        assertThat(reading.get("productId").asText()).isEqualTo("0xA042");
        assertThat(values.get("deviceState").asText()).isEqualTo("absorption");
        assertThat(number(values, "batteryVolts")).isEqualTo(13.88);
        assertThat(number(values, "batteryAmps")).isEqualTo(1.4);
        assertThat(number(values, "yieldTodayKilowattHours")).isEqualTo(0.03);
        assertThat(number(values, "pvWatts")).isEqualTo(19);
        assertThat(number(values, "loadAmps")).isZero();
    }

    @Test
    @DisplayName("IR-01 vector 1.12.1: the Orion DC-DC's advertisement decrypts and decodes")
    void dcDc_endToEnd() throws Exception {
        JsonNode values = decode("64ba49f1a8562e45197a8e1fe50d7658", "1000c0a304121d64ca8d442b90bbdf6a8cba")
                .get("values");

        assertThat(values.get("deviceState").asText()).isEqualTo("off");
        assertThat(values.get("chargerError").asInt()).isZero();
        assertThat(number(values, "inputVolts")).isEqualTo(13.15);
        assertThat(values.get("outputVolts").isNull()).isTrue();
        assertThat(values.get("offReasons").toString()).isEqualTo("[\"engine shutdown detection\"]");
    }

    @Test
    @DisplayName("IR-01 vector 1.12.1: the AC charger's advertisement decrypts and decodes")
    void acCharger_endToEnd() throws Exception {
        JsonNode values = decode("c129cf8f75c3fe5a1655b481e205fb7d", "100030a308f926c1b5170a0d2280335bf12d5ed083")
                .get("values");

        assertThat(values.get("deviceState").asText()).isEqualTo("storage");
        assertThat(number(values, "output1Volts")).isEqualTo(13.49);
        assertThat(number(values, "output1Amps")).isEqualTo(0.4);
        assertThat(values.get("output2Volts").isNull()).isTrue();
        assertThat(number(values, "temperatureCelsius")).isEqualTo(21);
        assertThat(values.get("acAmps").isNull()).isTrue();
    }

    @Test
    @DisplayName("IR-01 vector 1.12.1: the Smart Battery Sense's advertisement (a battery monitor record) decrypts "
            + "and decodes")
    void batterySense_endToEnd() throws Exception {
        JsonNode values = decode("0da694539597f9cf6c613cde60d7bf05", "1000a4a3025f150d8dcbff517f30eb65e76b22a04ac4e1")
                .get("values");

        assertThat(number(values, "temperatureCelsius")).isEqualTo(22.5);
        assertThat(number(values, "voltageVolts")).isEqualTo(12.22);
        // It sends 0x1FFFFF, the largest positive 22-bit value, as "not available".
        assertThat(values.get("currentAmps").isNull()).isTrue();
        assertThat(values.get("socPercent").isNull()).isTrue();
    }

    @Test
    @DisplayName("IR-01 vector 1.12.1: the Multi RS's advertisement decrypts and decodes")
    void multiRs_endToEnd() throws Exception {
        JsonNode values = decode("346c410e8c824dd723c0f5b13b9eabc8", "100043a40bf4e434af0e46c3b8eb68e08e616993f70c")
                .get("values");

        assertThat(values.get("deviceState").asText()).isEqualTo("inverting");
        assertThat(number(values, "batteryAmps")).isEqualTo(-12.8);
        assertThat(number(values, "batteryVolts")).isEqualTo(51.71);
        assertThat(values.get("activeAcIn").asText()).isEqualTo("not connected");
        assertThat(number(values, "acInWatts")).isZero();
        assertThat(number(values, "acOutWatts")).isEqualTo(722);
        assertThat(number(values, "pvWatts")).isZero();
        assertThat(number(values, "yieldTodayKilowattHours")).isEqualTo(5.32);
    }

    @Test
    @DisplayName("IR-01 vector 1.12.1: the Smart BatteryProtect's advertisement decrypts and decodes")
    void smartBatteryProtect_endToEnd() throws Exception {
        JsonNode values = decode("fac570d66380b797a5b7543758be00e4",
                "1080b0a3093523fadedea38b1af8bcbde91ca8b6dbb60e").get("values");

        assertThat(values.get("deviceState").asText()).isEqualTo("active");
        assertThat(values.get("outputState").asText()).isEqualTo("on");
        assertThat(number(values, "inputVolts")).isEqualTo(13.07);
        assertThat(number(values, "outputVolts")).isEqualTo(13.07);
        assertThat(values.get("alarms")).isEmpty();
        assertThat(values.get("offReasons")).isEmpty();
    }

    @Test
    @DisplayName("IR-01 vector 1.12.1: the three VE.Bus advertisements decrypt and decode (float, inverting, off)")
    void veBus_endToEnd() throws Exception {
        String key = "da3f5fa2860cb1cf86ba7a6d1d16b9dd";
        JsonNode floating = decode(key, "100380270c1252dad26f0b8eb39162074d140df410").get("values");
        JsonNode inverting = decode(key, "100380270ce1b2dabd34912a6ecec963899227a220").get("values");
        JsonNode off = decode(key, "100380270c65b8dad9dd594c7f57d1de9e27a3e2ab").get("values");

        assertThat(floating.get("deviceState").asText()).isEqualTo("float");
        assertThat(number(floating, "batteryVolts")).isEqualTo(14.45);
        assertThat(number(floating, "batteryAmps")).isEqualTo(23.2);
        assertThat(floating.get("activeAcIn").asText()).isEqualTo("AC in 1");
        assertThat(number(floating, "acInWatts")).isEqualTo(1459);
        assertThat(number(floating, "acOutWatts")).isEqualTo(1046);
        assertThat(number(floating, "temperatureCelsius")).isEqualTo(32);
        assertThat(floating.get("socPercent").isNull()).isTrue();
        assertThat(inverting.get("deviceState").asText()).isEqualTo("inverting");
        assertThat(number(inverting, "batteryVolts")).isEqualTo(12.43);
        assertThat(number(inverting, "batteryAmps")).isEqualTo(-5.9);
        assertThat(inverting.get("activeAcIn").asText()).isEqualTo("not connected");
        assertThat(number(inverting, "acInWatts")).isZero();
        assertThat(number(inverting, "acOutWatts")).isEqualTo(45);
        assertThat(number(inverting, "temperatureCelsius")).isEqualTo(30);
        assertThat(off.get("deviceState").asText()).isEqualTo("off");
    }

    @Test
    @DisplayName("IR-01 vector 1.12.2: every end-to-end advertisement decrypts to the exact record on air, of the "
            + "length the table gives")
    void endToEnd_decryptsToThePublishedPlaintexts() throws Exception {
        String[][] vectors = {
            {SHUNT_KEY, "100289a302b040af925d09a4d89aa0128bdef48c6298a9", "ffffe50400000000030000f40140df"},
            {SHUNT_KEY, "100289a30d787fafde83ccec982199fd815286", "fdffe4040000ffff000000"},
            {"adeccb947395801a4dd45a2eaa44bf17", "100242a0016207adceb37b605d7e0ee21b24df5c",
                "04006c050e000300130000fe"},
            {"64ba49f1a8562e45197a8e1fe50d7658", "1000c0a304121d64ca8d442b90bbdf6a8cba", "00002305ff7f80000000"},
            {"c129cf8f75c3fe5a1655b481e205fb7d", "100030a308f926c1b5170a0d2280335bf12d5ed083",
                "0600458500ffffffffffffbdff"},
            {"0da694539597f9cf6c613cde60d7bf05", "1000a4a3025f150d8dcbff517f30eb65e76b22a04ac4e1",
                "ffffc60400007d73feff7fffffffff"},
            {"346c410e8c824dd723c0f5b13b9eabc8", "100043a40bf4e434af0e46c3b8eb68e08e616993f70c",
                "090080ff33940000d20200001402"},
            {"fac570d66380b797a5b7543758be00e4", "1080b0a3093523fadedea38b1af8bcbde91ca8b6dbb60e",
                "f90100000000001b051b0500000000"},
            {"da3f5fa2860cb1cf86ba7a6d1d16b9dd", "100380270c1252dad26f0b8eb39162074d140df410",
                "0500e800a505b305b02000c8ff"},
            {"da3f5fa2860cb1cf86ba7a6d1d16b9dd", "100380270ce1b2dabd34912a6ecec963899227a220",
                "0900c5ffdb840000680100c6ff"},
            {"da3f5fa2860cb1cf86ba7a6d1d16b9dd", "100380270c65b8dad9dd594c7f57d1de9e27a3e2ab",
                "00000000e0840000000000c6ff"},
        };
        for (String[] v : vectors) {
            Container c = Container.parse(HEX.parseHex(v[1]));
            assertThat(HEX.formatHex(AesCtr.apply(ReadoutKey.parse(v[0]), c.nonce(), c.record()))).as(v[1])
                    .isEqualTo(v[2]);
        }
    }

    @Test
    @DisplayName("IR-01 vector 1.12.1: the battery monitor's other decrypted records: midpoint 655.34 V, starter "
            + "-0.02 V, temperature 0xFFFF not available (victron-ble prints 382.2)")
    void batteryMonitor_auxModes() throws Exception {
        JsonNode midpoint = record(RecordType.BATTERY_MONITOR, "ffffe6040000feff010000000080fe0c");
        JsonNode starter = record(RecordType.BATTERY_MONITOR, "ffffe6040000feff000000000080feac");
        JsonNode temperature = record(RecordType.BATTERY_MONITOR, "ffffe6040000ffff020000000080fede");

        assertThat(number(midpoint, "midpointVolts")).isEqualTo(655.34);
        assertThat(number(starter, "starterVolts")).isEqualTo(-0.02);
        assertThat(number(starter, "voltageVolts")).isEqualTo(12.54);
        assertThat(number(starter, "socPercent")).isEqualTo(100.0);
        assertThat(number(starter, "consumedAmpHours")).isZero();
        assertThat(temperature.get("auxInput").asText()).isEqualTo("temperature");
        assertThat(temperature.get("temperatureCelsius").isNull()).isTrue();
    }

    @Test
    @DisplayName("IR-01 vector 1.12.1: the five SmartLithium records decode: flags, cells, voltage, balancer, "
            + "temperature")
    void smartLithium_records() throws Exception {
        JsonNode first = record(RecordType.SMART_LITHIUM, "000000060000c7e3f1f8ffffff2c35b5");
        JsonNode second = record(RecordType.SMART_LITHIUM, "000000060000c7e3f1f8ffffff2c15b6");
        JsonNode third = record(RecordType.SMART_LITHIUM, "000000060000c7e3d1f8ffffff2b35b5");
        JsonNode fourth = record(RecordType.SMART_LITHIUM, "00000006000047a3d1682c1a8d500acd");
        JsonNode fifth = record(RecordType.SMART_LITHIUM, "000000060000cce592b95c2e997b1ad0");

        assertThat(first.get("bmsFlags").toString()).isEqualTo("[\"allowed to charge\",\"allowed to discharge\"]");
        assertThat(first.get("errors")).isEmpty();
        assertThat(first.get("cellVolts").toString()).isEqualTo("[3.31,3.31,3.31,3.31,null,null,null,null]");
        assertThat(number(first, "batteryVolts")).isEqualTo(13.24);
        assertThat(first.get("balancer").asText()).isEqualTo("imbalance");
        assertThat(number(first, "temperatureCelsius")).isEqualTo(13);
        assertThat(second.get("balancer").asText()).isEqualTo("balanced");
        assertThat(number(second, "temperatureCelsius")).isEqualTo(14);
        assertThat(third.get("cellVolts").toString()).isEqualTo("[3.31,3.31,3.31,3.3,null,null,null,null]");
        assertThat(number(third, "batteryVolts")).isEqualTo(13.23);
        assertThat(fourth.get("cellVolts").toString()).isEqualTo("[3.31,3.3,3.3,3.3,3.3,3.29,3.3,3.3]");
        assertThat(number(fourth, "batteryVolts")).isEqualTo(26.40);
        assertThat(fourth.get("balancer").asText()).isEqualTo("unknown");
        assertThat(number(fourth, "temperatureCelsius")).isEqualTo(37);
        assertThat(fifth.get("cellVolts").toString()).isEqualTo("[3.36,3.35,3.35,3.36,3.35,3.35,3.35,3.36]");
        assertThat(number(fifth, "batteryVolts")).isEqualTo(26.83);
        assertThat(fifth.get("balancer").asText()).isEqualTo("balanced");
        assertThat(number(fifth, "temperatureCelsius")).isEqualTo(40);
    }

    @Test
    @DisplayName("IR-01 vector 1.12.1: the other decrypted records of the suite: solar bulk and MPPT 100, DC-DC, AC "
            + "charger, battery sense, DC energy meter, Multi RS with values not available")
    void otherRecords() throws Exception {
        JsonNode bulk = record(RecordType.SOLAR_CHARGER, "0300f80402000200030000fe8c9a5572");
        JsonNode mppt100 = record(RecordType.SOLAR_CHARGER, "0300fb09650032000901ffff31bc45ad");
        JsonNode dcdc = record(RecordType.DC_DC, "00002305ff7f80000000cbdd494cc5d1");
        JsonNode ac = record(RecordType.AC_CHARGER, "060046a500ffffffffffffbdffeb3d1f");
        JsonNode sense = record(RecordType.BATTERY_MONITOR, "fffff80400008971feff7fffffffff5c");
        JsonNode meterNoTemperature = record(RecordType.DC_ENERGY_METER, "fdffe4040000ffff020000ae28af8a5c");
        JsonNode meterHot = record(RecordType.DC_ENERGY_METER, "fdffe40400008888020000ae28af8a5c");
        JsonNode source = record(RecordType.DC_ENERGY_METER, "ffff6f0a0000000003000043698118eb");
        JsonNode multiNa = record(RecordType.MULTI_RS, "0900ff7f3294ff7fff7fffff1402");

        assertThat(bulk.get("deviceState").asText()).isEqualTo("bulk");
        assertThat(number(bulk, "batteryVolts")).isEqualTo(12.72);
        assertThat(number(bulk, "batteryAmps")).isEqualTo(0.2);
        assertThat(number(bulk, "yieldTodayKilowattHours")).isEqualTo(0.02);
        assertThat(number(bulk, "pvWatts")).isEqualTo(3);
        assertThat(number(mppt100, "batteryVolts")).isEqualTo(25.55);
        assertThat(number(mppt100, "batteryAmps")).isEqualTo(10.1);
        assertThat(number(mppt100, "pvWatts")).isEqualTo(265);
        assertThat(number(mppt100, "yieldTodayKilowattHours")).isEqualTo(0.5);
        assertThat(mppt100.get("loadAmps").isNull()).isTrue();
        assertThat(number(dcdc, "inputVolts")).isEqualTo(13.15);
        assertThat(number(ac, "output1Volts")).isEqualTo(13.50);
        assertThat(number(ac, "output1Amps")).isEqualTo(0.5);
        assertThat(number(sense, "temperatureCelsius")).isEqualTo(17.5);
        assertThat(number(sense, "voltageVolts")).isEqualTo(12.72);
        assertThat(meterNoTemperature.get("temperatureCelsius").isNull()).isTrue();
        assertThat(number(meterHot, "temperatureCelsius")).isEqualTo(76.37);
        assertThat(source.get("meterType").asText()).isEqualTo("generic source");
        assertThat(number(source, "voltageVolts")).isEqualTo(26.71);
        assertThat(multiNa.get("batteryAmps").isNull()).isTrue();
        assertThat(multiNa.get("acInWatts").isNull()).isTrue();
        assertThat(multiNa.get("acOutWatts").isNull()).isTrue();
        assertThat(multiNa.get("pvWatts").isNull()).isTrue();
        assertThat(number(multiNa, "yieldTodayKilowattHours")).isEqualTo(5.32);
    }

    @Test
    @DisplayName("IR-01 vector 1.12.1 bit reader: 1a2b3c4d5e6f7890 read LSB first")
    void bitReader() {
        byte[] data = HEX.parseHex("1a2b3c4d5e6f7890");
        int at = 0;
        int[] firstBits = {0, 1, 0, 1};
        for (int bit : firstBits) {
            assertThat(Bits.unsigned(data, at++, 1)).isEqualTo(bit);
        }
        assertThat(Bits.unsigned(data, at, 6)).isEqualTo(0x31);
        at += 6;
        assertThat(Bits.signed(Bits.unsigned(data, at, 6), 6)).isEqualTo(0x0A);
        at += 6;
        assertThat(Bits.signed(Bits.unsigned(data, at, 4), 4)).isEqualTo(-4);
        at += 4;
        assertThat(Bits.unsigned(data, at, 11)).isEqualTo(0x4D3);
        at += 11;
        assertThat(Bits.unsigned(data, at, 1)).isZero();
        at += 1;
        assertThat(Bits.unsigned(data, at, 32)).isEqualTo(0x90786F5EL);
    }

    @Test
    @DisplayName("IR-01 the record type follows from the header's first five bytes (vector 1.12.1), and a type "
            + "without a layout is refused with its bytes")
    void recordTypes() throws Exception {
        ReadoutKey key = ReadoutKey.parse(SHUNT_KEY);
        assertThat(RecordType.of(Container.parse(HEX.parseHex("100289a302000000")).recordType()))
                .isEqualTo(RecordType.BATTERY_MONITOR);
        assertThat(RecordType.of(Container.parse(HEX.parseHex("100289a30d000000")).recordType()))
                .isEqualTo(RecordType.DC_ENERGY_METER);
        assertThat(RecordType.of(Container.parse(HEX.parseHex("1002a4a302000000")).recordType()))
                .isEqualTo(RecordType.BATTERY_MONITOR);
        assertThat(RecordType.of(Container.parse(HEX.parseHex("100242a001000000")).recordType()))
                .isEqualTo(RecordType.SOLAR_CHARGER);
        assertThat(RecordType.of(Container.parse(HEX.parseHex("1002000000000000")).recordType()))
                .isEqualTo(RecordType.TEST);
        assertThatThrownBy(() -> Decoder.decode(key, HEX.parseHex("100289a30e0000af000000e804e704bf04001825")))
                .isInstanceOf(ReadoutException.class).hasMessageContaining("0x0E (Smart BMS) has no published layout");
        assertThatThrownBy(() -> Decoder.decode(key, HEX.parseHex("100289a3200000af0000")))
                .isInstanceOf(ReadoutException.class).hasMessageContaining("record type 0x20 is unknown");
    }
}
