package org.cpt4j.internal.plugin;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.cpt4j.collapse.CollapseDetector;
import org.cpt4j.collapse.CollapseEvent;
import org.cpt4j.collapse.StepSignals;
import org.cpt4j.drift.DriftMetric;
import org.cpt4j.drift.PolicyComparison;
import org.cpt4j.objective.LossGraph;
import org.cpt4j.objective.LossTerms;
import org.cpt4j.objective.Objective;
import org.cpt4j.objective.ObjectiveBatch;
import org.cpt4j.objective.Rollouts;
import org.cpt4j.plugin.ComponentKind;
import org.cpt4j.reward.RewardModel;
import org.cpt4j.teacher.Teacher;
import org.cpt4j.teacher.TeacherSchedule;

/**
 * Components as a run calls them: every call into a plugin's code is guarded, so that whatever it throws, and any
 * number it returns that is not finite, becomes a {@link PluginCallException} naming the component and its plugin.
 * What the run then does with it depends on what the component is for (see {@link org.cpt4j.run.PluginFailure}).
 */
final class GuardedComponents {

    /** Whose a component is: its kind and id, and the plugin that registered it. */
    record Owner(String kind, String id, String plugin, String version) {
    }

    private GuardedComponents() {
    }

    /** @return {@code component} with its calls guarded, for the kinds a run calls; others as they are */
    static <T> T guard(ComponentKind<T> kind, T component, Owner owner) {
        Object guarded;
        if (kind == ComponentKind.REWARD) {
            guarded = reward((RewardModel) component, owner);
        } else if (kind == ComponentKind.OBJECTIVE) {
            guarded = new GuardedObjective((Objective) component, owner);
        } else if (kind == ComponentKind.TEACHER) {
            guarded = new GuardedTeacher((TeacherSchedule) component, owner);
        } else if (kind == ComponentKind.DRIFT) {
            guarded = new GuardedDrift((DriftMetric) component, owner);
        } else if (kind == ComponentKind.COLLAPSE) {
            guarded = new GuardedDetector((CollapseDetector) component, owner);
        } else {
            guarded = component;
        }
        return kind.type().cast(guarded);
    }

    private static <V> V call(Owner owner, Supplier<V> call) {
        try {
            return call.get();
        } catch (PluginCallException e) {
            throw e;
        } catch (RuntimeException | LinkageError e) {
            throw new PluginCallException(owner, e.toString(), e);
        }
    }

    private static void run(Owner owner, Runnable call) {
        call(owner, () -> {
            call.run();
            return null;
        });
    }

    private static double finite(Owner owner, double value, String what) {
        if (!Double.isFinite(value)) {
            throw new PluginCallException(owner, "returned " + value + " " + what, null);
        }
        return value;
    }

    /** A reward may be {@link RewardModel#UNSCORABLE} (NaN); an infinite one is the plugin's failure. */
    private static RewardModel reward(RewardModel model, Owner owner) {
        return (task, response, verdict, tokens) -> {
            double value = call(owner, () -> model.score(task, response, verdict, tokens));
            return Double.isNaN(value) ? value : finite(owner, value, "as the reward of a response to '"
                    + task.question() + "' (a response it cannot score gets RewardModel.UNSCORABLE)");
        };
    }

    private record GuardedObjective(Objective objective, Owner owner) implements Objective {

        @Override
        public String id() {
            return objective.id();
        }

        @Override
        public Set<String> requiredInputs() {
            return call(owner, objective::requiredInputs);
        }

        @Override
        public List<Optional<String>> teacherContexts(Rollouts rollouts) {
            return call(owner, () -> objective.teacherContexts(rollouts));
        }

        @Override
        public void prepare(Rollouts rollouts, ObjectiveBatch.Builder batch) {
            run(owner, () -> objective.prepare(rollouts, batch));
        }

        @Override
        public Map<String, Double> stepDiagnostics(Rollouts rollouts) {
            return call(owner, () -> objective.stepDiagnostics(rollouts));
        }

        @Override
        public int epochs() {
            return call(owner, objective::epochs);
        }

        @Override
        public LossTerms<org.nd4j.autodiff.samediff.SDVariable> define(LossGraph graph) {
            return call(owner, () -> objective.define(graph));
        }

        @Override
        public double referenceLoss(double[][][] logits, ObjectiveBatch batch) {
            return call(owner, () -> objective.referenceLoss(logits, batch));
        }

        @Override
        public double referenceLoss(double[][][] logits, double[][][] detachedLogits, ObjectiveBatch batch) {
            return call(owner, () -> objective.referenceLoss(logits, detachedLogits, batch));
        }
    }

    private record GuardedTeacher(TeacherSchedule schedule, Owner owner) implements TeacherSchedule {

        @Override
        public String id() {
            return schedule.id();
        }

        @Override
        public void start(Teacher teacher) {
            run(owner, () -> schedule.start(teacher));
        }

        @Override
        public void stageStarted(Teacher teacher, int stage) {
            run(owner, () -> schedule.stageStarted(teacher, stage));
        }

        @Override
        public void afterStep(Teacher teacher, long step, boolean updated) {
            run(owner, () -> schedule.afterStep(teacher, step, updated));
        }
    }

    private record GuardedDrift(DriftMetric metric, Owner owner) implements DriftMetric {

        @Override
        public String id() {
            return metric.id();
        }

        @Override
        public Map<String, Double> measure(PolicyComparison policies) {
            Map<String, Double> values = call(owner, () -> metric.measure(policies));
            values.forEach((name, value) -> finite(owner, value, "as '" + name + "'"));
            return values;
        }
    }

    private record GuardedDetector(CollapseDetector detector, Owner owner) implements CollapseDetector {

        @Override
        public String id() {
            return detector.id();
        }

        @Override
        public Optional<CollapseEvent> observe(StepSignals signals) {
            return call(owner, () -> detector.observe(signals));
        }
    }
}
