package com.frontline.llm.internal;

import java.math.BigDecimal;

/** USD per million tokens; {@code custom}: the workspace set it, otherwise a built-in default. */
public record ModelPrice(String model, BigDecimal inputPerMtok, BigDecimal outputPerMtok, boolean custom) {

    /** One number to rank models by: a typical answer reads about four times as many tokens as it writes. */
    public BigDecimal blended() {
        return inputPerMtok.multiply(BigDecimal.valueOf(4)).add(outputPerMtok);
    }
}
