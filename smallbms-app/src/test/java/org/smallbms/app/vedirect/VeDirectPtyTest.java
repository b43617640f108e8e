package org.smallbms.app.vedirect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smallbms.core.settings.Setting;

/**
 * VE.Direct on a serial line: a pair of ptys made by Debian's socat ({@code .ci/run} installs it), the device on one
 * end as {@code --vedirect-tty} opens it, the test on the other as a serial terminal would.
 */
class VeDirectPtyTest {

    @TempDir
    Path dir;

    private Process socat;
    private VeDirect veDirect;
    private final FakePort device = new FakePort();

    @BeforeEach
    void aPtyPair() throws Exception {
        socat = new ProcessBuilder("socat", "-d", "-d", "pty,raw,echo=0,link=" + dir.resolve("a"),
                "pty,raw,echo=0,link=" + dir.resolve("b")).redirectErrorStream(true).start();
        // socat says when both ptys exist and it carries data between them.
        CompletableFuture<Boolean> ready = CompletableFuture.supplyAsync(() -> {
            try {
                BufferedReader said = new BufferedReader(new InputStreamReader(socat.getInputStream(),
                        StandardCharsets.UTF_8));
                String line;
                while ((line = said.readLine()) != null) {
                    if (line.contains("starting data transfer loop")) {
                        return true;
                    }
                }
                return false;
            } catch (IOException e) {
                return false;
            }
        });
        assertThat(ready.get(LineClient.PATIENCE.toSeconds(), TimeUnit.SECONDS)).as("socat started").isTrue();
        veDirect = VeDirect.tty(device.port(), dir.resolve("a"));
    }

    @AfterEach
    void stop() throws Exception {
        veDirect.close();
        socat.destroy();
        socat.waitFor(LineClient.PATIENCE.toSeconds(), TimeUnit.SECONDS);
    }

    @Test
    @DisplayName("SET-01 VE.Direct over a socat pty: ping, a set that is stored, and TEXT blocks with their checksum")
    void pty_pingSetAndText() throws Exception {
        FileInputStream in = new FileInputStream(dir.resolve("b").toFile());
        FileOutputStream out = new FileOutputStream(dir.resolve("b").toFile());
        try (LineClient client = new LineClient(in, out, () -> {
            out.close();
            in.close();
        })) {
            assertThat(client.ask(":154", '5')).isEqualTo(":51041FF\n");
            assertThat(client.ask(":8021000320009", '8')).isEqualTo(":8021000320009\n");
            assertThat(device.latest().bms().settings().get(Setting.TAIL_CURRENT)).isEqualTo(50);

            TextParser.Block block = client.block(b -> b.fields().containsKey("PID"));
            assertThat(block.fields()).containsEntry("PID", "0xA3E7").containsEntry("MON", "0");
        }
    }
}
