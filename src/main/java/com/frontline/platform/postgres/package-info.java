@NullMarked
package com.frontline.platform.postgres;

import org.jspecify.annotations.NullMarked;
