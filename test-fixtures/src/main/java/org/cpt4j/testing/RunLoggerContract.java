package org.cpt4j.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.cpt4j.logging.LoggerContext;
import org.cpt4j.logging.RunLogger;
import org.cpt4j.logging.Scalars;

/**
 * The laws every {@link RunLogger} obeys, called as the engine calls it: a stable id; open, any scalars (tags with
 * commas, quotes and slashes, NaN and infinite values, arms resuming), close, without throwing; and a second session
 * in the same directory (a resumed run) works as the first did. A logger that writes files writes them under the
 * run's directory. Subclasses add what their own output holds.
 */
public abstract class RunLoggerContract {

    /** @return a new logger under test (the engine makes one per run) */
    protected abstract RunLogger logger();

    @Property(tries = 30)
    void aLoggerTakesAnyScalarsAcrossTwoSessionsAndWritesOnlyInsideTheRunsDirectory(
            @ForAll("scalars") List<Scalars> first, @ForAll("scalars") List<Scalars> second) throws IOException {
        Path root = Files.createTempDirectory("run-logger-contract");
        Path directory = root.resolve("runs").resolve("experiment");
        Files.createDirectories(directory);
        LoggerContext context = new LoggerContext("experiment", directory, List.of("a", "b,c"));
        for (List<Scalars> session : List.of(first, second)) {
            RunLogger logger = logger();
            logger.open(context);
            for (Scalars scalars : session) {
                logger.log(scalars);
            }
            logger.resumed("a", 3);
            logger.log(new Scalars("a", 4, Map.of("train/rewardMean", 0.5)));
            logger.close();
        }
        try (var files = Files.walk(root)) {
            assertFalse(files.filter(Files::isRegularFile).anyMatch(file -> !file.startsWith(directory)),
                    "a logger writes nothing outside the run's directory");
        }
    }

    @Property(tries = 5)
    void itsIdIsStableAndNotBlank(@ForAll("scalars") List<Scalars> ignored) {
        assertFalse(logger().id().isBlank());
        assertEquals(logger().id(), logger().id());
    }

    @Provide
    Arbitrary<List<Scalars>> scalars() {
        Arbitrary<String> tags = Arbitraries.of("train/rewardMean", "eval/add", "drift/parameters/angle",
                "train/diagnostics/a,b", "eval/\"quoted\"", "train/rewardComponents/x y");
        Arbitrary<Double> values = Arbitraries.oneOf(Arbitraries.doubles().between(-1e6, 1e6),
                Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0, -0.0));
        Arbitrary<Map<String, Double>> maps = Arbitraries.maps(tags, values).ofMaxSize(6).map(LinkedHashMap::new);
        Arbitrary<Scalars> one = Combinators.combine(Arbitraries.of("a", "b,c"),
                Arbitraries.longs().between(0, 10), maps).as(Scalars::new);
        return one.list().ofMaxSize(12);
    }
}
