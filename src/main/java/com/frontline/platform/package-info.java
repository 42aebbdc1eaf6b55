@NullMarked
package com.frontline.platform;

import org.jspecify.annotations.NullMarked;
