@NullMarked
package com.frontline.audit;

import org.jspecify.annotations.NullMarked;
