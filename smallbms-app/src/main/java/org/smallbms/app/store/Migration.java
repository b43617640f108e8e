package org.smallbms.app.store;

import java.util.List;

/**
 * One step of the schema: its version, what it does, and its statements. Applied once, in version order, in one
 * transaction with the row that records it in {@code schema_migration}.
 *
 * @param version the schema version it brings the file to, 1, 2, …
 * @param description what it changes, as recorded in the file
 * @param statements the SQL, in order
 */
record Migration(int version, String description, List<String> statements) {

    Migration {
        statements = List.copyOf(statements);
    }

    /** Every migration this version knows, in order. A new schema change is a new entry at the end, never an edit. */
    static final List<Migration> ALL = List.of(
            new Migration(1, "device identity, state document, event log", List.of(
                    "CREATE TABLE device (id INTEGER PRIMARY KEY CHECK (id = 1), serial TEXT NOT NULL, "
                            + "readout_key BLOB NOT NULL, pin_salt BLOB NOT NULL, pin_iterations INTEGER NOT NULL, "
                            + "pin_hash BLOB NOT NULL, created_at TEXT NOT NULL)",
                    "CREATE TABLE state (id INTEGER PRIMARY KEY CHECK (id = 1), format INTEGER NOT NULL, "
                            + "saved_at_ms INTEGER NOT NULL, document TEXT NOT NULL)",
                    "CREATE TABLE event (id INTEGER PRIMARY KEY AUTOINCREMENT, at_ms INTEGER NOT NULL, "
                            + "kind TEXT NOT NULL, name TEXT NOT NULL, value TEXT NOT NULL, cause TEXT NOT NULL)",
                    "CREATE INDEX event_at ON event (at_ms)")),
            // SET-01 (revised): the PIN is no setting any more. The device table keeps its hash; the clear PIN goes
            // from the state document and from the events that recorded its changes.
            new Migration(Store.PIN_LEAVES_THE_SETTINGS, "the PIN leaves the state document and the event log",
                    List.of("UPDATE state SET document = json_remove(document, '$.settings.values.pin') "
                            + "WHERE json_extract(document, '$.settings.values.pin') IS NOT NULL",
                            "UPDATE event SET value = 'changed', cause = 'PIN changed (the PIN itself is not kept)' "
                            + "WHERE name = 'pin'")));
}
