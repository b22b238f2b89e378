package org.cpt4j.internal.rl;

import org.cpt4j.internal.model.Parameters;
import org.cpt4j.internal.sampling.Sampler;
import org.cpt4j.internal.sampling.TransformerSampler;
import org.cpt4j.model.ModelConfig;

/**
 * Makes the samplers and scorers a run uses: for rollouts, the teacher's and the reference's scores, evaluations and
 * the probes of response drift. An engine service, bound in Guice ({@code EngineServices}): replacing this one
 * binding ({@code Cpt4jEngine.builder().override(...)}) replaces every sampler and scorer of the engine, e.g. with
 * faster kernels or instrumented ones.
 */
public interface Kernels {

    /** The engine's own: {@link TransformerSampler} and {@link TransformerScorer}. */
    Kernels TRANSFORMER = new Kernels() {
        @Override
        public Sampler sampler(ModelConfig model, Parameters parameters) {
            return new TransformerSampler(model, parameters);
        }

        @Override
        public SequenceScorer scorer(ModelConfig model, Parameters parameters) {
            return new TransformerScorer(model, parameters);
        }
    };

    /** @return a sampler reading {@code parameters} as they are when it samples (live, not a copy) */
    Sampler sampler(ModelConfig model, Parameters parameters);

    /** @return a scorer reading {@code parameters} as they are when it scores (live, not a copy) */
    SequenceScorer scorer(ModelConfig model, Parameters parameters);
}
