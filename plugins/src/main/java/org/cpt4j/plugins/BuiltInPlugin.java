package org.cpt4j.plugins;

import com.google.inject.Binder;
import com.google.inject.Module;
import org.cpt4j.domain.Domain;
import org.cpt4j.plugin.ComponentKind;
import org.cpt4j.plugin.Components;
import org.cpt4j.plugin.Cpt4jPlugin;
import org.cpt4j.plugin.RecordComponentFactory;
import org.cpt4j.plugins.BuiltInParameters.AnchorWeight;
import org.cpt4j.plugins.BuiltInParameters.Budget;
import org.cpt4j.plugins.BuiltInParameters.Every;
import org.cpt4j.plugins.BuiltInParameters.None;
import org.cpt4j.plugins.BuiltInParameters.Rate;
import org.cpt4j.plugins.collapse.Collapse;
import org.cpt4j.plugins.collapse.CollapseDetectors;
import org.cpt4j.plugins.collapse.Threshold;
import org.cpt4j.plugins.domains.Domains;
import org.cpt4j.plugins.drift.ParameterDrift;
import org.cpt4j.plugins.drift.ResponseDrift;
import org.cpt4j.plugins.drift.SpectralDrift;
import org.cpt4j.plugins.objectives.GrpoConfig;
import org.cpt4j.plugins.objectives.GrpoObjective;
import org.cpt4j.plugins.objectives.SdpoConfig;
import org.cpt4j.plugins.objectives.SdpoObjective;
import org.cpt4j.plugins.rewards.Rewards;
import org.cpt4j.plugins.teachers.TeacherSchedules;

/**
 * cpt4j's own components, registered the way a third party registers theirs (listed in
 * {@code META-INF/services/org.cpt4j.plugin.Cpt4jPlugin}).
 */
public final class BuiltInPlugin implements Cpt4jPlugin {

    @Override
    public String name() {
        return "cpt4j-builtins";
    }

    @Override
    public Module module() {
        return BuiltInPlugin::register;
    }

    private static void register(Binder binder) {
        Components.register(binder, ComponentKind.OBJECTIVE, new RecordComponentFactory<>(GrpoObjective.ID,
                ComponentKind.OBJECTIVE, GrpoConfig.of(g -> { }), GrpoObjective::new));
        Components.register(binder, ComponentKind.OBJECTIVE, new RecordComponentFactory<>(SdpoObjective.ID,
                ComponentKind.OBJECTIVE, SdpoConfig.of(s -> { }), SdpoObjective::new));

        Components.register(binder, ComponentKind.TEACHER, new RecordComponentFactory<>("frozen", ComponentKind.TEACHER,
                new None(), p -> TeacherSchedules.frozen()));
        Components.register(binder, ComponentKind.TEACHER, new RecordComponentFactory<>("current", ComponentKind.TEACHER,
                new None(), p -> TeacherSchedules.current()));
        Components.register(binder, ComponentKind.TEACHER, new RecordComponentFactory<>("ema", ComponentKind.TEACHER,
                new Rate(0.05), p -> TeacherSchedules.ema(p.rate())));
        Components.register(binder, ComponentKind.TEACHER, new RecordComponentFactory<>("periodic", ComponentKind.TEACHER,
                new Every(50), p -> TeacherSchedules.periodic(p.every())));
        Components.register(binder, ComponentKind.TEACHER, new RecordComponentFactory<>("stageStart",
                ComponentKind.TEACHER, new None(), p -> TeacherSchedules.stageStart()));
        Components.register(binder, ComponentKind.TEACHER, new RecordComponentFactory<>("anchored", ComponentKind.TEACHER,
                new AnchorWeight(0.4), p -> TeacherSchedules.anchored(p.anchorWeight())));
        Components.register(binder, ComponentKind.TEACHER, new RecordComponentFactory<>("trustRegion",
                ComponentKind.TEACHER, new Rate(0.05), p -> TeacherSchedules.trustRegion(p.rate())));

        Components.register(binder, ComponentKind.REWARD, new RecordComponentFactory<>("correctness", ComponentKind.REWARD,
                new None(), p -> Rewards.correctness()));
        Components.register(binder, ComponentKind.REWARD, new RecordComponentFactory<>("format", ComponentKind.REWARD,
                new None(), p -> Rewards.format()));
        Components.register(binder, ComponentKind.REWARD, new RecordComponentFactory<>("lengthPenalty",
                ComponentKind.REWARD, new Budget(16), p -> Rewards.lengthPenalty(p.budget())));

        Components.register(binder, ComponentKind.DRIFT, new RecordComponentFactory<>("parameters", ComponentKind.DRIFT,
                new None(), p -> new ParameterDrift()));
        Components.register(binder, ComponentKind.DRIFT, new RecordComponentFactory<>("spectral", ComponentKind.DRIFT,
                new SpectralDrift.Options(4), SpectralDrift::new));
        Components.register(binder, ComponentKind.DRIFT, new RecordComponentFactory<>("responses", ComponentKind.DRIFT,
                new None(), p -> new ResponseDrift()));

        Components.register(binder, ComponentKind.COLLAPSE, new RecordComponentFactory<>("entropyBelow",
                ComponentKind.COLLAPSE, new Threshold(0.05, Collapse.DEFAULT_PATIENCE), CollapseDetectors::entropyBelow));
        Components.register(binder, ComponentKind.COLLAPSE, new RecordComponentFactory<>("formatFailureAbove",
                ComponentKind.COLLAPSE, new Threshold(0.5, Collapse.DEFAULT_PATIENCE), CollapseDetectors::formatFailureAbove));
        Components.register(binder, ComponentKind.COLLAPSE, new RecordComponentFactory<>("truncationAbove",
                ComponentKind.COLLAPSE, new Threshold(0.5, Collapse.DEFAULT_PATIENCE), CollapseDetectors::truncationAbove));
        Components.register(binder, ComponentKind.COLLAPSE, new RecordComponentFactory<>("repetitionAbove",
                ComponentKind.COLLAPSE, new Threshold(0.5, Collapse.DEFAULT_PATIENCE), CollapseDetectors::repetitionAbove));
        Components.register(binder, ComponentKind.COLLAPSE, new RecordComponentFactory<>("divergenceAbove",
                ComponentKind.COLLAPSE, new Threshold(1.0, Collapse.DEFAULT_PATIENCE), CollapseDetectors::divergenceAbove));
        Components.register(binder, ComponentKind.COLLAPSE, new RecordComponentFactory<>("nonFinite",
                ComponentKind.COLLAPSE, new None(), p -> CollapseDetectors.nonFinite()));

        for (Domain domain : Domains.builtIns()) {
            Components.register(binder, ComponentKind.DOMAIN, new RecordComponentFactory<>(domain.id(),
                    ComponentKind.DOMAIN, new None(), p -> domain));
        }
    }
}
