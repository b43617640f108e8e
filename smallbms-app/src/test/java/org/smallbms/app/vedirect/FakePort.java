package org.smallbms.app.vedirect;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.smallbms.app.runtime.Reply;
import org.smallbms.app.runtime.Request;
import org.smallbms.app.runtime.Snapshot;
import org.smallbms.app.runtime.StorageStatus;
import org.smallbms.core.bms.Bms;
import org.smallbms.core.bms.BmsState;
import org.smallbms.core.bms.CommandResult;

/** A device reduced to its latest snapshot and a queue that applies each command through the core at once. */
final class FakePort {

    static final Instant AT = Instant.parse("2026-06-01T12:00:00Z");

    private final AtomicReference<Snapshot> latest;
    private final List<Request> requests = new ArrayList<>();

    FakePort() {
        this(Bms.initial());
    }

    FakePort(BmsState state) {
        latest = new AtomicReference<>(snapshot(state));
    }

    static Snapshot snapshot(BmsState state) {
        return new Snapshot(1, AT, state, List.of(), StorageStatus.OK, "HQ2601ABCDE", Optional.empty(),
                Optional.empty());
    }

    Snapshot latest() {
        return latest.get();
    }

    synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    synchronized CompletableFuture<Reply> submit(Request request) {
        requests.add(request);
        if (!(request instanceof Request.ToBms toBms)) {
            return CompletableFuture.completedFuture(Reply.rejected("not a BMS command"));
        }
        CommandResult result = Bms.handle(latest.get().bms(), AT, toBms.command());
        latest.set(snapshot(result.state()));
        return CompletableFuture.completedFuture(result instanceof CommandResult.Rejected rejected
                ? Reply.rejected(rejected.message()) : Reply.ACCEPTED);
    }

    VeDirect.Port port() {
        return new VeDirect.Port(this::latest, this::submit);
    }
}
