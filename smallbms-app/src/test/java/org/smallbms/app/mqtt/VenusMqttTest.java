package org.smallbms.app.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smallbms.app.runtime.Reply;
import org.smallbms.app.runtime.Request;
import org.smallbms.app.runtime.Snapshot;
import org.smallbms.app.runtime.StorageStatus;
import org.smallbms.core.bms.Bms;
import org.smallbms.core.bms.BmsState;
import org.smallbms.core.bms.CommandResult;
import org.smallbms.core.settings.Setting;

/** The keep-alive, reads and writes of the Venus battery service, on a virtual clock and a broker in memory. */
class VenusMqttTest {

    static final String PORTAL = "0123456789ab";
    static final Instant T0 = Instant.parse("2026-06-01T12:00:00Z");

    final MutableClock clock = new MutableClock(T0);
    final RecordingLink link = new RecordingLink();
    final AtomicReference<BmsState> state = new AtomicReference<>(Bms.initial());
    final Topics topics = new Topics(PORTAL, 512);
    VenusMqtt venus;

    @BeforeEach
    void setUp() throws Exception {
        venus = new VenusMqtt(link, topics, this::snapshot, this::submit, clock, 0xA3E7, "v0.1.0");
        // Subscribed without the rounds' thread: the test calls publish() itself.
        link.subscribe(topics.requests(), venus::onMessage);
        link.subscribe(topics.writes(), venus::onMessage);
    }

    Snapshot snapshot() {
        return new Snapshot(1, clock.instant(), state.get(), List.of(), StorageStatus.OK, "HQ2622TEST1",
                Optional.empty(), Optional.empty());
    }

    CompletableFuture<Reply> submit(Request request) {
        CommandResult result = ((Request.ToBms) request).command().applyTo(state.get(), clock.instant());
        if (result instanceof CommandResult.Rejected rejected) {
            return CompletableFuture.completedFuture(Reply.rejected(rejected.message()));
        }
        state.set(result.state());
        return CompletableFuture.completedFuture(Reply.ACCEPTED);
    }

    List<String> topicsOf(List<RecordingLink.Sent> sent) {
        return sent.stream().map(RecordingLink.Sent::topic).toList();
    }

    @Test
    void publish_withoutKeepAlive_announcesOnlyThePortalId() {
        venus.publish();
        assertThat(link.take()).containsExactly(new RecordingLink.Sent("N/" + PORTAL + "/system/0/Serial",
                "{\"value\":\"" + PORTAL + "\"}", false));
        clock.advance(Duration.ofSeconds(10));
        venus.publish();
        assertThat(link.take()).as("not due again before 30 s").isEmpty();
        clock.advance(VenusMqtt.ANNOUNCE_EVERY);
        venus.publish();
        assertThat(topicsOf(link.take())).containsExactly("N/" + PORTAL + "/system/0/Serial");
    }

    @Test
    void keepAlive_publishesEveryPathOnceThenFullPublishCompletedWithTheEcho() {
        venus.publish();
        link.take();
        link.send("R/" + PORTAL + "/keepalive", "{\"keepalive-options\": [{\"full-publish-completed-echo\": "
                + "\"abc\"}]}");
        venus.publish();
        List<RecordingLink.Sent> sent = link.take();
        Map<String, String> paths = VenusPaths.of(snapshot(), 0xA3E7, 512, "v0.1.0");
        assertThat(sent).hasSize(paths.size() + 1);
        assertThat(sent).noneMatch(RecordingLink.Sent::retained);
        paths.forEach((path, payload) -> assertThat(sent).contains(new RecordingLink.Sent("N/" + PORTAL
                + "/battery/512" + path, payload, false)));
        assertThat(sent.get(sent.size() - 1)).isEqualTo(new RecordingLink.Sent("N/" + PORTAL
                + "/full_publish_completed", "{\"full-publish-completed-echo\":\"abc\",\"value\":"
                + T0.getEpochSecond() + "}", false));
    }

    @Test
    void afterFullPublish_onlyChangesArePublished() {
        link.send("R/" + PORTAL + "/keepalive", "");
        venus.publish();
        link.take();
        venus.publish();
        assertThat(link.take()).as("nothing changed").isEmpty();
        link.send("W/" + PORTAL + "/battery/512/Settings/LowSocWarning", "{\"value\": 30}");
        venus.publish();
        assertThat(link.take()).contains(new RecordingLink.Sent("N/" + PORTAL
                + "/battery/512/Settings/LowSocWarning", "{\"max\":99,\"min\":0,\"value\":30}", false))
                .allMatch(s -> s.topic().endsWith("/Settings/LowSocWarning"));
    }

