/**
 * The device's storage: one SQLite file in the data directory with the settings, the battery monitor, the history
 * (one versioned JSON document, written whole in one transaction), the event log with a bounded retention, and the
 * device identity. WAL journal with {@code synchronous=FULL}, so a committed write survives a power cut and an
 * interrupted one leaves the previous state (SET-04, HIST-04, MON-07). See {@code docs/storage.md}.
 *
 * <p>A file that is corrupt or belongs to something else is refused before anything is written to it. Writes happen
 * on the store's own thread ({@link org.smallbms.app.store.StoreWriter}), never on the control thread. Depends on the
 * core, the runtime's {@code Persistence} contract, SQLite and Jackson; never on the CLI.
 */
package org.smallbms.app.store;
