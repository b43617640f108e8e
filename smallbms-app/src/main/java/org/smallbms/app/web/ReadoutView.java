package org.smallbms.app.web;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.smallbms.app.readout.Advertiser;
import org.smallbms.app.readout.Broadcast;
import org.smallbms.app.readout.Decoder;
import org.smallbms.app.readout.ReadoutException;
import org.smallbms.app.readout.ReadoutKey;
import org.smallbms.app.runtime.Snapshot;
import org.smallbms.core.bms.BmsState;
import org.smallbms.core.codes.Condition;

/**
 * IR-01: {@code GET /api/readout}, the device's latest Instant Readout advertisement as a receiver in range would
 * see it: its bytes, its device time, and what the decoder reads from those bytes with the device's key (not from
 * the snapshot, so the tile it feeds shows the round trip). The key itself is not in it. A pure function.
 */
final class ReadoutView {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private ReadoutView() {
    }

    static ObjectNode of(Snapshot snapshot, Optional<Broadcast> latest, ReadoutKey key) {
        BmsState bms = snapshot.bms();
        ObjectNode root = JSON.objectNode();
        root.put("instantReadout", bms.settings().instantReadoutOn());
        root.put("sending", Advertiser.sends(bms));
        root.put("notSending", Advertiser.sends(bms) ? null : whyNot(bms));
        root.put("deviceTime", latest.map(b -> b.at().toString()).orElse(null));
        root.put("hex", latest.map(Broadcast::hex).orElse(null));
        String problem = null;
        ObjectNode decoded = null;
        if (latest.isPresent()) {
            try {
                decoded = Decoder.decode(key, latest.get().bytes()).toJson();
            } catch (ReadoutException e) {
                // The key changed between this advertisement and the read: the next one decodes.
                problem = e.getMessage();
            }
        }
        root.set("decoded", decoded);
        root.put("problem", problem);
        return root;
    }

    private static String whyNot(BmsState bms) {
        if (bms.protection().has(Condition.UNPOWERED)) {
            return "The BMS has no power.";
        }
        if (!bms.settings().bluetoothOn()) {
            return "Bluetooth is off: switch it on in the settings.";
        }
        return "Instant Readout is off: switch it on in the settings.";
    }
}
