package org.smallbms.core.bank;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.smallbms.core.remote.RemoteTerminal;

/**
 * Everything the BMS reads in one tick.
 *
 * <p>The daisy chain is a loop from one BMS port through every battery back to the other port. {@code chainClosed}
 * says whether that loop is whole (E-B05 when not); {@code chainNodes} is the number of batteries the BMS counted on
 * it, and {@code batteries} holds the readings of those that answered with valid data. A battery that is on the chain
 * but does not answer is counted without a reading, which is how communication loss (W-B05, A-B05) is told apart from
 * a battery taken out of the bank (TOP-09).
 *
 * @param batteries the valid readings of this tick, in chain order
 * @param chainNodes how many batteries are on the chain, answering or not
 * @param chainClosed the loop through the batteries is closed
 * @param terminalMillivolts Vbat at the BMS's own Bat+ / Bat- terminals
 * @param remote the remote on/off terminal
 * @param readback the outputs as read back
 * @param selfTestPassed the BMS's internal self-test passes (E-B11 when not)
 */
public record BankFrame(
        List<BatteryReading> batteries,
        int chainNodes,
        boolean chainClosed,
        int terminalMillivolts,
        RemoteTerminal remote,
        OutputReadback readback,
        boolean selfTestPassed) {

    /** The chain addresses at most this many batteries; a valid bank has at most 50 (TOP-03). */
    public static final int MAX_CHAIN_NODES = 64;
    public static final int MAX_TERMINAL_MILLIVOLTS = 100_000;

    public BankFrame {
        Objects.requireNonNull(remote, "remote");
        Objects.requireNonNull(readback, "readback");
        batteries = List.copyOf(batteries);
        if (chainNodes < batteries.size() || chainNodes > MAX_CHAIN_NODES) {
            throw new IllegalArgumentException("chainNodes = " + chainNodes + " must be between the "
                    + batteries.size() + " batteries that answered and " + MAX_CHAIN_NODES);
        }
        BatteryReading.requireRange("terminalMillivolts", terminalMillivolts, 0, MAX_TERMINAL_MILLIVOLTS);
        requireDistinctSerials(batteries);
    }

    /**
     * Refuses a serial that appears twice, naming the first repeat in chain order. The cached hashes, sorted, show at
     * a glance that no two serials can be equal, which is every frame but a faulty one; only then are the serials
     * compared, each with those before it. Cheaper than building a set for each frame.
     */
    private static void requireDistinctSerials(List<BatteryReading> batteries) {
        int n = batteries.size();
        if (n < 2) {
            return;
        }
        int[] hashes = new int[n];
        for (int i = 0; i < n; i++) {
            hashes[i] = batteries.get(i).serial().hashCode();
        }
        Arrays.sort(hashes);
        boolean sharedHash = false;
        for (int i = 1; i < n && !sharedHash; i++) {
            sharedHash = hashes[i] == hashes[i - 1];
        }
        if (!sharedHash) {
            return;
        }
        for (int i = 1; i < n; i++) {
            String serial = batteries.get(i).serial();
            for (int j = 0; j < i; j++) {
                if (batteries.get(j).serial().equals(serial)) {
                    throw new IllegalArgumentException("serial " + serial
                            + " appears twice: every battery on the chain has its own serial number");
                }
            }
        }
    }

    /**
     * A frame from a whole chain where every battery answered: the usual case.
     */
    public static BankFrame complete(List<BatteryReading> batteries, int terminalMillivolts, RemoteTerminal remote,
            OutputReadback readback) {
        return new BankFrame(batteries, batteries.size(), true, terminalMillivolts, remote, readback, true);
    }

    /** Every battery on the chain answered and the chain is closed. */
    public boolean isComplete() {
        return chainClosed && batteries.size() == chainNodes;
    }

    /** The same frame with these readings, every battery on the chain answering. */
    public BankFrame withBatteries(List<BatteryReading> newBatteries) {
        return new BankFrame(newBatteries, newBatteries.size(), chainClosed, terminalMillivolts, remote, readback,
                selfTestPassed);
    }

    public BankFrame withTerminalMillivolts(int millivolts) {
        return new BankFrame(batteries, chainNodes, chainClosed, millivolts, remote, readback, selfTestPassed);
    }

    public BankFrame withRemote(RemoteTerminal newRemote) {
        return new BankFrame(batteries, chainNodes, chainClosed, terminalMillivolts, newRemote, readback,
                selfTestPassed);
    }

    public BankFrame withReadback(OutputReadback newReadback) {
        return new BankFrame(batteries, chainNodes, chainClosed, terminalMillivolts, remote, newReadback,
                selfTestPassed);
    }

    public BankFrame withChain(int nodes, boolean closed) {
        return new BankFrame(batteries, nodes, closed, terminalMillivolts, remote, readback, selfTestPassed);
    }

    public BankFrame withSelfTestPassed(boolean passed) {
        return new BankFrame(batteries, chainNodes, chainClosed, terminalMillivolts, remote, readback, passed);
    }
}
