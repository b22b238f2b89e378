package org.cpt4j.internal.sampling;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.cpt4j.internal.model.Decoder;
import org.cpt4j.internal.model.Decoders;
import org.cpt4j.internal.model.Parameters;
import org.cpt4j.internal.runtime.NativeMemoryReclaimer;
import org.cpt4j.internal.runtime.Seeds;
import org.cpt4j.model.ModelConfig;
import org.cpt4j.objective.LogSoftmax;
import org.cpt4j.sampling.SamplingConfig;
import org.cpt4j.text.Tokenizer;

/**
 * The engine's sampler: responses from a policy's live parameters, many prompts and samples per prompt at once.
 *
 * <p>Rows (prompt, sample) are grouped by prompt length and decoded in batches of at most {@link #maxRows}
 * with a {@link Decoder}. Each row draws from its own random stream seeded by (seed, prompt index,
 * sample index) only, so a sample does not change when other prompts join or leave the batch. Reported
 * log-probabilities and entropies are those of the policy itself (temperature 1, untruncated), which is what
 * the trainer recomputes.
 */
public final class TransformerSampler implements Sampler {

    /** Rows decoded together; more rows give bigger GEMMs but more padding work after early stops. */
    public static final int DEFAULT_MAX_ROWS = 64;
    private static final int TOKENS_BETWEEN_COLLECTIONS = 256;

    /** Whether new tokens reuse cached keys and values or recompute the whole prefix (for comparison). */
    public enum Mode { CACHED, RECOMPUTE }

    private final ModelConfig config;
    private final Decoder decoder;
    private final Mode mode;
    private final int maxRows;
    private final NativeMemoryReclaimer reclaimer = new NativeMemoryReclaimer(TOKENS_BETWEEN_COLLECTIONS);

    /** A caching sampler over the decoder that generates fastest ({@link Decoders#forSampling}). */
    public TransformerSampler(ModelConfig config, Parameters parameters) {
        this(config, parameters, Mode.CACHED, DEFAULT_MAX_ROWS);
    }

    public TransformerSampler(ModelConfig config, Parameters parameters, Mode mode, int maxRows) {
        this(config, Decoders.forSampling(config, parameters), mode, maxRows);
    }

    /** A sampler over a chosen decoder (tests compare the two). */
    public TransformerSampler(ModelConfig config, Decoder decoder, Mode mode, int maxRows) {
        if (maxRows < 1) {
            throw new IllegalArgumentException("maxRows must be at least 1, was " + maxRows);
        }
        this.config = config;
        this.decoder = decoder;
        this.mode = mode;
        this.maxRows = maxRows;
    }

    @Override
    public int context() {
        return config.context();
    }

    @Override
    public List<Generation> sample(List<int[]> prompts, int samplesPerPrompt, SamplingConfig sampling, long seed) {
        if (samplesPerPrompt < 1) {
            throw new IllegalArgumentException("samplesPerPrompt must be at least 1, was " + samplesPerPrompt);
        }
        Map<Integer, List<Row>> byLength = new TreeMap<>();
        for (int p = 0; p < prompts.size(); p++) {
            int[] prompt = prompts.get(p);
            if (prompt.length < 1 || prompt.length >= config.context()) {
                throw new IllegalArgumentException("prompt " + p + " has " + prompt.length
                        + " tokens; it needs at least 1 and fewer than the context of " + config.context());
            }
            for (int s = 0; s < samplesPerPrompt; s++) {
                byLength.computeIfAbsent(prompt.length, l -> new ArrayList<>())
                        .add(new Row(p, s, prompt, new SplittableRandom(streamSeed(seed, p, s))));
            }
        }
        TokenChooser chooser = new TokenChooser(sampling);
        List<Generation> out = new ArrayList<>();
        for (List<Row> group : byLength.values()) {
            for (int start = 0; start < group.size(); start += maxRows) {
                out.addAll(decode(group.subList(start, Math.min(group.size(), start + maxRows)), sampling, chooser));
            }
        }
        out.sort(Comparator.comparingInt(Generation::prompt).thenComparingInt(Generation::sample));
        return out;
    }

    private List<Generation> decode(List<Row> rows, SamplingConfig sampling, TokenChooser chooser) {
        int promptLength = rows.get(0).promptTokens().length;
        int limit = Math.min(sampling.maxNewTokens(), config.context() - promptLength);
        int[][] sequences = new int[rows.size()][];
        for (int b = 0; b < rows.size(); b++) {
            sequences[b] = Arrays.copyOf(rows.get(b).promptTokens(), promptLength + limit);
        }
        int[] generated = new int[rows.size()];
        boolean[] finished = new boolean[rows.size()];
        float[][] logProbs = new float[rows.size()][limit];
        float[][] entropies = new float[rows.size()][limit];
        float[][] values = decoder.prefill(prefix(sequences, promptLength));
        for (int step = 0; step < limit; step++) {
            int[] next = new int[rows.size()];
            boolean anyActive = false;
            for (int b = 0; b < rows.size(); b++) {
                if (finished[b]) {
                    next[b] = Tokenizer.PAD;
                    continue;
                }
                int token = chooser.choose(values[b], rows.get(b).random());
                double[] logDistribution = LogSoftmax.of(values[b]);
                logProbs[b][step] = (float) logDistribution[token];
                entropies[b][step] = (float) LogSoftmax.entropy(logDistribution);
                sequences[b][promptLength + step] = token;
                generated[b]++;
                next[b] = token;
                finished[b] = token == Tokenizer.EOS;
                anyActive |= !finished[b];
            }
            reclaimer.afterStep();
            if (!anyActive || step + 1 == limit) {
                break;
            }
            values = mode == Mode.CACHED ? decoder.next(next) : decoder.prefill(prefix(sequences, promptLength + step + 1));
        }
        List<Generation> out = new ArrayList<>(rows.size());
        for (int b = 0; b < rows.size(); b++) {
            Row row = rows.get(b);
            out.add(new Generation(row.prompt(), row.sample(),
                    Arrays.copyOfRange(sequences[b], promptLength, promptLength + generated[b]),
                    Arrays.copyOf(logProbs[b], generated[b]), Arrays.copyOf(entropies[b], generated[b]), finished[b]));
        }
        return out;
    }

    private static int[][] prefix(int[][] sequences, int length) {
        int[][] out = new int[sequences.length][];
        for (int b = 0; b < sequences.length; b++) {
            out[b] = Arrays.copyOf(sequences[b], length);
        }
        return out;
    }

    /** @return the seed of the random stream of one (prompt, sample) row: SplitMix64 finalisation of the triple */
    static long streamSeed(long seed, int prompt, int sample) {
        return Seeds.mix(Seeds.derive(seed, prompt) + 0xBF58476D1CE4E5B9L * (sample + 1L));
    }

    private record Row(int prompt, int sample, int[] promptTokens, SplittableRandom random) {
    }
}
