package org.smallbms.core.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BatteryReadingTest {

    private static final int[] CELLS = {3301, 3302, 3303, 3304};

    private static BatteryReading first() {
        return new BatteryReading("HQ2041ABCDE", BatteryModel.NG_12V8_100AH, "v1.10", CELLS, 250, -12_000, 13_210,
                BatteryFlags.NONE);
    }

    @Test
    @DisplayName("TOP-01 the next reading of a battery keeps its serial, model and firmware and takes the new values")
    void next_sameCells_isTheReadingBuiltFromScratch() {
        BatteryReading next = first().next(260, -11_500, 13_205, BatteryFlags.of(BatteryFlag.CELL_LOW_VOLTAGE));

        assertThat(next).isEqualTo(new BatteryReading("HQ2041ABCDE", BatteryModel.NG_12V8_100AH, "v1.10", CELLS, 260,
                -11_500, 13_205, BatteryFlags.of(BatteryFlag.CELL_LOW_VOLTAGE)));
        assertThat(next.cellMillivolts()).containsExactly(CELLS);
    }

    @Test
    @DisplayName("TOP-01 the next reading's cells are copied in and out, never shared")
    void next_newCells_copiedInAndOut() {
        int[] cells = {3290, 3291, 3292, 3293};
        BatteryReading next = first().next(cells, 250, 0, 13_166, BatteryFlags.NONE);
        cells[0] = 0;
        next.cellMillivolts()[1] = 0;

        assertThat(next.cellMillivolts()).containsExactly(3290, 3291, 3292, 3293);
        assertThat(next.minCellMillivolts()).isEqualTo(3290);
        assertThat(next.maxCellMillivolts()).isEqualTo(3293);
        assertThat(next).isEqualTo(new BatteryReading("HQ2041ABCDE", BatteryModel.NG_12V8_100AH, "v1.10",
                new int[] {3290, 3291, 3292, 3293}, 250, 0, 13_166, BatteryFlags.NONE));
    }

    @Test
    @DisplayName("PROT-01, PROT-02 the lowest and highest cell are those of the reading's own cells, in any order, "
            + "kept by the next reading with the same cells and found again with new ones")
    void extremeCells_followTheCells() {
        BatteryReading unordered = new BatteryReading("HQ2041ABCDE", BatteryModel.NG_12V8_100AH, "v1.10",
                new int[] {3305, 3298, 3312, 3301}, 250, 0, 13_216, BatteryFlags.NONE);
        BatteryReading sameCells = unordered.next(251, 100, 13_217, BatteryFlags.NONE);
        BatteryReading newCells = sameCells.next(new int[] {3310, 3320, 3296, 3307}, 251, 100, 13_233,
                BatteryFlags.NONE);

        assertThat(unordered.minCellMillivolts()).isEqualTo(3298);
        assertThat(unordered.maxCellMillivolts()).isEqualTo(3312);
        assertThat(sameCells.minCellMillivolts()).isEqualTo(3298);
        assertThat(sameCells.maxCellMillivolts()).isEqualTo(3312);
        assertThat(newCells.minCellMillivolts()).isEqualTo(3296);
        assertThat(newCells.maxCellMillivolts()).isEqualTo(3320);
    }

    @Test
    @DisplayName("a next reading out of range is refused, naming the value; the last reading is as it was")
    void next_outOfRange_refusedNamingTheValue() {
        BatteryReading first = first();

        assertThatThrownBy(() -> first.next(250, 6_000_000, 13_210, BatteryFlags.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("milliamps = 6000000").hasMessageContaining("-5000000..5000000");
        assertThatThrownBy(() -> first.next(new int[] {3300, 3300, 3300}, 250, 0, 13_210, BatteryFlags.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3 cells").hasMessageContaining("has 4");
        assertThatThrownBy(() -> first.next(new int[] {3300, 3300, 3300, 5001}, 250, 0, 13_210, BatteryFlags.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cellMillivolts[3] = 5001");
        assertThatThrownBy(() -> first.next(-500, 0, 13_210, BatteryFlags.NONE))
                .hasMessageContaining("temperatureDeciCelsius = -500");
        assertThatThrownBy(() -> first.next(250, 0, 13_210, null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("flags");
        assertThat(first).isEqualTo(first());
    }

    @Test
    @DisplayName("a reading that cannot be one is refused, naming what is wrong")
    void constructor_badSerialOrFirmware_refused() {
        assertThatThrownBy(() -> new BatteryReading("HQ 2041", BatteryModel.NG_12V8_100AH, "v1.10", CELLS, 250, 0,
                13_210, BatteryFlags.NONE)).hasMessageContaining("serial = 'HQ 2041'");
        assertThatThrownBy(() -> new BatteryReading("HQ2041", BatteryModel.NG_12V8_100AH, " ", CELLS, 250, 0,
                13_210, BatteryFlags.NONE)).hasMessageContaining("firmwareVersion = ' '");
        assertThatThrownBy(() -> new BatteryReading("HQ2041", BatteryModel.NG_12V8_100AH, "v1.10", CELLS, 250, 0,
                90_000, BatteryFlags.NONE)).hasMessageContaining("millivolts = 90000");
    }
}
