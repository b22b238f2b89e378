package org.cpt4j.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cpt4j.experiment.ArmSpec;
import org.cpt4j.experiment.ExperimentSpec;
import org.cpt4j.experiment.ExperimentSpecFile;

/**
 * An experiment swept over seeds and a grid of spec values: every arm, at every grid point (the product of the
 * axes' values), under every seed, is one {@link SweepTask}.
 *
 * @param experiment the experiment
 * @param seeds the post-training seeds, at least one, distinct
 * @param axes the grid's axes, their paths distinct (none: the experiment as it is)
 */
public record SweepSpec(ExperimentSpec experiment, List<Long> seeds, List<GridAxis> axes) {

    public SweepSpec {
        seeds = List.copyOf(seeds);
        axes = List.copyOf(axes);
        if (seeds.isEmpty() || seeds.stream().distinct().count() != seeds.size()) {
            throw new IllegalArgumentException("a sweep needs at least one seed, each once; was " + seeds);
        }
        if (axes.stream().map(GridAxis::path).distinct().count() != axes.size()) {
            throw new IllegalArgumentException("a sweep's grid names each path once; was "
                    + axes.stream().map(GridAxis::path).toList());
        }
    }

    /** @return a sweep of {@code experiment} under {@code count} seeds, its own and the {@code count − 1} after it */
    public static SweepSpec of(ExperimentSpec experiment, int count, List<GridAxis> axes) {
        if (count < 1) {
            throw new IllegalArgumentException("a sweep needs at least one seed, was " + count);
        }
        List<Long> seeds = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            seeds.add(experiment.seed() + i);
        }
        return new SweepSpec(experiment, seeds, axes);
    }

    /** @return the grid's points, each the value of every axis, in the order the axes and their values are given */
    public List<Map<String, String>> points() {
        List<Map<String, String>> points = new ArrayList<>(List.of(Map.of()));
        for (GridAxis axis : axes) {
            List<Map<String, String>> extended = new ArrayList<>();
            for (Map<String, String> point : points) {
                for (String value : axis.values()) {
                    Map<String, String> next = new LinkedHashMap<>(point);
                    next.put(axis.path(), value);
                    extended.add(next);
                }
            }
            points = extended;
        }
        return points;
    }

    /**
     * @return every task: for each grid point, each arm, each seed, in that order
     * @throws org.cpt4j.spec.InvalidSpecException when a grid value does not fit its path, naming the path and the
     *     sweep
     */
    public List<SweepTask> tasks() {
        String json = ExperimentSpecFile.toJson(experiment);
        List<SweepTask> tasks = new ArrayList<>();
        for (Map<String, String> point : points()) {
            for (ArmSpec arm : experiment.arms()) {
                for (long seed : seeds) {
                    List<String> overrides = new ArrayList<>();
                    point.forEach((path, value) -> overrides.add(path + "=" + value));
                    overrides.add("seed=" + seed);
                    ExperimentSpec whole = ExperimentSpecFile.fromJson(json, "the sweep of '" + experiment.name() + "'",
                            overrides);
                    ArmSpec swept = whole.arms().stream().filter(a -> a.name().equals(arm.name())).findFirst()
                            .orElseThrow();
                    ExperimentSpec one = new ExperimentSpec(whole.format(), whole.version(), whole.name(), whole.seed(),
                            whole.base(), whole.curriculum(), whole.training(), whole.evaluation(), List.of(swept),
                            whole.drift(), whole.collapse());
                    tasks.add(new SweepTask(point, arm.name(), seed, one));
                }
            }
        }
        return tasks;
    }
}
