package org.smallbms.sim.sensor;

import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Faults on the daisy chain between the batteries and the BMS.
 *
 * @param silentSerials batteries that are on the chain but do not answer: counted in {@code chainNodes}, no reading
 *     (communication lost: W-B05, A-B05)
 * @param open the loop through the batteries is broken, a BMS cable missing (E-B05)
 */
public record ChainFaults(Set<String> silentSerials, boolean open) {

    /** A whole chain where every battery answers. */
    public static final ChainFaults NONE = new ChainFaults(Set.of(), false);

    public ChainFaults {
        Objects.requireNonNull(silentSerials, "silentSerials");
        silentSerials = Set.copyOf(new TreeSet<>(silentSerials));
    }

    /** These faults plus the battery {@code serial} not answering. */
    public ChainFaults withSilent(String serial) {
        Set<String> silent = new TreeSet<>(silentSerials);
        silent.add(serial);
        return new ChainFaults(silent, open);
    }

    /** These faults with the battery {@code serial} answering again. */
    public ChainFaults withAnswering(String serial) {
        Set<String> silent = new TreeSet<>(silentSerials);
        silent.remove(serial);
        return new ChainFaults(silent, open);
    }

    /** These faults with the loop open or closed. */
    public ChainFaults withOpen(boolean isOpen) {
        return new ChainFaults(silentSerials, isOpen);
    }
}
