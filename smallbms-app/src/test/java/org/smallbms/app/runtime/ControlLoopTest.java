package org.smallbms.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.smallbms.core.bms.Bms;
import org.smallbms.core.bms.BmsState;
import org.smallbms.core.bms.Command;
import org.smallbms.core.bms.CommandResult;
import org.smallbms.core.event.Event;
import org.smallbms.core.protection.Level;
import org.smallbms.core.settings.Setting;
import org.smallbms.core.driver.ClosedLoop;

class ControlLoopTest {

    private static final Instant START = Instant.parse("2026-06-01T12:00:00Z");

    private final FakeWorld world = new FakeWorld();
    private final RecordingPersistence store = new RecordingPersistence();
    private final VirtualClock clock = DeviceClock.virtual(START);
    private final ControlLoop loop = new ControlLoop(Bms.initial(), world, clock, ControlLoop.DEFAULT_TICK, store,
            "HQ2623TEST1");

    private void ticks(int n) {
        for (int i = 0; i < n; i++) {
            loop.tick();
        }
    }

    @Test
    @DisplayName("SET-02 commands wait for the next tick and are applied in the order they arrived")
    void tick_queuedCommands_appliedInOrderBeforeTheStep() {
        // Raising the warning first makes room for the floor: the reverse order would refuse the floor.
        CompletableFuture<Reply> warning = loop.submit(new Request.ToBms(new Command.ChangeSetting(
                Setting.LOW_SOC_WARNING, 30)));
        CompletableFuture<Reply> floor = loop.submit(new Request.ToBms(new Command.ChangeSetting(
                Setting.DISCHARGE_FLOOR, 25)));
        assertThat(warning).isNotDone();

        Snapshot snapshot = loop.tick();

        assertThat(warning.join().accepted()).isTrue();
        assertThat(floor.join().accepted()).isTrue();
        assertThat(snapshot.bms().settings().dischargeFloorPercent()).isEqualTo(25);
        assertThat(snapshot.events()).extracting(Event::name).containsSubsequence("lowSocWarning",
                "dischargeFloor");
    }

    @Test
    @DisplayName("SET-02 a refused command returns its message and changes nothing, not even a checkpoint")
    void tick_refusedCommand_messageAndNothingChanged() {
        ticks(1);
        int checkpoints = store.checkpoints.size();
        var before = loop.snapshots().get().bms().persisted();

        CompletableFuture<Reply> reply = loop.submit(new Request.ToBms(new Command.ChangeSetting(
                Setting.DISCHARGE_FLOOR, 50)));
        Snapshot after = loop.tick();

        assertThat(reply.join().accepted()).isFalse();
        assertThat(reply.join().message()).contains("Discharge floor = 50 %").contains("Nothing was changed");
        assertThat(after.bms().settings()).isEqualTo(before.settings());
        assertThat(store.checkpoints).hasSize(checkpoints);
    }

