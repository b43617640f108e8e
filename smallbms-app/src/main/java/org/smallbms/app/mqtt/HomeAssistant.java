package org.smallbms.app.mqtt;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.smallbms.app.runtime.Snapshot;
import org.smallbms.core.bms.BmsState;
import org.smallbms.core.codes.Condition;
import org.smallbms.core.monitor.Measurement;
import org.smallbms.core.protection.Allowed;

/**
 * Home Assistant MQTT discovery: retained {@code homeassistant/<component>/<object id>/config} messages that make the
 * device's SoC, voltage, current, power, temperature, allowed-to-charge, allowed-to-discharge and active code appear
 * by themselves, reading one retained state message. The state is retained and separate from the Venus topics,
 * which publish only under a keep-alive: Home Assistant sends none, and after its restart it needs the last state.
 */
public final class HomeAssistant {

    private static final ObjectMapper JSON = new ObjectMapper();

    private HomeAssistant() {
    }

    /** The retained topic of the state Home Assistant reads. */
    public static String stateTopic(Topics topics) {
        return "smallbms/" + topics.portalId() + "/state";
    }

    /** Every discovery message by topic, for the device with {@code serial}. */
    public static Map<String, String> configs(Topics topics, String serial) {
        Map<String, String> configs = new LinkedHashMap<>();
        String id = "smallbms_" + topics.portalId();
        sensor(configs, topics, serial, id, "soc", "State of charge", "%", "battery", "measurement");
        sensor(configs, topics, serial, id, "voltage", "Voltage", "V", "voltage", "measurement");
        sensor(configs, topics, serial, id, "current", "Current", "A", "current", "measurement");
        sensor(configs, topics, serial, id, "power", "Power", "W", "power", "measurement");
        sensor(configs, topics, serial, id, "temperature", "Temperature", "°C", "temperature", "measurement");
        sensor(configs, topics, serial, id, "code", "Active code", null, null, null);
        binary(configs, topics, serial, id, "atc", "Allowed to charge");
        binary(configs, topics, serial, id, "atd", "Allowed to discharge");
        return configs;
    }

    /** The state message, from one snapshot: {@code null} for a figure the device does not know. */
    public static String state(Snapshot snapshot) {
        BmsState bms = snapshot.bms();
        Optional<Measurement> m = bms.measurement();
        ObjectNode state = JSON.createObjectNode();
        put(state, "soc", bms.socPermille().map(p -> p / 10.0));
        put(state, "voltage", m.map(x -> x.bankMillivolts() / 1000.0));
        put(state, "current", m.map(x -> x.bankMilliamps() / 1000.0));
        put(state, "power", m.map(x -> Math.round(x.milliwatts() / 100.0) / 10.0));
        put(state, "temperature", m.map(x -> x.maxDeciCelsius() / 10.0));
        state.put("atc", bms.protection().allowedToCharge() == Allowed.NO ? "OFF" : "ON");
        state.put("atd", bms.protection().allowedToDischarge() == Allowed.NO ? "OFF" : "ON");
        List<Condition> codes = bms.protection().active().codes();
        state.put("code", codes.isEmpty() ? "none" : codes.get(0).label());
        return state.toString();
    }

    /** Publishes every discovery message, retained. */
    static void announce(MqttLink link, Topics topics, String serial) {
        configs(topics, serial).forEach((topic, payload) -> link.publish(topic, payload.getBytes(
                StandardCharsets.UTF_8), true));
    }

    private static void sensor(Map<String, String> configs, Topics topics, String serial, String id, String key,
            String name, String unit, String deviceClass, String stateClass) {
        ObjectNode config = common(topics, serial, id, key, name);
        if (unit != null) {
            config.put("unit_of_measurement", unit);
            config.put("device_class", deviceClass);
            config.put("state_class", stateClass);
        }
        configs.put("homeassistant/sensor/" + id + "/" + key + "/config", config.toString());
    }

    private static void binary(Map<String, String> configs, Topics topics, String serial, String id, String key,
            String name) {
        ObjectNode config = common(topics, serial, id, key, name);
        config.put("payload_on", "ON");
        config.put("payload_off", "OFF");
        configs.put("homeassistant/binary_sensor/" + id + "/" + key + "/config", config.toString());
    }

    private static ObjectNode common(Topics topics, String serial, String id, String key, String name) {
        ObjectNode config = JSON.createObjectNode();
        config.put("name", name);
        config.put("unique_id", id + "_" + key);
        config.put("state_topic", stateTopic(topics));
        config.put("value_template", "{{ value_json." + key + " }}");
        ObjectNode device = config.putObject("device");
        device.putArray("identifiers").add(id);
        device.put("name", VenusPaths.PRODUCT_NAME + " " + serial);
        device.put("manufacturer", "smallbms");
        device.put("model", VenusPaths.PRODUCT_NAME);
        device.put("serial_number", serial);
        return config;
    }

    private static void put(ObjectNode node, String field, Optional<Double> value) {
        if (value.isPresent()) {
            node.put(field, value.get());
        } else {
            node.putNull(field);
        }
    }
}
