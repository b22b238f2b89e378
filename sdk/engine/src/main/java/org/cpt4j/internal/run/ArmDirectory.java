package org.cpt4j.internal.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cpt4j.collapse.CollapseEvent;
import org.cpt4j.experiment.ArmChange;
import org.cpt4j.experiment.CollapseAction;
import org.cpt4j.experiment.ComponentSpec;
import org.cpt4j.io.AtomicFiles;
import org.cpt4j.internal.model.Parameters;
import org.cpt4j.internal.model.PolicyState;
import org.cpt4j.internal.model.TransformerPolicy;
import org.cpt4j.internal.store.Checkpoint;
import org.cpt4j.internal.store.CheckpointFile;
import org.cpt4j.internal.store.CheckpointSeries;
import org.cpt4j.internal.store.FileFormat;
import org.cpt4j.internal.store.JsonLines;
import org.cpt4j.internal.store.NonFiniteNumbers;
import org.cpt4j.internal.rl.RlTrainer;
import org.cpt4j.run.AccuracyMatrix;
import org.cpt4j.run.ContinualMeasures;
import org.cpt4j.run.EvaluationPoint;
import org.cpt4j.run.LearningSpeed;
import org.cpt4j.run.PluginFailure;
import org.cpt4j.run.StepMetrics;
import org.cpt4j.internal.rl.TeacherMode;
import org.cpt4j.objective.Rollouts;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One arm's files under {@code runs/<experiment>/<arm>/}:
 * <ul>
 *   <li>{@code metrics.jsonl}: one object per step ({@link StepMetrics} with the stage, its domain and the
 *       attempt);</li>
 *   <li>{@code events.jsonl}: collapse events ({@code "type": "collapse"}), what a collapse rule did about one
 *       ({@code "type": "collapse-action"}: stop, or rollback with the step it went back to and the change), and
 *       plugins that threw and were disabled for the arm ({@code "type": "plugin-failure"});</li>
 *   <li>{@code evaluations.jsonl}: every evaluation, the base's, inside stages and at stage ends
 *       ({@link EvaluationPoint});</li>
 *   <li>{@code drift.jsonl}: each drift metric after each stage, against the base;</li>
 *   <li>{@code samples.jsonl}: a few rollouts of each stage's first and last step, for reading;</li>
 *   <li>{@code accuracy.csv}: the accuracy table so far, rewritten atomically after each evaluation;</li>
 *   <li>{@code measures.json}: the arm's {@link ContinualMeasures}, when it has finished;</li>
 *   <li>{@code checkpoints/step-NNNNNNNNNN.ckpt}: the policy with its optimizer state, the teacher's weights and
 *       mode, and the {@link Progress} (the two newest are kept).</li>
 * </ul>
 * The logs are appended a line at a time; a run killed mid-line leaves a partial last line, which resuming drops
 * with every record after the checkpoint it resumes from. Every line carries its {@code attempt}: a rollback goes
 * back to a checkpoint and goes on as the next attempt, and the lines of the attempt it abandoned stay, so that the
 * collapse it answered can be read; the arm's <em>lineage</em> is, step by step, the latest attempt's line.
 */
