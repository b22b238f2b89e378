package org.cpt4j.objective;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ops.impl.controlflow.compat.StopGradient;

/** {@link TensorMath} on a SameDiff graph of float type {@code type} and sequences of {@code length} positions. */
final class GraphMath implements TensorMath<SDVariable> {

    private final SameDiff sd;
    private final int length;
    private final DataType type;

    GraphMath(SameDiff sd, int length, DataType type) {
        this.sd = sd;
        this.length = length;
        this.type = type;
    }

    @Override
    public SDVariable constant(double value) {
        return sd.constant(value).castTo(type);
    }

    @Override
    public SDVariable add(SDVariable a, SDVariable b) {
        return a.add(b);
    }

    @Override
    public SDVariable add(SDVariable a, double b) {
        return a.add(b);
    }

    @Override
    public SDVariable sub(SDVariable a, SDVariable b) {
        return a.sub(b);
    }

    @Override
    public SDVariable mul(SDVariable a, SDVariable b) {
        return a.mul(b);
    }

    @Override
    public SDVariable mul(SDVariable a, double b) {
        return a.mul(b);
    }

    @Override
    public SDVariable div(SDVariable a, SDVariable b) {
        return a.div(b);
    }

    @Override
    public SDVariable neg(SDVariable a) {
        return a.neg();
    }

    @Override
    public SDVariable exp(SDVariable a) {
        return sd.math.exp(a);
    }

    @Override
    public SDVariable log(SDVariable a) {
        return sd.math.log(a);
    }

    @Override
    public SDVariable expm1(SDVariable a) {
        return sd.math.expm1(a);
    }

    @Override
    public SDVariable abs(SDVariable a) {
        return sd.math.abs(a);
    }

    @Override
    public SDVariable sign(SDVariable a) {
        return sd.math.sign(a);
    }

    @Override
    public SDVariable clamp(SDVariable a, double low, double high) {
        return sd.math.clipByValue(a, low, high);
    }

    @Override
    public SDVariable greater(SDVariable a, SDVariable b) {
        return sd.gt(a, b).castTo(type);
    }

    @Override
    public SDVariable less(SDVariable a, SDVariable b) {
        return sd.lt(a, b).castTo(type);
    }

    @Override
    public SDVariable stopGradient(SDVariable a) {
        return new StopGradient(sd, a).outputVariable();
    }

    @Override
    public SDVariable sum(SDVariable a) {
        return a.sum();
    }

    @Override
    public SDVariable count(SDVariable a) {
        return a.mul(0.0).add(1.0).sum();
    }

    /** With one position the values are their own sums: in 1.0.0-M2.1 a reduction along a dimension of size 1 fails. */
    @Override
    public SDVariable sumPositions(SDVariable perToken) {
        return length == 1 ? sd.reshape(perToken, -1, 1) : sd.sum(perToken, true, 1);
    }

    @Override
    public SDVariable sumVocabulary(SDVariable distribution) {
        return sd.sum(distribution, true, 1);
    }

    @Override
    public SDVariable maxVocabulary(SDVariable distribution) {
        return sd.max(distribution, true, 1);
    }

    @Override
    public SDVariable perToken(SDVariable perPosition) {
        return sd.reshape(perPosition, -1, length);
    }

    @Override
    public SDVariable perPosition(SDVariable perToken) {
        return sd.reshape(perToken, -1, 1);
    }
}
