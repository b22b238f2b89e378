package org.cpt4j.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.cpt4j.evaluation.EvaluationSampling;
import org.cpt4j.evaluation.EvaluationSpec;
import org.cpt4j.model.ModelConfig;
import org.cpt4j.model.OptimizerConfig;
import org.cpt4j.pretrain.PretrainSpec;
import org.cpt4j.sampling.SamplingConfig;
import org.cpt4j.spec.InvalidSpecException;

/**
 * What every field a spec file leaves out stands for: the DSL's default, taken from the same builders and constants,
 * so that a file and the DSL that say the same things make the same {@link ExperimentSpec}. A field with no default
 * here (a name, a domain, an objective's id, a reward's weight) must be written; a nullable one left out is null.
 *
 * <p>An object the file does give gets its type's defaults for what it leaves out, as a DSL block starts from its
 * builder's defaults ({@code base.optimizer: {"learningRate": 0.01}} is AdamW's defaults at that rate, not the
 * pretraining schedule that a left-out {@code base.optimizer} stands for). Two defaults depend on another field, as
 * in the DSL: the pretraining schedule follows {@code base.steps}, and the evaluation's seed is the experiment's.
 */
final class SpecDefaults {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SpecDefaults() {
    }

    /**
     * @param type a record of the spec
     * @param given the fields the file gives for it
     * @return the default of each of its fields that has one, as JSON
     */
    static ObjectNode of(Class<?> type, ObjectNode given) {
        if (type == ExperimentSpec.class) {
            ObjectNode defaults = JSON.createObjectNode();
            defaults.put("format", ExperimentSpec.FORMAT);
            defaults.put("version", ExperimentSpec.VERSION);
            defaults.put("seed", ExperimentSpec.DEFAULT_SEED);
            defaults.set("base", tree(PretrainSpec.of(p -> { })));
            defaults.set("training", tree(TrainingSpec.defaults()));
            defaults.set("evaluation", tree(EvaluationSpec.of(e -> e.seed(experimentSeed(given)))));
            defaults.putArray("drift");
            defaults.putArray("collapse");
            return defaults;
        }
        if (type == PretrainSpec.class) {
            return tree(pretrainingFor(given.path("steps")));
        }
        if (type == EvaluationSpec.class) {
            return tree(EvaluationSpec.of(e -> { }));
        }
        if (type == TrainingSpec.class) {
            return tree(TrainingSpec.defaults());
        }
        if (type == ModelConfig.class) {
            return tree(ModelConfig.of(m -> { }));
        }
        if (type == OptimizerConfig.class) {
            return tree(OptimizerConfig.of(o -> { }));
        }
        if (type == SamplingConfig.class) {
            return tree(SamplingConfig.of(s -> { }));
        }
        if (type == EvaluationSampling.class) {
            return tree(EvaluationSampling.greedy());
        }
        ObjectNode defaults = JSON.createObjectNode();
        if (type == CurriculumSpec.class) {
            defaults.putArray("evaluateOn");
        } else if (type == StageSpec.class) {
            defaults.put("steps", StageSpec.DEFAULT_STEPS);
        } else if (type == ArmSpec.class) {
            defaults.putArray("rewards");
        } else if (type == ComponentSpec.class) {
            defaults.putObject("parameters");
        } else if (type == CollapseRule.class) {
            defaults.set("action", tree(CollapseAction.RECORD));
        } else if (type == CollapseAction.class) {
            boolean rollback = CollapseAction.Kind.ROLLBACK.name().equals(given.path("kind").asText());
            defaults.put("kind", CollapseAction.Kind.RECORD.name());
            defaults.put("maxTimes", rollback ? 1 : 0);
        }
        return defaults;
    }

    /**
     * Gives a file's evaluation block the experiment's seed when it names none, as the DSL's {@code evaluation} block
     * starts from it.
     */
    static void inheritSeed(ObjectNode experiment) {
        if (experiment.get("evaluation") instanceof ObjectNode evaluation && !evaluation.has("seed")) {
            evaluation.set("seed", JSON.getNodeFactory().numberNode(experimentSeed(experiment)));
        }
    }

    private static long experimentSeed(ObjectNode experiment) {
        JsonNode seed = experiment.path("seed");
        return seed.canConvertToLong() && seed.isIntegralNumber() ? seed.asLong() : ExperimentSpec.DEFAULT_SEED;
    }

    /** @return the default pretraining for {@code steps} (its schedule follows them), or for the default steps */
    private static PretrainSpec pretrainingFor(JsonNode steps) {
        if (steps.isIntegralNumber() && steps.canConvertToInt()) {
            try {
                return PretrainSpec.of(p -> p.steps(steps.asInt()));
            } catch (InvalidSpecException invalid) {
                // the steps are reported where the pretraining is read; the defaults stand for the rest
            }
        }
        return PretrainSpec.of(p -> { });
    }

    private static ObjectNode tree(Object value) {
        return JSON.valueToTree(value);
    }
}
