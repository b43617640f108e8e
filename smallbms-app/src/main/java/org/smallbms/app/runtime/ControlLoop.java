package org.smallbms.app.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smallbms.core.bms.Bms;
import org.smallbms.core.bms.BmsState;
import org.smallbms.core.bms.Command;
import org.smallbms.core.bms.CommandResult;
import org.smallbms.core.event.Event;
import org.smallbms.core.protection.SteadySteps;
import org.smallbms.core.driver.ClosedLoop;
import org.smallbms.sim.system.World;
import org.smallbms.sim.system.WorldView;

/**
 * The one control loop of a device: at each tick it applies the queued world changes, runs {@link ClosedLoop#tick}
 * (sense, the world's and the queued commands, step, drive, advance), hands events and checkpoints to
 * {@link Persistence}, and publishes a {@link Snapshot}.
 *
 * <p>One writer, many readers: only the thread that calls {@link #tick} (the loop thread of {@link #run}, or a test)
 * touches the BMS state and the world. Other threads {@link #submit} requests and read {@link #snapshots()}.
 *
 * <p>Checkpoints (MON-07, SET-04, HIST-04): the persisted state goes to storage every {@link #CHECKPOINT_INTERVAL}
 * of device time, at once after a command that changed it, and when the loop stops.
 */
public final class ControlLoop implements Runnable {

    /** The default tick: the BMS steps once a second of device time. */
    public static final Duration DEFAULT_TICK = Duration.ofSeconds(1);
    /** MON-07: at most the last minute of integration may be lost, so the state is kept every minute. */
    public static final Duration CHECKPOINT_INTERVAL = Duration.ofMinutes(1);
    /** How often, in wall time, the world's view is taken for its panel (and after every change to the world). */
    public static final Duration WORLD_VIEW_EVERY = Duration.ofMillis(100);

    private static final Logger LOG = LoggerFactory.getLogger(ControlLoop.class);

    /** A request with the answer its sender waits for. */
    private record Pending(Request request, CompletableFuture<Reply> reply) {
    }

    /** An answer worked out in a tick, given when the tick's snapshot is out. */
    private record Answer(CompletableFuture<Reply> to, Reply reply) {
    }

    private final World world;
    private final DeviceClock clock;
    private final Duration tick;
    private final Persistence persistence;
    private final String serial;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final List<Consumer<Snapshot>> listeners = new CopyOnWriteArrayList<>();
    private final SnapshotHolder snapshots;
    /** The loop steps one device tick after tick: its steady states are answered without the rules. */
    private final SteadySteps stepper = new SteadySteps();
    private volatile boolean running = true;
    private volatile Instant stopAt;
    private volatile Throwable failure;

    // Touched by the ticking thread only.
    private BmsState state;
    private Instant next;
    private Instant lastCheckpoint;
    private long ticks;
    private Optional<WorldView> worldView = Optional.empty();
    private long worldViewNanos;

    /**
     * @param initial the BMS at start: {@link Bms#initial()} or {@link Bms#restore} of what was stored
     * @param world the world the BMS is wired into; the loop becomes its only user
     * @param clock the device time
     * @param tick the device time between two ticks
     * @param persistence where checkpoints and events go
     * @param serial the device's serial number, for the snapshot
     */
    public ControlLoop(BmsState initial, World world, DeviceClock clock, Duration tick, Persistence persistence,
            String serial) {
        this.state = Objects.requireNonNull(initial, "initial");
        this.world = Objects.requireNonNull(world, "world");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.persistence = Objects.requireNonNull(persistence, "persistence");
        this.serial = Objects.requireNonNull(serial, "serial");
        if (tick.isNegative() || tick.isZero()) {
            throw new IllegalArgumentException("tick = " + tick + " must be positive");
        }
        this.tick = tick;
        this.next = clock.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        this.lastCheckpoint = next;
        this.snapshots = new SnapshotHolder(new Snapshot(0, next, initial, List.of(), persistence.status(), serial,
                Optional.empty(), Optional.empty()));
    }

    /** The latest snapshot, for every reader. */
    public SnapshotHolder snapshots() {
        return snapshots;
    }

    /**
     * Called on the ticking thread with every published snapshot; it must return at once (queue work for another
     * thread), because the next tick waits for it.
     */
    public void addListener(Consumer<Snapshot> listener) {
        listeners.add(listener);
    }

    /** Queues a request for the next tick; the answer completes when the loop has applied it. */
    public CompletableFuture<Reply> submit(Request request) {
        CompletableFuture<Reply> reply = new CompletableFuture<>();
        queue.add(new Pending(Objects.requireNonNull(request, "request"), reply));
        if (!running) {
            refuseQueued();
        }
        return reply;
    }

