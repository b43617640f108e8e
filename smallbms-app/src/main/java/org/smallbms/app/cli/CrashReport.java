package org.smallbms.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * An internal error's details, in a file beside the device's data rather than on the terminal: a user sees one line
 * with the reason and where the details are, and can send the file with a report.
 */
final class CrashReport {

    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private CrashReport() {
    }

    /** Writes {@code error}'s stack trace into {@code directory}; returns a sentence that says where it went. */
    static String write(Path directory, Throwable error) {
        StringWriter trace = new StringWriter();
        try (PrintWriter writer = new PrintWriter(trace)) {
            writer.println("smallbms internal error at " + Instant.now() + " (wall clock)");
            error.printStackTrace(writer);
        }
        Path file = directory.resolve("crash-" + NAME.format(Instant.now()) + ".txt");
        try {
            Files.writeString(file, trace.toString(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            return "This is a bug: the details are in " + file + "; please include that file when you report it.";
        } catch (IOException e) {
            return "This is a bug; its details could not be written to " + file + " (" + e.getMessage() + ").";
        }
    }
}
