package org.smallbms.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smallbms.app.store.Store;

/** IR-01: {@code smallbms readout key} and {@code smallbms readout decode}, with their refusals. */
class ReadoutCommandTest {

    private static final String G1_KEY = "a1b2c3d4e5f60718293a4b5c6d7e8f90";
    private static final String G1 = "1000e7a30a3412a158276d809e600cf0978d942957bf49b0";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private Path device() throws Exception {
        Path data = dir.resolve("data");
        try (Store store = Store.open(data, Instant.now())) {
            store.newPin();
        }
        return data;
    }

    private static String storedKey(Path data) throws Exception {
        try (Store store = Store.open(data, Instant.now())) {
            return HexFormat.of().formatHex(store.identity().readoutKey());
        }
    }

    @Test
    @DisplayName("IR-01 readout key shows the key of the device in the data directory, to its owner")
    void key_shown() throws Exception {
        Path data = device();

        int exit = run("readout", "key", "--data", data.toString());

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Instant Readout key " + storedKey(data));
    }

    @Test
    @DisplayName("IR-01 readout key --new makes a new key, kept in the store, its first byte the old one's plus one")
    void key_new_replacesTheOldOne() throws Exception {
        Path data = device();
        String old = storedKey(data);

        int exit = run("readout", "key", "--new", "--data", data.toString());
        String kept = storedKey(data);

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains(kept).contains("the old key no longer decodes");
        assertThat(kept).isNotEqualTo(old);
        assertThat(Integer.parseInt(kept.substring(0, 2), 16)).isEqualTo((Integer.parseInt(old.substring(0, 2), 16)
                + 1) % 256);
    }

    @Test
    @DisplayName("IR-01 readout key without a device in the directory says so (exit 2); with the device running it "
            + "names the process (exit 4) and changes nothing")
    void key_refusals() throws Exception {
        Path data = device();
        String before = storedKey(data);

        int missing = run("readout", "key", "--data", dir.resolve("nothing").toString());
        int running;
        try (Store store = Store.open(data, Instant.now(), "smallbms run")) {
            running = run("readout", "key", "--new", "--data", data.toString());
            assertThat(HexFormat.of().formatHex(store.identity().readoutKey())).isEqualTo(before);
        }

        assertThat(missing).isEqualTo(2);
        assertThat(err.toString()).contains("there is no device in");
        assertThat(running).isEqualTo(4);
        assertThat(err.toString()).contains("smallbms run");
        assertThat(storedKey(data)).isEqualTo(before);
    }

    @Test
    @DisplayName("IR-01 readout decode prints a published vector as one line of JSON and exits 0")
    void decode_vector() throws Exception {
        int exit = run("readout", "decode", "--key", G1_KEY, G1);

        assertThat(exit).as(err.toString()).isZero();
        JsonNode line = JSON.readTree(out.toString());
        assertThat(line.get("recordType").asText()).isEqualTo("0x0A");
        assertThat(line.get("nonce").asInt()).isEqualTo(0x1234);
        assertThat(line.get("values").get("voltageVolts").asDouble()).isEqualTo(13.27);
        assertThat(line.get("values").get("currentAmps").asDouble()).isEqualTo(-2.5);
        assertThat(line.get("values").get("temperatureCelsius").asInt()).isEqualTo(22);
        assertThat(line.get("values").get("socPercent").isNull()).isTrue();
    }

    @Test
    @DisplayName("IR-01 readout decode of other products: a SmartShunt and a VE.Bus advertisement, one line each")
    void decode_otherProducts() throws Exception {
        int exit = run("readout", "decode", "--key", "aff4d0995b7d1e176c0c33ecb9e70dcd",
                "10.02.89.a3.02.b0.40.af.92.5d.09.a4.d8.9a.a0.12.8b.de.f4.8c.62.98.a9",
                "e102100289a30d787fafde83ccec982199fd815286");

        assertThat(exit).as(err.toString()).isZero();
        String[] lines = out.toString().split("\n");
        assertThat(lines).hasSize(2);
        assertThat(JSON.readTree(lines[0]).get("record").asText()).isEqualTo("battery monitor");
        assertThat(JSON.readTree(lines[1]).get("record").asText()).isEqualTo("DC energy meter");
    }

    @Test
    @DisplayName("IR-01 readout decode refuses with a clear message and exit 2: a wrong key, a short record, an "
            + "unknown type, text that is not hexadecimal, a key of the wrong length; never a stack trace")
    void decode_refusals() {
        String[][] cases = {
            {G1_KEY.replace("a1b2", "ffb2"), G1, "wrong key"},
            {G1_KEY, G1.substring(0, 40), "record has 12 bytes: its field"},
            {G1_KEY, "1000e7a3300000a10000", "record type 0x30 is unknown"},
            {G1_KEY, "10zz", "not hexadecimal"},
            {G1_KEY, "2000e7a30a3412a1", "not a Victron product advertisement"},
            {"a1b2", G1, "32 hexadecimal characters"},
        };
        for (String[] c : cases) {
            StringWriter caseOut = new StringWriter();
            StringWriter caseErr = new StringWriter();
            int exit = Main.execute(new PrintWriter(caseOut), new PrintWriter(caseErr), "readout", "decode",
                    "--key", c[0], c[1]);
            assertThat(exit).as(c[2]).isEqualTo(2);
            assertThat(caseErr.toString()).as(c[2]).contains(c[2]).doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(caseOut.toString()).as(c[2]).isEmpty();
        }
    }

    @Test
    @DisplayName("IR-01 readout decode of several advertisements prints those it reads and names the one it cannot "
            + "(exit 2)")
    void decode_someFail() throws Exception {
        int exit = run("readout", "decode", "--key", G1_KEY, G1, "10", G1);

        assertThat(exit).isEqualTo(2);
        assertThat(out.toString().split("\n")).hasSize(2);
        assertThat(err.toString()).startsWith("advertisement 2: ");
    }
}
