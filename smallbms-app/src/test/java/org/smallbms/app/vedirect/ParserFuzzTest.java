package org.smallbms.app.vedirect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.smallbms.app.runtime.Request;
import org.smallbms.core.bms.Command;

/**
 * Bad input: the HEX and TEXT parsers given random bytes, random lines of hex digits and mutated good frames never
 * throw, and random bytes never change a setting.
 */
class ParserFuzzTest {

    private static final int TRIES = 10_000;

    @Provide
    Arbitrary<String> hexish() {
        // Mostly what a frame is made of, so the checks past the first are reached.
        return Arbitraries.strings().withChars(":0123456789ABCDEFa\r\n").ofMinLength(0).ofMaxLength(120)
                .map(s -> ":" + s);
    }

    @Property(tries = TRIES)
    @Label("VE.Direct HEX: any line parses to a frame or a reason, never an exception")
    void hexParse_anyLine_neverThrows(@ForAll("hexish") String line) {
        assertThat(HexFrame.parse(line)).isNotNull();
    }

    @Property(tries = TRIES)
    @Label("VE.Direct HEX: a good frame encoded, then parsed, is the same frame")
    void hexEncode_thenParse_isTheSameFrame(@ForAll("nibbles") int command, @ForAll @Size(max = 40) byte[] data) {
        HexFrame frame = new HexFrame(command, data);
        String wire = frame.encode();

        assertThat(HexFrame.parse(wire.substring(0, wire.length() - 1)))
                .isEqualTo(new HexFrame.Frame(frame));
    }

    @Provide
    Arbitrary<Integer> nibbles() {
        return Arbitraries.integers().between(0, 15);
    }

    @Property(tries = TRIES)
    @Label("SET-02 VE.Direct HEX: random bytes on a session never throw and never change a setting")
    void session_randomBytes_changeNoSetting(@ForAll byte[] bytes) {
        FakePort device = new FakePort();
        HexSession session = new HexSession(device::latest, device::submit, Duration.ofSeconds(5), "fuzz");

        for (String line : new String(bytes, StandardCharsets.ISO_8859_1).split("\n", -1)) {
            session.answer(line);
        }

        assertThat(device.latest().bms().settings()).isEqualTo(new FakePort().latest().bms().settings());
        List<Request> requests = device.requests();
        assertThat(requests).allMatch(r -> !(r instanceof Request.ToBms toBms)
                || !(toBms.command() instanceof Command.ChangeSetting));
    }

    @Property(tries = TRIES)
    @Label("VE.Direct HEX: random lines of hex digits on a session never throw")
    void session_randomHexLines_neverThrow(@ForAll("hexish") String line) {
        FakePort device = new FakePort();
        HexSession session = new HexSession(device::latest, device::submit, Duration.ofSeconds(5), "fuzz");

        for (String part : line.split("\n", -1)) {
            assertThat(session.answer(part)).isNotNull();
        }
    }

    @Property(tries = TRIES)
    @Label("VE.Direct TEXT: random bytes parse to blocks, HEX lines or drops, never an exception")
    void textParse_randomBytes_neverThrows(@ForAll byte[] bytes) {
        assertThat(new TextParser().acceptAll(bytes)).isNotNull();
    }

    @Provide
    Arbitrary<byte[]> textish() {
        return Arbitraries.strings().withChars("\r\n\tChecksumVSOCI0123456789-:")
                .ofMinLength(0).ofMaxLength(400).map(s -> ("\r\n" + s).getBytes(StandardCharsets.ISO_8859_1));
    }

    @Property(tries = TRIES)
    @Label("VE.Direct TEXT: text made of field pieces parses without an exception; every block it keeps sums to 0")
    void textParse_fieldPieces_neverThrows(@ForAll("textish") byte[] bytes) {
        for (TextParser.Item item : new TextParser().acceptAll(bytes)) {
            if (item instanceof TextParser.Block block) {
                assertThat(block.fields().size()).isLessThanOrEqualTo(TextParser.MAX_FIELDS);
            }
        }
    }
}
