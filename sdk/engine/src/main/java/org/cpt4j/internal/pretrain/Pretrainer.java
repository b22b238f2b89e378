package org.cpt4j.internal.pretrain;

import java.util.List;
import org.cpt4j.domain.Domain;
import org.cpt4j.internal.model.TrainingStep;
import org.cpt4j.internal.model.TransformerPolicy;
import org.cpt4j.internal.text.PromptFormat;
import org.cpt4j.model.ModelConfig;
import org.cpt4j.pretrain.PretrainSpec;

/** Runs a {@link PretrainSpec}: supervised steps on its example stream, from a fresh policy or a checkpoint. */
public final class Pretrainer {

    /** Hears about every step. */
    @FunctionalInterface
    public interface Listener {
        /** Called after step {@code step} (0-based) of {@code total}. */
        void onStep(long step, long total, TrainingStep result);
    }

    private final PretrainSpec spec;
    private final PromptFormat format;
    private final ModelConfig model;
    private final PretrainingExamples examples;

    /** @param domains the mix's domains, in the spec's order */
    public Pretrainer(PretrainSpec spec, List<Domain> domains, PromptFormat format) {
        this.spec = spec;
        this.format = format;
        this.model = spec.model().withVocabulary(format.tokenizer().vocabularySize());
        this.examples = new PretrainingExamples(spec, domains, format, model.context());
    }

    /** @return the model configuration trained, vocabulary set by the tokenizer */
    public ModelConfig model() {
        return model;
    }

    /** @return a fresh policy, initialised from the spec's seed */
    public TransformerPolicy initialPolicy() {
        return TransformerPolicy.create(model, spec.optimizer(), spec.seed());
    }

    /** Trains {@code policy} from step {@code from} (0-based) up to the spec's step count. */
    public void train(TransformerPolicy policy, long from, long until, Listener listener) {
        for (long step = from; step < Math.min(until, spec.steps()); step++) {
            TrainingStep result = policy.train(examples.batch(step));
            listener.onStep(step, spec.steps(), result);
        }
    }
}
