package org.cpt4j.sweep;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.cpt4j.experiment.ExperimentSpec;

/**
 * One run of a sweep: one arm of the experiment, at one grid point, under one seed.
 *
 * @param point the grid's value of each axis path, in the axes' order (empty without a grid)
 * @param arm the arm's name
 * @param seed the post-training seed
 * @param spec the experiment with only this arm, the point's values and the seed set
 */
public record SweepTask(Map<String, String> point, String arm, long seed, ExperimentSpec spec) {

    public SweepTask {
        point = Collections.unmodifiableMap(new LinkedHashMap<>(point));
    }

    /** @return the folder, relative to the sweep's, that holds this task's runs directory */
    public Path directory() {
        return Path.of(pointName(point), arm, "seed-" + seed);
    }

    /** @return a grid point's folder name: {@code path=value} joined by {@code ,}, or {@code default} without a grid */
    public static String pointName(Map<String, String> point) {
        return point.isEmpty() ? "default" : point.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(","));
    }
}
