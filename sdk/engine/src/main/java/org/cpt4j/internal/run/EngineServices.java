package org.cpt4j.internal.run;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import org.cpt4j.internal.eval.Evaluator;
import org.cpt4j.internal.pretrain.BaseModelStore;
import org.cpt4j.internal.rl.Kernels;
import org.cpt4j.run.RunOptions;

/**
 * The engine's services, each one binding that {@code Modules.override} can replace
 * ({@code Cpt4jEngine.builder().override(module)}):
 * <ul>
 *   <li>{@link Kernels}: every sampler and scorer (rollouts, teacher and reference scores, evaluations, drift
 *       probes); {@link Kernels#TRANSFORMER} by default;</li>
 *   <li>{@link Evaluator.Factory}: every evaluation of a run and of a base model; {@link Evaluator.Factory#HELD_OUT}
 *       by default;</li>
 *   <li>{@link BaseModelStore}: where base models are cached and how they are trained;</li>
 *   <li>{@code Multibinder<ArmPhase>}: phases the arm loop runs besides its own (none by default), e.g. an early
 *       stop or a log of one's own.</li>
 * </ul>
 * The options of the call ({@link RunOptions}) are bound too.
 */
public final class EngineServices extends AbstractModule {

    private final RunOptions options;

    public EngineServices(RunOptions options) {
        this.options = options;
    }

    @Override
    protected void configure() {
        bind(RunOptions.class).toInstance(options);
        bind(Kernels.class).toInstance(Kernels.TRANSFORMER);
        bind(Evaluator.Factory.class).toInstance(Evaluator.Factory.HELD_OUT);
        Multibinder.newSetBinder(binder(), ArmPhase.class);
    }

    @Provides
    @Singleton
    BaseModelStore baseModels(RunOptions settings) {
        return new BaseModelStore(settings.cache(), settings.checkpointEvery());
    }
}
