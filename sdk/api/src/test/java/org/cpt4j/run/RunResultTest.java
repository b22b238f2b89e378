package org.cpt4j.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RunResultTest {

    private static ArmResult arm(String name) {
        AccuracyMatrix accuracy = new AccuracyMatrix(name, List.of("add"), List.of("base", "after add"),
                new double[][] {{0.25}, {0.5}});
        return arm(name, accuracy);
    }

    private static ArmResult arm(String name, AccuracyMatrix accuracy) {
        return new ArmResult(name, accuracy, ContinualMeasures.of(accuracy, List.of("add")), List.of(), List.of(),
                List.of(), Optional.empty(), List.of());
    }

    @Test
    void anArmIsFoundByItsName() {
        ArmResult sdpo = arm("sdpo");
        RunResult result = new RunResult("x", Path.of("runs", "x"), List.of(arm("grpo"), sdpo));
        assertSame(sdpo, result.arm("sdpo"));
        assertEquals(List.of("grpo", "sdpo"), result.arms().stream().map(ArmResult::name).toList());
    }

    @Test
    void anUnknownArmIsRefusedNamingTheArms() {
        RunResult result = new RunResult("x", Path.of("runs", "x"), List.of(arm("grpo"), arm("sdpo")));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> result.arm("spdo"));
        assertEquals("no arm named 'spdo'; the arms are [grpo, sdpo]", error.getMessage());
    }

    @Test
    void anArmsNameIsTheNameOfItsAccuracyMatrix() {
        AccuracyMatrix grpos = arm("grpo").accuracy();
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> arm("sdpo", grpos));
        assertEquals("arm 'sdpo' was given the accuracy matrix of arm 'grpo'", error.getMessage());
    }
}
