package org.cpt4j.experiment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cpt4j.spec.Problems;
import org.cpt4j.spec.Suggestions;
import org.jspecify.annotations.Nullable;

/**
 * Overrides of a spec file's fields, as Hydra and TRL users write them on a command line: {@code key.path=value},
 * e.g. {@code training.groupSize=4}, {@code arms[1].objective.parameters.alpha=0.5}, or
 * {@code arms.sdpo.teacher.id=ema} (an element of a list of named objects, by its name). The value is JSON when it
 * reads as JSON ({@code 4}, {@code true}, {@code null}, {@code {"id":"ema"}}, {@code "4"}), a string otherwise
 * ({@code ema}). Blocks the file leaves out are created on the way, so one field of a left-out block can be set; the
 * rest of it keeps its defaults. What an override sets is then read like the file's own fields (an unknown one gets
 * the closest known name).
 */
final class SpecOverrides {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Pattern STEP = Pattern.compile("([^.\\[\\]]+)|\\[(\\d+)]");

    private SpecOverrides() {
    }

    /** Applies each of {@code settings} to {@code tree} in order, recording a setting that cannot be applied. */
    static void apply(ObjectNode tree, List<String> settings, Problems problems) {
        for (String setting : settings) {
            int equals = setting.indexOf('=');
            List<String> steps = equals > 0 ? steps(setting.substring(0, equals)) : null;
            if (steps == null) {
                problems.add(setting, "an override is key.path=value, e.g. training.groupSize=4 or "
                        + "arms[0].objective.id=grpo");
            } else {
                set(tree, steps, value(setting.substring(equals + 1)), setting, problems);
            }
        }
    }

    private static void set(ObjectNode tree, List<String> steps, JsonNode value, String setting, Problems problems) {
        JsonNode current = tree;
        String path = "";
        for (int i = 0; i < steps.size(); i++) {
            String step = steps.get(i);
            boolean last = i == steps.size() - 1;
            if (current instanceof ArrayNode list) {
                int index = step.startsWith("[") ? index(step) : indexByName(list, step);
                if (index < 0 || index >= list.size()) {
                    problems.add(path, "cannot take override " + setting + ": " + (step.startsWith("[")
                            ? "it holds " + list.size() + (list.size() == 1 ? " element" : " elements")
                            : "no element is named '" + step + "'" + Suggestions.didYouMean(step, names(list))
                            + " (names: " + String.join(", ", names(list)) + ")"));
                    return;
                }
                path = path + "[" + index + "]";
                if (last) {
                    list.set(index, value);
                    return;
                }
                current = list.get(index);
            } else if (current instanceof ObjectNode object && !step.startsWith("[")) {
                path = SpecReader.join(path, step);
                if (last) {
                    object.set(step, value);
                    return;
                }
                JsonNode child = object.get(step);
                current = child == null || child.isNull() ? object.putObject(step) : child;
            } else {
                problems.add(path, "cannot take override " + setting + ": it is "
                        + (current.isObject() ? "an object, not a list" : "a value, not an object or a list"));
                return;
            }
        }
    }

    /** @return the steps of {@code key} ({@code arms}, {@code [1]}, {@code objective}), or null when it has none */
    private static @Nullable List<String> steps(String key) {
        List<String> steps = new ArrayList<>();
        Matcher matcher = STEP.matcher(key);
        int end = 0;
        while (matcher.find() && matcher.start() == end) {
            steps.add(matcher.group());
            end = matcher.end();
            if (end < key.length() && key.charAt(end) == '.') {
                end++;
            }
        }
        return end == key.length() && !steps.isEmpty() && !key.endsWith(".") ? steps : null;
    }

    private static JsonNode value(String text) {
        try {
            JsonNode value = JSON.readTree(text);
            return value.isMissingNode() ? TextNode.valueOf(text) : value;
        } catch (JsonProcessingException notJson) {
            return TextNode.valueOf(text);
        }
    }

    /** @return the index {@code [n]} names, or one that is past any list's end when {@code n} is beyond an int */
    private static int index(String step) {
        try {
            return Integer.parseInt(step.substring(1, step.length() - 1));
        } catch (NumberFormatException beyondAnInt) {
            return Integer.MAX_VALUE;
        }
    }

    private static int indexByName(ArrayNode list, String name) {
        for (int i = 0; i < list.size(); i++) {
            if (name.equals(list.get(i).path("name").asText(null))) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> names(ArrayNode list) {
        List<String> names = new ArrayList<>();
        list.forEach(element -> {
            if (element.path("name").isTextual()) {
                names.add(element.path("name").asText());
            }
        });
        return names;
    }
}
