package org.smallbms.app.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smallbms.app.store.Store;

class PowerCutSoakTest {

    @TempDir
    Path dir;

    @Test
    @Tag("slow")
    @DisplayName("SET-04 HIST-04 MON-07 100 power cuts (SIGKILL) while the device writes: the store always opens, "
            + "settings old or new, history never back, SoC within the checkpoint")
    void run_hundredKills_promisesKept() throws Exception {
        PowerCutSoak soak = new PowerCutSoak(dir.resolve("data"), new Random(42), Duration.ofMillis(400),
                new PrintWriter(new StringWriter()));

        PowerCutSoak.Result result = soak.run(100);

        assertThat(result.violations()).isEmpty();
        assertThat(result.kills()).as("cuts made to a running device").isEqualTo(100);
        assertThat(result.socKnownAtEnd()).isTrue();
        assertThat(result.drawnMilliampHoursAtEnd()).isPositive();
    }

    @Test
    @DisplayName("MON-07 SIGTERM stops the device cleanly: it says so and its last checkpoint is its last tick")
    void run_sigterm_checkpointsAndExits() throws Exception {
        Path data = dir.resolve("data");
        List<String> command = new ArrayList<>(new PowerCutSoak(data, new Random(1), Duration.ZERO,
                new PrintWriter(new StringWriter())).javaCommand());
        command.addAll(List.of("run", "--speed", "max", "--port", "0", "--mqtt-port", "0", "--data",
                data.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        StringBuilder output = new StringBuilder();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line = in.readLine();
            while (line != null && !line.startsWith("running")) {
                output.append(line).append('\n');
                line = in.readLine();
            }
            assertThat(line).as(output.toString()).isNotNull();
            // SIGTERM; the Process's own destroy() would also close the stream being read.
            process.toHandle().destroy();
            for (line = in.readLine(); line != null; line = in.readLine()) {
                output.append(line).append('\n');
            }
        }

        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(output.toString()).contains("state saved");
        try (Store store = Store.open(data, Instant.now())) {
            Instant savedAt = store.load().orElseThrow().at();
            assertThat(store.latestDeviceTime()).contains(savedAt);
        }
    }
}