    @Test
    void keepAlive_expiresAfter60s_thenNothingButTheAnnouncement() {
        link.send("R/" + PORTAL + "/keepalive", "");
        venus.publish();
        link.take();
        clock.advance(Duration.ofSeconds(59));
        link.send("W/" + PORTAL + "/battery/512/Mode", "{\"value\": 0}");
        venus.publish();
        assertThat(topicsOf(link.take())).contains("N/" + PORTAL + "/battery/512/Mode");
        clock.advance(Duration.ofSeconds(2));
        state.set(((CommandResult.Accepted) new org.smallbms.core.bms.Command.SetMode(true).applyTo(state.get(),
                clock.instant())).state());
        venus.publish();
        assertThat(topicsOf(link.take())).as("a change after the keep-alive expired")
                .filteredOn(t -> t.contains("/battery/")).isEmpty();
        clock.advance(VenusMqtt.ANNOUNCE_EVERY);
        venus.publish();
        assertThat(topicsOf(link.take())).as("the announcement goes on").containsExactly(
                "N/" + PORTAL + "/system/0/Serial");
        link.send("R/" + PORTAL + "/keepalive", "{\"keepalive-options\": [\"suppress-republish\"]}");
        venus.publish();
        assertThat(link.take()).as("suppress-republish: no full publish").isEmpty();
    }

    @Test
    void read_republishesAPathOrASubTree() {
        link.send("R/" + PORTAL + "/battery/512/Dc/0", "");
        venus.publish();
        assertThat(topicsOf(link.take())).filteredOn(t -> t.contains("/battery/")).containsExactly(
                "N/" + PORTAL + "/battery/512/Dc/0/Voltage", "N/" + PORTAL + "/battery/512/Dc/0/Current",
                "N/" + PORTAL + "/battery/512/Dc/0/Power", "N/" + PORTAL + "/battery/512/Dc/0/Temperature");
        link.send("R/" + PORTAL + "/battery/512/Soc", "");
        venus.publish();
        assertThat(link.take()).containsExactly(new RecordingLink.Sent("N/" + PORTAL + "/battery/512/Soc",
                "{\"value\":null}", false));
    }

    @Test
    void write_refusedByTheCore_changesNothing() {
        int before = state.get().settings().get(Setting.LOW_SOC_WARNING);
        // Below the discharge floor (10 %): the core refuses it.
        link.send("W/" + PORTAL + "/battery/512/Settings/LowSocWarning", "{\"value\": 5}");
        link.send("W/" + PORTAL + "/battery/512/Settings/ChargedVoltage", "{\"value\": 99}");
        link.send("W/" + PORTAL + "/battery/512/Soc", "{\"value\": 50}");
        link.send("W/" + PORTAL + "/battery/512/Mode", "{\"value\": 7}");
        assertThat(state.get().settings().get(Setting.LOW_SOC_WARNING)).isEqualTo(before);
        assertThat(state.get().settings()).isEqualTo(Bms.initial().settings());
    }

    @Test
    void write_inVolts_reachesTheCoreInMillivolts() {
        link.send("W/" + PORTAL + "/battery/512/Settings/ChargedVoltage", "{\"value\": 14.1}");
        assertThat(state.get().settings().get(Setting.CHARGED_VOLTAGE)).isEqualTo(14_100);
    }

    @Test
    void writesFlooding_areDroppedBeyondTheLimit_neverQueuedWithoutEnd() {
        List<Request> submitted = new java.util.ArrayList<>();
        VenusMqtt slow = new VenusMqtt(link, topics, this::snapshot, request -> {
            submitted.add(request);
            return new CompletableFuture<>();
        }, clock, 0xA3E7, "v0.1.0");
        for (int i = 0; i < 100; i++) {
            slow.onMessage("W/" + PORTAL + "/battery/512/Settings/LowSocWarning", "{\"value\": 30}".getBytes(
                    java.nio.charset.StandardCharsets.UTF_8));
        }
        assertThat(submitted).hasSize(VenusMqtt.MAX_WRITES_WAITING);
    }
}
