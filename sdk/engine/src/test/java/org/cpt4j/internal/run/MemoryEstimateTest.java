package org.cpt4j.internal.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.cpt4j.dsl.Cpt4j;
import org.cpt4j.experiment.ExperimentSpec;
import org.cpt4j.plugins.objectives.Objectives;
import org.cpt4j.spec.Problems;
import org.junit.jupiter.api.Test;

class MemoryEstimateTest {

    private static ExperimentSpec spec(int layers, int width, int groupSize) {
        return Cpt4j.experiment("sized")
                .model(m -> m.layers(layers).width(width).heads(4).context(96))
                .curriculum(c -> c.stage("add"))
                .training(t -> t.groupSize(groupSize))
                .arm("grpo", a -> a.objective(Objectives.grpo()))
                .build();
    }

    @Test
    void theDefaultExperimentFitsEasily() {
        long bytes = MemoryEstimate.bytes(spec(2, 64, 8), 40);
        assertTrue(bytes > 10L << 20 && bytes < 1L << 30, MemoryEstimate.size(bytes));
    }

    @Test
    void aModelThatCannotFitIsAProblemAtTheModelWithTheEstimateAndTheLimit() {
        Problems problems = new Problems("");
        MemoryEstimate.check(spec(256, 16_384, 8), 40, 4L << 30, problems);
        assertEquals(1, problems.list().size());
        String message = problems.list().get(0).toString();
        assertTrue(message.startsWith("base.model: a run of this experiment needs about "), message);
        assertTrue(message.contains("TiB at its largest (8 copies of 824,") && message.contains("more than the 4.0 GiB "
                + "this JVM may use"), message);
        Problems fits = new Problems("");
        MemoryEstimate.check(spec(2, 64, 8), 40, 4L << 30, fits);
        assertTrue(fits.isEmpty());
    }

    @Property(tries = 50)
    void theEstimateGrowsWithEverySize(@ForAll @IntRange(min = 1, max = 64) int layers,
                                       @ForAll @IntRange(min = 1, max = 256) int heads4Width,
                                       @ForAll @IntRange(min = 2, max = 512) int groupSize) {
        int width = 4 * heads4Width;
        long base = MemoryEstimate.bytes(spec(layers, width, groupSize), 40);
        assertTrue(MemoryEstimate.bytes(spec(layers + 1, width, groupSize), 40) > base);
        assertTrue(MemoryEstimate.bytes(spec(layers, width + 4, groupSize), 40) > base);
        assertTrue(MemoryEstimate.bytes(spec(layers, width, groupSize + 1), 40) >= base);
        assertTrue(MemoryEstimate.bytes(spec(layers, width, groupSize), 80) > base);
    }

    @Test
    void sizesReadInBinaryUnits() {
        assertEquals("512 B", MemoryEstimate.size(512));
        assertEquals("1.5 KiB", MemoryEstimate.size(1536));
        assertEquals("4.0 GiB", MemoryEstimate.size(4L << 30));
    }
}
