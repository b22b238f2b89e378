package org.cpt4j.run;

import java.nio.file.Path;
import java.util.List;

/**
 * What a run produced.
 *
 * @param experiment the experiment's name
 * @param directory where its files are, {@code <runs>/<experiment>/}
 * @param arms each arm's results, in the spec's order
 */
public record RunResult(String experiment, Path directory, List<ArmResult> arms) {

    public RunResult {
        arms = List.copyOf(arms);
    }

    /** @return the experiment's {@code report.html}, written at the end of the run */
    public Path report() {
        return directory.resolve(RunReport.FILE);
    }

    /**
     * @return the result of the arm named {@code name}
     * @throws IllegalArgumentException naming the arms when there is none of that name
     */
    public ArmResult arm(String name) {
        return arms.stream().filter(arm -> arm.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no arm named '" + name + "'; the arms are "
                        + arms.stream().map(ArmResult::name).toList()));
    }
}
