@NullMarked
package com.frontline.audit.web;

import org.jspecify.annotations.NullMarked;
