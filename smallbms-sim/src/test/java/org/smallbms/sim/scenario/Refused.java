package org.smallbms.sim.scenario;

/** For the scenario tests: the refusal a scenario text gets, or a failed test when it is accepted. */
final class Refused {

    private Refused() {
    }

    /** Why {@code text}, read as {@code t.yaml}, is refused. */
    static ScenarioException refusal(String text) {
        try {
            Scenarios.parse(text, "t.yaml");
        } catch (ScenarioException e) {
            return e;
        }
        throw new AssertionError("the scenario was accepted:\n" + text);
    }
}
