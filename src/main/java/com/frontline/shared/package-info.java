@NullMarked
package com.frontline.shared;

import org.jspecify.annotations.NullMarked;
