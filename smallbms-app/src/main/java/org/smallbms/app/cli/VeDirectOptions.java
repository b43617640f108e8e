package org.smallbms.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.smallbms.app.vedirect.VeDirect;
import org.smallbms.sim.scenario.Printable;
import picocli.CommandLine.Option;

/** {@code run}'s VE.Direct options (issue 19): a TCP port, a serial device, or both; neither by default. */
final class VeDirectOptions {

    @Option(names = "--vedirect-port", paramLabel = "N", description = "Serve VE.Direct HEX and TEXT on TCP port N "
            + "(0 picks a free one); see docs/vedirect.md.")
    Integer port;

    @Option(names = "--vedirect-bind", paramLabel = "ADDRESS", defaultValue = VeDirect.LOOPBACK, description = "Where "
            + "the VE.Direct port listens (default ${DEFAULT-VALUE}: this machine only).")
    String bind;

    @Option(names = "--vedirect-tty", paramLabel = "PATH", description = "Speak VE.Direct on a serial device or pty "
            + "(set to raw 19200 baud with stty).")
    Path tty;

    /** @throws IllegalArgumentException naming the option, the value and the rule */
    void check() {
        if (port != null && (port < 0 || port > 65_535)) {
            throw new IllegalArgumentException("--vedirect-port = " + port + " is not allowed: give 0..65535 (0 picks "
                    + "a free port)");
        }
    }

    /** Starts what the options ask for and says where; on a failure, closes what it had started. */
    List<VeDirect> start(VeDirect.Port device, PrintWriter out) throws VeDirect.VeDirectException {
        List<VeDirect> started = new ArrayList<>();
        try {
            if (port != null) {
                VeDirect tcp = VeDirect.tcp(device, bind, port);
                started.add(tcp);
                out.println("vedirect: tcp://" + (bind.contains(":") ? "[" + bind + "]" : bind) + ":" + tcp.port());
                if (!VeDirect.LOOPBACK.equals(bind) && !"localhost".equals(bind) && !"::1".equals(bind)) {
                    out.println("VE.Direct is served beyond this machine, on " + Printable.escape(bind)
                            + " (--vedirect-bind)");
                }
            }
            if (tty != null) {
                started.add(VeDirect.tty(device, tty));
                out.println("vedirect: " + Printable.escape(tty.toString()));
            }
        } catch (VeDirect.VeDirectException e) {
            started.forEach(VeDirect::close);
            throw e;
        }
        out.flush();
        return started;
    }
}
