package org.smallbms.app.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Optional;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.OSInfo;

/**
 * SQLite's native library, unpacked once into a stable folder and loaded from there.
 *
 * <p>Left to itself the driver unpacks its library into the temp folder on every start and deletes it at a clean
 * exit; a killed process leaves its copy behind (about 1 MB a start). Here the library goes to
 * {@code $XDG_CACHE_HOME/smallbms/sqlite-VERSION/OS/ARCH/} (or {@code ~/.cache/...}), one copy per driver version,
 * checked against the jar's copy byte for byte before use and replaced by an atomic rename when it differs, so
 * processes that start together or are killed midway never load a half-written file. Where that folder cannot be
 * written the driver's own way is left in place.
 */
public final class SqliteNative {

    /** The driver's properties for a library it should load as it is, without unpacking. */
    static final String PATH_PROPERTY = "org.sqlite.lib.path";
    static final String NAME_PROPERTY = "org.sqlite.lib.name";
    /** Overrides the cache folder (tests). */
    static final String CACHE_PROPERTY = "smallbms.cache";

    private static boolean installed;

    private SqliteNative() {
    }

    /** Points the driver at the stable copy, once per process, before the first connection loads the library. */
    public static synchronized void install() {
        if (installed || System.getProperty(PATH_PROPERTY) != null) {
            installed = true;
            return;
        }
        installed = true;
        cacheRoot().flatMap(SqliteNative::unpack).ifPresent(library -> {
            System.setProperty(PATH_PROPERTY, library.getParent().toString());
            System.setProperty(NAME_PROPERTY, library.getFileName().toString());
        });
    }

    private static Optional<Path> cacheRoot() {
        String override = System.getProperty(CACHE_PROPERTY);
        if (override != null) {
            return Optional.of(Path.of(override));
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Optional.of(Path.of(xdg, "smallbms"));
        }
        String home = System.getProperty("user.home");
        return home == null || home.isBlank() ? Optional.empty() : Optional.of(Path.of(home, ".cache", "smallbms"));
    }

    /**
     * The library in {@code root}, unpacked if missing or different from the jar's; empty when the jar has none for
     * this platform or the folder cannot be written.
     */
    static Optional<Path> unpack(Path root) {
        String folder = OSInfo.getNativeLibFolderPathForCurrentOS();
        String name = System.mapLibraryName("sqlitejdbc");
        String resource = "/org/sqlite/native/" + folder + "/" + name;
        byte[] library;
        try (InputStream in = SQLiteJDBCLoader.class.getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            library = in.readAllBytes();
        } catch (IOException e) {
            return Optional.empty();
        }
        Path dir = root.resolve("sqlite-" + SQLiteJDBCLoader.getVersion()).resolve(folder);
        Path target = dir.resolve(name);
        try {
            if (Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), library)) {
                return Optional.of(target);
            }
            Files.createDirectories(dir);
            Path part = Files.createTempFile(dir, name, ".part");
            try {
                Files.write(part, library);
                move(part, target);
            } finally {
                Files.deleteIfExists(part);
            }
            return Optional.of(target);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
