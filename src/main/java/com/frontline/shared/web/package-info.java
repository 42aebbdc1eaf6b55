@NullMarked
package com.frontline.shared.web;

import org.jspecify.annotations.NullMarked;
