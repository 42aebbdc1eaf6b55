@NullMarked
package com.frontline.knowledge;

import org.jspecify.annotations.NullMarked;
