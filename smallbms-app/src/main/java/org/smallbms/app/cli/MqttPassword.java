package org.smallbms.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.smallbms.app.store.StorageFailure;
import org.smallbms.sim.scenario.Printable;

/**
 * Where {@code run} takes the MQTT password from, so that it need not be on the command line, where every user of the
 * machine reads it in the process list: a file ({@code --mqtt-password-file}, as systemd credentials and container
 * secrets are given), the environment ({@value #ENV}), or, last and visible, {@code --mqtt-password}. A message about
 * a password names where it came from, never the password.
 */
final class MqttPassword {

    /** The environment variable that holds the password. */
    static final String ENV = "SMALLBMS_MQTT_PASSWORD";
    /** More than any password: a larger file is not a password file (a key, a log given by mistake). */
    static final int MAX_BYTES = 1024;

    private MqttPassword() {
    }

    /**
     * The password, if one was given: the file, else the option, else the environment.
     *
     * @param file {@code --mqtt-password-file}, or null
     * @param option {@code --mqtt-password}, or null
     * @param environment the process's environment
     * @throws IllegalArgumentException when the file cannot be read or is no password file, or both options are given
     */
    static Optional<String> resolve(Path file, String option, Function<String, String> environment) {
        if (file != null && option != null) {
            throw new IllegalArgumentException("--mqtt-password and --mqtt-password-file are both given: give one "
                    + "(--mqtt-password-file keeps the password out of the process list)");
        }
        if (file != null) {
            return Optional.of(read(file));
        }
        if (option != null) {
            return Optional.of(option);
        }
        String env = environment.apply(ENV);
        return env == null || env.isEmpty() ? Optional.empty() : Optional.of(env);
    }

    /** Where the password came from, for messages. */
    static String source(Path file, String option) {
        return file != null ? "--mqtt-password-file" : option != null ? "--mqtt-password" : ENV;
    }

    /**
     * The password in {@code file}: its text in UTF-8, one line, the line end after it (LF or CRLF) not part of it.
     */
    static String read(Path file) {
        String name = "--mqtt-password-file " + Printable.escape(file.toString());
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException("cannot read " + name + ": it is a directory. Give the file that holds "
                    + "the password, alone on one line. Nothing was started.");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            String reason = e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : null;
            String why = switch (StorageFailure.kind(e)) {
                case NOT_FOUND -> "there is no such file" + (reason == null ? "" : " (" + reason + ")");
                case PERMISSION -> "permission denied";
                case DISK_FULL, READ_ONLY, OTHER -> reason == null ? "it cannot be read" : reason;
            };
            throw new IllegalArgumentException("cannot read " + name + ": " + Printable.escape(why) + ". Give a file "
                    + "this user may read that holds the password. Nothing was started.");
        }
        if (bytes.length > MAX_BYTES) {
            throw new IllegalArgumentException(name + " is larger than " + MAX_BYTES + " bytes: it is not a password "
                    + "file. Give a file that holds the password alone on one line. Nothing was started.");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(name + " is not UTF-8 text: give a file that holds the password alone "
                    + "on one line. Nothing was started.");
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
        String password = text.endsWith("\r\n") ? text.substring(0, text.length() - 2)
                : text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        if (password.isEmpty()) {
            throw new IllegalArgumentException(name + " is empty: write the password into it, alone on one line. "
                    + "Nothing was started.");
        }
        if (password.indexOf('\n') >= 0 || password.indexOf('\r') >= 0) {
            throw new IllegalArgumentException(name + " has more than one line: the password goes alone on its one "
                    + "line. Nothing was started.");
        }
        return password;
    }

    /** Whether users other than the file's owner and group may read it (false where the file system cannot say). */
    static boolean readableByOthers(Path file) {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            return permissions.contains(PosixFilePermission.OTHERS_READ);
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }
}
