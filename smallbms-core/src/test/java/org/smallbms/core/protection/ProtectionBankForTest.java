package org.smallbms.core.protection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.smallbms.core.bank.Bank;
import org.smallbms.core.bank.BankFrame;
import org.smallbms.core.bank.BatteryModel;
import org.smallbms.core.event.Event;
import org.smallbms.core.testing.Frames;

/** The one rule for which bank a frame comes from, shared by the device step and the protection. */
class ProtectionBankForTest {

    private static final Instant T0 = Instant.parse("2026-06-01T12:00:00Z");
    private static final BankFrame TWO = Frames.bank(BatteryModel.NG_12V8_100AH, 1, 2);

    private static ProtectionState running(BankFrame frame) {
        ProtectionState s = Protection.poweredOff();
        for (int i = 0; i < 3; i++) {
            s = Protection.step(s, T0.plusSeconds(i), frame, ProtectionInputs.DEFAULTS);
        }
        return s;
    }

    @Test
    @DisplayName("TOP-01 before any bank is known, a complete frame's bank is detected from it")
    void bankFor_noBankYet_detectsFromCompleteFrame() {
        Optional<Bank> bank = Protection.bankFor(Protection.poweredOff(), TWO);

        assertThat(bank).get().satisfies(b -> {
            assertThat(b.hasSameMembers(TWO.batteries())).isTrue();
            assertThat(b.parallel()).isEqualTo(2);
        });
    }

    @Test
    @DisplayName("TOP-01 the same batteries answering keep the known bank itself: nothing is detected again")
    void bankFor_sameMembers_keepsKnownBank() {
        ProtectionState s = running(TWO);

        assertThat(Protection.bankFor(s, TWO)).isSameAs(s.bank());
    }

    @Test
    @DisplayName("TOP-09 a battery swapped on a complete chain gives a bank detected from the new members")
    void bankFor_otherMembersOnCompleteChain_detectsAgain() {
        ProtectionState s = running(TWO);
        BankFrame swapped = Frames.replace(TWO, 1, Frames.battery("HQ99999999", BatteryModel.NG_12V8_100AH));

        Optional<Bank> bank = Protection.bankFor(s, swapped);

        assertThat(bank).get().satisfies(b -> assertThat(b.hasSameMembers(swapped.batteries())).isTrue());
        assertThat(s.bank()).get().satisfies(b -> assertThat(b.hasSameMembers(swapped.batteries())).isFalse());
    }

    @Test
    @DisplayName("TOP-09 a chain with a silent battery is not complete: the known bank stays")
    void bankFor_incompleteFrame_keepsKnownBank() {
        ProtectionState s = running(TWO);

        assertThat(Protection.bankFor(s, Frames.withSilent(TWO, 1))).isSameAs(s.bank());
    }

    @Test
    @DisplayName("TOP-01 TOP-09 a step given the bank bankFor detected for a swapped battery takes that very bank "
            + "and logs the change once")
    void step_bankDetectedForSwappedBattery_takesThatBankAndLogsTheChange() {
        ProtectionState s = running(TWO);
        BankFrame swapped = Frames.replace(TWO, 1, Frames.battery("HQ99999999", BatteryModel.NG_12V8_100AH));
        Instant now = T0.plusSeconds(10);
        Optional<Bank> detected = Protection.bankFor(s, swapped);

        ProtectionState next = Protection.step(s, now, swapped, ProtectionInputs.DEFAULTS, detected);

        // The same object: the step uses the bank it was given rather than comparing the members a second time.
        assertThat(next.bank()).get().isSameAs(detected.orElseThrow());
        assertThat(next.events()).filteredOn(e -> e.kind() == Event.Kind.BANK).singleElement().satisfies(e -> {
            assertThat(e.at()).isEqualTo(now);
            assertThat(e.cause()).contains("batteries changed", "was 2 batteries");
        });
    }
}
