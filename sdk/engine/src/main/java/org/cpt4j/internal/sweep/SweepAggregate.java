package org.cpt4j.internal.sweep;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.cpt4j.evaluation.SeedSpread.Statistic;
import org.cpt4j.internal.store.FileFormat;
import org.cpt4j.internal.store.NonFiniteNumbers;
import org.cpt4j.io.AtomicFiles;
import org.cpt4j.run.AccuracyMatrix;
import org.cpt4j.run.ArmResult;
import org.cpt4j.sweep.GridAxis;
import org.cpt4j.sweep.SweepResult;
import org.cpt4j.sweep.SweepSpec;
import org.cpt4j.sweep.SweepTask;
import org.jspecify.annotations.Nullable;

/**
 * A sweep's aggregate: for each grid point and arm, every measure over the seeds that finished (mean, sample
 * standard deviation, range, each seed's value), written as {@code sweep.json} (format {@code cpt4j-sweep}, version
 * 1) with the report over the seeds beside it ({@code <point>/<arm>/report.html}). It holds nothing of how the tasks
 * ran (no times, no thread counts), so the same sweep gives the same file whichever engine ran it.
 */
final class SweepAggregate {

    static final String FILE = FileFormat.SWEEP.file();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, ToDoubleFunction<ArmResult>> MEASURES = measures();

    private SweepAggregate() {
    }

    private static Map<String, ToDoubleFunction<ArmResult>> measures() {
        Map<String, ToDoubleFunction<ArmResult>> measures = new LinkedHashMap<>();
        measures.put("accuracy", r -> r.measures().accuracy());
        measures.put("backwardTransfer", r -> r.measures().backwardTransfer());
        measures.put("forwardTransfer", r -> r.measures().forwardTransfer());
        measures.put("forgetting", r -> r.measures().forgetting());
        measures.put("maximumForgetting", r -> r.measures().maximumForgetting());
        measures.put("plasticity", r -> r.measures().plasticity());
        measures.put("collapseEvents", r -> r.collapse().size());
        return Collections.unmodifiableMap(measures);
    }

    /** One task as {@code sweep.json} lists it. */
    record TaskLine(Map<String, String> point, String arm, long seed, String directory, String status,
                    @Nullable String error) {
    }

    /** The file's content. */
    record Content(String experiment, List<Long> seeds, List<GridAxis> axes, List<TaskLine> tasks,
                   List<GroupLine> groups) {
    }

    /** A group as {@code sweep.json} lists it, its report relative to the sweep's folder. */
    record GroupLine(Map<String, String> point, String arm, List<Long> seeds, Map<String, Statistic> measures,
                     Map<String, Statistic> finalAccuracy, Map<String, Statistic> forgetting, @Nullable String report) {
    }

    /** @return the tasks by group ({@code <point>/<arm>}), in task order */
    static Map<String, List<SweepTask>> byGroup(Iterable<SweepTask> tasks) {
        Map<String, List<SweepTask>> byGroup = new LinkedHashMap<>();
        for (SweepTask task : tasks) {
            byGroup.computeIfAbsent(SweepTask.pointName(task.point()) + "/" + task.arm(), k -> new ArrayList<>()).add(task);
        }
        return byGroup;
    }

    /**
     * @param results each task's arm, empty when it failed
     * @param ranAs for each task, the task whose run it is (itself, or an earlier task of the same spec)
     * @param reports each group's report over its seeds, by group key ({@link #byGroup}); none for a group none of whose
     *     tasks finished
     */
    static SweepResult write(SweepSpec sweep, Map<SweepTask, Optional<ArmResult>> results, Map<SweepTask, SweepTask> ranAs,
                             Map<Path, String> failures, Path root, Map<String, Path> reports) throws IOException {
        Map<String, List<SweepTask>> byGroup = byGroup(results.keySet());
        List<SweepResult.Group> groups = new ArrayList<>();
        List<GroupLine> lines = new ArrayList<>();
        for (Map.Entry<String, List<SweepTask>> entry : byGroup.entrySet()) {
            List<SweepTask> finished = entry.getValue().stream().filter(t -> results.get(t).isPresent()).toList();
            SweepTask first = entry.getValue().get(0);
            List<ArmResult> arms = finished.stream().map(t -> results.get(t).orElseThrow()).toList();
            Optional<Path> report = Optional.ofNullable(reports.get(entry.getKey()));
            SweepResult.Group group = new SweepResult.Group(first.point(), first.arm(),
                    finished.stream().map(SweepTask::seed).toList(), statistics(arms, MEASURES),
                    byDomain(arms, SweepAggregate::finalAccuracy), byDomain(arms, r -> r.measures().forgettingByDomain()),
                    report);
            groups.add(group);
            lines.add(new GroupLine(group.point(), group.arm(), group.seeds(), group.measures(), group.finalAccuracy(),
                    group.forgetting(), report.map(p -> root.relativize(p).toString()).orElse(null)));
        }
        List<TaskLine> tasks = results.keySet().stream().map(t -> {
            Path directory = ranAs.get(t).directory();
            return new TaskLine(t.point(), t.arm(), t.seed(), directory.toString(),
                    results.get(t).isPresent() ? "finished" : "failed", failures.get(directory));
        }).toList();
        Content content = new Content(sweep.experiment().name(), sweep.seeds(), sweep.axes(), tasks, lines);
        ObjectNode tree = NonFiniteNumbers.strip(FileFormat.SWEEP.stamp(JSON.valueToTree(content)));
        Path file = root.resolve(FILE);
        byte[] bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(tree);
        AtomicFiles.write(file, out -> out.write(bytes));
        return new SweepResult(file, groups, failures);
    }

    private static Map<String, Statistic> statistics(List<ArmResult> arms, Map<String, ToDoubleFunction<ArmResult>> of) {
        Map<String, Statistic> statistics = new LinkedHashMap<>();
        if (!arms.isEmpty()) {
            of.forEach((name, measure) -> statistics.put(name, Statistic.of(arms.stream().mapToDouble(measure).toArray())));
        }
        return statistics;
    }

    private static Map<String, Statistic> byDomain(List<ArmResult> arms,
                                                   java.util.function.Function<ArmResult, Map<String, Double>> of) {
        Map<String, Statistic> statistics = new LinkedHashMap<>();
        if (!arms.isEmpty()) {
            for (String domain : of.apply(arms.get(0)).keySet()) {
                statistics.put(domain, Statistic.of(arms.stream().mapToDouble(r -> of.apply(r).getOrDefault(domain,
                        Double.NaN)).toArray()));
            }
        }
        return statistics;
    }

    /** @return each domain's accuracy after the last stage */
    private static Map<String, Double> finalAccuracy(ArmResult result) {
        AccuracyMatrix matrix = result.accuracy();
        Map<String, Double> last = new LinkedHashMap<>();
        for (String domain : matrix.domains()) {
            last.put(domain, matrix.at(matrix.rows().size() - 1, domain));
        }
        return last;
    }
}
