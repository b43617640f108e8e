package org.smallbms.app.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Optional;
import org.smallbms.core.bank.SystemVoltage;
import org.smallbms.core.bms.DeviceProfile;
import org.smallbms.core.bms.PersistedState;
import org.smallbms.core.codes.Condition;
import org.smallbms.core.history.History;
import org.smallbms.core.history.LoggedError;
import org.smallbms.core.history.Span;
import org.smallbms.core.monitor.BalancerState;
import org.smallbms.core.monitor.Mark;
import org.smallbms.core.monitor.Measurement;
import org.smallbms.core.monitor.MonitorState;
import org.smallbms.core.settings.Setting;
import org.smallbms.core.settings.Settings;

/**
 * {@link PersistedState} as a JSON document with a format number, field by field: the names in the file are written
 * here, not taken from the Java classes, so renaming a field in the core does not silently change the file.
 *
 * <p>Reading is strict (a missing or mistyped field is a corrupt document) with one exception: a setting the
 * document does not name takes its default, so a store written before a setting existed still opens.
 */
final class StateDocument {

    /** The format this code writes and reads; a different number is refused. */
    static final int FORMAT = 1;

    private static final ObjectMapper JSON = new ObjectMapper();

    private StateDocument() {
    }

    static String write(PersistedState state) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("device", state.device().key());
        ObjectNode settings = root.putObject("settings");
        settings.put("system", state.settings().system().name());
        ObjectNode values = settings.putObject("values");
        for (Setting setting : Setting.values()) {
            values.put(setting.key(), state.settings().get(setting));
        }
        writeMonitor(root.putObject("monitor"), state.monitor());
        writeHistory(root.putObject("history"), state.history());
        ObjectNode balancer = root.putObject("balancer");
        putInstant(balancer, "judgedAt", state.balancer().judgedAt());
        balancer.put("spreadMillivolts", state.balancer().spreadMillivolts());
        ArrayNode serials = balancer.putArray("serials");
        state.balancer().serials().forEach(serials::add);
        return root.toString();
    }

    private static void writeMonitor(ObjectNode node, MonitorState m) {
        node.put("socKnown", m.socKnown());
        node.put("removedNanocoulombs", m.removedNanocoulombs());
        node.put("capacityAmpHours", m.capacityAmpHours());
        putInstant(node, "lastMeasuredAt", m.lastMeasuredAt());
        putInstant(node, "chargedSince", m.chargedSince());
        node.put("syncedThisCharge", m.syncedThisCharge());
        node.put("netMicrocoulombs", m.netMicrocoulombs());
        ArrayNode marks = node.putArray("marks");
        for (Mark mark : m.marks()) {
            ObjectNode n = marks.addObject();
            n.put("at", mark.at().toString());
            n.put("netMicrocoulombs", mark.netMicrocoulombs());
        }
        if (m.latest().isEmpty()) {
            node.putNull("latest");
        } else {
            Measurement x = m.latest().get();
            ObjectNode n = node.putObject("latest");
            n.put("capacityAmpHours", x.capacityAmpHours());
            n.put("bankMillivolts", x.bankMillivolts());
            n.put("bankMilliamps", x.bankMilliamps());
            n.put("minCellMillivolts", x.minCellMillivolts());
            n.put("maxCellMillivolts", x.maxCellMillivolts());
            n.put("minDeciCelsius", x.minDeciCelsius());
            n.put("maxDeciCelsius", x.maxDeciCelsius());
        }
    }

    private static void writeHistory(ObjectNode node, History h) {
        node.put("deepestDischargeMilliampHours", h.deepestDischargeMilliampHours());
        node.put("drawnMicrocoulombs", h.drawnMicrocoulombs());
        node.put("dischargedMicrojoules", h.dischargedMicrojoules());
        node.put("chargedMicrojoules", h.chargedMicrojoules());
        node.put("synchronisations", h.synchronisations());
        node.put("cycles", h.cycles());
        node.put("cycleStarted", h.cycleStarted());
        putInstant(node, "lastFullChargeAt", h.lastFullChargeAt());
        putSpan(node, "batteryMillivolts", h.batteryMillivolts());
        putSpan(node, "cellMillivolts", h.cellMillivolts());
        putSpan(node, "batteryDeciCelsius", h.batteryDeciCelsius());
        ArrayNode errors = node.putArray("lastErrors");
        for (LoggedError error : h.lastErrors()) {
            ObjectNode n = errors.addObject();
            n.put("at", error.at().toString());
            n.put("code", error.condition().label());
        }
    }

    private static void putSpan(ObjectNode node, String name, Span span) {
        if (span.isEmpty()) {
            node.putNull(name);
        } else {
            node.putObject(name).put("min", span.min()).put("max", span.max());
        }
    }

    private static void putInstant(ObjectNode node, String name, Instant at) {
        if (at == null) {
            node.putNull(name);
        } else {
            node.put(name, at.toString());
        }
    }

    /** The state in {@code text}; a {@link DocumentException} names the field that is wrong. */
    static PersistedState read(String text) throws DocumentException {
        try {
            JsonNode root = JSON.readTree(text);
            int format = field(root, "format").asInt(-1);
            if (format != FORMAT) {
                throw new DocumentException("state document format " + field(root, "format")
                        + " is not the format " + FORMAT + " this version reads");
            }
            // A document from before there were two devices is an NG's.
            JsonNode deviceNode = root.get("device");
            String key = deviceNode == null ? DeviceProfile.NG.key() : deviceNode.asText();
            DeviceProfile device = DeviceProfile.byKey(key).orElseThrow(() -> new DocumentException("device \""
                    + key + "\" is none of the devices this version knows (ng, classic)"));
            return new PersistedState(device, readSettings(field(root, "settings")),
                    readMonitor(field(root, "monitor")), readHistory(field(root, "history")),
                    readBalancer(field(root, "balancer")));
        } catch (JsonProcessingException e) {
            throw new DocumentException("state document is not valid JSON: " + e.getOriginalMessage());
        } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
            throw new DocumentException("state document holds a value the device does not accept: "
                    + e.getMessage());
        }
    }

    private static Settings readSettings(JsonNode node) throws DocumentException {
        SystemVoltage system = SystemVoltage.valueOf(text(node, "system"));
        JsonNode values = field(node, "values");
        EnumMap<Setting, Integer> map = new EnumMap<>(Setting.class);
        for (Setting setting : Setting.values()) {
            JsonNode value = values.get(setting.key());
            map.put(setting, value == null ? setting.defaultFor(system) : integer(values, setting.key()));
        }
        return new Settings(system, map);
    }

    private static MonitorState readMonitor(JsonNode node) throws DocumentException {
        List<Mark> marks = new ArrayList<>();
        for (JsonNode mark : array(node, "marks")) {
            marks.add(new Mark(instant(mark, "at"), longValue(mark, "netMicrocoulombs")));
        }
        JsonNode latest = field(node, "latest");
        Optional<Measurement> measurement = latest.isNull() ? Optional.empty() : Optional.of(new Measurement(
                integer(latest, "capacityAmpHours"), integer(latest, "bankMillivolts"),
                integer(latest, "bankMilliamps"), integer(latest, "minCellMillivolts"),
                integer(latest, "maxCellMillivolts"), integer(latest, "minDeciCelsius"),
                integer(latest, "maxDeciCelsius")));
        return new MonitorState(bool(node, "socKnown"), longValue(node, "removedNanocoulombs"),
                integer(node, "capacityAmpHours"), instant(node, "lastMeasuredAt"), instant(node, "chargedSince"),
                bool(node, "syncedThisCharge"), longValue(node, "netMicrocoulombs"), marks, measurement);
    }

    private static History readHistory(JsonNode node) throws DocumentException {
        List<LoggedError> errors = new ArrayList<>();
        for (JsonNode error : array(node, "lastErrors")) {
            String code = text(error, "code");
            Condition condition = Condition.byLabel(code).orElseThrow(() -> new DocumentException(
                    "history.lastErrors names an unknown code '" + code + "'"));
            errors.add(new LoggedError(instant(error, "at"), condition));
        }
        return new History(longValue(node, "deepestDischargeMilliampHours"), longValue(node, "drawnMicrocoulombs"),
                longValue(node, "dischargedMicrojoules"), longValue(node, "chargedMicrojoules"),
                integer(node, "synchronisations"), integer(node, "cycles"), bool(node, "cycleStarted"),
                instant(node, "lastFullChargeAt"), span(node, "batteryMillivolts"), span(node, "cellMillivolts"),
                span(node, "batteryDeciCelsius"), errors);
    }

    private static BalancerState readBalancer(JsonNode node) throws DocumentException {
        List<String> serials = new ArrayList<>();
        for (JsonNode serial : array(node, "serials")) {
            serials.add(serial.asText());
        }
        return new BalancerState(instant(node, "judgedAt"), integer(node, "spreadMillivolts"), serials);
    }

    private static Span span(JsonNode node, String name) throws DocumentException {
        JsonNode span = field(node, name);
        return span.isNull() ? Span.EMPTY : new Span(integer(span, "min"), integer(span, "max"));
    }

    private static JsonNode field(JsonNode node, String name) throws DocumentException {
        JsonNode value = node.get(name);
        if (value == null) {
            throw new DocumentException("state document has no field '" + name + "'");
        }
        return value;
    }

    private static Iterable<JsonNode> array(JsonNode node, String name) throws DocumentException {
        JsonNode value = field(node, name);
        if (!value.isArray()) {
            throw new DocumentException("state document field '" + name + "' is not a list");
        }
        return value;
    }

    private static String text(JsonNode node, String name) throws DocumentException {
        JsonNode value = field(node, name);
        if (!value.isTextual()) {
            throw new DocumentException("state document field '" + name + "' is not text");
        }
        return value.asText();
    }

    private static Instant instant(JsonNode node, String name) throws DocumentException {
        JsonNode value = field(node, name);
        return value.isNull() ? null : Instant.parse(text(node, name));
    }

    private static boolean bool(JsonNode node, String name) throws DocumentException {
        JsonNode value = field(node, name);
        if (!value.isBoolean()) {
            throw new DocumentException("state document field '" + name + "' is not true or false");
        }
        return value.asBoolean();
    }

    private static long longValue(JsonNode node, String name) throws DocumentException {
        JsonNode value = field(node, name);
        if (!value.canConvertToLong() || !value.isIntegralNumber()) {
            throw new DocumentException("state document field '" + name + "' is not a whole number");
        }
        return value.asLong();
    }

    private static int integer(JsonNode node, String name) throws DocumentException {
        JsonNode value = field(node, name);
        if (!value.canConvertToInt() || !value.isIntegralNumber()) {
            throw new DocumentException("state document field '" + name + "' is not a whole number in int range");
        }
        return value.asInt();
    }

    /** A state document that cannot be read: the message names the field and what is wrong with it. */
    static final class DocumentException extends Exception {
        private static final long serialVersionUID = 1L;

        DocumentException(String message) {
            super(message);
        }
    }
}
