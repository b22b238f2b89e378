package org.cpt4j.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.cpt4j.plugin.Component;
import org.cpt4j.plugins.collapse.Collapse;
import org.cpt4j.plugins.drift.Drift;
import org.cpt4j.plugins.logging.Loggers;
import org.cpt4j.plugins.objectives.Objectives;
import org.cpt4j.plugins.rewards.Rewards;
import org.cpt4j.plugins.teachers.Teachers;
import org.junit.jupiter.api.Test;

/** A built-in component is declared in one place: its constant, which {@code ALL} and so the plugin must list. */
class DeclarationsTest {

    @Test
    void eachKindsAllListsEveryDeclaredConstantInOrder() throws IllegalAccessException {
        for (Class<?> declarations : List.of(Objectives.class, Teachers.class, Rewards.class, Drift.class,
                Collapse.class, Loggers.class)) {
            List<Object> declared = new ArrayList<>();
            List<?> all = null;
            for (Field field : declarations.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) && Modifier.isPublic(field.getModifiers())) {
                    if (field.getType() == Component.class) {
                        declared.add(field.get(null));
                    } else if (field.getName().equals("ALL")) {
                        all = (List<?>) field.get(null);
                    }
                }
            }
            assertEquals(declared, all, declarations.getSimpleName() + ".ALL must list every declaration");
        }
    }

    @Test
    void theBuiltInPluginRegistersEveryDeclaration() {
        List<Component<?, ?>> registered = new BuiltInPlugin().components();
        for (List<Component<?, ?>> kind : List.of(Objectives.ALL, Teachers.ALL, Rewards.ALL, Drift.ALL,
                Collapse.ALL, Loggers.ALL)) {
            kind.forEach(component -> assertEquals(1, registered.stream().filter(c -> c == component).count(),
                    component.kind() + " " + component.id()));
        }
    }
}
