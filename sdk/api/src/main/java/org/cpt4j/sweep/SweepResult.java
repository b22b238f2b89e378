package org.cpt4j.sweep;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.cpt4j.evaluation.SeedSpread.Statistic;

/**
 * What a sweep produced: one group per grid point and arm, its measures over the seeds that finished.
 *
 * @param file the {@code sweep.json} written
 * @param groups the groups, in task order
 * @param failures each run that failed, by its directory, with what went wrong
 */
public record SweepResult(Path file, List<Group> groups, Map<Path, String> failures) {

    public SweepResult {
        groups = List.copyOf(groups);
        failures = ordered(failures);
    }

    private static <K, V> Map<K, V> ordered(Map<K, V> map) {
        return java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(map));
    }

    /**
     * One arm at one grid point over the seeds.
     *
     * @param point the grid's value of each axis
     * @param arm the arm
     * @param seeds the seeds whose runs finished, in order
     * @param measures each continual-learning measure (ACC, BWT, FWT, forgetting, maximum forgetting, plasticity)
     *     and the count of collapse events, by name, over the seeds
     * @param finalAccuracy each evaluated domain's accuracy after the last stage, over the seeds
     * @param forgetting each domain's forgetting (Avalanche's), over the seeds
     * @param report the report over the seeds, empty when none finished
     */
    public record Group(Map<String, String> point, String arm, List<Long> seeds, Map<String, Statistic> measures,
                        Map<String, Statistic> finalAccuracy, Map<String, Statistic> forgetting,
                        java.util.Optional<Path> report) {

        public Group {
            point = ordered(point);
            seeds = List.copyOf(seeds);
            measures = ordered(measures);
            finalAccuracy = ordered(finalAccuracy);
            forgetting = ordered(forgetting);
        }
    }
}
