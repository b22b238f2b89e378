package org.cpt4j.internal.report;

import com.fasterxml.jackson.databind.JsonNode;

/** How the report names an event of {@code events.jsonl}: a short label for a marker, and its evidence. */
final class EventText {

    private EventText() {
    }

    /** @return e.g. {@code collapse: entropyBelow}, {@code rollback to step 40}, {@code plugin failed: drift/spectral} */
    static String label(JsonNode event) {
        return switch (event.path("type").asText()) {
            case "collapse" -> "collapse: " + event.path("detector").asText();
            case "collapse-action" -> "ROLLBACK".equals(event.path("action").asText())
                    ? "rollback to step " + event.path("toStep").asLong() : "stopped by " + event.path("detector").asText();
            case "plugin-failure" -> "plugin failed: " + event.path("kind").asText() + "/" + event.path("id").asText();
            default -> event.path("type").asText();
        };
    }

    /** @return the event's evidence: the detector's, the change a rollback made, or the plugin's error */
    static String detail(JsonNode event) {
        return switch (event.path("type").asText()) {
            case "collapse" -> event.path("evidence").asText() + " (" + event.path("severity").asText() + ")";
            case "collapse-action" -> event.path("change").isMissingNode() ? "after " + event.path("detector").asText()
                    : "after " + event.path("detector").asText() + "; change " + event.path("change");
            case "plugin-failure" -> (event.path("fatal").asBoolean() ? "ended the run: " : "went on without it: ")
                    + event.path("error").asText() + (event.has("plugin") ? " (plugin " + event.path("plugin").asText()
                    + " " + event.path("pluginVersion").asText() + ")" : "");
            default -> event.toString();
        };
    }
}
