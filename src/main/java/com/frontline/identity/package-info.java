@NullMarked
package com.frontline.identity;

import org.jspecify.annotations.NullMarked;
