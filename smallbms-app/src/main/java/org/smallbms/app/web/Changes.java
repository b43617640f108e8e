package org.smallbms.app.web;

import io.javalin.http.HttpStatus;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.smallbms.app.device.Device;
import org.smallbms.app.runtime.Reply;
import org.smallbms.app.runtime.Request;
import org.smallbms.core.bms.Command;

/**
 * How the server changes the device and its world: a request to the control loop, applied at its next tick, and
 * the answer once the tick's snapshot is out, so the next read shows the change. A paused device has no next tick:
 * a change is refused (409) until it runs again, rather than left waiting.
 */
final class Changes {

    /** How long a request waits for its tick before the client is told the device did not answer. */
    static final Duration ANSWER_WITHIN = Duration.ofSeconds(10);

    private final Device device;

    Changes(Device device) {
        this.device = device;
    }

    /**
     * Applies {@code request} and returns the device's answer, accepted or refused.
     *
     * @throws ApiError 409 while paused, 503 when the device has stopped or did not answer in time
     */
    Reply apply(Request request) {
        if (device.speed().paused()) {
            throw ApiError.of(HttpStatus.CONFLICT, "The device is paused: a change applies at its next tick. Set "
                    + "the speed to 1× or faster on the world panel, then try again; nothing was changed.");
        }
        CompletableFuture<Reply> reply = device.submit(request);
        try {
            return reply.get(ANSWER_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw ApiError.of(HttpStatus.SERVICE_UNAVAILABLE, "The device did not answer within "
                    + ANSWER_WITHIN.toSeconds() + " s: the change may still apply. Read it back before trying again.");
        } catch (ExecutionException e) {
            throw ApiError.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal error: the device failed to apply the "
                    + "change");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiError.of(HttpStatus.SERVICE_UNAVAILABLE, "The server is stopping; nothing was changed.");
        }
    }

    /** A command to the BMS; a refusal is 400 with the BMS's reason as the rule. */
    void command(Command command) {
        Reply reply = apply(new Request.ToBms(command));
        if (!reply.accepted()) {
            throw ApiError.badInput("body", "", reply.message(), "Change what the rule names and try again; nothing "
                    + "was changed.");
        }
    }

    /** An act on the world; what the world cannot do is 400 with its reason. */
    void world(Request.ToWorld request) {
        Reply reply = apply(request);
        if (!reply.accepted()) {
            throw ApiError.badInput("body", "", reply.message(), "Nothing was changed.");
        }
    }

    /** A request for the next tick, not waited for: one the control thread itself makes. */
    void submitLater(Request request) {
        device.submit(request);
    }
}
