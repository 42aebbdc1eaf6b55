@NullMarked
package com.frontline.tenants;

import org.jspecify.annotations.NullMarked;
