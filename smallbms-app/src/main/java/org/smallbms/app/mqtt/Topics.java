package org.smallbms.app.mqtt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import org.smallbms.core.bms.Command;
import org.smallbms.core.settings.Setting;
import org.smallbms.sim.scenario.Printable;

/**
 * The topics of one device, and what a message to them asks for. Pure and total: any topic and any bytes give an
 * answer, never an exception, so a client's bad message is logged with its reason and changes nothing.
 *
 * @param portalId the portal id in every topic
 * @param instance the battery service's device instance
 */
public record Topics(String portalId, int instance) {

    /** The longest payload read: a Venus write or keep-alive is a few dozen bytes. */
    static final int MAX_PAYLOAD = 4096;
    private static final ObjectMapper JSON = new ObjectMapper();

    public Topics {
        Objects.requireNonNull(portalId, "portalId");
    }

    /** What an incoming message asks for. */
    public sealed interface Ask {
    }

    /**
     * A keep-alive: publish for the next 60 s.
     *
     * @param republish whether to publish everything first (not with the option "suppress-republish")
     * @param echo the token to echo in {@code full_publish_completed}; empty for none
     */
    public record KeepAlive(boolean republish, Optional<String> echo) implements Ask {
    }

    /**
     * A read: republish a path, or every path below it.
     *
     * @param path the D-Bus path asked for, "" for the whole service
     */
    public record Read(String path) implements Ask {
    }

    /**
     * A write of a path a user may change, as the core command that carries it out: the core checks the value.
     *
     * @param path the path written
     * @param command what the write asks the device to do
     */
    public record Write(String path, Command command) implements Ask {
    }

    /**
     * A message this device does not act on, and why, for the log.
     *
     * @param reason what is wrong, naming the topic or value
     */
    public record Ignored(String reason) implements Ask {
    }

    /** The prefix of every notification of the battery service: {@code N/<id>/battery/<instance>}. */
    public String notification() {
        return "N/" + portalId + "/battery/" + instance;
    }

    /** The topics a client writes to, for a subscription. */
    public String requests() {
        return "R/" + portalId + "/#";
    }

    /** The topics a client writes to, for a subscription. */
    public String writes() {
        return "W/" + portalId + "/#";
    }

    /** The announcement clients find the portal id by. */
    public String systemSerial() {
        return "N/" + portalId + "/system/0/Serial";
    }

    /** The last topic of a full publish. */
    public String fullPublishCompleted() {
        return "N/" + portalId + "/full_publish_completed";
    }

    /** What a message asks for. */
    public Ask read(String topic, byte[] payload) {
        if (topic == null || payload == null) {
            return new Ignored("no topic or payload");
        }
        if (payload.length > MAX_PAYLOAD) {
            return new Ignored(topic(topic) + ": a payload of " + payload.length + " bytes is over the "
                    + MAX_PAYLOAD + " allowed");
        }
        String service = "/" + portalId + "/battery/" + instance;
        if (topic.equals("R/" + portalId + "/keepalive") || topic.equals("R/" + portalId + "/system/0/Serial")) {
            return keepAlive(topic, payload);
        }
        if (topic.startsWith("R" + service) && (topic.length() == service.length() + 1
                || topic.charAt(service.length() + 1) == '/')) {
            String path = topic.substring(service.length() + 1);
            return path.contains("+") || path.contains("#") ? new Ignored(topic(topic)
                    + ": wildcards are not supported in a read") : new Read(path);
        }
        if (topic.startsWith("W" + service + "/")) {
            return write(topic, topic.substring(service.length() + 1), payload);
        }
        return new Ignored(topic(topic) + ": not a topic of this device (" + notification().substring(2) + ")");
    }

    private static Ask keepAlive(String topic, byte[] payload) {
        if (payload.length == 0) {
            return new KeepAlive(true, Optional.empty());
        }
        JsonNode options;
        try {
            options = JSON.readTree(new String(payload, StandardCharsets.UTF_8)).path("keepalive-options");
        } catch (JsonProcessingException e) {
            return new Ignored(topic(topic) + ": the payload is not JSON; send an empty payload or "
                    + "{\"keepalive-options\": [...]}");
        }
        boolean republish = true;
        Optional<String> echo = Optional.empty();
        for (JsonNode option : options) {
            if (option.isTextual() && option.asText().equals("suppress-republish")) {
                republish = false;
            } else if (option.path("full-publish-completed-echo").isTextual()) {
                echo = Optional.of(option.path("full-publish-completed-echo").asText());
            }
        }
        return new KeepAlive(republish, echo);
    }

    private static Ask write(String topic, String path, byte[] payload) {
        Optional<Setting> setting = Optional.empty();
        if (!path.equals("/Mode")) {
            for (Setting s : Setting.values()) {
                if (s != Setting.MODE && VenusPaths.settingPath(s).equals(path)) {
                    setting = Optional.of(s);
                }
            }
            if (setting.isEmpty()) {
                return new Ignored(topic(topic) + ": not a path a user may write; the writable paths are /Mode and "
                        + "/Settings/...");
            }
        }
        JsonNode value;
        try {
            value = JSON.readTree(new String(payload, StandardCharsets.UTF_8)).path("value");
        } catch (JsonProcessingException e) {
            value = null;
        }
        if (value == null || !value.isNumber() || !Double.isFinite(value.asDouble())) {
            return new Ignored(topic(topic) + ": the payload " + payload(payload) + " is not {\"value\": <number>}");
        }
        double v = value.asDouble();
        if (setting.isEmpty()) {
            if (v != 0 && v != 1) {
                return new Ignored(topic(topic) + ": /Mode = " + value + " is not allowed: give 0 (off) or 1 (on)");
            }
            return new Write(path, new Command.SetMode(v == 1));
        }
        // Venus values are in V and %; the core's in mV and ‰. A whole number after scaling stays exactly whole.
        double raw = v * VenusPaths.scale(setting.get());
        double whole = Math.rint(raw);
        return new Write(path, new Command.ChangeSetting(setting.get(), Math.abs(raw - whole) < 1e-6 ? whole : raw));
    }

    private static String topic(String topic) {
        return "topic " + Printable.quote(topic);
    }

    private static String payload(byte[] payload) {
        return Printable.quote(new String(payload, StandardCharsets.UTF_8));
    }
}
