package com.frontline.corrections;

/** Cosine similarity of embeddings, as unit vectors compared by their dot product. */
final class Vectors {

    private Vectors() {
    }

    /** A copy scaled to length 1 (a zero vector stays zero). */
    static float[] unit(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        float[] out = new float[v.length];
        if (norm == 0) {
            return out;
        }
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] / norm);
        }
        return out;
    }

    static double cosine(float[] a, float[] b) {
        return dot(unit(a), 0, unit(b));
    }

    /** The dot product of {@code query} with the vector starting at {@code offset} in {@code flat}. */
    static double dot(float[] flat, int offset, float[] query) {
        float sum = 0;
        for (int i = 0; i < query.length; i++) {
            sum += flat[offset + i] * query[i];
        }
        return sum;
    }
}
