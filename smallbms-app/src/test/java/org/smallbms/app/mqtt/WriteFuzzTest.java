package org.smallbms.app.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.smallbms.app.runtime.Reply;
import org.smallbms.app.runtime.Request;
import org.smallbms.app.runtime.Snapshot;
import org.smallbms.app.runtime.StorageStatus;
import org.smallbms.core.bms.Bms;
import org.smallbms.core.bms.BmsState;
import org.smallbms.core.bms.Command;
import org.smallbms.core.bms.CommandResult;
import org.smallbms.core.settings.Setting;
import org.smallbms.core.settings.Settings;

/** Random topics and payloads at the MQTT write handler: no exception escapes, and nothing random changes a setting. */
class WriteFuzzTest {

    static final int TRIES = 10_000;
    static final String PORTAL = "0123456789ab";
    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    static final Topics TOPICS = new Topics(PORTAL, 512);

    /** A topic: mostly near the device's own, so the fuzz reaches the write and read handling. */
    @Provide
    Arbitrary<String> topics() {
        List<String> paths = new ArrayList<>(List.of("/Mode", "/Soc", "/Dc/0/Voltage", "/Settings", "/Settings/",
                "", "/", "/Settings/Mode", "/History/Clear"));
        for (Setting setting : Setting.values()) {
            paths.add(VenusPaths.settingPath(setting));
        }
        Arbitrary<String> prefix = Arbitraries.of("W/" + PORTAL + "/battery/512", "R/" + PORTAL + "/battery/512",
                "W/" + PORTAL + "/battery/513", "W/ffffffffffff/battery/512", "R/" + PORTAL + "/keepalive",
                "W/" + PORTAL + "/battery/512/", "");
        Arbitrary<String> tail = Arbitraries.oneOf(Arbitraries.of(paths), Arbitraries.strings().ofMaxLength(40));
        return Combinators.combine(prefix, tail).as((p, t) -> p + t);
    }

    /** A payload: random bytes, random text, or JSON that is nearly a write. */
    @Provide
    Arbitrary<byte[]> payloads() {
        Arbitrary<String> values = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(20).map(s -> "\"" + s + "\""),
                Arbitraries.of("null", "true", "[]", "{}", "1e400", "-1e400", "NaN", "\"1\"", "[1]", "{\"value\":1}"));
        Arbitrary<String> json = values.map(v -> "{\"value\": " + v + "}");
        return Arbitraries.oneOf(Arbitraries.bytes().array(byte[].class).ofMaxSize(200),
                Arbitraries.strings().ofMaxLength(200).map(s -> s.getBytes(StandardCharsets.UTF_8)),
                json.map(s -> s.getBytes(StandardCharsets.UTF_8)));
    }

    @Property(tries = TRIES)
    @Label("a random topic and payload: no exception, and no setting changes")
    void randomMessage_neverThrows_andChangesNoSetting(@ForAll("topics") String topic,
            @ForAll("payloads") byte[] payload) {
        AtomicReference<BmsState> state = new AtomicReference<>(Bms.initial());
        Settings before = state.get().settings();
        VenusMqtt venus = new VenusMqtt(new RecordingLink(), TOPICS, () -> snapshot(state.get()),
                request -> apply(state, request), new MutableClock(NOW), 0xA3E7, "v0.1.0");
        venus.onMessage(topic, payload);
        venus.publish();
        assertThat(state.get().settings()).isEqualTo(before);
    }

    @Property(tries = TRIES)
    @Label("a number written to a writable path: the core decides, and a refusal changes nothing")
    void numberWritten_isCheckedByTheCore(@ForAll("writable") String path, @ForAll("numbers") double value) {
        BmsState state = Bms.initial();
        Topics.Ask ask = TOPICS.read("W/" + PORTAL + "/battery/512" + path, ("{\"value\": " + value + "}")
                .getBytes(StandardCharsets.UTF_8));
        if (ask instanceof Topics.Write write) {
            CommandResult result = write.command().applyTo(state, NOW);
            if (result instanceof CommandResult.Rejected) {
                assertThat(result.state().settings()).isEqualTo(state.settings());
            } else {
                Setting setting = write.command() instanceof Command.ChangeSetting change ? change.setting()
                        : Setting.MODE;
                int kept = result.state().settings().get(setting);
                assertThat(kept).isBetween(setting.minFor(state.settings().system()),
                        setting.maxFor(state.settings().system()));
                assertThat(kept / VenusPaths.scale(setting)).isCloseTo(value, org.assertj.core.data.Offset
                        .offset(1e-6));
            }
        } else {
            assertThat(ask).isInstanceOf(Topics.Ignored.class);
        }
    }

    @Provide
    Arbitrary<String> writable() {
        List<String> paths = new ArrayList<>(List.of("/Mode"));
        for (Setting setting : Setting.values()) {
            if (setting != Setting.MODE) {
                paths.add(VenusPaths.settingPath(setting));
            }
        }
        return Arbitraries.of(paths);
    }

    @Provide
    Arbitrary<Double> numbers() {
        return Arbitraries.oneOf(Arbitraries.doubles().between(-1e6, 1e6), Arbitraries.doubles().between(-20, 20)
                .ofScale(2), Arbitraries.integers().between(-100, 20_000).map(Integer::doubleValue),
                Arbitraries.of(Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_VALUE, 0.0, 1.0, 14.1, 3.1));
    }

    static Snapshot snapshot(BmsState state) {
        return new Snapshot(1, NOW, state, List.of(), StorageStatus.OK, "HQ2622TEST1", java.util.Optional.empty(),
                java.util.Optional.empty());
    }

    static CompletableFuture<Reply> apply(AtomicReference<BmsState> state, Request request) {
        CommandResult result = ((Request.ToBms) request).command().applyTo(state.get(), NOW);
        if (result instanceof CommandResult.Rejected rejected) {
            return CompletableFuture.completedFuture(Reply.rejected(rejected.message()));
        }
        state.set(result.state());
        return CompletableFuture.completedFuture(Reply.ACCEPTED);
    }
}
