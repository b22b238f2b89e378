package org.cpt4j.sampling;

import java.util.function.Consumer;
import org.cpt4j.model.ModelConfig;
import org.cpt4j.spec.Problems;

/**
 * How the sampler picks each next token: logits are divided by {@code temperature}, cut to the {@code topK}
 * most likely tokens, then to the smallest set whose probability reaches {@code topP} (nucleus), and one token
 * is drawn. Temperature 0 is greedy decoding (the most likely token; ties go to the lowest id). Generation
 * stops at the end-of-sequence token or after {@code maxNewTokens}.
 *
 * @param temperature at least 0; 0 is greedy
 * @param topK the number of most likely tokens kept; 0 keeps all
 * @param topP nucleus mass in (0, 1]; 1 keeps all
 * @param maxNewTokens the most tokens generated per response, at least 1
 */
public record SamplingConfig(double temperature, int topK, double topP, int maxNewTokens) {

    public SamplingConfig {
        Problems problems = new Problems("sampling");
        problems.require(temperature >= 0 && Double.isFinite(temperature), "temperature",
                "must be a finite number >= 0, was " + temperature);
        problems.require(topK >= 0, "topK", "must be >= 0 (0 keeps every token), was " + topK);
        problems.require(topP > 0 && topP <= 1, "topP", "must be within (0, 1], was " + topP);
        problems.require(maxNewTokens >= 1 && maxNewTokens <= ModelConfig.MAX_CONTEXT, "maxNewTokens",
                "must be within 1 .. " + ModelConfig.MAX_CONTEXT + " (the longest context), was " + maxNewTokens);
        problems.throwIfAny("sampling configuration");
    }

    /** @return a configuration built from the defaults (temperature 1, no top-k or top-p, 32 new tokens) */
    public static SamplingConfig of(Consumer<Builder> configure) {
        Builder builder = new Builder();
        configure.accept(builder);
        return new SamplingConfig(builder.temperature, builder.topK, builder.topP, builder.maxNewTokens);
    }

    /** @return greedy decoding of at most {@code maxNewTokens} tokens */
    public static SamplingConfig greedy(int maxNewTokens) {
        return new SamplingConfig(0, 0, 1, maxNewTokens);
    }

    /** @return whether decoding is greedy (temperature 0) */
    public boolean decodesGreedily() {
        return temperature == 0;
    }

    /** Builder for {@link SamplingConfig}; every setting has a default. */
    public static final class Builder {
        private double temperature = 1.0;
        private int topK;
        private double topP = 1.0;
        private int maxNewTokens = 32;

        private Builder() {
        }

        public Builder temperature(double temperature) {
            this.temperature = temperature;
            return this;
        }

        public Builder topK(int topK) {
            this.topK = topK;
            return this;
        }

        public Builder topP(double topP) {
            this.topP = topP;
            return this;
        }

        public Builder maxNewTokens(int maxNewTokens) {
            this.maxNewTokens = maxNewTokens;
            return this;
        }
    }
}
