package org.cpt4j.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Scale;
import org.cpt4j.experiment.ComponentSpec;
import org.cpt4j.experiment.ExperimentSpec;
import org.cpt4j.experiment.ExperimentSpecFile;
import org.junit.jupiter.api.Test;

/** A spec file that leaves fields out means what the DSL means when it leaves the same settings out. */
class JsonDefaultsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theMinimalFileIsTheDslWithEveryDefault() {
        ExperimentSpec dsl = Cpt4j.experiment("tiny")
                .curriculum(c -> c.stage("add"))
                .arm("grpo", a -> a.objective(ComponentSpec.of("grpo")))
                .build();
        assertEquals(dsl, ExperimentSpecFile.fromJson("""
                {"name": "tiny", "curriculum": {"stages": [{"domain": "add"}]},
                 "arms": [{"name": "grpo", "objective": {"id": "grpo"}}]}""", "minimal.json"));
    }

    @Test
    void aGivenBlockStartsFromItsBuildersDefaultsAsTheDslDoes() {
        ExperimentSpec dsl = Cpt4j.experiment("tiny")
                .base(b -> b.steps(300).optimizer(o -> o.learningRate(0.01)))
                .curriculum(c -> c.stage("add"))
                .arm("grpo", a -> a.objective(ComponentSpec.of("grpo")))
                .build();
        assertEquals(dsl, ExperimentSpecFile.fromJson("""
                {"name": "tiny", "base": {"steps": 300, "optimizer": {"learningRate": 0.01}},
                 "curriculum": {"stages": [{"domain": "add"}]},
                 "arms": [{"name": "grpo", "objective": {"id": "grpo"}}]}""", "given.json"));
    }

    /** Each setting is given to both or left out of both; the rest is each one's defaults. */
    @Property(tries = 200)
    void aFileMeansWhatTheDslMeansForEverySettingLeftOut(
            @ForAll Optional<@LongRange(min = 0, max = 1000) Long> seed,
            @ForAll Optional<@IntRange(min = 1, max = 5000) Integer> baseSteps,
            @ForAll Optional<@DoubleRange(min = 0, max = 1) Double> teacherFraction,
            @ForAll Optional<@IntRange(min = 1, max = 500) Integer> stageSteps,
            @ForAll Optional<@IntRange(min = 2, max = 16) Integer> groupSize,
            @ForAll Optional<@DoubleRange(min = 0, max = 2) Double> temperature,
            @ForAll Optional<@DoubleRange(min = 1e-5, max = 1e-2) @Scale(6) Double> learningRate,
            @ForAll Optional<@IntRange(min = 1, max = 200) Integer> prompts,
            @ForAll Optional<@LongRange(min = 0, max = 1000) Long> evaluationSeed,
            @ForAll boolean teacher, @ForAll boolean stopOnCollapse) {
        ExperimentBuilder dsl = Cpt4j.experiment("property");
        ObjectNode file = JSON.createObjectNode().put("name", "property");
        seed.ifPresent(value -> {
            dsl.seed(value);
            file.put("seed", value);
        });
        if (baseSteps.isPresent() || teacherFraction.isPresent()) {
            ObjectNode base = file.putObject("base");
            dsl.base(b -> {
                baseSteps.ifPresent(b::steps);
                teacherFraction.ifPresent(b::teacherFraction);
            });
            baseSteps.ifPresent(value -> base.put("steps", value));
            teacherFraction.ifPresent(value -> base.put("teacherFraction", value));
        }
        ObjectNode stage = file.putObject("curriculum").putArray("stages").addObject().put("domain", "add");
        stageSteps.ifPresent(value -> stage.put("steps", value));
        dsl.curriculum(c -> c.stage("add", s -> stageSteps.ifPresent(s::steps)));
        if (groupSize.isPresent() || temperature.isPresent() || learningRate.isPresent()) {
            ObjectNode training = file.putObject("training");
            groupSize.ifPresent(value -> training.put("groupSize", value));
            temperature.ifPresent(value -> training.putObject("sampling").put("temperature", value));
            learningRate.ifPresent(value -> training.putObject("optimizer").put("learningRate", value));
            dsl.training(t -> {
                groupSize.ifPresent(t::groupSize);
                temperature.ifPresent(value -> t.sampling(s -> s.temperature(value)));
                learningRate.ifPresent(value -> t.optimizer(o -> o.learningRate(value)));
            });
        }
        if (prompts.isPresent() || evaluationSeed.isPresent()) {
            ObjectNode evaluation = file.putObject("evaluation");
            prompts.ifPresent(value -> evaluation.put("prompts", value));
            evaluationSeed.ifPresent(value -> evaluation.put("seed", value));
            dsl.evaluation(e -> {
                prompts.ifPresent(e::prompts);
                evaluationSeed.ifPresent(e::seed);
            });
        }
        ObjectNode arm = file.putArray("arms").addObject().put("name", "sdpo");
        arm.putObject("objective").put("id", "sdpo");
        if (teacher) {
            arm.putObject("teacher").put("id", "ema");
        }
        dsl.arm("sdpo", a -> {
            a.objective(ComponentSpec.of("sdpo"));
            if (teacher) {
                a.teacher(ComponentSpec.of("ema"));
            }
        });
        ObjectNode rule = file.putArray("collapse").addObject();
        rule.putObject("detector").put("id", "nonFinite");
        if (stopOnCollapse) {
            rule.putObject("action").put("kind", "STOP");
            dsl.collapse(ComponentSpec.of("nonFinite"), a -> a.stop());
        } else {
            dsl.collapse(ComponentSpec.of("nonFinite"));
        }
        assertEquals(dsl.build(), ExperimentSpecFile.fromJson(file.toString(), "property.json"));
    }
}
