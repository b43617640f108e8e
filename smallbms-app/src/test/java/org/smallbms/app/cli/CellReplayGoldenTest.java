package org.smallbms.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parameter files written before figures could follow temperature replay exactly as they did: the outputs here
 * were recorded with the build before that change (the shipped set at 7.3 °C; a set with three OCV tables, an
 * Arrhenius law and one RC pair at 41 °C), over 2000 rows of charge, discharge and rest.
 */
class CellReplayGoldenTest {

    private static final String DIR = "/org/smallbms/app/cli/replay-before-temperature-tables/";

    @TempDir
    Path dir;

    private Path resource(String name) throws IOException {
        Path file = dir.resolve(name);
        try (InputStream in = CellReplayGoldenTest.class.getResourceAsStream(DIR + name)) {
            Files.write(file, in.readAllBytes());
        }
        return file;
    }

    private void assertReplaysAsRecorded(String recorded, String... args) throws IOException {
        Path out = dir.resolve("out.csv");
        String[] all = new String[args.length + 4];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--current";
        all[args.length + 1] = resource("profile.csv").toString();
        all[args.length + 2] = "--out";
        all[args.length + 3] = out.toString();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), all);
        assertThat(code).as(err.toString()).isZero();
        assertThat(Files.readString(out, StandardCharsets.UTF_8))
                .isEqualTo(Files.readString(resource(recorded), StandardCharsets.UTF_8));
    }

    @Test
    void shippedSet_replaysAsBefore() throws IOException {
        assertReplaysAsRecorded("default-7.3C.csv", "cell", "replay", "--temperature", "7.3", "--soc", "0.5");
    }

    @Test
    void setOfThreeOcvTablesAndArrhenius_replaysAsBefore() throws IOException {
        assertReplaysAsRecorded("arrhenius-41C.csv", "cell", "replay", "--params",
                resource("arrhenius-three-ocv-tables.json").toString(), "--temperature", "41", "--soc", "0.5");
    }
}