    /**
     * Runs ticks on the clock until {@link #stop()} or the device time set by {@link #stopAt}, then checkpoints. A
     * tick that throws (a bug in the world or the runtime: the core refuses bad input without throwing) ends the
     * loop; {@link #failure()} then says why, and the checkpoint is the last state a whole tick produced.
     */
    @Override
    public void run() {
        LOG.info("control loop started at {} ({}, a tick every {} s)", next, clock.describe(), tick.toSeconds());
        try {
            while (running && (stopAt == null || next.isBefore(stopAt))) {
                clock.awaitUntil(next);
                // A paused clock returns before the deadline now and then, so a stop is noticed.
                if (running && !clock.now().isBefore(next)) {
                    tick();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            failure = e;
        } finally {
            running = false;
            refuseQueued();
            checkpoint(snapshots.get().at());
            LOG.info("control loop stopped at {} after {} ticks", snapshots.get().at(), ticks);
        }
    }

    /** Why {@link #run()} ended early; empty while it runs or when it was stopped or reached its end. */
    public Optional<Throwable> failure() {
        return Optional.ofNullable(failure);
    }

    /** Asks {@link #run()} to finish after the tick in progress. */
    public void stop() {
        running = false;
    }

    /** Makes {@link #run()} finish once the device time reaches {@code end}. */
    public void stopAt(Instant end) {
        stopAt = end;
    }

    /**
     * One tick at the next tick time: the queued world changes, then {@link ClosedLoop#tick} with the queued commands
     * (applied after the world's own and before the step, so the tick's outputs reflect them: PROT-13), then events
     * and a checkpoint if one is due, then the snapshot, and only then the answers to the requests: a sender that
     * waited for its answer finds the change in the snapshot. Returns the snapshot published.
     */
    public Snapshot tick() {
        Instant now = next;
        List<Pending> commands = new ArrayList<>();
        // Answered once the snapshot is out, so whoever waits for an answer reads the change in the snapshot.
        List<Answer> answers = new ArrayList<>();
        boolean worldChanged = false;
        for (Pending pending = queue.poll(); pending != null; pending = queue.poll()) {
            if (pending.request() instanceof Request.ToWorld toWorld) {
                worldChanged = true;
                try {
                    toWorld.change().accept(world);
                    LOG.info("world changed: {}", toWorld.description());
                    answers.add(new Answer(pending.reply(), Reply.ACCEPTED));
                } catch (IllegalStateException | IllegalArgumentException e) {
                    // The world refuses what it cannot do (no such component, the last string): nothing changed.
                    LOG.info("world refused {}: {}", toWorld.description(), e.getMessage());
                    answers.add(new Answer(pending.reply(), Reply.rejected(e.getMessage())));
                }
            } else {
                commands.add(pending);
            }
        }
        List<Command> requested = new ArrayList<>(commands.size());
        for (Pending pending : commands) {
            requested.add(((Request.ToBms) pending.request()).command());
        }
        ClosedLoop.Tick ticked = ClosedLoop.tick(state, world, now, tick, requested, stepper);
        for (int i = 0; i < commands.size(); i++) {
            CommandResult result = ticked.requested().get(i);
            if (result instanceof CommandResult.Rejected rejected) {
                LOG.info("refused {}: {}", requested.get(i), rejected.message());
                answers.add(new Answer(commands.get(i).reply(), Reply.rejected(rejected.message())));
            } else {
                LOG.info("applied {}", requested.get(i));
                answers.add(new Answer(commands.get(i).reply(), Reply.ACCEPTED));
            }
        }
        // A command carried out (the user's or the world's schedule's) is checkpointed at once.
        boolean changed = ticked.events().stream().anyMatch(e -> e.kind() == Event.Kind.COMMAND);
        state = ticked.bms();
        List<Event> events = ticked.events();
        ticks++;
        if (!events.isEmpty()) {
            persistence.log(events);
        }
        if (changed || !now.isBefore(lastCheckpoint.plus(CHECKPOINT_INTERVAL))) {
            checkpoint(now);
        }
        long wallNanos = System.nanoTime();
        if (worldChanged || ticks == 1 || wallNanos - worldViewNanos >= WORLD_VIEW_EVERY.toNanos()) {
            worldView = world.view();
            worldViewNanos = wallNanos;
        }
        Snapshot snapshot = new Snapshot(ticks, now, state, events, persistence.status(), serial,
                Optional.of(ticked.frame()), worldView);
        snapshots.publish(snapshot);
        for (Consumer<Snapshot> listener : listeners) {
            listener.accept(snapshot);
        }
        for (Answer answer : answers) {
            answer.to().complete(answer.reply());
        }
        next = now.plus(tick);
        return snapshot;
    }

    private void checkpoint(Instant at) {
        persistence.checkpoint(state.persisted(), at);
        lastCheckpoint = at;
    }

    private void refuseQueued() {
        for (Pending pending = queue.poll(); pending != null; pending = queue.poll()) {
            pending.reply().complete(Reply.rejected("The device has stopped: nothing was changed."));
        }
    }
}
