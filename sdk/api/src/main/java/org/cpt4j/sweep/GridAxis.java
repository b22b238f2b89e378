package org.cpt4j.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One axis of a sweep's grid: a spec path, as {@code --set} reads it ({@code training.optimizer.learningRate},
 * {@code arms.sdpo.teacher.parameters.rate}), and the values it takes, each a JSON value or else a string.
 *
 * @param path the spec path (letters, digits, {@code .}, {@code -}, {@code _} and {@code [index]})
 * @param values the values, at least one, distinct; each also names the task directories, so it may hold only
 *     letters, digits and {@code . _ + -}
 */
public record GridAxis(String path, List<String> values) {

    private static final Pattern VALUE = Pattern.compile("[A-Za-z0-9._+-]+");
    private static final Pattern PATH = Pattern.compile("[A-Za-z0-9._\\[\\]-]+");

    public GridAxis {
        values = List.copyOf(values);
        if (!PATH.matcher(path).matches()) {
            throw new IllegalArgumentException("a grid axis needs a spec path of letters, digits, dots and [index], "
                    + "as --set takes it (training.optimizer.learningRate); was '" + path + "'");
        }
        if (values.isEmpty()) {
            throw new IllegalArgumentException("grid axis " + path + " has no values; give them as " + path + "=v1,v2");
        }
        if (values.stream().distinct().count() != values.size()) {
            throw new IllegalArgumentException("grid axis " + path + " repeats a value: " + values);
        }
        for (String value : values) {
            if (!VALUE.matcher(value).matches()) {
                throw new IllegalArgumentException("grid value '" + value + "' of " + path + " may hold only letters, "
                        + "digits and . _ + - (it names the task's directory)");
            }
        }
    }

    /**
     * @param text {@code path=v1,v2,...}, as {@code cpt4j sweep --grid} takes it
     * @return the axis
     * @throws IllegalArgumentException naming what is wrong and what would fix it
     */
    public static GridAxis parse(String text) {
        int equals = text.indexOf('=');
        if (equals < 1) {
            throw new IllegalArgumentException("a grid axis is path=v1,v2,...; was '" + text + "'");
        }
        List<String> values = new ArrayList<>(List.of(text.substring(equals + 1).split(",", -1)));
        values.replaceAll(String::strip);
        return new GridAxis(text.substring(0, equals).strip(), values);
    }
}
