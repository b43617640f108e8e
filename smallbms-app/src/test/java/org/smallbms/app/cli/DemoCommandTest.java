package org.smallbms.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DemoCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int demo(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "demo";
        System.arraycopy(args, 0, all, 1, args.length);
        return Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), all);
    }

    @Test
    @DisplayName("SYS-02 the demo's loads are cut on low cell voltage after the pre-alarm, and come back when charged")
    void demo_lowCellNight_preAlarmThenLoadsOffThenBackOn() {
        int exit = demo("--days", "2");

        assertThat(exit).isZero();
        String text = out.toString();
        assertThat(text).containsSubsequence("output PRE_ALARM HIGH      W-B01",
                "output ATD       FLOATING  A-B01", "output ATD       HIGH      A-B01 cleared");
        assertThat(text).contains("After 2 days: SoC");
    }

    @Test
    @DisplayName("PROT-06 with a known SoC the demo's second night ends at the discharge floor, not at a low cell")
    void demo_secondNight_dischargeFloor() {
        demo("--days", "3");

        assertThat(out.toString()).containsSubsequence("output ATD       FLOATING  A-B01",
                "code   W-B07     active", "output ATD       FLOATING  A-B07");
    }

    @Test
    @DisplayName("a light evening load never reaches the pre-alarm: the demo reports what happened, not a script")
    void demo_lightLoad_noAlarms() {
        demo("--days", "2", "--evening-load", "3", "--soc", "60");

        assertThat(out.toString()).doesNotContain("PRE_ALARM").doesNotContain("A-B01");
    }

    @Test
    @DisplayName("an out-of-range option is refused with the allowed range and exit code 2")
    void demo_badDays_refused() {
        int exit = demo("--days", "0");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--days = 0 is outside the allowed 1..365");
        assertThat(out.toString()).isEmpty();
    }
}
