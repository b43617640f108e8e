package org.smallbms.app.vedirect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.smallbms.app.runtime.Snapshot;

/** TEXT blocks against the blocks of ../shared/vectors/vedirect.md §2.3 and §2.4, and the device's own. */
class TextBlockTest {

    /** The SmartSolar MPPT 100/30 block that arrived before a HEX reply (koestler/go-victron). */
    private static final String MPPT = "\r\nPID\t0xA056\r\nFW\t161\r\nSER#\tHQ19499RHC5\r\nV\t11880\r\nI\t0\r\nVPV\t10"
            + "\r\nPPV\t0\r\nCS\t0\r\nMPPT\t0\r\nOR\t0x00000001\r\nERR\t0\r\nLOAD\tON\r\nH19\t4803\r\nH20\t0\r\nH21\t0"
            + "\r\nH22\t0\r\nH23\t0\r\nHSDS\t280\r\nChecksum\t)";
    private static final String BMV = "\r\nPID\t0xA389\r\nV\t13270\r\nI\t-2500\r\nP\t-33\r\nCE\t-12500\r\nSOC\t875"
            + "\r\nTTG\t2880\r\nAlarm\tOFF\r\nRelay\tOFF\r\nAR\t0\r\nBMV\tSmartShunt 500A/50mV\r\nFW\t0416\r\nMON\t0"
            + "\r\nChecksum\t\t";
    private static final String HISTORY = "\r\nH1\t-50000\r\nH2\t-12500\r\nH3\t-20000\r\nH4\t12\r\nH5\t0\r\nH6\t-500000"
            + "\r\nH7\t10500\r\nH8\t14600\r\nH9\t86400\r\nH10\t7\r\nH11\t0\r\nH12\t0\r\nH15\t0\r\nH16\t0\r\nH17\t1234"
            + "\r\nH18\t1500\r\nChecksum\t\u00c7";

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static List<Map.Entry<String, String>> fieldsOf(String block) {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        for (String line : block.substring(2, block.indexOf("\r\nChecksum")).split("\r\n")) {
            String[] parts = line.split("\t", 2);
            fields.add(Map.entry(parts[0], parts[1]));
        }
        return fields;
    }

    @Test
    @DisplayName("VE.Direct TEXT: the golden blocks' fields encode to the same bytes, checksums 0x09 and 0xC7 included")
    void goldenBlocks_encodeByteForByte() {
        assertThat(TextBlock.encode(fieldsOf(BMV))).isEqualTo(bytes(BMV));
        assertThat(TextBlock.encode(fieldsOf(HISTORY))).isEqualTo(bytes(HISTORY));
        assertThat(TextBlock.encode(fieldsOf(MPPT))).isEqualTo(bytes(MPPT));
    }

    @Test
    @DisplayName("VE.Direct TEXT: the golden blocks parse, with a HEX line between them, in the order they came")
    void goldenBlocks_parse() {
        TextParser parser = new TextParser();

        List<TextParser.Item> items = parser.acceptAll(bytes(MPPT + ":7D0ED00000091\n" + BMV + HISTORY));

        assertThat(items).hasSize(4);
        assertThat(((TextParser.Block) items.get(0)).fields()).containsEntry("SER#", "HQ19499RHC5")
                .containsEntry("LOAD", "ON").hasSize(18);
        assertThat(items.get(1)).isEqualTo(new TextParser.HexLine(":7D0ED00000091"));
        assertThat(((TextParser.Block) items.get(2)).fields()).containsEntry("BMV", "SmartShunt 500A/50mV");
        assertThat(((TextParser.Block) items.get(3)).fields()).containsEntry("H18", "1500");
    }

    @Test
    @DisplayName("VE.Direct TEXT: a block with one byte changed fails its checksum and is dropped")
    void changedByte_isDropped() {
        String broken = BMV.replace("13270", "13271");

        assertThat(new TextParser().acceptAll(bytes(broken))).singleElement()
                .isInstanceOfSatisfying(TextParser.Dropped.class, d -> assertThat(d.reason()).contains("sum"));
    }

    @Test
    @DisplayName("MON-05 MON-06 VE.Direct TEXT: the device's blocks parse back; an unknown SoC is ---, PID is 0xA3E7")
    void deviceBlocks_parseBack() {
        Snapshot snapshot = new FakePort().latest();
        TextParser parser = new TextParser();
        List<TextParser.Item> items = new ArrayList<>();
        for (byte[] block : TextBlock.of(snapshot)) {
            items.addAll(parser.acceptAll(block));
        }

        assertThat(items).hasSize(2).allMatch(i -> i instanceof TextParser.Block);
        Map<String, String> live = ((TextParser.Block) items.get(0)).fields();
        assertThat(live).containsEntry("PID", "0xA3E7").containsEntry("SOC", "---").containsEntry("CE", "---")
                .containsEntry("V", "---").containsEntry("Alarm", "OFF").containsEntry("FW", "0110");
        assertThat(((TextParser.Block) items.get(1)).fields()).containsKeys("H1", "H4", "H17", "H18");
    }
}
