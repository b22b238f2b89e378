package org.cpt4j.experiment;

import java.util.function.Consumer;
import org.cpt4j.spec.Problems;
import org.jspecify.annotations.Nullable;

/**
 * What a rollback changes in its arm from then on; at least one part is set.
 *
 * @param learningRateScale multiplies the post-training learning rate (0.5 halves it); null leaves it
 * @param teacher a teacher schedule that replaces the arm's (e.g. {@code frozen}, freezing the teacher at the
 *     checkpoint's policy); null leaves it
 */
public record ArmChange(@Nullable Double learningRateScale, @Nullable ComponentSpec teacher) {

    public ArmChange {
        Problems problems = new Problems("change");
        problems.require(learningRateScale != null || teacher != null, "",
                "must change the learning rate, the teacher or both");
        problems.require(learningRateScale == null || learningRateScale > 0 && Double.isFinite(learningRateScale),
                "learningRateScale", "must be positive, was " + learningRateScale);
        problems.throwIfAny("arm change");
    }

    /** @return the change {@code configure} describes */
    public static ArmChange of(Consumer<Builder> configure) {
        Builder builder = new Builder();
        configure.accept(builder);
        return new ArmChange(builder.learningRateScale, builder.teacher);
    }

    /** Builder for {@link ArmChange}. */
    public static final class Builder {
        private @Nullable Double learningRateScale;
        private @Nullable ComponentSpec teacher;

        private Builder() {
        }

        public Builder learningRateScale(double value) {
            learningRateScale = value;
            return this;
        }

        /** A teacher schedule for the rest of the arm, e.g. {@code Teachers.frozen()}. */
        public Builder teacher(ComponentSpec value) {
            teacher = value;
            return this;
        }
    }
}
