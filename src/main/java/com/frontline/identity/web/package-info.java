@NullMarked
package com.frontline.identity.web;

import org.jspecify.annotations.NullMarked;