final class ArmDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(ArmDirectory.class);
    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final int CHECKPOINTS_KEPT = 2;
    private static final String TEACHER = "teacher";

    /**
     * How far an arm got: the next stage to run and the steps of it already done, the steps done in all, the accuracy
     * rows so far (the base's, then one per finished stage), the attempt with the step each later attempt began at,
     * each collapse rule's rollbacks so far, the teacher schedule a rollback put in (null: the arm's own), and the
     * event a rule stopped the arm at (null unless it did). Checkpoints of version-1 runs hold only the first four
     * and read as attempt 0.
     */
    record Progress(int stage, int stageStep, long step, List<double[]> accuracy, int attempt, List<Long> attemptStarts,
                    List<Integer> rollbacks, @Nullable ComponentSpec teacher, @Nullable CollapseEvent stoppedBy) {
        Progress {
            accuracy = List.copyOf(accuracy);
            attemptStarts = attemptStarts == null ? List.of() : List.copyOf(attemptStarts);
            rollbacks = rollbacks == null ? List.of() : List.copyOf(rollbacks);
        }

        /** @return progress of a first attempt, before any rollback */
        static Progress first(int stage, int stageStep, long step, List<double[]> accuracy) {
            return new Progress(stage, stageStep, step, accuracy, 0, List.of(), List.of(), null, null);
        }

        /**
         * @return whether step {@code lineStep} (0-based) of attempt {@code lineAttempt} is on the arm's lineage: no
         *     later attempt went back to before it
         */
        boolean inLineage(int lineAttempt, long lineStep) {
            return onLineage(lineAttempt, lineStep + 1);
        }

        /**
         * @return whether what attempt {@code lineAttempt} recorded after {@code stepsDone} steps (an evaluation) is on
         *     the arm's lineage: no later attempt went back to before that point
         */
        boolean onLineage(int lineAttempt, long stepsDone) {
            if (lineAttempt > attempt) {
                return false;
            }
            for (int later = lineAttempt + 1; later <= attempt; later++) {
                if (stepsDone > attemptStarts.get(later - 1)) {
                    return false;
                }
            }
            return true;
        }
    }

    private final Path root;
    private final String owner;

    /** @param owner what its checkpoints are of, {@code <experiment>/<arm>}: a checkpoint of another is refused */
    ArmDirectory(Path root, String owner) {
        this.root = root;
        this.owner = owner;
    }

    Path metrics() {
        return root.resolve(FileFormat.METRICS.file());
    }

    Path events() {
        return root.resolve(FileFormat.EVENTS.file());
    }

    Path drift() {
        return root.resolve(FileFormat.DRIFT.file());
    }

    Path accuracy() {
        return root.resolve(FileFormat.ACCURACY.file());
    }

    Path measures() {
        return root.resolve(FileFormat.MEASURES.file());
    }

    Path checkpoints() {
        return root.resolve("checkpoints");
    }

    Path evaluations() {
        return root.resolve(FileFormat.EVALUATIONS.file());
    }

    Path samples() {
        return root.resolve(FileFormat.SAMPLES.file());
    }

    /**
     * Reads every log of an arm that will resume (one with a checkpoint), so that a resume of files this cpt4j cannot
     * read (another format, a newer version, a damaged line) is refused before anything is written; an arm without a
     * checkpoint starts afresh and clears its logs, whatever they hold.
     *
     * @throws IOException naming the file and the line
     */
    void checkReadable() throws IOException {
        if (checkpointSeries().files().isEmpty()) {
            return;
        }
        for (JsonLines log : List.of(metricsLog(), eventsLog(), driftLog(), evaluationsLog(), samplesLog())) {
            log.lines();
        }
    }

    private JsonLines metricsLog() {
        return new JsonLines(metrics(), FileFormat.METRICS, JSON);
    }

    private JsonLines eventsLog() {
        return new JsonLines(events(), FileFormat.EVENTS, JSON);
    }

    private JsonLines driftLog() {
        return new JsonLines(drift(), FileFormat.DRIFT, JSON);
    }

    private JsonLines evaluationsLog() {
        return new JsonLines(evaluations(), FileFormat.EVALUATIONS, JSON);
    }

    private JsonLines samplesLog() {
        return new JsonLines(samples(), FileFormat.SAMPLES, JSON);
    }

    void appendMetrics(int stage, String domain, int attempt, StepMetrics metrics) throws IOException {
        ObjectNode line = JSON.createObjectNode().put("stage", stage).put("domain", domain);
        line.setAll((ObjectNode) JSON.valueToTree(metrics));
        metricsLog().append(withAttempt(NonFiniteNumbers.strip(line), attempt));
    }

    void appendCollapse(int stage, int attempt, CollapseEvent event) throws IOException {
        ObjectNode line = JSON.createObjectNode().put("type", "collapse").put("stage", stage);
        line.setAll((ObjectNode) JSON.valueToTree(event));
        eventsLog().append(withAttempt(line, attempt));
    }

    /** Records what a collapse rule did: stopped the arm, or went back to step {@code toStep} with {@code change}. */
    void appendCollapseAction(int stage, int attempt, CollapseEvent event, CollapseAction.Kind action, long toStep,
                              @Nullable ArmChange change) throws IOException {
        ObjectNode line = JSON.createObjectNode().put("type", "collapse-action").put("stage", stage)
                .put("step", event.step()).put("detector", event.detector()).put("action", action.name());
        if (action == CollapseAction.Kind.ROLLBACK) {
            line.put("toStep", toStep);
            line.set("change", JSON.valueToTree(change));
        }
        eventsLog().append(withAttempt(line, attempt));
    }

    void appendPluginFailure(int attempt, PluginFailure failure) throws IOException {
        eventsLog().append(withAttempt(JSON.createObjectNode().put("type", "plugin-failure")
                .put("stage", failure.stage()).put("step", failure.step()).put("kind", failure.kind())
                .put("id", failure.id()).put("plugin", failure.plugin()).put("pluginVersion", failure.version())
                .put("arm", failure.arm()).put("fatal", failure.fatal()).put("error", failure.error()), attempt));
    }

    void appendEvaluation(EvaluationPoint point) throws IOException {
        evaluationsLog().append(JSON.valueToTree(point));
    }

    private static ObjectNode withAttempt(ObjectNode line, int attempt) {
        return line.put("attempt", attempt);
    }

    void appendDrift(int stage, long step, int attempt, String metric, Map<String, Double> values) throws IOException {
        ObjectNode line = JSON.createObjectNode().put("stage", stage).put("step", step).put("reference", "base")
                .put("metric", metric);
        line.set("values", JSON.valueToTree(values));
        driftLog().append(withAttempt(line, attempt));
    }

    /**
     * Appends {@code rollout}, one of step {@code step}'s (0-based), for a person to read: the question, the
     * response, its reward and verdict, and the teacher's privileged context where it had one.
     */
    void appendSample(int stage, long step, int attempt, Rollouts.Rollout rollout, Optional<String> teacherContext)
            throws IOException {
        ObjectNode line = JSON.createObjectNode().put("stage", stage).put("step", step)
                .put("question", rollout.task().question()).put("response", rollout.response())
                .put("reward", rollout.reward()).put("correct", rollout.verdict().correct())
                .put("formatValid", rollout.verdict().formatValid()).put("tokens", rollout.tokens());
        if (Double.isNaN(rollout.reward())) {
            line.putNull("reward"); // unscorable: JSON has no NaN
        }
        teacherContext.ifPresent(context -> line.put("teacherContext", context));
        samplesLog().append(withAttempt(line, attempt));
    }

    /** Writes {@code accuracy.csv}: its format's comment line, then the table. */
    void writeAccuracy(AccuracyMatrix table) throws IOException {
        byte[] csv = (FileFormat.ACCURACY.csvHeader() + "\n" + table.csv()).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(accuracy(), out -> out.write(csv));
    }

    /** Writes {@code measures.json}: the continual-learning measures, and the learning speed of each stage. */
    void writeMeasures(ContinualMeasures measures, List<LearningSpeed> learningSpeed) throws IOException {
        ObjectNode tree = JSON.valueToTree(measures);
        tree.set("learningSpeed", JSON.valueToTree(learningSpeed));
        FileFormat.MEASURES.write(measures(), JSON, tree);
    }

    /** Writes a checkpoint of {@code progress} and deletes all but the newest {@value #CHECKPOINTS_KEPT}. */
    void writeCheckpoint(Progress progress, TransformerPolicy policy, RlTrainer trainer) throws IOException {
        ObjectNode loop = JSON.createObjectNode();
        loop.set("progress", JSON.valueToTree(progress));
        loop.set("teacherMode", JSON.valueToTree(trainer.teacherMode()));
        CheckpointFile.write(checkpointSeries().file(progress.step()), new Checkpoint(owner, progress.step(),
                trainer.seed(), policy.state(), Map.of(TEACHER, trainer.teacherWeights()), loop));
        checkpointSeries().keepNewest(CHECKPOINTS_KEPT);
    }

    /** What an arm checkpoint restores: the policy, the teacher's weights and mode, and the progress. */
    private record Restored(PolicyState policy, Parameters teacher, TeacherMode teacherMode, Progress progress) {
    }

    /**
     * Restores the newest checkpoint that reads as this arm's into {@code policy} and {@code trainer}. A newer one
     * that does not is passed over for the one before it and set aside with a warning ({@link CheckpointSeries}).
     *
     * @return its progress, or nothing when the arm has no checkpoint at all (then it starts afresh, {@link #clearLogs})
     * @throws IOException when it has checkpoints but none reads, naming each and why; nothing on disk is changed. The
     *     arm's logs go with its checkpoints, and a person may have a good one to put back, so it neither goes on
     *     nor starts over on its own
     */
    Optional<Progress> restoreLatest(TransformerPolicy policy, RlTrainer trainer) throws IOException {
        CheckpointSeries.Search<Restored> search = checkpointSeries().newestReadable(owner,
                (file, checkpoint) -> restored(file, checkpoint, policy));
        if (search.newest().isEmpty()) {
            if (search.damaged().isEmpty()) {
                return Optional.empty();
            }
            throw new IOException("no checkpoint of " + root + " can be read:" + search.damagedList()
                    + "\nthe arm's logs go with its checkpoints, so it can neither go on nor start over on them: put"
                    + " back a good checkpoint, or delete " + root + " to run the arm again from its start");
        }
        CheckpointSeries.Found<Restored> newest = search.newest().get();
        checkpointSeries().setAside(search.damaged(), "the arm resumes from " + newest.file() + " instead");
        Restored restored = newest.value();
        policy.restore(restored.policy());
        trainer.restoreTeacher(restored.teacher(), restored.teacherMode());
        return Optional.of(restored.progress());
    }

    /**
     * @return what {@code checkpoint} restores
     * @throws IOException naming {@code file} when it is not an arm checkpoint of {@code policy}'s model (a
     *     pretraining checkpoint, such as a cached {@code base.ckpt}, holds no teacher and no progress)
     */
    private static Restored restored(Path file, Checkpoint checkpoint, TransformerPolicy policy) throws IOException {
        PolicyState state = checkpoint.policy();
        if (!state.model().equals(policy.model())) {
            throw new IOException(file + " holds a policy of model " + state.model() + "; this arm's is "
                    + policy.model());
        }
        if (state.parameters().dataType() != policy.parameters().dataType()) {
            throw new IOException(file + " holds " + state.parameters().dataType() + " parameters; this arm's are "
                    + policy.parameters().dataType());
        }
        Parameters teacher = checkpoint.groups().get(TEACHER);
        JsonNode progress = checkpoint.loop().get("progress");
        JsonNode teacherMode = checkpoint.loop().get("teacherMode");
        if (teacher == null || progress == null || teacherMode == null) {
            throw new IOException(file + " is not an arm checkpoint: it holds no " + (teacher == null
                    ? "teacher weights" : progress == null ? "progress" : "teacher mode")
                    + " (a pretraining checkpoint, such as a cached base.ckpt, cannot resume an arm)");
        }
        try {
            Progress read = JSON.treeToValue(progress, Progress.class);
            if (read.step() != checkpoint.step()) {
                throw new IOException(file + " is corrupt: its progress is at step " + read.step()
                        + ", its checkpoint at step " + checkpoint.step());
            }
            return new Restored(state, teacher, JSON.treeToValue(teacherMode, TeacherMode.class), read);
        } catch (JsonProcessingException e) {
            throw new IOException(file + " is corrupt: its progress or teacher mode does not read ("
                    + e.getOriginalMessage() + ")", e);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + " is corrupt: its progress or teacher mode does not read ("
                    + e.getMessage() + ")", e);
        }
    }

    /**
     * Drops every record the current attempt made after {@code progress} (and any partial last line), so the run can
     * go on from there; earlier attempts' records stay.
     */
    void rewindTo(Progress progress) throws IOException {
        metricsLog().keep(line -> keeps(progress, line, line.get("step").asLong() < progress.step()));
        // drift is measured at a stage's end, after its last step: its failures count by stage, as its records do
        eventsLog().keep(line -> keeps(progress, line, "drift".equals(line.path("kind").asText())
                ? line.get("stage").asInt() < progress.stage() : line.get("step").asLong() < progress.step()));
        driftLog().keep(line -> keeps(progress, line, line.get("stage").asInt() < progress.stage()));
        // an evaluation at the checkpoint's step was taken before the checkpoint was written
        evaluationsLog().keep(line -> keeps(progress, line, line.get("step").asLong() <= progress.step()));
        samplesLog().keep(line -> keeps(progress, line, line.get("step").asLong() < progress.step()));
    }

    private static boolean keeps(Progress progress, JsonNode line, boolean beforeTheCheckpoint) {
        int attempt = line.path("attempt").asInt(0);
        return attempt < progress.attempt() || attempt == progress.attempt() && beforeTheCheckpoint;
    }

    /**
     * Deletes the logs of an arm without a checkpoint (an earlier start killed before its first one, or checkpoints
     * deleted by hand), so that a fresh start neither adds to them nor mixes with them; says which it deleted.
     */
    void clearLogs() throws IOException {
        List<String> deleted = new ArrayList<>();
        for (Path file : List.of(metrics(), events(), drift(), accuracy(), measures(), evaluations(), samples())) {
            if (Files.deleteIfExists(file)) {
                deleted.add(file.getFileName().toString());
            }
        }
        if (!deleted.isEmpty()) {
            LOG.warn("{} has no checkpoint, so the arm starts afresh; deleted the logs an earlier start left: {}", root,
                    String.join(", ", deleted));
        }
    }

    /** @return the metrics of every step on the arm's lineage up to {@code progress}, in step order */
    List<StepMetrics> recordedMetrics(Progress progress) throws IOException {
        List<StepMetrics> metrics = new ArrayList<>();
        for (JsonNode line : metricsLog().lines()) {
            if (progress.inLineage(line.path("attempt").asInt(0), line.get("step").asLong())) {
                metrics.add(JSON.treeToValue(NonFiniteNumbers.restore(((ObjectNode) line).deepCopy()),
                        StepMetrics.class));
            }
        }
        return metrics;
    }

    /** @return the collapse events recorded so far, every attempt's, in order */
    List<CollapseEvent> recordedCollapse() throws IOException {
        List<CollapseEvent> events = new ArrayList<>();
        for (JsonNode line : recordedEvents("collapse")) {
            events.add(JSON.treeToValue(line, CollapseEvent.class));
        }
        return events;
    }

    /** @return the evaluations on the arm's lineage up to {@code progress}, in order */
    List<EvaluationPoint> recordedEvaluations(Progress progress) throws IOException {
        List<EvaluationPoint> points = new ArrayList<>();
        for (JsonNode line : evaluationsLog().lines()) {
            EvaluationPoint point = JSON.treeToValue(line, EvaluationPoint.class);
            if (progress.onLineage(point.attempt(), point.step())) {
                points.add(point);
            }
        }
        return points;
    }

    /** @return {@code kind/id} of every plugin recorded as failed and disabled for this arm */
    Set<String> recordedPluginFailures() throws IOException {
        Set<String> failed = new HashSet<>();
        for (PluginFailure failure : recordedFailures()) {
            if (!failure.fatal()) {
                failed.add(failure.kind() + "/" + failure.id());
            }
        }
        return failed;
    }

    /**
     * @return the plugin failures recorded, in order (a line of version 1 read as one the arm went on after, of a
     *     plugin and version unknown)
     */
    List<PluginFailure> recordedFailures() throws IOException {
        List<PluginFailure> failures = new ArrayList<>();
        for (JsonNode line : recordedEvents("plugin-failure")) {
            failures.add(new PluginFailure(line.path("plugin").asText("unknown"),
                    line.path("pluginVersion").asText("unknown"), line.path("kind").asText(), line.path("id").asText(),
                    line.path("arm").asText(root.getFileName().toString()), line.path("stage").asInt(), line.path("step").asLong(),
                    line.path("error").asText(), line.path("fatal").asBoolean(false)));
        }
        return failures;
    }

    private List<JsonNode> recordedEvents(String type) throws IOException {
        return eventsLog().lines().stream().filter(line -> type.equals(line.path("type").asText())).toList();
    }

    private CheckpointSeries checkpointSeries() {
        return new CheckpointSeries(checkpoints(), "step-", null);
    }
}
