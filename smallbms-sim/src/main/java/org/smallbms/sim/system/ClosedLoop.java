package org.smallbms.sim.system;

import java.time.Duration;
import java.time.Instant;
import org.smallbms.core.bms.Bms;
import org.smallbms.core.bms.BmsState;

/**
 * One tick of a BMS wired into a world: the world is read, the BMS decides, its outputs drive the world, and the
 * world moves on by {@code dt}. The one loop body shared by every driver, live or accelerated.
 */
public final class ClosedLoop {

    private ClosedLoop() {
    }

    /** Runs one tick at {@code now} and returns the BMS state it produced; the world has advanced to now + dt. */
    public static BmsState tick(BmsState bms, World world, Instant now, Duration dt) {
        BmsState next = Bms.step(bms, now, world.sense(now));
        world.drive(next.protection().outputs());
        world.advance(now, dt);
        return next;
    }
}
