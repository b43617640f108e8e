package org.smallbms.app.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.smallbms.app.store.DeviceIdentity;
import org.smallbms.app.store.StorageFailure;
import org.smallbms.app.store.Store;
import org.smallbms.app.store.StoreRefusedException;
import org.smallbms.app.store.StoreUnavailableException;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code smallbms pin}: a new PIN for a device, by whoever has its data directory (SET-01, as a PUK would). The PIN
 * never goes on the command line, where other users see it in the process list: a random one is made and shown once,
 * or one is read from standard input.
 */
@CommandLine.Command(name = "pin", mixinStandardHelpOptions = true, description = {
    "Gives the device in the data directory a new PIN, kept only as a salted hash (SET-01): by default six random",
    "digits, shown once; with --stdin the first line of standard input (six digits). The device must not be",
    "running: one process at a time uses a data directory."})
public final class PinCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "smallbms-data", description = "The device's data "
            + "directory (default ./${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--stdin", description = "Read the new PIN from the first line of standard input instead of "
            + "making a random one.")
    boolean fromStdin;

    /** Standard input; a test gives its own. */
    InputStream stdin = System.in;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(data.resolve(Store.FILE_NAME))) {
            err.println("there is no device in " + data + " (no " + Store.FILE_NAME + "): give --data the "
                    + "directory of the device whose PIN to change. Nothing was changed.");
            err.flush();
            return RunCommand.EXIT_BAD_INPUT;
        }
        Optional<String> given = Optional.empty();
        if (fromStdin) {
            try {
                given = Optional.of(firstLine());
            } catch (IOException e) {
                err.println("cannot read the PIN from standard input: " + e.getMessage() + ". Nothing was changed.");
                err.flush();
                return RunCommand.EXIT_BAD_INPUT;
            }
            Optional<String> problem = DeviceIdentity.pinProblem(given.get());
            if (problem.isPresent()) {
                err.println("refused: " + problem.get() + ". Nothing was changed.");
                err.flush();
                return RunCommand.EXIT_BAD_INPUT;
            }
        }
        try (Store store = Store.open(data, Instant.now(), "smallbms pin")) {
            String pin = given.orElseGet(() -> DeviceIdentity.randomPin(new SecureRandom()));
            store.changePin(pin);
            out.println("smallBMS NG " + store.identity().serial() + ": the PIN is changed"
                    + (given.isPresent() ? "." : " to " + pin + " (shown this once: note it)."));
            out.flush();
            return 0;
        } catch (StoreRefusedException e) {
            err.println(e.getMessage());
            err.flush();
            return RunCommand.EXIT_STORE_REFUSED;
        } catch (StoreUnavailableException e) {
            err.println(e.getMessage());
            err.flush();
            return RunCommand.EXIT_STORE_UNAVAILABLE;
        } catch (SQLException e) {
            err.println("cannot write the new PIN to " + data.resolve(Store.FILE_NAME) + ": "
                    + StorageFailure.describe(e) + ". The PIN is unchanged.");
            err.flush();
            return RunCommand.EXIT_STORE_UNAVAILABLE;
        }
    }

    /** The first line of standard input, at most a few bytes of it: a PIN is six digits. */
    private String firstLine() throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8), 64);
        char[] buffer = new char[64];
        int n = in.read(buffer, 0, buffer.length);
        String text = n <= 0 ? "" : new String(buffer, 0, n);
        int end = text.indexOf('\n');
        return (end < 0 ? text : text.substring(0, end)).strip();
    }
}
