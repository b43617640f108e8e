package org.smallbms.app.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.smallbms.app.runtime.Snapshot;
import org.smallbms.app.runtime.StorageStatus;
import org.smallbms.core.bms.Bms;

/** Home Assistant discovery: one config per entity, each reading a field the state carries. */
class HomeAssistantTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Topics TOPICS = new Topics("0123456789ab", 512);

    @Test
    void configs_eachEntityReadsAFieldOfTheState() throws Exception {
        Map<String, String> configs = HomeAssistant.configs(TOPICS, "HQ2622TEST1");
        JsonNode state = JSON.readTree(HomeAssistant.state(new Snapshot(1, Instant.EPOCH, Bms.initial(), List.of(),
                StorageStatus.OK, "HQ2622TEST1", Optional.empty(), Optional.empty())));

        assertThat(configs.keySet()).containsExactly(
                "homeassistant/sensor/smallbms_0123456789ab/soc/config",
                "homeassistant/sensor/smallbms_0123456789ab/voltage/config",
                "homeassistant/sensor/smallbms_0123456789ab/current/config",
                "homeassistant/sensor/smallbms_0123456789ab/power/config",
                "homeassistant/sensor/smallbms_0123456789ab/temperature/config",
                "homeassistant/sensor/smallbms_0123456789ab/code/config",
                "homeassistant/binary_sensor/smallbms_0123456789ab/atc/config",
                "homeassistant/binary_sensor/smallbms_0123456789ab/atd/config");
        for (String payload : configs.values()) {
            JsonNode config = JSON.readTree(payload);
            assertThat(config.path("state_topic").asText()).isEqualTo("smallbms/0123456789ab/state");
            String field = config.path("value_template").asText().replaceAll("\\{\\{ value_json\\.(\\w+) }}", "$1");
            assertThat(state.has(field)).as(field).isTrue();
            assertThat(config.path("device").path("serial_number").asText()).isEqualTo("HQ2622TEST1");
        }
        assertThat(state.path("soc").isNull()).as("no SoC before a synchronisation").isTrue();
        assertThat(state.path("atc").asText()).isIn("ON", "OFF");
    }

    @Test
    void announce_isRetained() {
        RecordingLink link = new RecordingLink();
        HomeAssistant.announce(link, TOPICS, "HQ2622TEST1");
        assertThat(link.take()).hasSize(8).allMatch(RecordingLink.Sent::retained);
    }
}
