package org.smallbms.app.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.smallbms.app.readout.Container;
import org.smallbms.app.readout.Decoder;
import org.smallbms.app.readout.ReadoutException;
import org.smallbms.app.readout.ReadoutKey;
import org.smallbms.app.store.StorageFailure;
import org.smallbms.app.store.Store;
import org.smallbms.app.store.StoreRefusedException;
import org.smallbms.app.store.StoreUnavailableException;
import org.smallbms.sim.scenario.Printable;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code smallbms readout}: Instant Readout from the command line (IR-01). {@code key} shows a device's key to
 * whoever has its data directory, or makes a new one; {@code decode} reads advertisements, ours and other Victron
 * products', with their key and prints each as a line of JSON.
 */
@CommandLine.Command(name = "readout", mixinStandardHelpOptions = true, description = {
    "Instant Readout (IR-01): the device's key, and a decoder of advertisements.",
    "The decoder reads this device's advertisements and other Victron products'. See docs/instant-readout.md."},
        subcommands = {ReadoutCommand.Key.class, ReadoutCommand.Decode.class})
public final class ReadoutCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    /** {@code smallbms readout key}: the key of the device in a data directory, or a new one. */
    @CommandLine.Command(name = "key", mixinStandardHelpOptions = true, description = {
        "Shows the Instant Readout key of the device in the data directory, or makes a new one.",
        "The key is 32 hexadecimal characters, as VictronConnect shows one, to enter in a receiver. With --new a",
        "new key is made first: the old one no longer decodes the device. The device must not be running: one",
        "process at a time uses a data directory (while it runs, its web app's Settings page shows the key after",
        "the PIN)."})
    static final class Key implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--data", paramLabel = "DIR", defaultValue = "smallbms-data", description = "The device's "
                + "data directory (default ./${DEFAULT-VALUE}).")
        Path data;

        @Option(names = "--new", description = "Make a new key; receivers with the old one stop decoding the device.")
        boolean makeNew;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (!Files.isRegularFile(data.resolve(Store.FILE_NAME))) {
                return refuse(err, "there is no device in " + data + " (no " + Store.FILE_NAME + "): give --data "
                        + "the directory of the device whose key to show. Nothing was changed.",
                        RunCommand.EXIT_BAD_INPUT);
            }
            try (Store store = Store.open(data, Instant.now(), "smallbms readout key")) {
                ReadoutKey key = new ReadoutKey(makeNew ? store.changeReadoutKey() : store.identity().readoutKey());
                out.println("smallBMS NG " + store.identity().serial() + ": Instant Readout key " + key.hex()
                        + (makeNew ? " (new: the old key no longer decodes this device)" : ""));
                out.flush();
                return 0;
            } catch (StoreRefusedException e) {
                return refuse(err, e.getMessage(), RunCommand.EXIT_STORE_REFUSED);
            } catch (StoreUnavailableException e) {
                return refuse(err, e.getMessage(), RunCommand.EXIT_STORE_UNAVAILABLE);
            } catch (SQLException e) {
                return refuse(err, "cannot write the new key to " + data.resolve(Store.FILE_NAME) + ": "
                        + StorageFailure.describe(e) + ". The key is unchanged.", RunCommand.EXIT_STORE_UNAVAILABLE);
            }
        }
    }

    /** {@code smallbms readout decode}: advertisements as JSON. */
    @CommandLine.Command(name = "decode", mixinStandardHelpOptions = true, description = {
        "Decodes Instant Readout advertisements with their product's key, one line of JSON each.",
        "Each line has the product id, the record type, the nonce and the record's values with their units (null",
        "= not available).",
        "An advertisement is the manufacturer data in hexadecimal from its first byte 0x10 (or with the company id",
        "e102 before it), as a scanner shows it or /api/readout gives it. Every record type with a published",
        "layout is read: solar charger, battery monitor, inverter, DC-DC, SmartLithium, Inverter RS, GX device, AC",
        "charger, Smart BatteryProtect, (Lynx Smart) BMS, Multi RS, VE.Bus, DC energy meter, Orion XS. A wrong key,",
        "a short record or an unknown type is an error on standard error (exit code 2)."})
    static final class Decode implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--key", required = true, paramLabel = "KEY", description = "The product's Instant Readout "
                + "key: 32 hexadecimal characters. (On a shared machine others can read a command line.)")
        String key;

        @Parameters(arity = "1..*", paramLabel = "HEX", description = "Advertisements in hexadecimal.")
        List<String> advertisements = new ArrayList<>();

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            ReadoutKey readoutKey;
            try {
                readoutKey = ReadoutKey.parse(key);
            } catch (ReadoutException e) {
                return refuse(err, "--key: " + e.getMessage() + ". Nothing was decoded.", RunCommand.EXIT_BAD_INPUT);
            }
            int failed = 0;
            for (int i = 0; i < advertisements.size(); i++) {
                try {
                    out.println(Decoder.decode(readoutKey, Container.parseHex(advertisements.get(i))).toJson());
                } catch (ReadoutException e) {
                    failed++;
                    err.println((advertisements.size() > 1 ? "advertisement " + (i + 1) + ": " : "")
                            + Printable.escape(e.getMessage()));
                }
            }
            out.flush();
            err.flush();
            return failed == 0 ? 0 : RunCommand.EXIT_BAD_INPUT;
        }
    }

    private static int refuse(PrintWriter err, String message, int exit) {
        err.println(message);
        err.flush();
        return exit;
    }
}
