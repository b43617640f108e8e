package org.smallbms.sim.component;

/**
 * A buzzer, LED or relay on the pre-alarm output (manual §2.2): it takes its current from the output while the
 * output is high, so it draws nothing of its own from the bus bars.
 */
public final class Signal extends Component {

    /** What it is, and what it takes from the output when high. */
    public enum Kind {
        BUZZER("buzzer", 0.02, false),
        LED("LED", 0.01, false),
        RELAY("relay", 0.15, true);

        private final String product;
        private final double amps;
        private final boolean coil;

        Kind(String product, double amps, boolean coil) {
            this.product = product;
            this.amps = amps;
            this.coil = coil;
        }

        public double amps() {
            return amps;
        }
    }

    private final Kind kind;

    public Signal(String name, Kind kind, double amps) {
        super(name, kind.product, Role.SIGNAL, ControlInput.REMOTE_H, amps);
        this.kind = kind;
    }

    @Override
    public double amps(Bus bus, boolean enabled, double othersAmps) {
        return 0;
    }

    @Override
    public double continuousAmps(double volts) {
        return inputAmps();
    }

    @Override
    public boolean inductiveInput() {
        return kind.coil;
    }
}
