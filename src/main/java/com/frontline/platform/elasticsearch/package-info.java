@NullMarked
package com.frontline.platform.elasticsearch;

import org.jspecify.annotations.NullMarked;
