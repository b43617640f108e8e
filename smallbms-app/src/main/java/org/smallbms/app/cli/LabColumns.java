package org.smallbms.app.cli;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which columns of a lab CSV hold the time, the current, the voltage and the temperature:
 * {@code --columns time=Test_Time(s),current=Current(A),voltage=Voltage(V),temperature=Temperature(C)}, each column
 * named as in the header line or by its number from 1. Time and current are required; the others optional.
 */
final class LabColumns {

    /** What a column holds. */
    enum Role {
        TIME, CURRENT, VOLTAGE, TEMPERATURE;

        String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A column spec that cannot be used: the message names the entry and the fix. */
    static final class ColumnsException extends Exception {
        private static final long serialVersionUID = 1L;

        ColumnsException(String message) {
            super(message);
        }
    }

    private final Map<Role, String> names = new EnumMap<>(Role.class);
    private final Map<Role, Integer> indexes = new EnumMap<>(Role.class);

    private LabColumns() {
    }

    /** Parses {@code role=column,...}. */
    static LabColumns parse(String spec) throws ColumnsException {
        LabColumns columns = new LabColumns();
        String fix = "write --columns time=NAME,current=NAME[,voltage=NAME][,temperature=NAME], each NAME a column "
                + "of the header or its number from 1";
        for (String entry : spec.split(",", -1)) {
            int eq = entry.indexOf('=');
            if (eq < 0) {
                throw new ColumnsException("--columns entry '" + entry + "' has no '=': " + fix);
            }
            String key = entry.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            String column = entry.substring(eq + 1).strip();
            Role role = null;
            for (Role r : Role.values()) {
                if (r.key().equals(key)) {
                    role = r;
                }
            }
            if (role == null) {
                throw new ColumnsException("--columns entry '" + entry + "': '" + key + "' is not time, current, "
                        + "voltage or temperature: " + fix);
            }
            if (column.isEmpty()) {
                throw new ColumnsException("--columns entry '" + entry + "' names no column: " + fix);
            }
            if (columns.names.containsKey(role)) {
                throw new ColumnsException("--columns gives " + key + " twice: give each once");
            }
            columns.names.put(role, column);
            if (column.matches("[0-9]+")) {
                int index = Integer.parseInt(column);
                if (index < 1) {
                    throw new ColumnsException("--columns " + key + "=" + column + ": columns count from 1");
                }
                columns.indexes.put(role, index - 1);
            }
        }
        for (Role required : List.of(Role.TIME, Role.CURRENT)) {
            if (!columns.names.containsKey(required)) {
                throw new ColumnsException("--columns gives no " + required.key() + " column: " + fix);
            }
        }
        return columns;
    }

    boolean has(Role role) {
        return names.containsKey(role);
    }

    /** Whether some column is named, not numbered: then the first line is the header and names them. */
    boolean needsHeader() {
        return indexes.size() < names.size();
    }

    /** Finds the named columns in the header line. */
    void resolve(String[] header, String at) throws ColumnsException {
        List<String> found = new ArrayList<>();
        for (String h : header) {
            found.add(h.strip());
        }
        for (Map.Entry<Role, String> e : names.entrySet()) {
            if (indexes.containsKey(e.getKey())) {
                continue;
            }
            int index = found.indexOf(e.getValue());
            if (index < 0) {
                throw new ColumnsException(at + ": the header has no column '" + e.getValue() + "' for "
                        + e.getKey().key() + "; its columns are " + found + ": name one of them, or give its number");
            }
            indexes.put(e.getKey(), index);
        }
    }

    /** The field of {@code role} in a row, or null when the role has no column. */
    String field(String[] fields, Role role, String at) throws ColumnsException {
        Integer index = indexes.get(role);
        if (index == null) {
            return null;
        }
        if (index >= fields.length) {
            throw new ColumnsException(at + ": the row has " + fields.length + " fields, and the " + role.key()
                    + " column is number " + (index + 1) + ": check --columns and the row");
        }
        return fields[index];
    }

    /** The column number (from 1) of {@code role}, for messages. */
    int number(Role role) {
        return indexes.get(role) + 1;
    }
}
