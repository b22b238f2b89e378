package org.cpt4j.internal.run;

import java.util.ArrayList;
import java.util.List;
import org.cpt4j.drift.ParameterView;
import org.cpt4j.drift.PolicyComparison;
import org.cpt4j.internal.model.Parameters;
import org.cpt4j.internal.rl.Kernels;
import org.cpt4j.internal.rl.SequenceScorer;
import org.cpt4j.internal.sampling.Generation;
import org.cpt4j.internal.text.PromptFormat;
import org.cpt4j.model.ModelConfig;
import org.cpt4j.sampling.SamplingConfig;
import org.jspecify.annotations.Nullable;

/**
 * The engine's {@link PolicyComparison}: both parameter sets run through the run's sampler and scorer
 * ({@link Kernels}) on the probe prompts. Each response set is computed once, on first use; the reference's greedy
 * responses once per experiment ({@link ProbeSet}).
 */
final class ProbeComparison implements PolicyComparison {

    /** One probe: its domain, its prompt tokens and its question text. */
    record Probe(String domain, int[] prompt, String question) {
    }

    /**
     * An experiment's probe prompts and the reference's greedy responses to them, computed once (the reference, the
     * base, is the same for every arm and stage).
     */
    static final class ProbeSet {
        private final List<Probe> probes;
        private final int maxNewTokens;
        private final Kernels kernels;
        private @Nullable List<Generation> referenceGreedy;

        /** @param kernels the samplers and scorers that compute the responses and their distributions */
        ProbeSet(List<Probe> probes, int maxNewTokens, Kernels kernels) {
            this.probes = List.copyOf(probes);
            this.maxNewTokens = maxNewTokens;
            this.kernels = kernels;
        }

        List<int[]> prompts() {
            return probes.stream().map(Probe::prompt).toList();
        }

        List<Generation> greedy(ModelConfig model, Parameters parameters) {
            return kernels.sampler(model, parameters).sample(prompts(), 1, SamplingConfig.greedy(maxNewTokens), 0);
        }

        List<Generation> referenceGreedy(ModelConfig model, Parameters reference) {
            if (referenceGreedy == null) {
                referenceGreedy = greedy(model, reference);
            }
            return referenceGreedy;
        }
    }

    private final ModelConfig model;
    private final PromptFormat format;
    private final Parameters reference;
    private final Parameters current;
    private final ProbeSet probeSet;
    private final long seed;
    private @Nullable List<ProbeResponse> greedy;
    private @Nullable Double kl;

    ProbeComparison(ModelConfig model, PromptFormat format, Parameters reference, Parameters current,
                    ProbeSet probeSet, long seed) {
        this.model = model;
        this.format = format;
        this.reference = reference;
        this.current = current;
        this.probeSet = probeSet;
        this.seed = seed;
    }

    @Override
    public ParameterView reference() {
        return reference;
    }

    @Override
    public ParameterView current() {
        return current;
    }

    @Override
    public List<ProbeResponse> greedyResponses() {
        if (greedy == null) {
            List<Generation> before = probeSet.referenceGreedy(model, reference);
            List<Generation> after = probeSet.greedy(model, current);
            List<Probe> probes = probeSet.probes;
            List<ProbeResponse> responses = new ArrayList<>();
            for (int i = 0; i < probes.size(); i++) {
                responses.add(new ProbeResponse(probes.get(i).domain(), probes.get(i).question(),
                        format.responseText(before.get(i).tokens()), format.responseText(after.get(i).tokens()),
                        before.get(i).length(), after.get(i).length()));
            }
            greedy = List.copyOf(responses);
        }
        return greedy;
    }

    /**
     * {@inheritDoc}
     *
     * <p>{@code Σ_t Σ_v π_θ(v | y_<t) (log π_θ(v | y_<t) − log π_ref(v | y_<t)) / Σ_t 1} over the response positions
     * {@code t} of one sample per probe, both distributions from the scorer at temperature 1.
     */
    @Override
    public double sampledTokenKl() {
        if (kl == null) {
            List<int[]> prompts = probeSet.prompts();
            List<Generation> samples = probeSet.kernels.sampler(model, current).sample(prompts, 1,
                    SamplingConfig.of(s -> s.temperature(1).maxNewTokens(probeSet.maxNewTokens)), seed);
            int[][] sequences = new int[samples.size()][];
            for (int i = 0; i < samples.size(); i++) {
                sequences[i] = PromptFormat.join(prompts.get(samples.get(i).prompt()), samples.get(i).tokens());
            }
            double[][][] own = SequenceScorer.logSoftmax(probeSet.kernels.scorer(model, current).logits(sequences));
            double[][][] base = SequenceScorer.logSoftmax(probeSet.kernels.scorer(model, reference).logits(sequences));
            double sum = 0;
            long tokens = 0;
            for (int i = 0; i < sequences.length; i++) {
                int promptLength = prompts.get(samples.get(i).prompt()).length;
                for (int t = promptLength - 1; t < sequences[i].length - 1; t++) {
                    double[] p = own[i][t];
                    double[] q = base[i][t];
                    for (int v = 0; v < p.length; v++) {
                        sum += Math.exp(p[v]) * (p[v] - q[v]);
                    }
                    tokens++;
                }
            }
            kl = tokens == 0 ? 0 : Math.max(0, sum / tokens);
        }
        return kl;
    }
}
