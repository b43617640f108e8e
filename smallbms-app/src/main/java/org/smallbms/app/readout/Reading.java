package org.smallbms.app.readout;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Objects;

/**
 * One advertisement decoded: its header, its record type and the record's fields.
 *
 * @param container the header and the record as received
 * @param type the record type
 * @param values the record's fields, named with their units; {@code null} where the product sent "not available"
 */
public record Reading(Container container, RecordType type, ObjectNode values) {

    public Reading {
        Objects.requireNonNull(container, "container");
        Objects.requireNonNull(type, "type");
        values = values.deepCopy();
    }

    @Override
    public ObjectNode values() {
        return values.deepCopy();
    }

    /**
     * As {@code smallbms readout decode} prints it: {@code {"productId": "0xA3E7", "recordType": "0x0A", "record":
     * "(Lynx Smart) BMS", "nonce": 4660, "values": {...}}}, with a {@code note} when the layout is not settled.
     */
    public ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("productId", String.format(Locale.ROOT, "0x%04X", container.productId()));
        o.put("recordType", type.hex());
        o.put("record", type.label());
        o.put("nonce", container.nonce());
        o.put("bytes", container.record().length);
        type.note().ifPresent(note -> o.put("note", note));
        o.set("values", values.deepCopy());
        return o;
    }
}
