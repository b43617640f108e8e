package org.smallbms.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.smallbms.core.event.Event;

/** The event timeline's ids and its bounded memory. */
class TimelineTest {

    private static List<Event> events(int n, String name) {
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            events.add(new Event(Instant.EPOCH.plusSeconds(i), Event.Kind.OUTPUT, name, "HIGH", "test " + i));
        }
        return events;
    }

    @Test
    @DisplayName("PROT-10 the events from before a restart come first; ids grow by one and a read after an id "
            + "gives what came after it")
    void ids_grow() {
        Timeline timeline = new Timeline(events(3, "earlier"));
        List<Timeline.Entry> added = timeline.append(events(2, "now"));

        assertThat(added).extracting(Timeline.Entry::id).containsExactly(4L, 5L);
        assertThat(timeline.after(3)).extracting(e -> e.event().name()).containsExactly("now", "now");
        assertThat(timeline.after(5)).isEmpty();
        assertThat(timeline.newest()).hasSize(5);
    }

    @Test
    @DisplayName("the timeline keeps the newest 5000 events and a read gives at most 500, the oldest first")
    void bounded() {
        Timeline timeline = new Timeline(List.of());
        timeline.append(events(Timeline.CAPACITY + 700, "e"));

        List<Timeline.Entry> fromStart = timeline.after(0);
        assertThat(fromStart).hasSize(Timeline.MAX_READ);
        assertThat(fromStart.get(0).id()).isEqualTo(701);
        assertThat(timeline.newest().get(Timeline.MAX_READ - 1).id()).isEqualTo(Timeline.CAPACITY + 700);
    }
}
