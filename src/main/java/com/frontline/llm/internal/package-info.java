@NullMarked
package com.frontline.llm.internal;

import org.jspecify.annotations.NullMarked;