    @Test
    @DisplayName("a snapshot is published each tick, one second of device time apart, and never changes after")
    void tick_eachTick_newImmutableSnapshot() {
        Snapshot first = loop.tick();
        Snapshot second = loop.tick();

        assertThat(loop.snapshots().get()).isSameAs(second);
        assertThat(first.tick()).isEqualTo(1);
        assertThat(second.tick()).isEqualTo(2);
        assertThat(first.at()).isEqualTo(START);
        assertThat(second.at()).isEqualTo(START.plusSeconds(1));
        assertThat(first.events()).isNotEmpty();
        assertThatThrownBy(() -> first.events().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThat(world.advancedAt).containsExactly(START, START.plusSeconds(1));
    }

    @Test
    @DisplayName("MON-07 the state is checkpointed every minute of device time")
    void tick_threeMinutes_checkpointEveryMinute() {
        ticks(181);

        assertThat(store.checkpointTimes).containsExactly(START.plusSeconds(60), START.plusSeconds(120),
                START.plusSeconds(180));
    }

    @Test
    @DisplayName("REM-03 Mode off from the app opens the outputs at the next tick and is checkpointed at once")
    void tick_modeOff_outputsFloatAndCheckpointed() {
        ticks(3);
        assertThat(world.outputs.load()).isEqualTo(Level.HIGH);

        loop.submit(new Request.ToBms(new Command.SetMode(false)));
        Snapshot snapshot = loop.tick();

        assertThat(world.outputs.load()).isEqualTo(Level.FLOATING);
        assertThat(world.outputs.charge()).isEqualTo(Level.FLOATING);
        assertThat(store.checkpointTimes).containsExactly(snapshot.at());
        assertThat(store.checkpoints.get(0).settings().modeOn()).isFalse();
    }

    @Test
    @DisplayName("a world change runs on the loop between two ticks")
    void tick_worldChange_appliedBeforeTheStep() {
        CompletableFuture<Reply> reply = loop.submit(new Request.ToWorld("marker", w -> world.changes.add(
                "changed before advance " + world.advancedAt.size())));

        loop.tick();

        assertThat(reply.join().accepted()).isTrue();
        assertThat(world.changes).containsExactly("changed before advance 0");
    }

    @Test
    @DisplayName("events of every tick and of the commands applied in it go to the event log, all of them, in order")
    void tick_commandsBetweenTicks_logsCommandEventsThenEachTicksEventsInOrder() {
        // Mode off makes the step itself log (the outputs open), so the order of command and step events shows.
        List<Command> commands = List.of(new Command.ChangeSetting(Setting.LOW_SOC_WARNING, 30),
                new Command.SetMode(false));
        ticks(1);
        commands.forEach(command -> loop.submit(new Request.ToBms(command)));
        ticks(2);

        // The same pure functions, run by hand on a second world: what the loop must have logged.
        FakeWorld twin = new FakeWorld();
        Duration dt = ControlLoop.DEFAULT_TICK;
        List<Event> expected = new ArrayList<>();
        ClosedLoop.Tick first = ClosedLoop.tick(Bms.initial(), twin, START, dt);
        expected.addAll(first.events());
        BmsState state = first.bms();
        for (Command command : commands) {
            CommandResult applied = Bms.handle(state, START.plus(dt), command);
            assertThat(applied).isInstanceOf(CommandResult.Accepted.class);
            state = applied.state();
            expected.addAll(state.events());
        }
        ClosedLoop.Tick second = ClosedLoop.tick(state, twin, START.plus(dt), dt);
        expected.addAll(second.events());
        ClosedLoop.Tick third = ClosedLoop.tick(second.bms(), twin, START.plus(dt.multipliedBy(2)), dt);
        expected.addAll(third.events());

        assertThat(second.events()).isNotEmpty();
        assertThat(store.events).containsExactlyElementsOf(expected);
        assertThat(store.events).extracting(Event::name).contains(Setting.LOW_SOC_WARNING.key());
    }

    @Test
    @DisplayName("a tick that throws ends the loop with the reason, and the last whole tick's state is checkpointed")
    void run_tickThrows_failureKeptAndLastStateCheckpointed() {
        loop.stopAt(START.plus(Duration.ofMinutes(10)));
        loop.addListener(snapshot -> {
            if (snapshot.tick() == 5) {
                throw new IllegalStateException("a bug in a listener");
            }
        });

        loop.run();

        assertThat(loop.failure()).hasValueSatisfying(e -> assertThat(e).hasMessage("a bug in a listener"));
        assertThat(loop.snapshots().get().tick()).isEqualTo(5);
        assertThat(store.checkpointTimes).last().isEqualTo(loop.snapshots().get().at());
    }

    @Test
    @DisplayName("run on a virtual clock stops at the set device time, without sleeping, and checkpoints at the end")
    void run_virtualClock_stopsAtEndAndCheckpoints() {
        loop.stopAt(START.plus(Duration.ofMinutes(10)));

        loop.run();

        Snapshot last = loop.snapshots().get();
        assertThat(last.at()).isEqualTo(START.plus(Duration.ofMinutes(10)).minusSeconds(1));
        assertThat(store.checkpointTimes).last().isEqualTo(last.at());
        assertThat(loop.submit(new Request.ToBms(new Command.Synchronise())).join().accepted()).isFalse();
    }
}
