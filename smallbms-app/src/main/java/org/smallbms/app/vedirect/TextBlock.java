package org.smallbms.app.vedirect;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.smallbms.app.runtime.Snapshot;
import org.smallbms.core.bms.BmsState;
import org.smallbms.core.history.History;
import org.smallbms.core.history.Span;
import org.smallbms.core.monitor.Measurement;
import org.smallbms.core.monitor.TimeRemaining;

/**
 * VE.Direct TEXT (VE.Direct-Protocol-3.34): the device's main values as two blocks of {@code <CR><LF>label<TAB>value}
 * fields, each ending in a {@code Checksum} field whose one byte makes the block sum to 0 modulo 256, as a BMV sends
 * them once a second: the live values, then the history. {@code ---} stands for a value the device does not have.
 *
 * <p><em>Decisions</em>: {@code T} is the warmest battery; {@code Alarm} is ON while the pre-alarm output is high; the
 * smallBMS NG has no relay, so there is no {@code Relay} field; {@code MON} is 0 (battery monitor).
 */
public final class TextBlock {

    private static final String NOT_AVAILABLE = "---";

    private TextBlock() {
    }

    /** The two blocks for a snapshot, live values then history, each with its checksum. */
    public static List<byte[]> of(Snapshot snapshot) {
        return List.of(encode(live(snapshot)), encode(history(snapshot)));
    }

    static List<Map.Entry<String, String>> live(Snapshot snapshot) {
        BmsState bms = snapshot.bms();
        List<Map.Entry<String, String>> f = new ArrayList<>();
        Measurement m = bms.measurement().orElse(null);
        f.add(Map.entry("PID", String.format("0x%04X", Registers.PRODUCT_ID)));
        f.add(Map.entry("V", m == null ? NOT_AVAILABLE : Integer.toString(m.bankMillivolts())));
        f.add(Map.entry("I", m == null ? NOT_AVAILABLE : Integer.toString(m.bankMilliamps())));
        f.add(Map.entry("P", m == null ? NOT_AVAILABLE : Long.toString(Registers.watts(m))));
        f.add(Map.entry("CE", bms.consumedMilliampHours().map(String::valueOf).orElse(NOT_AVAILABLE)));
        f.add(Map.entry("SOC", bms.socPermille().map(String::valueOf).orElse(NOT_AVAILABLE)));
        TimeRemaining ttg = bms.timeRemaining();
        f.add(Map.entry("TTG", switch (ttg.kind()) {
            case FINITE -> Long.toString(ttg.duration().toMinutes());
            case INFINITE -> "-1";
            case UNKNOWN -> NOT_AVAILABLE;
        }));
        f.add(Map.entry("T", m == null ? NOT_AVAILABLE : Integer.toString(Math.round(m.maxDeciCelsius() / 10f))));
        f.add(Map.entry("Alarm", bms.protection().outputs().preAlarm().isHigh() ? "ON" : "OFF"));
        f.add(Map.entry("FW", String.format("%04X", Registers.APP_VERSION & 0x3FFF)));
        f.add(Map.entry("MON", "0"));
        return f;
    }

    static List<Map.Entry<String, String>> history(Snapshot snapshot) {
        History h = snapshot.bms().history();
        List<Map.Entry<String, String>> f = new ArrayList<>();
        f.add(Map.entry("H1", Long.toString(h.deepestDischargeMilliampHours())));
        f.add(Map.entry("H4", Integer.toString(h.cycles())));
        f.add(Map.entry("H6", Long.toString(-h.drawnMilliampHours())));
        Span volts = h.batteryMillivolts();
        boolean seen = !volts.equals(Span.EMPTY);
        f.add(Map.entry("H7", seen ? Integer.toString(volts.min()) : NOT_AVAILABLE));
        f.add(Map.entry("H8", seen ? Integer.toString(volts.max()) : NOT_AVAILABLE));
        f.add(Map.entry("H9", h.sinceLastFullCharge(snapshot.at()).map(d -> Long.toString(d.toSeconds()))
                .orElse(NOT_AVAILABLE)));
        f.add(Map.entry("H10", Integer.toString(h.synchronisations())));
        f.add(Map.entry("H17", Long.toString(h.dischargedWattHours() / 10)));
        f.add(Map.entry("H18", Long.toString(h.chargedWattHours() / 10)));
        return f;
    }

    /** The fields as one block on the wire, its checksum byte last. */
    public static byte[] encode(List<Map.Entry<String, String>> fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Map.Entry<String, String> field : fields) {
            out.writeBytes(("\r\n" + field.getKey() + "\t" + field.getValue()).getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes("\r\nChecksum\t".getBytes(StandardCharsets.US_ASCII));
        int sum = 0;
        for (byte b : out.toByteArray()) {
            sum += b & 0xFF;
        }
        out.write(-sum & 0xFF);
        return out.toByteArray();
    }
}
