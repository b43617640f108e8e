package org.smallbms.app.readout;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.smallbms.app.runtime.Snapshot;
import org.smallbms.core.bms.BmsState;
import org.smallbms.core.codes.Condition;

/**
 * IR-01: the device's Instant Readout. Told of every snapshot (one a device second), it makes a fresh advertisement
 * of the BMS record and hands it to its sinks, while Bluetooth and Instant Readout are on and the BMS has power; it
 * sends none otherwise, and tells the sinks once when it stops.
 *
 * <p>The nonce counts up by one an advertisement from a random start and wraps from 65535 to 0: it does not repeat
 * for a key until 65,536 advertisements later (18.2 hours of device time, or 45 wall seconds at 1440×). The format
 * has no more than its 16 bits, so a nonce then comes again under the same key, as on every Victron product; the
 * random start keeps two runs from starting on the same nonces. A new key takes effect at the next advertisement,
 * and the count goes on.
 *
 * <p>The encoding runs on the control thread (about a microsecond, allocating only the advertisement); the sinks must
 * return at once. The mutable state is the encoder and the nonce, touched by the control thread only, and the key
 * waiting to be taken, which any thread may set.
 */
public final class Advertiser implements Consumer<Snapshot> {

    private final int productId;
    private final List<ReadoutSink> sinks = new CopyOnWriteArrayList<>();
    private final AtomicReference<ReadoutKey> nextKey = new AtomicReference<>();
    // The control thread's.
    private BmsEncoder encoder;
    private final NonceCounter nonces;
    private boolean sending;

    /**
     * @param key the device's key
     * @param productId the product id the advertisements carry
     * @param firstNonce the first advertisement's nonce, 0..65535 (random for a live device)
     */
    public Advertiser(ReadoutKey key, int productId, int firstNonce) {
        Objects.requireNonNull(key, "key");
        this.productId = productId;
        this.encoder = new BmsEncoder(key, productId);
        this.nonces = new NonceCounter(firstNonce);
    }

    /** Adds a sink; before the device starts. */
    public void addSink(ReadoutSink sink) {
        sinks.add(Objects.requireNonNull(sink, "sink"));
    }

    /** Encrypts with {@code key} from the next advertisement on; from any thread. */
    public void rekey(ReadoutKey key) {
        nextKey.set(Objects.requireNonNull(key, "key"));
    }

    /** On the control thread, after every tick. */
    @Override
    public void accept(Snapshot snapshot) {
        if (!sends(snapshot.bms())) {
            if (sending) {
                sending = false;
                sinks.forEach(ReadoutSink::silence);
            }
            return;
        }
        ReadoutKey key = nextKey.getAndSet(null);
        if (key != null) {
            encoder = new BmsEncoder(key, productId);
        }
        Broadcast broadcast = new Broadcast(snapshot.at(), encoder.encode(BmsMapping.of(snapshot.bms()),
                nonces.next()));
        sending = true;
        for (ReadoutSink sink : sinks) {
            sink.advertise(broadcast);
        }
    }

    /**
     * SET-01, IR-01: whether a device in state {@code bms} advertises: Instant Readout on, Bluetooth on (it is a
     * Bluetooth advertisement: a radio switched off sends nothing), and power at Bat+ (an unpowered BMS is off).
     */
    public static boolean sends(BmsState bms) {
        return bms.settings().instantReadoutOn() && bms.settings().bluetoothOn()
                && !bms.protection().has(Condition.UNPOWERED);
    }
}
